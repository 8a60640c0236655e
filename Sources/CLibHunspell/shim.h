// Hunspell's C API, found through pkg-config (`hunspell.pc`: -I/usr/include/hunspell). Only
// CHunspellShim's .c file includes it.
#include <hunspell.h>
