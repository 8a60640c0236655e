// libxml2 behind plain C types (see include/verso_xml.h).
#include "verso_xml.h"

#include <stdio.h>
#include <libxml/xmlversion.h>

int32_t verso_xml_version(char *buf, int32_t cap) {
    int n = snprintf(buf, (size_t)cap, "%s", LIBXML_DOTTED_VERSION);
    return n < 0 ? 0 : (int32_t)n;
}
