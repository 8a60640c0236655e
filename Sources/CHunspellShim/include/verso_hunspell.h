// The Hunspell layer of Verso. Like verso_icu.h, this header uses only plain C types; Hunspell's
// own header is included only by verso_hunspell.c.
#ifndef VERSO_HUNSPELL_H
#define VERSO_HUNSPELL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A Hunspell dictionary (an .aff and a .dic file). Not thread-safe: one caller at a time.
typedef struct VersoSpeller VersoSpeller;

/// Opens the dictionary; NULL when either file cannot be read or the dictionary's encoding is
/// not UTF-8 (every word passed in and out is UTF-8).
VersoSpeller *verso_speller_open(const char *aff_path, const char *dic_path);
void verso_speller_close(VersoSpeller *speller);

/// 1 when the UTF-8 word is correct for the dictionary, 0 when not.
int32_t verso_speller_spell(VersoSpeller *speller, const char *word);

/// Adds a word to the dictionary in memory (not to its files). With `example` (a word the
/// dictionary knows), the new word takes that word's inflections ("réindexer" like "indexer").
/// Returns 0 on success.
int32_t verso_speller_add(VersoSpeller *speller, const char *word, const char *example);

/// What the dictionary can say about a word, as a list of UTF-8 strings.
enum {
    /// Stems ("paquets" -> "paquet").
    VERSO_SPELLER_STEMS = 0,
    /// Morphological descriptions ("st:paquet po:nom is:mas is:pl").
    VERSO_SPELLER_ANALYSES = 1,
    /// Suggested corrections for a misspelled word (slow: tens of milliseconds).
    VERSO_SPELLER_SUGGESTIONS = 2,
};

/// Writes the list of `kind` for `word` into `buf` as strings each ended by a NUL byte and sets
/// *count to their number. Returns the bytes needed: when more than `cap`, nothing useful was
/// written and the caller retries with a bigger buffer. Returns -1 on a bad kind.
int32_t verso_speller_list(VersoSpeller *speller, int32_t kind, const char *word, char *buf, int32_t cap,
                           int32_t *count);

#ifdef __cplusplus
}
#endif

#endif
