// ICU's converters behind plain C types (see include/verso_icu_convert.h).
#include "verso_icu_convert.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

enum { PIVOT_SIZE = 1024 };

struct VersoConverter {
    UConverter *source;  // the charset -> UTF-16
    UConverter *utf8;    // UTF-16 -> UTF-8
    UChar pivot[PIVOT_SIZE];
    UChar *pivot_source;
    UChar *pivot_target;
};

VersoConverter *verso_converter_open(const char *name, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    VersoConverter *c = calloc(1, sizeof(VersoConverter));
    if (c == NULL) {
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    c->source = ucnv_open(name, &status);
    if (U_FAILURE(status)) goto failed;
    c->utf8 = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) goto failed;
    // Stop at the first malformed or unmappable sequence instead of substituting U+FFFD.
    ucnv_setToUCallBack(c->source, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) goto failed;
    ucnv_setFromUCallBack(c->utf8, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) goto failed;
    ucnv_setFallback(c->source, 0);
    c->pivot_source = c->pivot_target = c->pivot;
    *error = 0;
    return c;
failed:
    *error = status > 0 ? status : U_INTERNAL_PROGRAM_ERROR;
    verso_converter_close(c);
    return NULL;
}

void verso_converter_close(VersoConverter *c) {
    if (c == NULL) return;
    if (c->source != NULL) ucnv_close(c->source);
    if (c->utf8 != NULL) ucnv_close(c->utf8);
    free(c);
}

int32_t verso_converter_name(const VersoConverter *c, char *buf, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const char *name = ucnv_getName(c->source, &status);
    if (U_FAILURE(status) || name == NULL) name = "";
    if (cap > 0) {
        strncpy(buf, name, (size_t)cap);
        buf[cap - 1] = 0;
    }
    return (int32_t)strlen(name);
}

int32_t verso_converter_convert(VersoConverter *c, const uint8_t *src, int32_t length, int32_t flush,
                                uint8_t *dst, int32_t cap, int32_t *consumed, int32_t *produced,
                                int32_t *bad_offset, int32_t *bad_length, uint8_t *bad) {
    UErrorCode status = U_ZERO_ERROR;
    const char *source = (const char *)src;
    const char *source_limit = source + (length > 0 ? length : 0);
    char *target = (char *)dst;
    char *target_limit = target + (cap > 0 ? cap : 0);
    *bad_offset = 0;
    *bad_length = 0;
    ucnv_convertEx(c->utf8, c->source, &target, target_limit, &source, source_limit, c->pivot, &c->pivot_source,
                   &c->pivot_target, c->pivot + PIVOT_SIZE, 0, flush ? 1 : 0, &status);
    *consumed = (int32_t)(source - (const char *)src);
    *produced = (int32_t)(target - (char *)dst);
    if (status == U_BUFFER_OVERFLOW_ERROR) return VERSO_CONVERT_FULL;
    if (U_SUCCESS(status)) return VERSO_CONVERT_OK;
    if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND ||
        status == U_ILLEGAL_ESCAPE_SEQUENCE || status == U_UNSUPPORTED_ESCAPE_SEQUENCE) {
        // What decoded before the bad sequence is still in the pivot: write it out, so the
        // caller gets every character before the error.
        UErrorCode drained = U_ZERO_ERROR;
        const UChar *pending = c->pivot_source;
        ucnv_fromUnicode(c->utf8, &target, target_limit, &pending, c->pivot_target, NULL, 0, &drained);
        c->pivot_source = (UChar *)pending;
        *produced = (int32_t)(target - (char *)dst);
        char invalid[32];
        int8_t n = (int8_t)sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(c->source, invalid, &n, &ignored);
        if (U_FAILURE(ignored) || n < 0) n = 0;
        *bad_length = n;
        *bad_offset = *consumed - n;
        if (bad != NULL) memcpy(bad, invalid, (size_t)(n < 8 ? n : 8));
        return status == U_TRUNCATED_CHAR_FOUND ? VERSO_CONVERT_TRUNCATED : VERSO_CONVERT_INVALID;
    }
    return VERSO_CONVERT_ERROR;
}
