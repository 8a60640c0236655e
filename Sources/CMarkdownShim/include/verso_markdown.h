// Markdown (CommonMark with GitHub's tables and strikethrough) read by libcmark-gfm, handed to
// Swift as a flat list of enter/exit events with source positions. Plain C types only; the
// cmark-gfm headers are included by verso_markdown.c alone.
#ifndef VERSO_MARKDOWN_H
#define VERSO_MARKDOWN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Node kinds (Verso's own numbering, stable whatever cmark-gfm's is).
enum {
    VERSO_MD_OTHER = 0,
    VERSO_MD_DOCUMENT, VERSO_MD_BLOCK_QUOTE, VERSO_MD_LIST, VERSO_MD_ITEM, VERSO_MD_CODE_BLOCK,
    VERSO_MD_HTML_BLOCK, VERSO_MD_PARAGRAPH, VERSO_MD_HEADING, VERSO_MD_THEMATIC_BREAK,
    VERSO_MD_FOOTNOTE_DEFINITION, VERSO_MD_TABLE, VERSO_MD_TABLE_ROW, VERSO_MD_TABLE_CELL,
    VERSO_MD_TEXT, VERSO_MD_SOFTBREAK, VERSO_MD_LINEBREAK, VERSO_MD_CODE, VERSO_MD_HTML_INLINE,
    VERSO_MD_EMPH, VERSO_MD_STRONG, VERSO_MD_LINK, VERSO_MD_IMAGE, VERSO_MD_FOOTNOTE_REFERENCE,
    VERSO_MD_STRIKETHROUGH,
};

typedef struct {
    /// 1 entering the node, 0 leaving it (leaf nodes are entered only).
    int32_t enter;
    int32_t kind;
    /// Heading level (1–6); for a list, 1 when ordered.
    int32_t level;
    /// Source position: 1-based lines, 1-based byte columns, end inclusive (0 when unknown).
    int32_t start_line, start_column, end_line, end_column;
    /// The node's literal text (text, code, code block, HTML) or -1; offset into the pool.
    int64_t literal;
    int64_t literal_length;
    /// A link's or image's URL, or a code block's info string, or -1.
    int64_t url;
} verso_md_event;

typedef struct {
    verso_md_event *events;
    int64_t count;
    char *pool;
    int64_t pool_length;
    int32_t out_of_memory;
    /// 1 when `max_events` was reached.
    int32_t truncated;
} verso_md_result;

/// Parses `length` bytes of UTF-8 Markdown. Returns NULL only when no memory is left; free
/// the result with verso_md_free.
verso_md_result *verso_md_parse(const char *text, size_t length, int64_t max_events);
void verso_md_free(verso_md_result *result);

/// Writes cmark-gfm's version ("0.29.0.gfm.6") into buf; returns its length.
int32_t verso_md_version(char *buf, int32_t cap);

#ifdef __cplusplus
}
#endif

#endif
