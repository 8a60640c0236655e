// libcmark-gfm as a flat event list (see include/verso_markdown.h).
#include "verso_markdown.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

typedef struct {
    verso_md_result *result;
    int64_t capacity;
    int64_t pool_capacity;
} state_t;

static int64_t pool_add(state_t *s, const char *bytes, size_t n) {
    verso_md_result *r = s->result;
    if (bytes == NULL) return -1;
    if (r->pool_length + (int64_t)n + 1 > s->pool_capacity) {
        int64_t capacity = s->pool_capacity ? s->pool_capacity : 65536;
        while (r->pool_length + (int64_t)n + 1 > capacity) capacity *= 2;
        char *grown = realloc(r->pool, (size_t)capacity);
        if (grown == NULL) { r->out_of_memory = 1; return -1; }
        r->pool = grown;
        s->pool_capacity = capacity;
    }
    int64_t offset = r->pool_length;
    if (n) memcpy(r->pool + offset, bytes, n);
    r->pool[offset + (int64_t)n] = 0;
    r->pool_length += (int64_t)n + 1;
    return offset;
}

static int32_t kind_of(cmark_node *node) {
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT: return VERSO_MD_DOCUMENT;
    case CMARK_NODE_BLOCK_QUOTE: return VERSO_MD_BLOCK_QUOTE;
    case CMARK_NODE_LIST: return VERSO_MD_LIST;
    case CMARK_NODE_ITEM: return VERSO_MD_ITEM;
    case CMARK_NODE_CODE_BLOCK: return VERSO_MD_CODE_BLOCK;
    case CMARK_NODE_HTML_BLOCK: return VERSO_MD_HTML_BLOCK;
    case CMARK_NODE_PARAGRAPH: return VERSO_MD_PARAGRAPH;
    case CMARK_NODE_HEADING: return VERSO_MD_HEADING;
    case CMARK_NODE_THEMATIC_BREAK: return VERSO_MD_THEMATIC_BREAK;
    case CMARK_NODE_FOOTNOTE_DEFINITION: return VERSO_MD_FOOTNOTE_DEFINITION;
    case CMARK_NODE_TEXT: return VERSO_MD_TEXT;
    case CMARK_NODE_SOFTBREAK: return VERSO_MD_SOFTBREAK;
    case CMARK_NODE_LINEBREAK: return VERSO_MD_LINEBREAK;
    case CMARK_NODE_CODE: return VERSO_MD_CODE;
    case CMARK_NODE_HTML_INLINE: return VERSO_MD_HTML_INLINE;
    case CMARK_NODE_EMPH: return VERSO_MD_EMPH;
    case CMARK_NODE_STRONG: return VERSO_MD_STRONG;
    case CMARK_NODE_LINK: return VERSO_MD_LINK;
    case CMARK_NODE_IMAGE: return VERSO_MD_IMAGE;
    case CMARK_NODE_FOOTNOTE_REFERENCE: return VERSO_MD_FOOTNOTE_REFERENCE;
    default: break;
    }
    const char *name = cmark_node_get_type_string(node);
    if (name == NULL) return VERSO_MD_OTHER;
    if (strcmp(name, "table") == 0) return VERSO_MD_TABLE;
    if (strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0) return VERSO_MD_TABLE_ROW;
    if (strcmp(name, "table_cell") == 0) return VERSO_MD_TABLE_CELL;
    if (strcmp(name, "strikethrough") == 0) return VERSO_MD_STRIKETHROUGH;
    return VERSO_MD_OTHER;
}

static pthread_once_t registered = PTHREAD_ONCE_INIT;

/// The core extensions register into a global list: once, whatever the number of threads.
static void register_extensions(void) { cmark_gfm_core_extensions_ensure_registered(); }

static void attach(cmark_parser *parser, const char *name) {
    cmark_syntax_extension *extension = cmark_find_syntax_extension(name);
    if (extension != NULL) cmark_parser_attach_syntax_extension(parser, extension);
}

verso_md_result *verso_md_parse(const char *text, size_t length, int64_t max_events) {
    verso_md_result *r = calloc(1, sizeof *r);
    if (r == NULL) return NULL;
    state_t s = { r, 0, 0 };
    if (max_events <= 0) max_events = INT64_MAX;
    pthread_once(&registered, register_extensions);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES);
    if (parser == NULL) { r->out_of_memory = 1; return r; }
    attach(parser, "table");
    attach(parser, "strikethrough");
    cmark_parser_feed(parser, text ? text : "", length);
    cmark_node *root = cmark_parser_finish(parser);
    if (root == NULL) { cmark_parser_free(parser); r->out_of_memory = 1; return r; }
    cmark_iter *iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (r->out_of_memory) break;
        if (r->count >= max_events) { r->truncated = 1; break; }
        cmark_node *node = cmark_iter_get_node(iter);
        if (r->count == s.capacity) {
            int64_t capacity = s.capacity ? s.capacity * 2 : 1024;
            verso_md_event *grown = realloc(r->events, (size_t)capacity * sizeof *grown);
            if (grown == NULL) { r->out_of_memory = 1; break; }
            r->events = grown;
            s.capacity = capacity;
        }
        verso_md_event *e = &r->events[r->count++];
        memset(e, 0, sizeof *e);
        e->enter = event != CMARK_EVENT_EXIT;
        e->kind = kind_of(node);
        e->literal = -1;
        e->url = -1;
        e->start_line = cmark_node_get_start_line(node);
        e->start_column = cmark_node_get_start_column(node);
        e->end_line = cmark_node_get_end_line(node);
        e->end_column = cmark_node_get_end_column(node);
        if (e->kind == VERSO_MD_HEADING) e->level = cmark_node_get_heading_level(node);
        if (e->kind == VERSO_MD_LIST) e->level = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        if (e->enter) {
            const char *literal = NULL;
            switch (e->kind) {
            case VERSO_MD_TEXT: case VERSO_MD_CODE: case VERSO_MD_CODE_BLOCK: case VERSO_MD_HTML_BLOCK:
            case VERSO_MD_HTML_INLINE: case VERSO_MD_FOOTNOTE_REFERENCE:
                literal = cmark_node_get_literal(node);
                break;
            default: break;
            }
            if (literal != NULL) {
                size_t n = strlen(literal);
                int64_t o = pool_add(&s, literal, n);
                e = &r->events[r->count - 1];
                e->literal = o;
                e->literal_length = (int64_t)n;
            }
        }
        const char *url = NULL;
        if (e->kind == VERSO_MD_LINK || e->kind == VERSO_MD_IMAGE) url = cmark_node_get_url(node);
        if (e->kind == VERSO_MD_CODE_BLOCK) url = cmark_node_get_fence_info(node);
        if (url != NULL) {
            int64_t o = pool_add(&s, url, strlen(url));
            r->events[r->count - 1].url = o;
        }
    }
    cmark_iter_free(iter);
    cmark_node_free(root);
    cmark_parser_free(parser);
    return r;
}

void verso_md_free(verso_md_result *result) {
    if (result == NULL) return;
    free(result->events);
    free(result->pool);
    free(result);
}

int32_t verso_md_version(char *buf, int32_t cap) {
    int n = snprintf(buf, (size_t)cap, "%s", cmark_version_string());
    return n < 0 ? 0 : (int32_t)n;
}
