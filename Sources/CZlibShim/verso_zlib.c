#include "verso_zlib.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int32_t verso_gunzip(const uint8_t *input, size_t length, uint8_t **output, size_t *outputLength) {
    return verso_gunzip_bounded(input, length, SIZE_MAX, output, outputLength);
}

int32_t verso_gunzip_bounded(const uint8_t *input, size_t length, size_t limit, uint8_t **output, size_t *outputLength) {
    *output = NULL;
    *outputLength = 0;
    size_t capacity = length * 4 + 4096;
    if (capacity > limit && limit >= 4096) capacity = limit + 1;
    uint8_t *buffer = malloc(capacity);
    if (!buffer) return Z_MEM_ERROR;
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    // 16 + MAX_WBITS: expect a gzip header (dictzip is gzip with an extra field).
    int status = inflateInit2(&stream, 16 + MAX_WBITS);
    if (status != Z_OK) { free(buffer); return status; }
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)length;
    size_t used = 0;
    for (;;) {
        if (used == capacity) {
            if (used > limit) { inflateEnd(&stream); free(buffer); return VERSO_GUNZIP_TOO_LARGE; }
            capacity = (limit != SIZE_MAX && capacity > limit / 2) ? limit + 1 : capacity * 2;
            uint8_t *grown = realloc(buffer, capacity);
            if (!grown) { inflateEnd(&stream); free(buffer); return Z_MEM_ERROR; }
            buffer = grown;
        }
        stream.next_out = buffer + used;
        stream.avail_out = (uInt)(capacity - used);
        status = inflate(&stream, Z_NO_FLUSH);
        used = capacity - stream.avail_out;
        if (status == Z_STREAM_END) {
            // Concatenated members: start over on what is left.
            if (stream.avail_in == 0) break;
            if (inflateReset(&stream) != Z_OK) { status = Z_DATA_ERROR; break; }
            continue;
        }
        if (status != Z_OK) break;
        if (stream.avail_in == 0 && stream.avail_out != 0) { status = Z_BUF_ERROR; break; }
    }
    inflateEnd(&stream);
    if (used > limit) { free(buffer); return VERSO_GUNZIP_TOO_LARGE; }
    if (status != Z_STREAM_END) { free(buffer); return status < 0 ? status : Z_DATA_ERROR; }
    *output = buffer;
    *outputLength = used;
    return 0;
}

void verso_gunzip_free(uint8_t *buffer) { free(buffer); }
