/* typeset.h - laying out a Doc into a display list (Thai-aware).
 *
 * Fonts are loaded once per process (TsFonts) and shared read-only by every
 * document and thread. A TsCtx holds what one thread needs to typeset: the
 * libthai breaker (one per thread), a HarfBuzz buffer and scratch arrays.
 * No third-party types appear here. */
#ifndef NITHET_TYPESET_H
#define NITHET_TYPESET_H

#include "config/settings.h"
#include "core/diag.h"
#include "doc/doc.h"
#include "typeset/dlist.h"

typedef struct TsFonts TsFonts;
typedef struct TsCtx TsCtx;

/* Load the Thai face (regular, bold) and, when latin_regular is not NULL or
 * empty, the Latin fallback face. Sizes are later multiplied by the scales.
 * Problems (missing file, not TrueType) are reported through d as DIAG_USAGE;
 * returns NULL then. Caller frees with ts_fonts_free after every TsCtx and
 * DisplayList that uses it is gone. */
TsFonts *ts_fonts_load(const FontSetting *thai, const FontSetting *latin, Diag *d);
void ts_fonts_free(TsFonts *f);

/* The distinct faces, as DlFont records (valid while f lives). */
size_t ts_fonts_count(const TsFonts *f);
const DlFont *const *ts_fonts_dl(const TsFonts *f);

/* A per-thread typesetting context over fonts f. Returns NULL (reported through
 * d) when libthai's dictionary cannot be loaded. Caller frees with ts_ctx_free. */
TsCtx *ts_ctx_new(TsFonts *f, Diag *d);
void ts_ctx_free(TsCtx *c);

/* Lay doc out with the page, size and keep-word settings of s; created
 * (seconds since the epoch, the caller's choice: typeset reads neither the
 * clock nor the environment) is the display list's creation date. Returns a
 * new display list (caller frees with dl_free), or NULL after reporting an
 * internal problem through d. */
DisplayList *ts_layout(TsCtx *c, const Doc *doc, const Settings *s, long long created, Diag *d);

/* As ts_layout, but each page is handed to fn(user, dl, page) in order as
 * soon as it is done, for a writer that takes a document page by page. A
 * document laid twice anyway (one with lists of contents and within its
 * page budget) is then not kept: the list returned has its pages' sizes
 * and labels and its marks, but no page's items. *again is set when the
 * pages handed on turn out not to be the document's (their footers count
 * pages a first pass found; not expected): the caller throws away what
 * fn made and lays the document out with ts_layout. Caller frees the list
 * with dl_free; NULL after reporting through d. */
DisplayList *ts_layout_pages(TsCtx *c, const Doc *doc, const Settings *s, long long created, Diag *d,
	DlPageFn fn, void *user, int *again);

/* Lay out one paragraph of plain UTF-8 text per element of lines on pages of
 * width_mm x height_mm (margins 10 mm), at body size s->body_size, for the
 * corpus tool; created as for ts_layout. Returns a new display list (caller
 * frees with dl_free). */
DisplayList *ts_layout_lines(TsCtx *c, const char *const *lines, size_t n,
	const Settings *s, double width_mm, double height_mm, long long created);

#endif
