// Markup documents (HTML, XHTML, and the XML bodies of DOCX, ODT and EPUB) read by libxml2's
// HTML and XML parsers, handed to Swift as a flat list of events. Plain C types only, like
// verso_xml.h; libxml2 is included by verso_html.c alone.
#ifndef VERSO_HTML_H
#define VERSO_HTML_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which parser reads the document.
enum {
    /// libxml2's HTML parser: tag soup recovered, entities decoded, errors counted, never fatal.
    VERSO_MARKUP_HTML = 0,
    /// libxml2's XML parser without network access or external entities: a well-formedness
    /// error stops it (reported in the result).
    VERSO_MARKUP_XML = 1,
};

/// What an event is.
enum {
    VERSO_EVENT_START = 1,   ///< an element opens: name, attributes, begin..end is its start tag
    VERSO_EVENT_END = 2,     ///< an element closes (also when the parser closes it implicitly)
    VERSO_EVENT_TEXT = 3,    ///< text (entities decoded, CDATA included); consecutive text is one event
};

/// One event. Strings are offsets into the result's pool, each NUL-terminated.
typedef struct {
    int32_t type;
    /// 1-based line of the input where the parser was.
    int32_t line;
    /// Byte range in the input (best effort: a start tag from its `<` to its `>`; text from
    /// the end of the event before to where the parser stood after it).
    int64_t begin;
    int64_t end;
    /// Element name (lower case for HTML; qualified, as `w:p`, for XML), or -1.
    int64_t name;
    /// Text (UTF-8), or -1.
    int64_t text;
    int64_t text_length;
    /// Attributes: `attribute_count` pairs of NUL-terminated name and value from this offset.
    int64_t attributes;
    int32_t attribute_count;
} verso_markup_event;

typedef struct {
    verso_markup_event *events;
    int64_t count;
    char *pool;
    int64_t pool_length;
    /// Errors the parser reported (HTML: recovered; XML: the first one is fatal).
    int32_t error_count;
    /// 1 when the XML parser stopped at a well-formedness error.
    int32_t fatal;
    /// Line and message of the first error.
    int32_t error_line;
    char message[256];
    /// 1 when `max_events` was reached (the rest of the document was not read).
    int32_t truncated;
    /// 1 when memory ran out.
    int32_t out_of_memory;
} verso_markup_result;

/// Parses `length` bytes. `encoding` names the input's encoding ("UTF-8") or is NULL to let
/// libxml2 decide from the document (BOM, XML declaration, `<meta charset>`). Returns NULL only
/// when no memory is left; free the result with verso_markup_free.
verso_markup_result *verso_markup_parse(const uint8_t *data, size_t length, int32_t mode,
                                        const char *encoding, int64_t max_events);
void verso_markup_free(verso_markup_result *result);

#ifdef __cplusplus
}
#endif

#endif
