// libzip behind plain C types, for reading the zip containers of DOCX, ODT and EPUB documents.
#ifndef VERSO_ZIP_H
#define VERSO_ZIP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open archive (opaque).
typedef struct verso_zip verso_zip;

/// Opens `length` bytes as a zip archive, read-only. The bytes must stay alive until
/// verso_zip_close. Returns NULL when they are not a readable archive; then `message` (if not
/// NULL) receives libzip's description of why, NUL-terminated, cut to `message_size`.
verso_zip *verso_zip_open(const uint8_t *bytes, size_t length, char *message, size_t message_size);
void verso_zip_close(verso_zip *archive);

/// How many entries the archive lists.
int64_t verso_zip_count(verso_zip *archive);
/// The name of entry `index` as stored (UTF-8 or CP437 guessed by libzip), or NULL.
const char *verso_zip_name(verso_zip *archive, int64_t index);
/// The index of the entry called `name`, or -1.
int64_t verso_zip_find(verso_zip *archive, const char *name);
/// The sizes the archive declares for entry `index`; returns 0, or -1 when they are unknown.
int32_t verso_zip_sizes(verso_zip *archive, int64_t index, uint64_t *compressed, uint64_t *uncompressed);

/// Reads entry `index`, handing each decompressed chunk to `consume` (which returns 0 to go on,
/// anything else to stop). Returns 0 when the whole entry was read and its checksum matched,
/// 1 when `consume` stopped the read, -1 on a damaged entry (message as for verso_zip_open).
int32_t verso_zip_read(verso_zip *archive, int64_t index,
                       int32_t (*consume)(void *context, const uint8_t *bytes, size_t length), void *context,
                       char *message, size_t message_size);

#ifdef __cplusplus
}
#endif

#endif
