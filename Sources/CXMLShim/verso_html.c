// libxml2's HTML and XML parsers as a flat event list (see include/verso_html.h).
#include "verso_html.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

typedef struct {
    verso_markup_result *result;
    xmlParserCtxtPtr ctxt;
    const uint8_t *data;
    int64_t length;
    int64_t capacity;
    int64_t pool_capacity;
    int64_t last_end;
    int64_t max_events;
    /// The input is UTF-8 read without conversion: parser positions are input offsets.
    int raw_positions;
    /// The last event is text whose pool string ends the pool (so more text can extend it).
    int text_open;
} state_t;

static int64_t position(state_t *s) {
    xmlParserInputPtr in = s->ctxt ? s->ctxt->input : NULL;
    if (in == NULL || in->base == NULL || in->cur == NULL) return s->last_end;
    int64_t p = (int64_t)in->consumed + (int64_t)(in->cur - in->base);
    if (p < 0) p = 0;
    if (p > s->length) p = s->length;
    return p;
}

static int32_t current_line(state_t *s) {
    xmlParserInputPtr in = s->ctxt ? s->ctxt->input : NULL;
    return in ? (int32_t)in->line : 0;
}

static void stop(state_t *s) {
    if (s->ctxt) xmlStopParser(s->ctxt);
}

/// Appends n bytes and a NUL to the pool; returns their offset or -1 when memory ran out.
static int64_t pool_add(state_t *s, const char *bytes, size_t n) {
    verso_markup_result *r = s->result;
    if (r->pool_length + (int64_t)n + 1 > s->pool_capacity) {
        int64_t capacity = s->pool_capacity ? s->pool_capacity : 65536;
        while (r->pool_length + (int64_t)n + 1 > capacity) capacity *= 2;
        char *grown = realloc(r->pool, (size_t)capacity);
        if (grown == NULL) { r->out_of_memory = 1; stop(s); return -1; }
        r->pool = grown;
        s->pool_capacity = capacity;
    }
    int64_t offset = r->pool_length;
    if (n) memcpy(r->pool + offset, bytes, n);
    r->pool[offset + (int64_t)n] = 0;
    r->pool_length += (int64_t)n + 1;
    return offset;
}

static verso_markup_event *push(state_t *s, int32_t type) {
    verso_markup_result *r = s->result;
    if (r->truncated || r->out_of_memory) return NULL;
    if (r->count >= s->max_events) { r->truncated = 1; stop(s); return NULL; }
    if (r->count == s->capacity) {
        int64_t capacity = s->capacity ? s->capacity * 2 : 4096;
        verso_markup_event *grown = realloc(r->events, (size_t)capacity * sizeof *grown);
        if (grown == NULL) { r->out_of_memory = 1; stop(s); return NULL; }
        r->events = grown;
        s->capacity = capacity;
    }
    verso_markup_event *e = &r->events[r->count++];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->line = current_line(s);
    e->name = -1;
    e->text = -1;
    e->attributes = -1;
    s->text_open = 0;
    return e;
}

/// Whether the input at i holds `<` (or `</` when closing) followed by the name and a delimiter.
static int tag_at(state_t *s, int64_t i, const char *name, int closing) {
    size_t n = strlen(name);
    int64_t k = i + 1 + (closing ? 1 : 0);
    if (s->data[i] != '<' || (closing && (i + 1 >= s->length || s->data[i + 1] != '/'))) return 0;
    if (k + (int64_t)n > s->length || strncasecmp((const char *)s->data + k, name, n) != 0) return 0;
    if (k + (int64_t)n == s->length) return 1;
    uint8_t c = s->data[k + (int64_t)n];
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The start tag (or end tag) the parser just read: from its `<` to after its `>`, found
/// between the end of the previous event and the parser's position. Zero width at the position
/// when the element was implied by the parser or the input was converted.
static void tag_range(state_t *s, const char *name, int closing, int64_t *begin, int64_t *end) {
    int64_t p = position(s);
    *begin = p; *end = p;
    if (!s->raw_positions || s->length == 0) return;
    int64_t from = p < s->length ? p : s->length - 1;
    int64_t floor = s->last_end;
    if (from - floor > 65536) floor = from - 65536;
    for (int64_t i = from; i >= floor && i >= 0; i--) {
        if (s->data[i] == '<' && tag_at(s, i, name, closing)) {
            // An end tag was read to its `>` already: search from its `<`; a start tag from
            // where the parser stands (its `>`, past any `>` inside attribute values).
            int64_t j = closing ? i : p;
            int64_t limit = j + 4096 < s->length ? j + 4096 : s->length;
            while (j < limit && s->data[j] != '>') j++;
            *begin = i;
            *end = (j < s->length && s->data[j] == '>') ? j + 1 : p;
            if (*end < *begin) *end = *begin;
            return;
        }
    }
}

static void start_element(state_t *s, const char *name, const xmlChar **attributes, int pairs_are_ns, int nb_attributes) {
    int64_t begin, end;
    tag_range(s, name, 0, &begin, &end);
    verso_markup_event *e = push(s, VERSO_EVENT_START);
    if (e == NULL) return;
    e->begin = begin;
    e->end = end;
    e->name = pool_add(s, name, strlen(name));
    int32_t count = 0;
    int64_t first = -1;
    if (!pairs_are_ns && attributes != NULL) {
        for (int i = 0; attributes[i] != NULL; i += 2) {
            const char *key = (const char *)attributes[i];
            const char *value = attributes[i + 1] ? (const char *)attributes[i + 1] : "";
            int64_t o = pool_add(s, key, strlen(key));
            pool_add(s, value, strlen(value));
            if (first < 0) first = o;
            count++;
        }
    } else if (pairs_are_ns && attributes != NULL) {
        // SAX2: localname, prefix, URI, value, end for each attribute.
        for (int i = 0; i < nb_attributes; i++) {
            const xmlChar **a = attributes + i * 5;
            char key[512];
            if (a[1] != NULL) snprintf(key, sizeof key, "%s:%s", (const char *)a[1], (const char *)a[0]);
            else snprintf(key, sizeof key, "%s", (const char *)a[0]);
            int64_t o = pool_add(s, key, strlen(key));
            size_t n = a[4] >= a[3] ? (size_t)(a[4] - a[3]) : 0;
            pool_add(s, (const char *)a[3], n);
            if (first < 0) first = o;
            count++;
        }
    }
    // The pool may have moved: events hold offsets, so only `e` needs re-reading.
    e = &s->result->events[s->result->count - 1];
    e->attributes = first;
    e->attribute_count = count;
    if (end > s->last_end) s->last_end = end;
}

static void end_element(state_t *s, const char *name) {
    int64_t begin, end;
    tag_range(s, name, 1, &begin, &end);
    verso_markup_event *e = push(s, VERSO_EVENT_END);
    if (e == NULL) return;
    e->begin = begin;
    e->end = end;
    e->name = pool_add(s, name, strlen(name));
    if (end > s->last_end) s->last_end = end;
}

static void text(void *ctx, const xmlChar *ch, int len) {
    state_t *s = ctx;
    verso_markup_result *r = s->result;
    if (len <= 0) return;
    int64_t p = position(s);
    if (s->text_open && r->count > 0) {
        // Extend the last text: it ends the pool, so drop its NUL and append.
        verso_markup_event *e = &r->events[r->count - 1];
        r->pool_length -= 1;
        if (pool_add(s, (const char *)ch, (size_t)len) < 0) return;
        e = &r->events[r->count - 1];
        e->text_length += len;
        if (p > e->end) e->end = p;
        if (p > s->last_end) s->last_end = p;
        return;
    }
    verso_markup_event *e = push(s, VERSO_EVENT_TEXT);
    if (e == NULL) return;
    int64_t begin = s->last_end < p ? s->last_end : p;
    int64_t offset = pool_add(s, (const char *)ch, (size_t)len);
    if (offset < 0) return;
    e = &r->events[r->count - 1];
    e->begin = begin;
    e->end = p;
    e->text = offset;
    e->text_length = len;
    s->text_open = 1;
    if (p > s->last_end) s->last_end = p;
}

static void html_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    start_element(ctx, (const char *)name, atts, 0, 0);
}

static void html_end(void *ctx, const xmlChar *name) { end_element(ctx, (const char *)name); }

static void qualified(char *out, size_t cap, const xmlChar *prefix, const xmlChar *local) {
    if (prefix != NULL) snprintf(out, cap, "%s:%s", (const char *)prefix, (const char *)local);
    else snprintf(out, cap, "%s", (const char *)local);
}

static void xml_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                      int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                      const xmlChar **attributes) {
    (void)URI; (void)nb_namespaces; (void)namespaces; (void)nb_defaulted;
    char name[512];
    qualified(name, sizeof name, prefix, localname);
    start_element(ctx, name, attributes, 1, nb_attributes);
}

static void xml_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
    (void)URI;
    char name[512];
    qualified(name, sizeof name, prefix, localname);
    end_element(ctx, name);
}

static void note_error(state_t *s, int32_t line, const char *message) {
    verso_markup_result *r = s->result;
    if (r->error_count++ == 0) {
        r->error_line = line;
        snprintf(r->message, sizeof r->message, "%s", message ? message : "parse error");
        size_t n = strlen(r->message);
        while (n > 0 && (r->message[n - 1] == '\n' || r->message[n - 1] == ' ')) r->message[--n] = 0;
    }
}

static void html_error(void *ctx, const char *msg, ...) {
    state_t *s = ctx;
    char buffer[256];
    va_list args;
    va_start(args, msg);
    vsnprintf(buffer, sizeof buffer, msg, args);
    va_end(args);
    note_error(s, current_line(s), buffer);
}

static void html_warning(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

static void xml_error(void *ctx, xmlErrorPtr error) {
    state_t *s = ctx;
    if (error == NULL || error->level == XML_ERR_WARNING) return;
    note_error(s, error->line, error->message);
    if (error->level == XML_ERR_FATAL) s->result->fatal = 1;
}

/// The text callbacks both parsers share; clears the rest of the handler.
static void install_text_handlers(xmlSAXHandler *sax) {
    memset(sax, 0, sizeof *sax);
    sax->characters = text;
    sax->ignorableWhitespace = text;
    sax->cdataBlock = text;
}

verso_markup_result *verso_markup_parse(const uint8_t *data, size_t length, int32_t mode,
                                        const char *encoding, int64_t max_events) {
    verso_markup_result *r = calloc(1, sizeof *r);
    if (r == NULL) return NULL;
    if (length > (size_t)0x7FFFFFFF) {
        r->fatal = 1;
        r->error_count = 1;
        snprintf(r->message, sizeof r->message, "document larger than 2 GB");
        return r;
    }
    state_t s;
    memset(&s, 0, sizeof s);
    s.result = r;
    s.data = data;
    s.length = (int64_t)length;
    s.max_events = max_events > 0 ? max_events : INT64_MAX;
    static const char empty[1] = {0};
    const char *bytes = length ? (const char *)data : empty;
    if (mode == VERSO_MARKUP_HTML) {
        htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(bytes, (int)length);
        if (ctxt == NULL) { r->out_of_memory = 1; return r; }
        s.ctxt = ctxt;
        htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_RECOVER);
        if (encoding != NULL) {
            xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
            if (handler != NULL) xmlSwitchToEncoding(ctxt, handler);
            s.raw_positions = strcasecmp(encoding, "UTF-8") == 0;
        }
        htmlSAXHandler *sax = ctxt->sax;
        install_text_handlers(sax);
        sax->initialized = 1;
        sax->startElement = html_start;
        sax->endElement = html_end;
        sax->error = html_error;
        sax->fatalError = html_error;
        sax->warning = html_warning;
        ctxt->userData = &s;
        htmlParseDocument(ctxt);
        // The context owns its SAX handler (freed with it).
        htmlFreeParserCtxt(ctxt);
    } else {
        xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes, (int)length);
        if (ctxt == NULL) { r->out_of_memory = 1; return r; }
        s.ctxt = ctxt;
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
        s.raw_positions = encoding != NULL && strcasecmp(encoding, "UTF-8") == 0;
        xmlSAXHandler *sax = ctxt->sax;
        install_text_handlers(sax);
        sax->initialized = XML_SAX2_MAGIC;
        sax->startElementNs = xml_start;
        sax->endElementNs = xml_end;
        sax->serror = xml_error;
        ctxt->userData = &s;
        xmlParseDocument(ctxt);
        if (!ctxt->wellFormed && r->error_count == 0) note_error(&s, current_line(&s), "not well-formed");
        if (!ctxt->wellFormed) r->fatal = 1;
        xmlFreeParserCtxt(ctxt);
    }
    return r;
}

void verso_markup_free(verso_markup_result *result) {
    if (result == NULL) return;
    free(result->events);
    free(result->pool);
    free(result);
}
