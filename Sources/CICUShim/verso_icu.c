#include "verso_icu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/udat.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

/// The longest locale id or tag accepted (ICU's ULOC_FULLNAME_CAPACITY is 157).
enum { LOCALE_LIMIT = 100 };

/// 1 for a code of ICU's ISO 639 list other than `und` (undetermined), which names no language.
static int is_iso_language(const char *language) {
    if (language[0] == 0 || strcmp(language, "und") == 0) return 0;
    for (const char *const *code = uloc_getISOLanguages(); *code; code++) {
        if (strcmp(*code, language) == 0) return 1;
    }
    return 0;
}

/// 1 when every byte of `text` (of length `len`) is an ASCII letter, digit or one of `extra`.
static int only_locale_chars(const char *text, size_t len, const char *extra) {
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr(extra, c) != NULL;
        if (!ok || c == 0) return 0;
    }
    return 1;
}

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/// Rebuilds `locale` into `out` (at least 32 bytes) from parts checked here, never by ICU:
/// `language[_Script][_REGION][@ss=standard|none]` with a language of ICU's ISO 639 list, a
/// script of 4 letters, a region of 2 letters or 3 digits (`-` or `_` between them), and the
/// sentence-break `ss` keyword only when `keywords`. Returns 1, or 0 for anything else: ICU
/// crashes on some malformed locales (a 12-letter language, `de@nss=`) instead of failing.
static int safe_locale(const char *locale, int keywords, char *out) {
    if (locale == NULL) return 0;
    size_t len = strlen(locale);
    if (len == 0 || len > LOCALE_LIMIT) return 0;
    const char *at = strchr(locale, '@');
    size_t base = at ? (size_t)(at - locale) : len;
    char parts[3][8] = {{0}};
    size_t part = 0, k = 0;
    for (size_t i = 0; i <= base; i++) {
        char c = i < base ? locale[i] : 0;
        if (c == 0 || c == '-' || c == '_') {
            if (k == 0 || part >= 3) return 0;
            part++;
            k = 0;
            continue;
        }
        if (!(is_alpha(c) || is_digit(c)) || k >= 7) return 0;
        parts[part][k++] = c;
    }
    // parts[0] the language; then an optional script, then an optional region.
    char language[8] = {0}, script[8] = {0}, region[8] = {0};
    size_t n = strlen(parts[0]);
    if (n < 2 || n > 3) return 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_alpha(parts[0][i])) return 0;
        language[i] = (char)(parts[0][i] | 0x20);
    }
    if (!is_iso_language(language)) return 0;
    for (size_t p = 1; p < part; p++) {
        const char *t = parts[p];
        size_t m = strlen(t);
        int letters = 1, digits = 1;
        for (size_t i = 0; i < m; i++) { letters &= is_alpha(t[i]); digits &= is_digit(t[i]); }
        if (m == 4 && letters && p == 1 && script[0] == 0) {
            script[0] = (char)(t[0] & ~0x20);
            for (size_t i = 1; i < 4; i++) script[i] = (char)(t[i] | 0x20);
        } else if (((m == 2 && letters) || (m == 3 && digits)) && region[0] == 0) {
            for (size_t i = 0; i < m; i++) region[i] = (char)(letters ? t[i] & ~0x20 : t[i]);
        } else {
            return 0;
        }
    }
    const char *keyword = "";
    if (at) {
        if (strcmp(at, "@ss=standard") == 0) keyword = "@ss=standard";
        else if (strcmp(at, "@ss=none") == 0) keyword = "@ss=none";
        else return 0;
        if (!keywords) keyword = "";
    }
    snprintf(out, 32, "%s%s%s%s%s%s", language, script[0] ? "_" : "", script, region[0] ? "_" : "", region, keyword);
    return 1;
}

int32_t verso_locale_is_known(const char *locale) {
    char safe[32];
    return safe_locale(locale, 1, safe);
}

int32_t verso_language_tag(const char *input, char *out, int32_t cap) {
    if (input == NULL || cap <= 0) return VERSO_TAG_MALFORMED;
    size_t len = strlen(input);
    if (len == 0 || len > LOCALE_LIMIT || !only_locale_chars(input, len, "-_")) return VERSO_TAG_MALFORMED;
    char tag[LOCALE_LIMIT + 1];
    for (size_t i = 0; i <= len; i++) tag[i] = input[i] == '_' ? '-' : input[i];
    char id[ULOC_FULLNAME_CAPACITY], canonical[ULOC_FULLNAME_CAPACITY], language[ULOC_LANG_CAPACITY + 1];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(tag, id, (int32_t)sizeof id, &parsed, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || parsed != (int32_t)len) return VERSO_TAG_MALFORMED;
    uloc_canonicalize(id, canonical, (int32_t)sizeof canonical, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return VERSO_TAG_MALFORMED;
    // The tag ICU writes back has the modern subtags (iw -> he); its language is what is checked.
    int32_t written = uloc_toLanguageTag(canonical, out, cap, 1, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || written <= 0 || written >= cap) return VERSO_TAG_MALFORMED;
    size_t n = strcspn(out, "-");
    if (n == 0 || n >= sizeof language) return VERSO_TAG_MALFORMED;
    memcpy(language, out, n);
    language[n] = 0;
    if (!is_iso_language(language)) {
        strncpy(out, language, (size_t)cap);
        out[cap - 1] = 0;
        return VERSO_TAG_UNKNOWN_LANGUAGE;
    }
    return VERSO_TAG_KNOWN;
}

const char *verso_iso_language(int32_t index) {
    const char *const *codes = uloc_getISOLanguages();
    for (int32_t i = 0; codes[i]; i++) {
        if (i == index) return codes[i];
    }
    return NULL;
}

int32_t verso_language_name(const char *code, const char *display, uint16_t *dst, int32_t cap) {
    char safe_code[32], safe_display[32];
    if (!safe_locale(code, 0, safe_code) || !safe_locale(display, 0, safe_display)) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = uloc_getDisplayLanguage(safe_code, safe_display, (UChar *)dst, cap, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    return U_FAILURE(status) ? -1 : needed;
}

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
    char safe[32];
    if (!safe_locale(locale, 1, safe)) {
        *error = (int32_t)U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == VERSO_BREAK_WORD        ? UBRK_WORD
                              : kind == VERSO_BREAK_CHARACTER ? UBRK_CHARACTER
                                                              : UBRK_SENTENCE;
    UBreakIterator *it = ubrk_open(type, safe, NULL, 0, &status);
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
    char safe[32];
    if (!safe_locale(locale, 0, safe)) return NULL;
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(style == VERSO_NUMBER_SPELLOUT ? UNUM_SPELLOUT : UNUM_DECIMAL,
                                 NULL, 0, safe, NULL, &status);
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
    char safe[32];
    if (!safe_locale(locale, 0, safe)) return NULL;
    UErrorCode status = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, safe, NULL, 0, NULL, 0, &status);
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
