/* layout.c - a Doc into pages: the layout of one pass over the blocks, the
 * passes (a second for the lists of contents' page numbers, more to fit a
 * page budget), and the drawing helpers every block uses. Coordinates in
 * the layout files run top-down from the page's top edge (y); they become
 * PDF coordinates (origin bottom-left) only when an item is added to the
 * display list. */
#include "typeset/lay.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

/* The source tag of an item: fmt holds only literal characters and up to
 * three %d. Formatted by hand because every typeset line gets one and
 * vsnprintf cost more than the rest of tagging. */
static const char *
tag_in(Arena *a, const char *fmt, int a1, int b, int c)
{
	char buf[96];
	int args[3] = { a1, b, c }, k = 0;
	size_t n = 0;
	for (const char *p = fmt; *p && n + 12 < sizeof buf; p++) {
		if (p[0] == '%' && p[1] == 'd' && k < 3) {
			char digits[12];
			size_t nd = 0;
			long v = args[k++];
			if (v < 0) {
				buf[n++] = '-';
				v = -v;
			}
			do {
				digits[nd++] = (char)('0' + v % 10);
				v /= 10;
			} while (v);
			while (nd)
				buf[n++] = digits[--nd];
			p++;
		} else {
			buf[n++] = *p;
		}
	}
	return arena_strndup(a, buf, n);
}

/* A tag drawn on the current page only (its memory goes with the page). */
const char *
lay_tag(Lay *L, const char *fmt, int a, int b, int c)
{
	return tag_in(L->dl->page_arena, fmt, a, b, c);
}

/* A tag for a block that may run over several pages. */
const char *
lay_block_tag(Lay *L, const char *fmt, int a, int b, int c)
{
	return tag_in(L->a, fmt, a, b, c);
}

/* Text at a fixed place (no pagination): returns the height used. */
double
lay_put_text(Lay *L, const char *text, double size, int bold, double x, double ytop, double w,
	DocAlign align, const char *src)
{
	const TsText *t = ts_text_shape(L->c, L->scratch, NULL, text, size, bold);
	TsLine *ln;
	size_t n = ts_text_break(t, L->scratch, w, w, 0, &ln);
	double lh = lh_of(L, size), b = base_of(L, size);
	for (size_t k = 0; k < n; k++)
		ts_text_emit(L->c, L->dl, L->page, t, ln, k, n, x, L->ph - (ytop + b + lh * (double)k), w,
			align == DOC_ALIGN_JUSTIFY ? DOC_ALIGN_LEFT : align, src);
	return lh * (double)n;
}

double
lay_text_width(Lay *L, const char *text, double size, int bold)
{
	const TsText *t = ts_text_shape(L->c, L->scratch, NULL, text, size, bold);
	double mn, mx;
	ts_text_measure(t, &mn, &mx);
	return mx;
}

void
lay_rect(Lay *L, double x, double ytop, double w, double h, DlColor fill, DlColor stroke, double lw)
{
	DlItem *it = dl_add_item(L->dl, L->page, DL_RECT);
	it->u.rect.x = x;
	it->u.rect.y = L->ph - (ytop + h);
	it->u.rect.w = w;
	it->u.rect.h = h;
	it->u.rect.fill = fill;
	it->u.rect.stroke = stroke;
	it->u.rect.lw = lw;
}

void
lay_line(Lay *L, double x1, double y1, double x2, double y2, DlColor c, double lw)
{
	DlItem *it = dl_add_item(L->dl, L->page, DL_LINE);
	it->u.line.x1 = x1;
	it->u.line.y1 = L->ph - y1;
	it->u.line.x2 = x2;
	it->u.line.y2 = L->ph - y2;
	it->u.line.stroke = c;
	it->u.line.lw = lw;
}

const char *
lay_digits(Lay *L, const char *s)
{
	if (!L->thai_digits)
		return s;
	size_t need_n = utf8_thai_digits(s, NULL, 0);
	char *o = arena_alloc(L->a, need_n + 1);
	utf8_thai_digits(s, o, need_n + 1);
	return o;
}

static void
lay_init(Lay *L, TsCtx *c, const Settings *s, DisplayList *dl)
{
	memset(L, 0, sizeof *L);
	L->c = c;
	L->s = s;
	L->dl = dl;
	L->a = dl->arena;
	L->scratch = arena_new();
	L->body = s->body_size > 0 ? s->body_size : 16;
	L->spacing = s->line_spacing > 0 ? s->line_spacing : 1.0;
	L->thai_digits = s->thai_digits;
	L->scale = 1;
	L->ml = (s->margin_left > 0 ? s->margin_left : 25) * MM;
	L->mr = (s->margin_right > 0 ? s->margin_right : 20) * MM;
	L->mt = (s->margin_top > 0 ? s->margin_top : 25) * MM;
	L->mb = (s->margin_bottom > 0 ? s->margin_bottom : 20) * MM;
	L->page_w_mm = 210;
	L->page_h_mm = 297;
	L->orient = s->landscape;
	ts_ctx_set_keep(c, s->keep_words, s->nkeep_words);
	ts_ctx_set_digits(c, s->thai_digits);
	ts_ctx_set_justify(c, s->thai_distributed ? TS_JUSTIFY_THAI : TS_JUSTIFY_WORDS);
	ts_memo_trim(c);
}

const char *
lay_word(const char *w)
{
	return w ? w : "";
}

const char *
lay_join(Lay *L, const char *const *w, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += w[i] ? strlen(w[i]) + 1 : 0;
	char *s = arena_alloc(L->a, len + 1), *at = s;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == NULL || *w[i] == '\0')
			continue;
		if (at > s)
			*at++ = ' ';
		size_t k = strlen(w[i]);
		memcpy(at, w[i], k);
		at += k;
	}
	*at = '\0';
	return s;
}

/* One layout of doc; scale multiplies the sizes a Doc gives explicitly
 * (tables, small paragraphs) as s's body size was multiplied. */
/* A document without lists of contents is laid out once and held whole
 * up to this many pages; a longer one (a national review's 1,000 pages of
 * rows left out) is laid out twice and never held (layout_doc). */
#define LONG_DOC_PAGES 200

/* How a pass hands its pages on: kept whole (drop 0), or each dropped
 * when done, after fn (if any) has written it; total: the pages the
 * footers count, when known from the pass before (given) or found. */
typedef struct PassOut {
	size_t keep_max;           /* see DisplayList.keep_max */
	int drop;
	DlPageFn fn;
	void *user;
	int total_given;
	size_t total;
} PassOut;

static DisplayList *
lay_pass(TsCtx *c, const Doc *doc, const Settings *s, TocEntry *toc, size_t ntoc, double scale,
	long long created, PassOut *out)
{
	TsFonts *f = c->fonts;
	DisplayList *dl = dl_new(ts_fonts_dl(f), ts_fonts_count(f));
	Lay L;
	lay_init(&L, c, s, dl);
	if (out != NULL) {
		dl->keep_max = out->keep_max;
		dl->drop_pages = out->drop;
		dl->page_fn = out->fn;
		dl->page_user = out->user;
		L.total_given = out->total_given;
		L.total = out->total;
	}
	L.doc = doc;
	L.scale = scale;
	L.toc = toc;
	L.ntoc = ntoc;
	if (doc->landscape)
		L.orient = 1;
	for (const DocBlock *b = doc->first; b; b = b->next)
		if (b->kind == DOC_PAGEBREAK && b->u.pagebreak.body_starts)
			L.has_body = 1;
	const DocBlock *prev = NULL;
	dl->title = doc->title ? arena_strdup(dl->arena, doc->title) : NULL;
	dl->author = doc->author ? arena_strdup(dl->arena, doc->author) : NULL;
	dl->subject = doc->subject ? arena_strdup(dl->arena, doc->subject) : NULL;
	dl->keywords = doc->keywords ? arena_strdup(dl->arena, doc->keywords) : NULL;
	dl->creator = doc->creator ? arena_strdup(dl->arena, doc->creator) : NULL;
	dl->created = created;
	dl->archival = s->pdf_archival;
	for (const DocBlock *b = doc->first; b; prev = b, b = b->next) {
		L.nblock++;
		L.table_label = prev && prev->kind == DOC_PARA && prev->u.para.caption == DOC_CAPTION_TABLE ?
			prev->u.para.caption_label : NULL;
		/* Blocks read the text box of the current page: open one first
		 * (page breaks, covers and the TOC open their own). */
		if (!L.open && b->kind != DOC_PAGEBREAK && b->kind != DOC_COVER && b->kind != DOC_TOC)
			lay_open_page(&L);
		switch (b->kind) {
		case DOC_HEADING:
			lay_heading(&L, &b->u.heading, b->next);
			break;
		case DOC_PARA: lay_para(&L, &b->u.para, b->next); break;
		case DOC_LIST: lay_list(&L, &b->u.list); break;
		case DOC_LABELS: lay_labels(&L, &b->u.labels); break;
		case DOC_TABLE: lay_table(&L, &b->u.table); break;
		case DOC_CHART: lay_chart(&L, &b->u.chart); break;
		case DOC_PAGEBREAK:
			lay_close_page(&L, b->u.pagebreak.orientation);
			if (b->u.pagebreak.body_starts && L.open) {
				L.body_first = L.page;  /* an empty page left open: the body's first */
				L.body_known = 1;
			} else if (b->u.pagebreak.body_starts) {
				L.body_pending = 1;
			}
			break;
		case DOC_COVER: lay_cover(&L, &b->u.cover); break;
		case DOC_TOC: lay_toc(&L, b->u.toc); break;
		case DOC_IMAGE: lay_images(&L, &b->u.images); break;
		case DOC_SIGNATURE: lay_signature(&L, &b->u.signature); break;
		case DOC_SPACE:
			lay_need(&L, 0);
			L.y += b->u.space_mm * MM;
			break;
		}
		arena_free(L.scratch);
		L.scratch = arena_new();
		arena_free(L.held);
		L.held = NULL;
	}
	if (dl->npages == 0)
		lay_open_page(&L);
	if (out != NULL)
		out->total = lay_page_total(&L);
	lay_decorate(&L);
	arena_free(L.scratch);
	arena_free(L.ahead_arena);
	free(L.cover);
	return dl;
}

/* Lay doc out; with fn, hand it each page (see ts_layout_pages). */
static DisplayList *
layout_doc(TsCtx *c, const Doc *doc, const Settings *s, long long created, DlPageFn fn, void *user,
	int *again)
{
	*again = 0;
	/* Headings known in advance; with a TOC the layout runs twice, the
	 * second time with the page numbers the first one found. */
	size_t ntoc = 0;
	int has_toc = 0;
	for (const DocBlock *b = doc->first; b; b = b->next) {
		if (b->kind == DOC_HEADING && b->u.heading.in_toc)
			ntoc++;
		if (b->kind == DOC_PARA && b->u.para.caption != DOC_CAPTION_NONE)
			ntoc++;
		if (b->kind == DOC_TOC)
			has_toc = 1;
	}
	TocEntry *toc = mem_array(ntoc + 1, sizeof *toc);
	Arena *ta = arena_new();
	size_t i = 0;
	for (const DocBlock *b = doc->first; b; b = b->next) {
		if (b->kind == DOC_PARA && b->u.para.caption != DOC_CAPTION_NONE) {
			toc[i].kind = b->u.para.caption;
			toc[i].label = b->u.para.caption_label;
			toc[i].text = b->u.para.caption_title;
			i++;
			continue;
		}
		if (b->kind != DOC_HEADING || !b->u.heading.in_toc)
			continue;
		const DocHeading *h = &b->u.heading;
		Doc tmp = { 0 };
		tmp.arena = ta;
		char *txt = doc_text_string(&tmp, &h->text);
		toc[i].level = h->level;
		toc[i].text = h->number ? arena_printf(ta, "%s %s", h->number, txt) : txt;
		if (s->thai_digits && h->number) {
			size_t nn = utf8_thai_digits(toc[i].text, NULL, 0);
			char *o = arena_alloc(ta, nn + 1);
			utf8_thai_digits(toc[i].text, o, nn + 1);
			toc[i].text = o;
		}
		i++;
	}
	DisplayList *dl = NULL;
	if (fn != NULL && has_toc && ntoc > 0) {
		/* Two passes anyway: the first keeps no page (it finds the
		 * lists' page numbers and the page count), the second hands each
		 * page on as it is done, its footer counting the first's pages,
		 * so that a long report is never held whole. The lists' lengths
		 * do not depend on their numbers, so the counts agree; if they
		 * did not, the caller lays the document again whole. */
		PassOut first = { .drop = 1 };
		dl = lay_pass(c, doc, s, toc, ntoc, 1.0, created, &first);
		int fits = doc->max_pages <= 0 || dl->npages <= (size_t)doc->max_pages;
		dl_free(dl);
		dl = NULL;
		if (fits) {
			PassOut second = { .drop = 1, .fn = fn, .user = user, .total_given = 1, .total = first.total };
			dl = lay_pass(c, doc, s, toc, ntoc, 1.0, created, &second);
			*again = second.total != first.total;
			free(toc);
			arena_free(ta);
			return dl;
		}
	}
	if (fn != NULL && !has_toc && doc->max_pages <= 0) {
		/* One pass, holding its pages, unless the document turns out
		 * longer than LONG_DOC_PAGES: then that pass has counted them,
		 * and a second hands them on one by one. */
		PassOut once = { .keep_max = LONG_DOC_PAGES };
		dl = lay_pass(c, doc, s, toc, ntoc, 1.0, created, &once);
		if (dl->overflowed) {
			dl_free(dl);
			PassOut second = { .drop = 1, .fn = fn, .user = user, .total_given = 1, .total = once.total };
			dl = lay_pass(c, doc, s, toc, ntoc, 1.0, created, &second);
			*again = second.total != once.total;
			free(toc);
			arena_free(ta);
			return dl;
		}
	} else {
		dl = lay_pass(c, doc, s, toc, ntoc, 1.0, created, NULL);
	}
	if (has_toc && ntoc > 0) {
		dl_free(dl);
		dl = lay_pass(c, doc, s, toc, ntoc, 1.0, created, NULL);
	}
	/* Too long for its page budget: tighter lines first (a reader hardly
	 * notices 1.2 becoming 1.05), smaller type only at the last step. */
	static const struct { double spacing, size; } fit[] = {
		{ 0.93, 1.0 }, { 0.87, 1.0 }, { 0.87, 0.94 }, { 0.82, 0.9 },
	};
	for (size_t k = 0; doc->max_pages > 0 && dl->npages > (size_t)doc->max_pages &&
	    k < sizeof fit / sizeof fit[0]; k++) {
		Settings tight = *s;
		tight.line_spacing = s->line_spacing * fit[k].spacing;
		tight.body_size = s->body_size * fit[k].size;
		dl_free(dl);
		dl = lay_pass(c, doc, &tight, toc, ntoc, fit[k].size, created, NULL);
		if (has_toc && ntoc > 0) {
			dl_free(dl);
			dl = lay_pass(c, doc, &tight, toc, ntoc, fit[k].size, created, NULL);
		}
	}
	free(toc);
	arena_free(ta);
	for (size_t p = 0; fn != NULL && p < dl->npages; p++)
		fn(user, dl, p);
	return dl;
}

DisplayList *
ts_layout(TsCtx *c, const Doc *doc, const Settings *s, long long created, Diag *d)
{
	(void)d;
	int again;
	return layout_doc(c, doc, s, created, NULL, NULL, &again);
}

DisplayList *
ts_layout_pages(TsCtx *c, const Doc *doc, const Settings *s, long long created, Diag *d, DlPageFn fn,
	void *user, int *again)
{
	(void)d;
	return layout_doc(c, doc, s, created, fn, user, again);
}

DisplayList *
ts_layout_lines(TsCtx *c, const char *const *lines, size_t n, const Settings *s,
	double width_mm, double height_mm, long long created)
{
	TsFonts *f = c->fonts;
	DisplayList *dl = dl_new(ts_fonts_dl(f), ts_fonts_count(f));
	Lay L;
	lay_init(&L, c, s, dl);
	L.page_w_mm = width_mm;
	L.page_h_mm = height_mm;
	L.orient = 0;
	L.ml = L.mr = L.mt = L.mb = 10 * MM;
	dl->created = created;
	dl->archival = s->pdf_archival;
	for (size_t i = 0; i < n; i++) {
		L.nblock++;
		lay_flow_text(&L, NULL, lines[i], L.body, 0, L.x0 ? L.x0 : L.ml,
			L.width > 0 ? L.width : width_mm * MM - 20 * MM, 0, DOC_ALIGN_LEFT,
			lay_block_tag(&L, "p%d", (int)i + 1, 0, 0));
	}
	if (dl->npages == 0)
		lay_open_page(&L);
	arena_free(L.scratch);
	free(L.cover);
	return dl;
}
