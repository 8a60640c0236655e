#include "verso_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/udat.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct VersoBreaker {
    UBreakIterator *iterator;
    UText *text;
    int started;
    int finished;
};

static int32_t copy_version(const UVersionInfo info, char *buf, int32_t cap) {
    char tmp[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, tmp);
    strncpy(buf, tmp, (size_t)cap);
    if (cap > 0) buf[cap - 1] = 0;
    return (int32_t)strlen(tmp);
}

int32_t verso_icu_version(char *buf, int32_t cap) {
    UVersionInfo info;
    u_getVersion(info);
    return copy_version(info, buf, cap);
}

int32_t verso_unicode_version(char *buf, int32_t cap) {
    UVersionInfo info;
    u_getUnicodeVersion(info);
    return copy_version(info, buf, cap);
}

VersoBreaker *verso_breaker_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == VERSO_BREAK_WORD        ? UBRK_WORD
                              : kind == VERSO_BREAK_CHARACTER ? UBRK_CHARACTER
                                                              : UBRK_SENTENCE;
    UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status) || it == NULL) {
        *error = (int32_t)status;
        return NULL;
    }
    VersoBreaker *b = calloc(1, sizeof(VersoBreaker));
    if (b == NULL) {
        ubrk_close(it);
        *error = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->iterator = it;
    *error = 0;
    return b;
}

void verso_breaker_close(VersoBreaker *b) {
    if (b == NULL) return;
    ubrk_close(b->iterator);
    if (b->text) utext_close(b->text);
    free(b);
}

int32_t verso_breaker_set_text(VersoBreaker *b, const uint8_t *utf8, int64_t len) {
    UErrorCode status = U_ZERO_ERROR;
    static const char empty[1] = {0};
    const char *bytes = len > 0 ? (const char *)utf8 : empty;
    b->text = utext_openUTF8(b->text, bytes, len, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_setUText(b->iterator, b->text, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    b->started = 0;
    b->finished = 0;
    return 0;
}

int32_t verso_breaker_next(VersoBreaker *b, int64_t *bounds, int32_t *statuses, int32_t cap) {
    int32_t n = 0;
    if (b->finished) return 0;
    if (!b->started) {
        b->started = 1;
        if (cap <= 0) return 0;
        bounds[n] = ubrk_first(b->iterator);
        if (statuses) statuses[n] = 0;
        n++;
    }
    while (n < cap) {
        int32_t pos = ubrk_next(b->iterator);
        if (pos == UBRK_DONE) {
            b->finished = 1;
            break;
        }
        bounds[n] = pos;
        if (statuses) statuses[n] = ubrk_getRuleStatus(b->iterator);
        n++;
    }
    return n;
}

static const UNormalizer2 *normalizer(int32_t form) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = NULL;
    switch (form) {
    case VERSO_NFC: n = unorm2_getNFCInstance(&status); break;
    case VERSO_NFD: n = unorm2_getNFDInstance(&status); break;
    case VERSO_NFKC: n = unorm2_getNFKCInstance(&status); break;
    case VERSO_NFKD: n = unorm2_getNFKDInstance(&status); break;
    default: n = unorm2_getNFKCCasefoldInstance(&status); break;
    }
    return U_FAILURE(status) ? NULL : n;
}

int32_t verso_is_normalized(int32_t form, const uint16_t *src, int32_t len) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form);
    if (n == NULL) return -1;
    UBool ok = unorm2_isNormalized(n, (const UChar *)src, len, &status);
    return U_FAILURE(status) ? -1 : (ok ? 1 : 0);
}

int32_t verso_normalize(int32_t form, const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form);
    if (n == NULL) return -1;
    int32_t needed = unorm2_normalize(n, (const UChar *)src, len, (UChar *)dst, cap, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return needed;
    return U_FAILURE(status) ? -1 : needed;
}

static UNumberFormat *open_number_format(const char *locale, int32_t style) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(style == VERSO_NUMBER_SPELLOUT ? UNUM_SPELLOUT : UNUM_DECIMAL,
                                 NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) {
        if (f) unum_close(f);
        return NULL;
    }
    return f;
}

int32_t verso_number_parse(const char *locale, int32_t style, const uint16_t *src, int32_t len,
                           double *value) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *f = open_number_format(locale, style);
    if (f == NULL) return -1;
    int32_t pos = 0;
    double v = unum_parseDouble(f, (const UChar *)src, len, &pos, &status);
    unum_close(f);
    if (U_FAILURE(status)) return 0;
    *value = v;
    return pos;
}

int32_t verso_number_format(const char *locale, int32_t style, double value, uint16_t *dst,
                            int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *f = open_number_format(locale, style);
    if (f == NULL) return -1;
    int32_t needed = unum_formatDouble(f, value, (UChar *)dst, cap, NULL, &status);
    unum_close(f);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING)
        return needed;
    return U_FAILURE(status) ? -1 : needed;
}

static UDateFormatSymbolType symbol_type(int32_t kind) {
    switch (kind) {
    case VERSO_MONTHS: return UDAT_MONTHS;
    case VERSO_SHORT_MONTHS: return UDAT_SHORT_MONTHS;
    case VERSO_WEEKDAYS: return UDAT_WEEKDAYS;
    default: return UDAT_SHORT_WEEKDAYS;
    }
}

static UDateFormat *open_date_format(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, locale, NULL, 0, NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (f) udat_close(f);
        return NULL;
    }
    return f;
}

int32_t verso_date_symbol_count(const char *locale, int32_t kind) {
    UDateFormat *f = open_date_format(locale);
    if (f == NULL) return -1;
    int32_t n = udat_countSymbols(f, symbol_type(kind));
    udat_close(f);
    return n;
}

int32_t verso_date_symbol(const char *locale, int32_t kind, int32_t index, uint16_t *dst,
                          int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UDateFormat *f = open_date_format(locale);
    if (f == NULL) return -1;
    int32_t needed = udat_getSymbols(f, symbol_type(kind), index, (UChar *)dst, cap, &status);
    udat_close(f);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING)
        return needed;
    return U_FAILURE(status) ? -1 : needed;
}
