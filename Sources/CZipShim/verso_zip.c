// The only place that includes libzip's header. libzip checks every read against the
// archive's bounds and the entry's CRC, so a damaged or cut container is an error, never a
// loop or a read past the end.
#include "verso_zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct verso_zip {
    zip_t *archive;
};

static void copy_message(char *message, size_t size, const char *text) {
    if (message == NULL || size == 0) return;
    snprintf(message, size, "%s", text ? text : "unknown error");
}

verso_zip *verso_zip_open(const uint8_t *bytes, size_t length, char *message, size_t message_size) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes, length, 0, &error);
    if (source == NULL) {
        copy_message(message, message_size, zip_error_strerror(&error));
        zip_error_fini(&error);
        return NULL;
    }
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == NULL) {
        copy_message(message, message_size, zip_error_strerror(&error));
        zip_source_free(source);
        zip_error_fini(&error);
        return NULL;
    }
    zip_error_fini(&error);
    verso_zip *result = malloc(sizeof *result);
    if (result == NULL) {
        zip_discard(archive);
        copy_message(message, message_size, "out of memory");
        return NULL;
    }
    result->archive = archive;
    return result;
}

void verso_zip_close(verso_zip *archive) {
    if (archive == NULL) return;
    zip_discard(archive->archive);
    free(archive);
}

int64_t verso_zip_count(verso_zip *archive) {
    return zip_get_num_entries(archive->archive, 0);
}

const char *verso_zip_name(verso_zip *archive, int64_t index) {
    if (index < 0) return NULL;
    return zip_get_name(archive->archive, (zip_uint64_t)index, 0);
}

int64_t verso_zip_find(verso_zip *archive, const char *name) {
    return zip_name_locate(archive->archive, name, 0);
}

int32_t verso_zip_sizes(verso_zip *archive, int64_t index, uint64_t *compressed, uint64_t *uncompressed) {
    if (index < 0) return -1;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive->archive, (zip_uint64_t)index, 0, &stat) != 0) return -1;
    if (!(stat.valid & ZIP_STAT_SIZE) || !(stat.valid & ZIP_STAT_COMP_SIZE)) return -1;
    *compressed = stat.comp_size;
    *uncompressed = stat.size;
    return 0;
}

int32_t verso_zip_read(verso_zip *archive, int64_t index,
                       int32_t (*consume)(void *context, const uint8_t *bytes, size_t length), void *context,
                       char *message, size_t message_size) {
    if (index < 0) { copy_message(message, message_size, "no such entry"); return -1; }
    zip_file_t *file = zip_fopen_index(archive->archive, (zip_uint64_t)index, 0);
    if (file == NULL) {
        copy_message(message, message_size, zip_strerror(archive->archive));
        return -1;
    }
    uint8_t buffer[65536];
    int32_t status = 0;
    for (;;) {
        zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
        if (n < 0) {
            copy_message(message, message_size, zip_file_strerror(file));
            status = -1;
            break;
        }
        if (n == 0) break;
        if (consume(context, buffer, (size_t)n) != 0) { status = 1; break; }
    }
    zip_fclose(file);
    return status;
}
