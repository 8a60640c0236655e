// ICU's charset converters behind plain C types: bytes in a named charset to UTF-8, strictly.
// (Kept apart from verso_icu.h so that the segmentation and conversion layers change apart.)
#ifndef VERSO_ICU_CONVERT_H
#define VERSO_ICU_CONVERT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A streaming converter from one charset to UTF-8. Any byte sequence that is malformed in the
/// charset, or has no Unicode mapping, stops the conversion: nothing is replaced or skipped.
typedef struct VersoConverter VersoConverter;

/// Results of verso_converter_convert.
enum {
    VERSO_CONVERT_OK = 0,        ///< all input consumed (and, with flush, all output written)
    VERSO_CONVERT_FULL = 1,      ///< the output buffer is full: call again with the rest
    VERSO_CONVERT_INVALID = 2,   ///< a malformed or unmappable sequence (see *bad_offset, *bad_length)
    VERSO_CONVERT_TRUNCATED = 3, ///< the input ends inside a character (only with flush)
    VERSO_CONVERT_ERROR = 4,     ///< another ICU error
};

/// Opens a converter for the charset `name` (any name or alias ICU knows: "Shift_JIS",
/// "ISO-2022-JP", "UTF-16LE", "IBM037", "windows-1252"). Returns NULL and sets *error to ICU's
/// error code (> 0) when the charset is unknown.
VersoConverter *verso_converter_open(const char *name, int32_t *error);
void verso_converter_close(VersoConverter *converter);

/// Writes ICU's canonical name of the converter's charset into buf; returns its length.
int32_t verso_converter_name(const VersoConverter *converter, char *buf, int32_t cap);

/// Converts `length` bytes at `src` into UTF-8 at `dst` (room for `cap` bytes); `flush` = 1
/// when `src` ends the input. *consumed gets the bytes of `src` used, *produced the bytes
/// written. On VERSO_CONVERT_INVALID, *bad_offset is the offset in `src` where the bad sequence
/// starts (negative when it started in an earlier call's input) and *bad_length its length, and
/// `bad` (room for 8 bytes, may be NULL) receives its bytes.
int32_t verso_converter_convert(VersoConverter *converter, const uint8_t *src, int32_t length, int32_t flush,
                                uint8_t *dst, int32_t cap, int32_t *consumed, int32_t *produced,
                                int32_t *bad_offset, int32_t *bad_length, uint8_t *bad);

#ifdef __cplusplus
}
#endif
#endif
