// A streaming XML reader for documents Verso did not write (TMX, XLIFF, the XML inside DOCX/ODT),
// over libxml2's SAX2 push parser. Plain C types only; libxml2's headers stay in the .c file.
//
// The caller feeds UTF-8 (it decodes other encodings itself, strictly: libxml2 never converts an
// encoding here, and the document's encoding declaration is ignored) and drains the events that
// each feed produced. The reader enforces Verso's safety policy:
//   - a DOCTYPE with an internal subset ("[ ... ]") stops the parse before anything in the subset
//     is read (entity declarations, parameter entities, billion laughs, XXE);
//   - external DTDs and entities are never loaded; an entity reference other than XML's five
//     predefined ones and character references stops the parse (its text would vanish);
//   - elements nested deeper than the depth given at open stop the parse;
//   - any libxml2 error (not a warning) stops the parse.
#ifndef VERSO_XMLREADER_H
#define VERSO_XMLREADER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct VersoXMLReader VersoXMLReader;

/// Event kinds.
enum {
    VERSO_XML_START = 1,  ///< a start tag (an empty element gives START then END)
    VERSO_XML_END = 2,    ///< an end tag
    VERSO_XML_TEXT = 3,   ///< character data: text, CDATA and whitespace, adjacent pieces joined
};

/// Error codes of the reader's own refusals (libxml2's errors keep libxml2's positive codes).
enum {
    VERSO_XML_ERR_INTERNAL_SUBSET = -1,  ///< the DOCTYPE has an internal subset
    VERSO_XML_ERR_DEPTH = -2,            ///< elements nested deeper than the limit
    VERSO_XML_ERR_ENTITY = -3,           ///< a reference to an entity that is not predefined
    VERSO_XML_ERR_DECLARATION = -4,      ///< a declaration the reader refuses (entity, notation)
    VERSO_XML_ERR_MEMORY = -5,           ///< out of memory
};

/// Bytes of UTF-8, not NUL-terminated. Valid until the next feed or close.
typedef struct VersoXMLString {
    const uint8_t *bytes;
    int64_t length;
} VersoXMLString;

/// One event. Strings are empty (length 0) when absent.
typedef struct VersoXMLEvent {
    int32_t kind;
    /// 1-based line where libxml2 was when it reported the event (the end of a start tag).
    int32_t line;
    /// START/END: the element's local name, namespace prefix and namespace URI.
    VersoXMLString local;
    VersoXMLString prefix;
    VersoXMLString uri;
    /// TEXT: the characters.
    VersoXMLString text;
    /// START: the attributes are numbers first_attribute ..< first_attribute + attribute_count.
    int32_t first_attribute;
    int32_t attribute_count;
} VersoXMLEvent;

/// One attribute of a start tag (namespace declarations are not attributes).
typedef struct VersoXMLAttribute {
    VersoXMLString local;
    VersoXMLString prefix;
    VersoXMLString uri;
    VersoXMLString value;
} VersoXMLAttribute;

/// The error that stopped the parse.
typedef struct VersoXMLError {
    /// A libxml2 xmlParserErrors code (> 0), or a VERSO_XML_ERR_* code (< 0).
    int32_t code;
    /// 1-based line and column (0 when unknown).
    int32_t line;
    int32_t column;
    /// UTF-8 bytes of input consumed when the error was raised.
    int64_t byte_offset;
    /// libxml2's message (or the reader's), NUL-terminated, without a final newline.
    const char *message;
    /// The entity, element or DOCTYPE name concerned, NUL-terminated; empty when none.
    const char *detail;
} VersoXMLError;

/// A reader; `name` is used in libxml2's messages, `max_depth` bounds element nesting.
/// Returns NULL when out of memory.
VersoXMLReader *verso_xml_reader_open(const char *name, int32_t max_depth);
void verso_xml_reader_close(VersoXMLReader *reader);

/// Parses `length` more bytes of UTF-8 (`terminate` = 1 with the last, possibly empty, chunk).
/// The events of previous feeds are discarded first. Returns 0 while the parse may go on, 1 once
/// an error stopped it (see verso_xml_reader_error); the events before the error remain readable.
int32_t verso_xml_reader_feed(VersoXMLReader *reader, const uint8_t *bytes, int32_t length, int32_t terminate);

/// The number of events the last feed produced.
int32_t verso_xml_reader_event_count(const VersoXMLReader *reader);
/// Fills `event` with event `index` (0-based); returns 0, or -1 when out of range.
int32_t verso_xml_reader_event(const VersoXMLReader *reader, int32_t index, VersoXMLEvent *event);
/// Fills `attribute` with attribute `index`; returns 0, or -1 when out of range.
int32_t verso_xml_reader_attribute(const VersoXMLReader *reader, int32_t index, VersoXMLAttribute *attribute);

/// Returns 1 and fills `error` when an error stopped the parse, 0 otherwise.
int32_t verso_xml_reader_error(const VersoXMLReader *reader, VersoXMLError *error);

#ifdef __cplusplus
}
#endif

#endif
