// libxml2's SAX2 push parser behind plain C types (see include/verso_xmlreader.h).
#include "verso_xmlreader.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

typedef struct {
    int64_t offset;
    int64_t length;
} Span;

typedef struct {
    int32_t kind;
    int32_t line;
    Span local, prefix, uri, text;
    int32_t first_attribute;
    int32_t attribute_count;
} Event;

typedef struct {
    Span local, prefix, uri, value;
} Attr;

struct VersoXMLReader {
    xmlParserCtxtPtr ctxt;
    int32_t max_depth;
    int32_t depth;
    // Every string of the current feed's events, back to back; events hold offsets into it.
    uint8_t *arena;
    int64_t arena_length, arena_capacity;
    Event *events;
    int32_t event_count, event_capacity;
    Attr *attributes;
    int32_t attribute_count, attribute_capacity;
    // The first error.
    int failed;
    int32_t error_code, error_line, error_column;
    int64_t error_offset;
    char *error_message;
    char *error_detail;
};

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_library(void) { xmlInitParser(); }

static VersoXMLReader *reader_of(void *ctx) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    return ctxt == NULL ? NULL : (VersoXMLReader *)ctxt->_private;
}

static char *copy_string(const char *s) {
    if (s == NULL) s = "";
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    char *out = malloc(n + 1);
    if (out == NULL) return NULL;
    memcpy(out, s, n);
    out[n] = 0;
    return out;
}

/// Records the first error and stops the parser.
static void fail(VersoXMLReader *r, int32_t code, int32_t line, int32_t column, const char *message, const char *detail) {
    if (r->failed) return;
    r->failed = 1;
    r->error_code = code;
    r->error_line = line;
    r->error_column = column;
    r->error_offset = r->ctxt != NULL ? (int64_t)xmlByteConsumed(r->ctxt) : -1;
    r->error_message = copy_string(message);
    r->error_detail = copy_string(detail);
    if (r->ctxt != NULL) xmlStopParser(r->ctxt);
}

static int32_t current_line(VersoXMLReader *r) {
    return (r->ctxt != NULL && r->ctxt->input != NULL) ? (int32_t)r->ctxt->input->line : 0;
}

static int32_t current_column(VersoXMLReader *r) {
    return (r->ctxt != NULL && r->ctxt->input != NULL) ? (int32_t)r->ctxt->input->col : 0;
}

static void out_of_memory(VersoXMLReader *r) {
    fail(r, VERSO_XML_ERR_MEMORY, current_line(r), 0, "out of memory", "");
}

/// Grows `*buffer` (of `size`-byte items) to hold `needed` items; 0 when out of memory.
static int reserve(void **buffer, int64_t *capacity, int64_t needed, size_t size) {
    if (needed <= *capacity) return 1;
    int64_t next = *capacity < 64 ? 64 : *capacity;
    while (next < needed) {
        if (next > INT64_MAX / 2) return 0;
        next *= 2;
    }
    if ((uint64_t)next > SIZE_MAX / size) return 0;
    void *grown = realloc(*buffer, (size_t)next * size);
    if (grown == NULL) return 0;
    *buffer = grown;
    *capacity = next;
    return 1;
}

static int append_bytes(VersoXMLReader *r, const xmlChar *bytes, int64_t length) {
    if (length <= 0) return 1;
    if (!reserve((void **)&r->arena, &r->arena_capacity, r->arena_length + length, 1)) return 0;
    memcpy(r->arena + r->arena_length, bytes, (size_t)length);
    r->arena_length += length;
    return 1;
}

/// Copies a string into the arena; sets *ok to 0 when out of memory.
static Span span_of(VersoXMLReader *r, const xmlChar *bytes, int64_t length, int *ok) {
    Span span = {r->arena_length, 0};
    if (bytes == NULL || length <= 0) return span;
    if (!append_bytes(r, bytes, length)) {
        *ok = 0;
        return span;
    }
    span.length = length;
    return span;
}

static Span span_of_cstring(VersoXMLReader *r, const xmlChar *s, int *ok) {
    return span_of(r, s, s == NULL ? 0 : (int64_t)strlen((const char *)s), ok);
}

/// An attribute value as SAX2 gives it, with the "&#38;" libxml2 writes for each '&' (when it
/// does not substitute entities) turned back into '&'. A literal '&' cannot occur otherwise.
static Span value_span(VersoXMLReader *r, const xmlChar *start, const xmlChar *end, int *ok) {
    Span span = {r->arena_length, 0};
    const xmlChar *p = start;
    while (p < end) {
        const xmlChar *amp = memchr(p, '&', (size_t)(end - p));
        const xmlChar *stop = amp == NULL ? end : amp;
        if (!append_bytes(r, p, stop - p)) { *ok = 0; return span; }
        if (amp == NULL) break;
        if (!append_bytes(r, (const xmlChar *)"&", 1)) { *ok = 0; return span; }
        p = (end - amp >= 5 && memcmp(amp, "&#38;", 5) == 0) ? amp + 5 : amp + 1;
    }
    span.length = r->arena_length - span.offset;
    return span;
}

static Event *new_event(VersoXMLReader *r, int32_t kind) {
    int64_t capacity = r->event_capacity;
    if (!reserve((void **)&r->events, &capacity, (int64_t)r->event_count + 1, sizeof(Event)) || capacity > INT32_MAX) return NULL;
    r->event_capacity = (int32_t)capacity;
    Event *e = &r->events[r->event_count++];
    memset(e, 0, sizeof(Event));
    e->kind = kind;
    e->line = current_line(r);
    return e;
}

/// A START or END event with the element's names; NULL when out of memory.
static Event *element_event(VersoXMLReader *r, int32_t kind, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                            int *ok) {
    Event *e = new_event(r, kind);
    if (e == NULL) return NULL;
    e->local = span_of_cstring(r, localname, ok);
    e->prefix = span_of_cstring(r, prefix, ok);
    e->uri = span_of_cstring(r, URI, ok);
    return e;
}

// MARK: - SAX callbacks

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI, int nb_namespaces,
                     const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_defaulted;
    VersoXMLReader *r = reader_of(ctx);
    if (r == NULL || r->failed) return;
    r->depth++;
    if (r->depth > r->max_depth) {
        char message[160];
        snprintf(message, sizeof message, "elements are nested more than %d deep", (int)r->max_depth);
        fail(r, VERSO_XML_ERR_DEPTH, current_line(r), current_column(r), message, (const char *)localname);
        return;
    }
    int ok = 1;
    Event *e = element_event(r, VERSO_XML_START, localname, prefix, URI, &ok);
    if (e == NULL) return out_of_memory(r);
    e->first_attribute = r->attribute_count;
    int64_t capacity = r->attribute_capacity;
    if (nb_attributes < 0) nb_attributes = 0;
    if (!reserve((void **)&r->attributes, &capacity, (int64_t)r->attribute_count + nb_attributes, sizeof(Attr)) || capacity > INT32_MAX)
        return out_of_memory(r);
    r->attribute_capacity = (int32_t)capacity;
    for (int i = 0; i < nb_attributes; i++) {
        const xmlChar **a = attributes + 5 * i;
        Attr *attr = &r->attributes[r->attribute_count++];
        attr->local = span_of_cstring(r, a[0], &ok);
        attr->prefix = span_of_cstring(r, a[1], &ok);
        attr->uri = span_of_cstring(r, a[2], &ok);
        attr->value = value_span(r, a[3], a[4], &ok);
    }
    e->attribute_count = nb_attributes;
    if (!ok) out_of_memory(r);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
    VersoXMLReader *r = reader_of(ctx);
    if (r == NULL || r->failed) return;
    r->depth--;
    int ok = 1;
    if (element_event(r, VERSO_XML_END, localname, prefix, URI, &ok) == NULL || !ok) out_of_memory(r);
}

static void on_characters(void *ctx, const xmlChar *ch, int len) {
    VersoXMLReader *r = reader_of(ctx);
    if (r == NULL || r->failed || len <= 0) return;
    if (r->event_count > 0) {
        Event *last = &r->events[r->event_count - 1];
        if (last->kind == VERSO_XML_TEXT && last->text.offset + last->text.length == r->arena_length) {
            if (!append_bytes(r, ch, len)) return out_of_memory(r);
            last->text.length += len;
            return;
        }
    }
    int ok = 1;
    Event *e = new_event(r, VERSO_XML_TEXT);
    if (e == NULL) return out_of_memory(r);
    e->text = span_of(r, ch, len, &ok);
    if (!ok) out_of_memory(r);
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
    (void)external_id;
    (void)system_id;
    VersoXMLReader *r = reader_of(ctx);
    if (r == NULL || r->failed) return;
    // libxml2 calls this after the DOCTYPE's name and external ID and the blanks after them; an
    // internal subset starts right here with '[' (xmlParseDocTypeDecl parses it after we return).
    xmlParserInputPtr input = r->ctxt->input;
    if (input != NULL && input->cur != NULL && input->cur < input->end && *input->cur == '[') {
        fail(r, VERSO_XML_ERR_INTERNAL_SUBSET, current_line(r), current_column(r), "the DOCTYPE has an internal subset",
             (const char *)name);
    }
}

static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name) {
    (void)ctx;
    (void)name;
    return NULL;  // XML's five predefined entities are resolved by the parser before asking
}

static void on_reference(void *ctx, const xmlChar *name) {
    VersoXMLReader *r = reader_of(ctx);
    if (r == NULL || r->failed) return;
    fail(r, VERSO_XML_ERR_ENTITY, current_line(r), current_column(r), "reference to an undeclared entity", (const char *)name);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id, const xmlChar *system_id,
                           xmlChar *content) {
    (void)type;
    (void)public_id;
    (void)system_id;
    (void)content;
    VersoXMLReader *r = reader_of(ctx);
    if (r == NULL || r->failed) return;
    fail(r, VERSO_XML_ERR_DECLARATION, current_line(r), current_column(r), "entity declaration", (const char *)name);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *public_id, const xmlChar *system_id,
                                    const xmlChar *notation) {
    on_entity_decl(ctx, name, 0, public_id, system_id, (xmlChar *)notation);
}

static void on_error(void *ctx, xmlErrorPtr error) {
    VersoXMLReader *r = reader_of(ctx);
    if (r == NULL || r->failed || error == NULL) return;
    if (error->level == XML_ERR_WARNING || error->level == XML_ERR_NONE) return;
    // An undefined namespace prefix loses nothing: the element keeps its prefixed name.
    if (error->code == XML_NS_ERR_UNDEFINED_NAMESPACE) return;
    fail(r, error->code, error->line, error->int2, error->message, error->str1);
}

// MARK: - API

VersoXMLReader *verso_xml_reader_open(const char *name, int32_t max_depth) {
    pthread_once(&init_once, init_library);
    VersoXMLReader *r = calloc(1, sizeof(VersoXMLReader));
    if (r == NULL) return NULL;
    r->max_depth = max_depth > 0 ? max_depth : 1;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_characters;
    sax.ignorableWhitespace = on_characters;
    sax.cdataBlock = on_characters;
    sax.internalSubset = on_internal_subset;
    sax.getEntity = on_get_entity;
    sax.reference = on_reference;
    sax.entityDecl = on_entity_decl;
    sax.unparsedEntityDecl = on_unparsed_entity_decl;
    sax.serror = on_error;
    r->ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, name);
    if (r->ctxt == NULL) {
        free(r);
        return NULL;
    }
    r->ctxt->_private = r;
    // No network, no DTD loading, no entity substitution; the input is UTF-8 whatever the
    // document's declaration says (the caller decoded it).
    xmlCtxtUseOptions(r->ctxt, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(r->ctxt, XML_CHAR_ENCODING_UTF8);
    return r;
}

void verso_xml_reader_close(VersoXMLReader *r) {
    if (r == NULL) return;
    if (r->ctxt != NULL) xmlFreeParserCtxt(r->ctxt);
    free(r->arena);
    free(r->events);
    free(r->attributes);
    free(r->error_message);
    free(r->error_detail);
    free(r);
}

int32_t verso_xml_reader_feed(VersoXMLReader *r, const uint8_t *bytes, int32_t length, int32_t terminate) {
    if (r == NULL) return 1;
    r->arena_length = 0;
    r->event_count = 0;
    r->attribute_count = 0;
    if (r->failed) return 1;
    static const char empty[1] = {0};
    int result = xmlParseChunk(r->ctxt, length > 0 && bytes != NULL ? (const char *)bytes : empty, length > 0 ? length : 0,
                               terminate ? 1 : 0);
    if (result != 0 && !r->failed) {
        xmlErrorPtr last = xmlCtxtGetLastError(r->ctxt);
        if (last != NULL && last->code != XML_ERR_OK)
            fail(r, last->code, last->line, last->int2, last->message, last->str1);
        else
            fail(r, result, current_line(r), current_column(r), "the XML parser stopped", "");
    }
    return r->failed ? 1 : 0;
}

int32_t verso_xml_reader_event_count(const VersoXMLReader *r) { return r == NULL ? 0 : r->event_count; }

static VersoXMLString resolve(const VersoXMLReader *r, Span span) {
    VersoXMLString s;
    s.bytes = span.length > 0 ? r->arena + span.offset : (const uint8_t *)"";
    s.length = span.length;
    return s;
}

int32_t verso_xml_reader_event(const VersoXMLReader *r, int32_t index, VersoXMLEvent *out) {
    if (r == NULL || out == NULL || index < 0 || index >= r->event_count) return -1;
    const Event *e = &r->events[index];
    out->kind = e->kind;
    out->line = e->line;
    out->local = resolve(r, e->local);
    out->prefix = resolve(r, e->prefix);
    out->uri = resolve(r, e->uri);
    out->text = resolve(r, e->text);
    out->first_attribute = e->first_attribute;
    out->attribute_count = e->attribute_count;
    return 0;
}

int32_t verso_xml_reader_attribute(const VersoXMLReader *r, int32_t index, VersoXMLAttribute *out) {
    if (r == NULL || out == NULL || index < 0 || index >= r->attribute_count) return -1;
    const Attr *a = &r->attributes[index];
    out->local = resolve(r, a->local);
    out->prefix = resolve(r, a->prefix);
    out->uri = resolve(r, a->uri);
    out->value = resolve(r, a->value);
    return 0;
}

int32_t verso_xml_reader_error(const VersoXMLReader *r, VersoXMLError *out) {
    if (r == NULL || !r->failed || out == NULL) return 0;
    out->code = r->error_code;
    out->line = r->error_line;
    out->column = r->error_column;
    out->byte_offset = r->error_offset;
    out->message = r->error_message != NULL ? r->error_message : "out of memory";
    out->detail = r->error_detail != NULL ? r->error_detail : "";
    return 1;
}
