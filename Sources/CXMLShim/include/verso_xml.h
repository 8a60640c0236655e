// The libxml2 layer of Verso. Like verso_icu.h, this header uses only plain C types; the libxml2
// headers are included only by the .c files of this target. Each reader of the target declares
// its functions in a header of its own beside this one (verso_xml_*.h), included below.
#ifndef VERSO_XML_H
#define VERSO_XML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes libxml2's version ("2.9.14") into buf; returns its length.
int32_t verso_xml_version(char *buf, int32_t cap);

#ifdef __cplusplus
}
#endif

#endif
