// zlib's inflate behind plain C types, for reading gzip and dictzip (.dict.dz) files.
#ifndef VERSO_ZLIB_H
#define VERSO_ZLIB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Decompresses `length` bytes of gzip data (one or more concatenated members). On success
/// returns 0 and sets *output (allocated with malloc; free it with verso_gunzip_free) and
/// *outputLength. On failure returns zlib's error code (< 0) and sets *output to NULL.
int32_t verso_gunzip(const uint8_t *input, size_t length, uint8_t **output, size_t *outputLength);
void verso_gunzip_free(uint8_t *buffer);

/// Like verso_gunzip, but stops with VERSO_GUNZIP_TOO_LARGE (1) as soon as the output would
/// exceed `limit` bytes (a gzip bomb, or a file larger than the caller accepts).
int32_t verso_gunzip_bounded(const uint8_t *input, size_t length, size_t limit, uint8_t **output, size_t *outputLength);
#define VERSO_GUNZIP_TOO_LARGE 1

#ifdef __cplusplus
}
#endif

#endif
