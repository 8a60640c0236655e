// The ICU layer of Verso. This header uses only plain C types so that Swift modules which
// also import Foundation (which carries its own ICU on Linux) can include it; the ICU headers
// themselves are included only by verso_icu.c.
#ifndef VERSO_ICU_H
#define VERSO_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes ICU's version ("72.1") into buf; returns its length.
int32_t verso_icu_version(char *buf, int32_t cap);
/// Writes the Unicode version of ICU's data ("15.0") into buf; returns its length.
int32_t verso_unicode_version(char *buf, int32_t cap);

/// An ICU break iterator over UTF-8 text (through UText, so offsets are byte offsets).
typedef struct VersoBreaker VersoBreaker;

enum { VERSO_BREAK_SENTENCE = 0, VERSO_BREAK_WORD = 1, VERSO_BREAK_CHARACTER = 2 };

/// Opens a break iterator of `kind` for `locale` ("en@ss=standard"). Returns NULL and sets
/// *error to ICU's error code (> 0) on failure. Warnings (< 0) are not failures.
VersoBreaker *verso_breaker_open(int32_t kind, const char *locale, int32_t *error);
void verso_breaker_close(VersoBreaker *breaker);
/// Points the iterator at `len` bytes of UTF-8. The bytes must stay alive while iterating.
int32_t verso_breaker_set_text(VersoBreaker *breaker, const uint8_t *utf8, int64_t len);
/// Writes up to `cap` next boundaries (byte offsets, the first call includes 0) and, when
/// `statuses` is not NULL, the rule status of the segment ending at each boundary. Returns the
/// number written; 0 once the end has been passed.
int32_t verso_breaker_next(VersoBreaker *breaker, int64_t *bounds, int32_t *statuses, int32_t cap);

/// Normalization forms.
enum { VERSO_NFC = 0, VERSO_NFD = 1, VERSO_NFKC = 2, VERSO_NFKD = 3, VERSO_NFKC_CASEFOLD = 4 };

/// Returns 1 when the UTF-16 text is already in `form`, 0 when not, -1 on error.
int32_t verso_is_normalized(int32_t form, const uint16_t *src, int32_t len);
/// Normalizes UTF-16 `src` into `dst`. Returns the length needed; when it is more than `cap`
/// nothing useful was written and the caller retries with a bigger buffer. Returns -1 on error.
int32_t verso_normalize(int32_t form, const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap);

/// Number styles for parsing and formatting.
enum { VERSO_NUMBER_DECIMAL = 0, VERSO_NUMBER_SPELLOUT = 1 };

/// Parses a number from UTF-16 text with the locale's conventions. Returns the number of UTF-16
/// units consumed (0 when nothing parsed; callers must check it reached the end), or -1 on error.
int32_t verso_number_parse(const char *locale, int32_t style, const uint16_t *src, int32_t len,
                           double *value);
/// Formats `value` in the locale's style into UTF-16 `dst`; returns the length needed or -1.
int32_t verso_number_format(const char *locale, int32_t style, double value, uint16_t *dst,
                            int32_t cap);

/// Date symbol kinds.
enum {
    VERSO_MONTHS = 0, VERSO_SHORT_MONTHS = 1, VERSO_WEEKDAYS = 2, VERSO_SHORT_WEEKDAYS = 3
};
/// Number of symbols of `kind` for the locale (weekdays count from index 1 = Sunday, as ICU does).
int32_t verso_date_symbol_count(const char *locale, int32_t kind);
/// Writes symbol `index` of `kind` into `dst`; returns the length needed, or -1.
int32_t verso_date_symbol(const char *locale, int32_t kind, int32_t index, uint16_t *dst,
                          int32_t cap);

/// Language codes. Every function of this header that takes a locale first checks it as
/// verso_locale_is_known does and fails (NULL, -1, or an error code) when it is not, then hands
/// ICU a locale id rebuilt from the checked parts: ICU 72's date formatter crashes on a language
/// subtag of 12 or more letters and on a malformed keyword (`de@nss=`, found by fuzzing).
enum { VERSO_TAG_KNOWN = 0, VERSO_TAG_UNKNOWN_LANGUAGE = 1, VERSO_TAG_MALFORMED = -1 };

/// Canonicalises a language code given as a BCP 47 tag or an ICU-style id (`FR`, `fr_CA`,
/// `fra`, `en-US`) into a BCP 47 tag (`fr`, `fr-CA`, `fr`, `en-US`) in `out`. Returns
/// VERSO_TAG_KNOWN, VERSO_TAG_UNKNOWN_LANGUAGE (well formed, but the language subtag is not
/// one of ICU's ISO 639 codes; `out` holds that subtag), or VERSO_TAG_MALFORMED.
int32_t verso_language_tag(const char *input, char *out, int32_t cap);
/// 1 when `locale` is `language[_Script][_REGION][@ss=standard|none]` (`-` or `_` between the
/// parts) with a language of ICU's ISO 639 list; 0 otherwise (other keywords and variants too).
int32_t verso_locale_is_known(const char *locale);
/// The ISO 639 code number `index` of ICU's list, or NULL past its end.
const char *verso_iso_language(int32_t index);
/// The name of language `code` in the language `display` (UTF-16, into dst); returns the
/// length needed, or -1.
int32_t verso_language_name(const char *code, const char *display, uint16_t *dst, int32_t cap);

#ifdef __cplusplus
}
#endif
#endif
