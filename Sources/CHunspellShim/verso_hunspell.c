#include "verso_hunspell.h"

#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct VersoSpeller {
    Hunhandle *handle;
};

static int readable(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fclose(f);
    return 1;
}

VersoSpeller *verso_speller_open(const char *aff_path, const char *dic_path) {
    // Hunspell_create does not report a missing file: it returns a handle that knows no word.
    if (!aff_path || !dic_path || !readable(aff_path) || !readable(dic_path)) return NULL;
    Hunhandle *handle = Hunspell_create(aff_path, dic_path);
    if (!handle) return NULL;
    const char *encoding = Hunspell_get_dic_encoding(handle);
    if (!encoding || strcmp(encoding, "UTF-8") != 0) {
        Hunspell_destroy(handle);
        return NULL;
    }
    VersoSpeller *speller = (VersoSpeller *)malloc(sizeof(VersoSpeller));
    if (!speller) {
        Hunspell_destroy(handle);
        return NULL;
    }
    speller->handle = handle;
    return speller;
}

void verso_speller_close(VersoSpeller *speller) {
    if (!speller) return;
    Hunspell_destroy(speller->handle);
    free(speller);
}

int32_t verso_speller_spell(VersoSpeller *speller, const char *word) {
    return Hunspell_spell(speller->handle, word) ? 1 : 0;
}

int32_t verso_speller_add(VersoSpeller *speller, const char *word, const char *example) {
    if (example && example[0]) return Hunspell_add_with_affix(speller->handle, word, example) == 0 ? 0 : 1;
    return Hunspell_add(speller->handle, word) == 0 ? 0 : 1;
}

int32_t verso_speller_list(VersoSpeller *speller, int32_t kind, const char *word, char *buf, int32_t cap,
                           int32_t *count) {
    char **list = NULL;
    int n;
    switch (kind) {
    case VERSO_SPELLER_STEMS: n = Hunspell_stem(speller->handle, &list, word); break;
    case VERSO_SPELLER_ANALYSES: n = Hunspell_analyze(speller->handle, &list, word); break;
    case VERSO_SPELLER_SUGGESTIONS: n = Hunspell_suggest(speller->handle, &list, word); break;
    default: return -1;
    }
    int32_t needed = 0;
    for (int i = 0; i < n; i++) needed += (int32_t)strlen(list[i]) + 1;
    if (needed <= cap) {
        int32_t at = 0;
        for (int i = 0; i < n; i++) {
            size_t len = strlen(list[i]);
            memcpy(buf + at, list[i], len + 1);
            at += (int32_t)len + 1;
        }
    }
    *count = n > 0 ? n : 0;
    if (list) Hunspell_free_list(speller->handle, &list, n);
    return needed;
}
