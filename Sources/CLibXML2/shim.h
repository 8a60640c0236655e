// libxml2's headers, for the C target CXMLShim only (Swift code imports CXMLShim instead).
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
