/* layout.c - a Doc into pages: blocks, tables, charts, pagination, running
 * header and footer, table of contents and bookmarks. Coordinates inside this
 * file run top-down from the page's top edge (y); they become PDF coordinates
 * (origin bottom-left) only when an item is added to the display list. */
#include "typeset/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mem.h"
#include "core/numfmt.h"
#include "core/utf8.h"

#define MM 2.834645669  /* points per millimetre */

/* A line of one of the lists of contents: a heading, or a table's or
 * chart's caption, in document order. */
typedef struct TocEntry {
	DocCaptionKind kind;       /* NONE: a heading */
	int level;
	const char *label;         /* a caption's "ตารางที่ 3"; NULL for headings */
	const char *text;
	char page[24];             /* the page's label, from the previous pass */
} TocEntry;

typedef struct Lay {
	TsCtx *c;
	const Settings *s;
	const Doc *doc;
	DisplayList *dl;
	Arena *a;
	double pw, ph;             /* page size of the current page */
	double ml, mr, mt, mb;
	double x0, width, top, bottom;
	double y;
	size_t page;
	int open;                  /* a page is open */
	int page_used;             /* something was placed on it */
	int orient;                /* orientation of the next page */
	uint8_t *cover;            /* per page: no header/footer, no number */
	size_t cap_cover;
	double body, spacing;
	double scale;              /* of the sizes the Doc gives explicitly (max_pages) */
	int thai_digits;
	TocEntry *toc;             /* headings and captions in order, pages of the previous pass */
	size_t ntoc, itoc;
	/* Front matter: with a body start in the Doc, pages before it are
	 * labelled ก ข ค and the body is numbered from 1. */
	int has_body;
	int body_pending;          /* the next page opened is the body's first */
	size_t body_first;         /* its index, once known */
	int body_known;
	const char *table_label;   /* the caption of the table being laid, for "(ต่อ)" */
	int nblock;
	double page_w_mm, page_h_mm;
} Lay;

static const DlColor BLACK = { 0, 0, 0, 0 };
static const DlColor GRID = { 90, 90, 90, 0 };
static const DlColor HEAD_FILL = { 217, 226, 243, 0 };
static const DlColor TOTAL_FILL = { 237, 237, 237, 0 };
static const DlColor SHADE_FILL = { 246, 246, 246, 0 };
static const DlColor GOAL = { 192, 0, 0, 0 };
static const DlColor PALETTE[] = {
	{ 68, 114, 196, 0 }, { 237, 125, 49, 0 }, { 112, 173, 71, 0 }, { 255, 192, 0, 0 },
	{ 91, 155, 213, 0 }, { 165, 165, 165, 0 }, { 158, 72, 14, 0 }, { 99, 37, 110, 0 },
};

static double
lh_of(const Lay *L, double size)
{
	return size * L->spacing;
}

/* Baseline below the top of a line box: the box is centred on the nominal
 * size, whose body sits about 0.78 em above the baseline. */
static double
base_of(const Lay *L, double size)
{
	return (lh_of(L, size) - size) / 2 + size * 0.78;
}

static void
open_page(Lay *L)
{
	int land = L->orient;
	double w = L->page_w_mm * MM, h = L->page_h_mm * MM;
	if (land && h > w) {
		double t = w;
		w = h;
		h = t;
	}
	L->pw = w;
	L->ph = h;
	L->page = dl_add_page(L->dl, w, h);
	if (L->page >= L->cap_cover) {
		L->cap_cover = L->cap_cover ? L->cap_cover * 2 : 16;
		L->cover = mem_grow(L->cover, L->cap_cover, 1);
	}
	L->cover[L->page] = 0;
	if (L->body_pending) {
		L->body_first = L->page;
		L->body_known = 1;
		L->body_pending = 0;
	}
	L->x0 = L->ml;
	L->width = w - L->ml - L->mr;
	L->top = L->mt;
	L->bottom = h - L->mb;
	L->y = L->top;
	L->open = 1;
	L->page_used = 0;
}

static void
need(Lay *L, double h)
{
	if (!L->open) {
		open_page(L);
	} else if (L->y + h > L->bottom + 0.01 && L->page_used) {
		open_page(L);
	}
	L->page_used = 1;
}

static void
close_page(Lay *L, int orientation)
{
	if (L->open && L->page_used)
		L->open = 0;
	if (orientation >= 0) {
		L->orient = orientation;
		if (L->open && !L->page_used)
			L->open = 0;  /* reopen blank page with the new orientation */
	}
}

/* Page p's label as printed: in a document with front matter, ก ข ค …
 * before the body and 1, 2, 3 … from its first page; otherwise 1, 2, 3 …
 * counting every page but the covers. "" for a cover. */
static void
page_label(const Lay *L, size_t p, char *buf, size_t size)
{
	if (L->cover[p]) {
		buf[0] = '\0';
		return;
	}
	int front = L->has_body && (!L->body_known || p < L->body_first);
	size_t from = L->has_body && !front ? L->body_first : 0, n = 0;
	for (size_t q = from; q <= p; q++)
		n += !L->cover[q];
	if (front)
		num_thai_letter((long)n, buf, size);
	else
		snprintf(buf, size, "%zu", n);
}

/* The source tag of an item: fmt holds only literal characters and up to
 * three %d. Formatted by hand because every typeset line gets one and
 * vsnprintf cost more than the rest of tagging. */
static const char *
tag(Lay *L, const char *fmt, int a, int b, int c)
{
	char buf[96];
	int args[3] = { a, b, c }, k = 0;
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
	return arena_strndup(L->dl->arena, buf, n);
}

/* Text at a fixed place (no pagination): returns the height used. */
static double
put_text(Lay *L, const char *text, double size, int bold, double x, double ytop, double w,
	DocAlign align, const char *src)
{
	const TsText *t = ts_text_shape(L->c, L->a, NULL, text, size, bold);
	TsLine *ln;
	size_t n = ts_text_break(t, L->a, w, w, 0, &ln);
	double lh = lh_of(L, size), b = base_of(L, size);
	for (size_t k = 0; k < n; k++)
		ts_text_emit(L->c, L->dl, L->page, t, ln, k, n, x, L->ph - (ytop + b + lh * (double)k), w,
			align == DOC_ALIGN_JUSTIFY ? DOC_ALIGN_LEFT : align, src);
	return lh * (double)n;
}

static double
text_width(Lay *L, const char *text, double size, int bold)
{
	const TsText *t = ts_text_shape(L->c, L->a, NULL, text, size, bold);
	double mn, mx;
	ts_text_measure(t, &mn, &mx);
	return mx;
}

static void
rect(Lay *L, double x, double ytop, double w, double h, DlColor fill, DlColor stroke, double lw)
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

static void
line(Lay *L, double x1, double y1, double x2, double y2, DlColor c, double lw)
{
	DlItem *it = dl_add_item(L->dl, L->page, DL_LINE);
	it->u.line.x1 = x1;
	it->u.line.y1 = L->ph - y1;
	it->u.line.x2 = x2;
	it->u.line.y2 = L->ph - y2;
	it->u.line.stroke = c;
	it->u.line.lw = lw;
}

static const char *
digits(Lay *L, const char *s)
{
	if (!L->thai_digits)
		return s;
	size_t need_n = utf8_thai_digits(s, NULL, 0);
	char *o = arena_alloc(L->a, need_n + 1);
	utf8_thai_digits(s, o, need_n + 1);
	return o;
}

/* ---- flowing blocks: where a page may end ---- */

/* The lines of a paragraph, list or label list as pagination sees them: n
 * lines of one height lh, and brk[i] (0 < i < n) set when a page may end
 * before line i. brk lives in the display list's arena. */
typedef struct Flow {
	size_t n;
	double lh;
	uint8_t *brk;
} Flow;

/* Widows and orphans: a page break inside a block leaves at least this many
 * of its lines on each side. One line alone at the foot of a page (the start
 * of a paragraph) or at its head (the end of one) reads as a stray; a page
 * may end a line short instead. */
#define FLOW_MIN 2
/* A label list of up to LABELS_LIST_WHOLE lines stays on one page (a
 * longer one splits between labels, never leaving its last alone); one
 * label with a value of up to LABELS_WHOLE lines (a list of bands) stays
 * whole; a longer value may run on after LABEL_RUN_ON lines. Four, not
 * more, for lists: a school's report keeps to two pages. */
#define LABELS_LIST_WHOLE 4
#define LABELS_WHOLE 8
#define LABEL_RUN_ON 3

static void
flow_init(Lay *L, Flow *f, size_t n, double lh)
{
	f->n = n;
	f->lh = lh;
	f->brk = arena_alloc(L->a, n + 1);
}

/* Let a page end before line i unless that leaves fewer than FLOW_MIN lines
 * of the block on either page. */
static void
flow_allow(Flow *f, size_t i)
{
	if (i >= FLOW_MIN && i + FLOW_MIN <= f->n)
		f->brk[i] = 1;
}

/* Breaks of a block made of nu units (list items, label rows) of rows[u]
 * lines: between units, except before the last of three or more (a list's
 * last item alone at the head of a page, the rest of it blank before a
 * page break, reads as a stray: "a page holding one bullet"); inside a unit
 * of more than whole lines, from line lead[u] on (a label's own lines stay
 * with its value's first; lead may be NULL). The first item may end a page
 * alone: below its heading it starts the list, as a paragraph's first two
 * lines do. */
static void
flow_units(Flow *f, const size_t *rows, const size_t *lead, size_t nu, size_t whole)
{
	size_t at = 0;
	for (size_t u = 0; u < nu; u++) {
		if (u > 0 && !(nu >= 3 && u == nu - 1))
			flow_allow(f, at);
		if (rows[u] > whole)
			for (size_t j = lead && lead[u] > FLOW_MIN ? lead[u] : FLOW_MIN; j + FLOW_MIN <= rows[u]; j++)
				flow_allow(f, at + j);
		at += rows[u];
	}
}

/* Height of the block's first part that no page break may divide: what
 * must fit below a heading or caption kept with it. */
static double
flow_head(const Flow *f)
{
	if (f->n == 0)
		return 0;
	size_t i = 1;
	while (i < f->n && !f->brk[i])
		i++;
	return (double)i * f->lh;
}

/* How many lines of f, from line k on, the current page takes (at least
 * one): all that are left when they fit, else as many as end at the last
 * allowed break that fits. When none fits on a page that holds something
 * already, the block goes on to a new page. A block with no allowed break
 * that fits an empty page (taller than a page) fills it, leaving no single
 * line to the next when it can. */
static size_t
flow_take(Lay *L, const Flow *f, size_t k)
{
	for (;;) {
		if (!L->open)
			open_page(L);
		double avail = L->bottom + 0.01 - L->y;
		size_t room = avail > 0 ? (size_t)(avail / f->lh + 1e-6) : 0;
		size_t left = f->n - k;
		if (left <= room)
			return left;
		for (size_t m = room; m > 0; m--)
			if (f->brk[k + m])
				return m;
		if (L->page_used) {
			open_page(L);
			continue;
		}
		if (room == 0)
			return 1;
		if (left - room == 1 && room > FLOW_MIN)
			room--;
		return room;
	}
}

/* A paragraph (or heading) shaped and broken, with its page breaks. */
typedef struct TextFlow {
	const TsText *t;
	TsLine *ln;
	Flow f;
} TextFlow;

static void
text_flow(Lay *L, const DocText *dt, const char *plain, double size, int bold, double w,
	double indent, DocAlign align, TextFlow *tf)
{
	tf->t = ts_text_shape(L->c, L->a, dt, plain, size, bold);
	size_t n = ts_text_break(tf->t, L->a, w - indent, w,
		align == DOC_ALIGN_JUSTIFY || align == DOC_ALIGN_DEFAULT ? L->c->justify : TS_JUSTIFY_NONE, &tf->ln);
	flow_init(L, &tf->f, n, lh_of(L, size));
	for (size_t i = 1; i < n; i++)
		flow_allow(&tf->f, i);
}

/* Place the lines of tf from the current y, page breaks where tf allows. */
static void
flow_lines(Lay *L, const TextFlow *tf, double x, double w, double indent, DocAlign align,
	const char *src)
{
	const Flow *f = &tf->f;
	double b = base_of(L, tf->t->size);
	for (size_t k = 0; k < f->n;) {
		if (k > 0)
			open_page(L);
		size_t e = k + flow_take(L, f, k);
		L->page_used = 1;
		for (; k < e; k++) {
			double xi = k == 0 ? x + indent : x, wi = k == 0 ? w - indent : w;
			ts_text_emit(L->c, L->dl, L->page, tf->t, tf->ln, k, f->n, xi, L->ph - (L->y + b), wi,
				align, src);
			L->y += f->lh;
		}
	}
}

static void
flow_text(Lay *L, const DocText *dt, const char *plain, double size, int bold, double x, double w,
	double indent, DocAlign align, const char *src)
{
	TextFlow tf;
	text_flow(L, dt, plain, size, bold, w, indent, align, &tf);
	flow_lines(L, &tf, x, w, indent, align, src);
}

/* ---- blocks ---- */

static double
heading_size(const Lay *L, int level)
{
	return level == 1 ? L->body + 4 : level == 2 ? L->body + 2 : L->body;
}

static void
para_flow(Lay *L, const DocPara *p, TextFlow *tf)
{
	text_flow(L, &p->text, NULL, p->size > 0 ? p->size * L->scale : L->body, 0, L->width, p->indent_mm * MM,
		p->align, tf);
}

/* A list's items shaped and broken, with the list's page breaks. */
typedef struct ListFlow {
	const TsText **t;
	TsLine **ln;
	size_t *n;                 /* lines of each item */
	size_t nitems;
	double xm, xt, hang;       /* marker and text left edges, marker width */
	Flow f;
} ListFlow;

static void
list_flow(Lay *L, const DocList *l, ListFlow *lf)
{
	double size = L->body;
	lf->hang = l->ordered ? text_width(L, digits(L, "99."), size, 0) + 3 * MM : 6 * MM;
	lf->xm = L->x0 + 5 * MM;
	lf->xt = lf->xm + lf->hang;
	double w = L->x0 + L->width - lf->xt;
	size_t ni = 0, total = 0;
	for (const DocItem *it = l->first; it; it = it->next)
		ni++;
	lf->nitems = ni;
	lf->t = arena_array(L->a, ni + 1, sizeof *lf->t);
	lf->ln = arena_array(L->a, ni + 1, sizeof *lf->ln);
	lf->n = arena_array(L->a, ni + 1, sizeof *lf->n);
	size_t k = 0;
	for (const DocItem *it = l->first; it; it = it->next, k++) {
		lf->t[k] = ts_text_shape(L->c, L->a, &it->text, NULL, size, 0);
		lf->n[k] = ts_text_break(lf->t[k], L->a, w, w, 0, &lf->ln[k]);
		/* An empty item still takes its marker's line. */
		if (lf->n[k] == 0)
			lf->n[k] = 1;
		total += lf->n[k];
	}
	flow_init(L, &lf->f, total, lh_of(L, size));
	flow_units(&lf->f, lf->n, NULL, ni, 0);
}

/* A label list shaped and broken: each row is as tall as the longer of its
 * label and value. */
typedef struct LabelFlow {
	const TsText **tl, **tv;
	TsLine **ll, **lv;
	size_t *nl, *nv, *rows;
	size_t nrows;
	double lw;                 /* label column width */
	Flow f;
} LabelFlow;

static void
label_flow(Lay *L, const DocLabels *lb, LabelFlow *bf)
{
	double size = L->body;
	double lw = lb->label_mm * MM;
	if (lw <= 0) {
		for (const DocLabel *l = lb->first; l; l = l->next) {
			const TsText *t = ts_text_shape(L->c, L->a, &l->label, NULL, size, 1);
			double mn, mx;
			ts_text_measure(t, &mn, &mx);
			if (mx > lw)
				lw = mx;
		}
		lw += 4 * MM;
		if (lw > L->width * 0.4)
			lw = L->width * 0.4;
	}
	bf->lw = lw;
	size_t nr = 0, total = 0;
	for (const DocLabel *l = lb->first; l; l = l->next)
		nr++;
	bf->nrows = nr;
	bf->tl = arena_array(L->a, nr + 1, sizeof *bf->tl);
	bf->tv = arena_array(L->a, nr + 1, sizeof *bf->tv);
	bf->ll = arena_array(L->a, nr + 1, sizeof *bf->ll);
	bf->lv = arena_array(L->a, nr + 1, sizeof *bf->lv);
	bf->nl = arena_array(L->a, nr + 1, sizeof *bf->nl);
	bf->nv = arena_array(L->a, nr + 1, sizeof *bf->nv);
	bf->rows = arena_array(L->a, nr + 1, sizeof *bf->rows);
	size_t *lead = arena_array(L->a, nr + 1, sizeof *lead);
	size_t k = 0;
	for (const DocLabel *l = lb->first; l; l = l->next, k++) {
		bf->tl[k] = ts_text_shape(L->c, L->a, &l->label, NULL, size, 1);
		bf->tv[k] = ts_text_shape(L->c, L->a, &l->value, NULL, size, 0);
		bf->nl[k] = ts_text_break(bf->tl[k], L->a, lw - 2 * MM, lw - 2 * MM, 0, &bf->ll[k]);
		bf->nv[k] = ts_text_break(bf->tv[k], L->a, L->width - lw, L->width - lw, 0, &bf->lv[k]);
		size_t rows = bf->nl[k] > bf->nv[k] ? bf->nl[k] : bf->nv[k];
		bf->rows[k] = rows ? rows : 1;
		lead[k] = bf->nl[k] > LABEL_RUN_ON ? bf->nl[k] : LABEL_RUN_ON;
		total += bf->rows[k];
	}
	flow_init(L, &bf->f, total, lh_of(L, size));
	if (total > LABELS_LIST_WHOLE)
		flow_units(&bf->f, bf->rows, lead, nr, LABELS_WHOLE);
}

/* Room to keep below a heading or caption so it is not left alone at the
 * foot of a page: the first part of a paragraph, list or label list that
 * no page break may divide (a short label list whole), the start of a
 * table (about six lines), or a chart's first bars (about twelve), or a
 * heading and what it keeps; two lines of body text before anything else
 * (a space, the end). A caption that keeps with its
 * own next block adds its line and that block's room: a heading is kept
 * with its table's caption and the table's first rows as one chain. */
static double
keep_room(Lay *L, const DocBlock *next)
{
	double room = 0;
	while (next != NULL && next->kind == DOC_PARA && next->u.para.keep_with_next) {
		const DocPara *p = &next->u.para;
		room += lh_of(L, p->size > 0 ? p->size * L->scale : L->body);
		next = next->next;
	}
	DocKind kind = next ? next->kind : DOC_SPACE;
	/* A heading right under another (ส่วนที่ 3 then 3.1) keeps with what
	 * the second keeps with. */
	if (kind == DOC_HEADING)
		return room + lh_of(L, L->body) * 0.7 + lh_of(L, heading_size(L, next->u.heading.level)) +
			keep_room(L, next->next);
	if (kind == DOC_PARA) {
		TextFlow tf;
		para_flow(L, &next->u.para, &tf);
		return room + flow_head(&tf.f);
	}
	if (kind == DOC_LIST) {
		ListFlow lf;
		list_flow(L, &next->u.list, &lf);
		return room + flow_head(&lf.f);
	}
	if (kind == DOC_LABELS) {
		LabelFlow bf;
		label_flow(L, &next->u.labels, &bf);
		return room + flow_head(&bf.f);
	}
	if (kind == DOC_IMAGE)
		return room + next->u.images.height_mm * MM + 2 * MM + 2 * lh_of(L, L->body - 2);
	int lines = kind == DOC_CHART ? 12 : kind == DOC_TABLE ? 6 : 2;
	return room + lines * lh_of(L, L->body);
}

/* The next entry of the lists of contents is on the current page. */
static void
toc_reached(Lay *L)
{
	if (L->itoc < L->ntoc) {
		TocEntry *e = &L->toc[L->itoc++];
		page_label(L, L->page, e->page, sizeof e->page);
	}
}

static void
do_heading(Lay *L, const DocHeading *h, const DocBlock *next)
{
	double size = heading_size(L, h->level);
	double lh = lh_of(L, size);
	double before = L->page_used ? lh_of(L, L->body) * 0.5 : 0;
	double after = lh_of(L, L->body) * 0.2;
	DocText t = { 0 };
	char *body = NULL;
	{
		Doc tmp = { 0 };
		tmp.arena = L->a;
		if (h->number) {
			doc_text_add(&tmp, &t, digits(L, h->number), 1);
			doc_text_add(&tmp, &t, " ", 1);
		}
		for (const DocSpan *s = h->text.first; s; s = s->next)
			doc_text_add(&tmp, &t, s->text, 1);
		body = doc_text_string(&tmp, &t);
	}
	TextFlow tf;
	text_flow(L, &t, NULL, size, 1, L->width, 0, DOC_ALIGN_LEFT, &tf);
	double hh = lh * (double)(tf.f.n ? tf.f.n : 1);
	if (L->open && L->page_used && L->y + before + hh + after + keep_room(L, next) > L->bottom)
		open_page(L);
	if (L->page_used)
		L->y += before;
	/* The heading's lines start on the page its bookmark names. */
	need(L, hh < L->bottom - L->top ? hh : lh);
	double ytop = L->y;
	flow_lines(L, &tf, L->x0, L->width, 0, DOC_ALIGN_LEFT, tag(L, "h%d", L->nblock, 0, 0));
	if (h->in_toc) {
		dl_add_mark(L->dl, L->page, h->level, L->ph - ytop, body);
		toc_reached(L);
	}
	L->y += after;
}

static void
do_para(Lay *L, const DocPara *p, const DocBlock *next)
{
	double size = p->size > 0 ? p->size * L->scale : L->body;
	TextFlow tf;
	para_flow(L, p, &tf);
	if (p->keep_with_next && L->open && L->page_used &&
	    L->y + flow_head(&tf.f) + keep_room(L, next) > L->bottom)
		open_page(L);
	/* A caption's entry takes the page of its first line. */
	if (p->caption != DOC_CAPTION_NONE && tf.f.n > 0)
		need(L, tf.f.lh);
	if (p->caption != DOC_CAPTION_NONE)
		toc_reached(L);
	flow_lines(L, &tf, L->x0, L->width, p->indent_mm * MM, p->align, tag(L, "p%d", L->nblock, 0, 0));
	L->y += lh_of(L, size) * 0.25;
}

static int
covers_cp(Lay *L, uint32_t cp)
{
	const TsFonts *f = L->c->fonts;
	for (size_t i = 0; i < f->nfaces; i++) {
		hb_codepoint_t g;
		if (hb_font_get_nominal_glyph(f->faces[i].font, cp, &g))
			return 1;
	}
	return 0;
}

static void
do_list(Lay *L, const DocList *l)
{
	double size = L->body;
	const char *bullet = covers_cp(L, 0x2022) ? "\xE2\x80\xA2" : "-";
	ListFlow lf;
	list_flow(L, l, &lf);
	const Flow *f = &lf.f;
	double b = base_of(L, size), w = L->x0 + L->width - lf.xt;
	size_t item = 0, j = 0;  /* item of line g, and line within it */
	for (size_t g = 0; g < f->n;) {
		if (g > 0)
			open_page(L);
		size_t e = g + flow_take(L, f, g);
		L->page_used = 1;
		for (; g < e; g++) {
			if (j == 0) {
				char num[32];
				snprintf(num, sizeof num, "%zu.", item + 1);
				put_text(L, l->ordered ? digits(L, num) : bullet, size, 0, lf.xm, L->y, lf.hang,
					DOC_ALIGN_LEFT, tag(L, "l%dm%d", L->nblock, (int)item, 0));
			}
			if (j < lf.n[item] && lf.ln[item] != NULL)
				ts_text_emit(L->c, L->dl, L->page, lf.t[item], lf.ln[item], j, lf.n[item], lf.xt,
					L->ph - (L->y + b), w, DOC_ALIGN_LEFT, tag(L, "l%di%d", L->nblock, (int)item, 0));
			L->y += f->lh;
			if (++j >= lf.n[item]) {
				item++;
				j = 0;
			}
		}
	}
	L->y += f->lh * 0.25;
}

static void
do_labels(Lay *L, const DocLabels *lb)
{
	double size = L->body;
	LabelFlow bf;
	label_flow(L, lb, &bf);
	const Flow *f = &bf.f;
	double b = base_of(L, size), lw = bf.lw;
	size_t row = 0, j = 0;   /* row of line g, and line within it */
	for (size_t g = 0; g < f->n;) {
		if (g > 0)
			open_page(L);
		size_t e = g + flow_take(L, f, g);
		L->page_used = 1;
		for (; g < e; g++) {
			/* A label's lines all go with its value's first: no page break
			 * comes before them (label_flow). */
			if (j == 0)
				for (size_t i = 0; i < bf.nl[row]; i++)
					ts_text_emit(L->c, L->dl, L->page, bf.tl[row], bf.ll[row], i, bf.nl[row], L->x0,
						L->ph - (L->y + b + f->lh * (double)i), lw - 2 * MM, DOC_ALIGN_LEFT,
						tag(L, "b%dl%d", L->nblock, (int)row, 0));
			if (j < bf.nv[row])
				ts_text_emit(L->c, L->dl, L->page, bf.tv[row], bf.lv[row], j, bf.nv[row], L->x0 + lw,
					L->ph - (L->y + b), L->width - lw, DOC_ALIGN_LEFT,
					tag(L, "b%dv%d", L->nblock, (int)row, 0));
			L->y += f->lh;
			if (++j >= bf.rows[row]) {
				row++;
				j = 0;
			}
		}
	}
	L->y += f->lh * 0.25;
}

/* ---- tables ---- */

typedef struct TCell {
	const DocCell *dc;
	size_t row, col, cs, rs;
	const TsText *t;
	TsLine *ln;
	size_t n;
	DocAlign align;
} TCell;

typedef struct TRow {
	const DocRow *dr;
	size_t c0, c1;             /* cells */
	double h;
} TRow;

#define PAD_X (1.5 * MM)
/* The smallest a table's type is set to keep its words whole (of its size). */
#define TABLE_MIN_SCALE 0.7
#define PAD_Y (0.6 * MM)

static void
draw_row(Lay *L, const DocTable *tb, TRow *rows, size_t r, TCell *cells, const double *xcol,
	double ytop, size_t first_line, size_t max_lines, double h, const char *srcfmt, int bi)
{
	(void)tb;
	double size = L->s ? 0 : 0;
	(void)size;
	const TRow *R = &rows[r];
	for (size_t i = R->c0; i < R->c1; i++) {
		TCell *c = &cells[i];
		double x = xcol[c->col], w = xcol[c->col + c->cs] - x;
		double ch = h;
		for (size_t k = 1; k < c->rs; k++)
			ch += rows[r + k].h;
		DlColor fill = DL_NONE;
		if (R->dr->kind == DOC_ROW_HEADER)
			fill = HEAD_FILL;
		else if (R->dr->kind == DOC_ROW_TOTAL)
			fill = TOTAL_FILL;
		else if (R->dr->shaded)
			fill = SHADE_FILL;
		rect(L, x, ytop, w, ch, fill, GRID, 0.5);
		double lh = lh_of(L, c->t->size), b = base_of(L, c->t->size);
		double yt = ytop + PAD_Y;
		if (R->dr->kind == DOC_ROW_HEADER)
			yt = ytop + (ch - lh * (double)c->n) / 2;
		size_t end = c->n;
		if (max_lines && first_line + max_lines < end)
			end = first_line + max_lines;
		for (size_t k = first_line; k < end; k++)
			ts_text_emit(L->c, L->dl, L->page, c->t, c->ln, k, c->n, x + PAD_X,
				L->ph - (yt + b + lh * (double)(k - first_line)), w - 2 * PAD_X, c->align,
				tag(L, srcfmt, bi, (int)r, (int)c->col));
	}
}

/* Take excess points off the columns of wd whose width is above floor[k],
 * in proportion to what each has above it; returns what could not be taken. */
static double
shrink_to(double *wd, const double *floor, size_t nc, double excess)
{
	double room = 0;
	for (size_t k = 0; k < nc; k++)
		if (wd[k] > floor[k])
			room += wd[k] - floor[k];
	if (room <= 0 || excess <= 0)
		return excess;
	double take = excess < room ? excess : room;
	for (size_t k = 0; k < nc; k++)
		if (wd[k] > floor[k])
			wd[k] -= (wd[k] - floor[k]) * take / room;
	return excess - take;
}

/* No column narrower than the widest unbreakable word (dictionary word or
 * keep word) of its header cells, hmin[k] (padding included), and no span
 * of columns narrower than that of a header cell spanning them: a header
 * broken inside a word (ปีงบประ|มาณ) reads as two words. The width a column
 * gains comes from the others: first from what they have above their own
 * widest word (umin, so that no body word breaks either), then from what
 * they have above their header's widest word; only a page too narrow for
 * all the header words together leaves a column short (and scales them all). */
static void
fit_header_words(Lay *L, const DocTable *tb, const TCell *cells, size_t ncells, const TRow *rows,
	double *wd, double *hmin, const double *umin)
{
	size_t nc = tb->ncols;
	double before = 0;
	for (size_t k = 0; k < nc; k++)
		before += wd[k];
	for (size_t k = 0; k < nc; k++)
		if (wd[k] < hmin[k])
			wd[k] = hmin[k];
	/* No column cuts an unbreakable piece of its cells either: a keep word,
	 * a number (๓.๑.๑๐ is wider in Thai digits than in Arabic), a fixed
	 * width included. The type was made smaller first if they could not
	 * all fit (table_fit_size). */
	for (size_t k = 0; k < nc; k++)
		if (wd[k] < umin[k])
			wd[k] = umin[k];
	for (size_t i = 0; i < ncells; i++) {
		const TCell *c = &cells[i];
		if (c->cs < 2 || rows[c->row].dr->kind != DOC_ROW_HEADER)
			continue;
		double a, b, have = 0;
		ts_text_measure(c->t, &a, &b);
		for (size_t k = c->col; k < c->col + c->cs; k++)
			have += wd[k];
		double need = a + 2 * PAD_X;
		for (size_t k = c->col; k < c->col + c->cs; k++) {
			if (need > have)
				wd[k] += (need - have) / (double)c->cs;
			if (wd[k] > hmin[k])
				hmin[k] = wd[k];
		}
	}
	double total = 0;
	for (size_t k = 0; k < nc; k++)
		total += wd[k];
	/* A table already wider than the page stays as wide, no wider. */
	double target = before > L->width ? before : L->width;
	if (total <= target + 0.01)
		return;
	double *floor = mem_array(nc, sizeof *floor);
	for (size_t k = 0; k < nc; k++)
		floor[k] = umin[k] > hmin[k] ? umin[k] : hmin[k];
	double excess = shrink_to(wd, floor, nc, total - target);
	excess = shrink_to(wd, hmin, nc, excess);
	if (excess > 0.01) {
		for (size_t k = 0; k < nc; k++)
			floor[k] = 0;
		shrink_to(wd, floor, nc, excess);
	}
	free(floor);
}

/* At the top of a page a table continues on: its caption's label and
 * "(ต่อ)", as Thai reports mark a continued table. */
static void
table_continues(Lay *L, double size)
{
	if (L->table_label == NULL)
		return;
	const char *text = arena_printf(L->a, "%s (ต่อ)", L->table_label);
	put_text(L, text, size, 1, L->x0, L->y, L->width, DOC_ALIGN_LEFT, tag(L, "t%dcont", L->nblock, 0, 0));
	L->y += lh_of(L, size);
}

/* The type size at which a table's columns can each be as wide as their
 * widest unbreakable piece (a keep word, a number, a dictionary word) and
 * header word: size itself when they fit the text width, else a step
 * smaller (a dense table in smaller type, as offices set one), never below
 * TABLE_MIN_SCALE of it. umin and hmin are measured at size, padding
 * included; a fixed column keeps its width unless its pieces need more. */
static double
table_fit_size(Lay *L, const DocTable *tb, double size, const double *umin, const double *hmin)
{
	static const double steps[] = { 1.0, 0.94, 0.88, 0.82, 0.76, TABLE_MIN_SCALE };
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		double f = steps[i], need = 0;
		for (size_t k = 0; k < tb->ncols; k++) {
			double piece = umin[k] > hmin[k] ? umin[k] : hmin[k];
			double w = piece > 2 * PAD_X ? (piece - 2 * PAD_X) * f + 2 * PAD_X : piece;
			if (tb->cols[k].width_mm > 0 && tb->cols[k].width_mm * MM > w)
				w = tb->cols[k].width_mm * MM;
			need += w;
		}
		if (need <= L->width + 0.01)
			return size * f;
	}
	return size * TABLE_MIN_SCALE;
}

static void
do_table(Lay *L, const DocTable *tb)
{
	double size = tb->size > 0 ? tb->size * L->scale : L->body;
	size_t nc = tb->ncols, nr = tb->nrows, ncell = 0;
	for (const DocRow *r = tb->first; r; r = r->next)
		ncell += r->ncells;
	TRow *rows = mem_array(nr + 1, sizeof *rows);
	TCell *cells = mem_array(ncell + 1, sizeof *cells);
	/* Place cells on the grid; rowspans (header rows) reserve columns below. */
	size_t *busy = mem_array(nc, sizeof *busy);  /* rows still covered by a span */
	size_t ri = 0, ci = 0;
	for (const DocRow *r = tb->first; r; r = r->next, ri++) {
		rows[ri].dr = r;
		rows[ri].c0 = ci;
		size_t col = 0;
		for (const DocCell *dc = r->first; dc; dc = dc->next) {
			while (col < nc && busy[col] > 0)
				col++;
			if (col >= nc)
				break;
			TCell *c = &cells[ci++];
			c->dc = dc;
			c->row = ri;
			c->col = col;
			c->cs = dc->colspan < 1 ? 1 : (size_t)dc->colspan;
			if (c->col + c->cs > nc)
				c->cs = nc - c->col;
			c->rs = dc->rowspan < 1 || r->kind != DOC_ROW_HEADER ? 1 : (size_t)dc->rowspan;
			c->align = dc->align != DOC_ALIGN_DEFAULT ? dc->align :
				r->kind == DOC_ROW_HEADER ? DOC_ALIGN_CENTER : tb->cols[col].align;
			if (c->align == DOC_ALIGN_DEFAULT || c->align == DOC_ALIGN_JUSTIFY)
				c->align = DOC_ALIGN_LEFT;
			for (size_t k = 0; k < c->cs; k++)
				busy[col + k] = c->rs;
			col += c->cs;
		}
		rows[ri].c1 = ci;
		for (size_t k = 0; k < nc; k++)
			if (busy[k] > 0)
				busy[k]--;
	}
	free(busy);

	/* Column widths: fixed ones as given; the rest from content (narrowest
	 * unbreakable piece and natural width), spread over what is left. The
	 * cells are shaped, measured, and shaped again smaller when their
	 * unbreakable pieces cannot all fit (table_fit_size). */
	double *mn = mem_array(nc, sizeof *mn), *mx = mem_array(nc, sizeof *mx);
	double *wd = mem_array(nc, sizeof *wd);
	double *hmin = mem_array(nc, sizeof *hmin), *umin = mem_array(nc, sizeof *umin);
	for (int pass = 0; pass < 2; pass++) {
		memset(mn, 0, nc * sizeof *mn);
		memset(mx, 0, nc * sizeof *mx);
		memset(hmin, 0, nc * sizeof *hmin);
		memset(umin, 0, nc * sizeof *umin);
		for (size_t i = 0; i < ci; i++) {
			const DocRow *dr = rows[cells[i].row].dr;
			cells[i].t = ts_text_shape(L->c, L->a, &cells[i].dc->text, NULL, size, dr->kind != DOC_ROW_BODY);
			if (cells[i].cs != 1)
				continue;
			double a, b;
			ts_text_measure(cells[i].t, &a, &b);
			size_t k = cells[i].col;
			int head = dr->kind == DOC_ROW_HEADER;
			if (head && a + 2 * PAD_X > hmin[k])
				hmin[k] = a + 2 * PAD_X;
			if (a + 2 * PAD_X > umin[k])
				umin[k] = a + 2 * PAD_X;
			/* Header words should not wrap when a little width avoids it. */
			if (head && b < L->width * 0.2 && b > a)
				a = b;
			if (a + 2 * PAD_X > mn[k])
				mn[k] = a + 2 * PAD_X;
			if (b + 2 * PAD_X > mx[k])
				mx[k] = b + 2 * PAD_X;
		}
		double fit = pass == 0 ? table_fit_size(L, tb, size, umin, hmin) : size;
		if (fit >= size)
			break;
		size = fit;
	}
	double lh = lh_of(L, size);
	double fixed = 0, smin = 0, smax = 0;
	for (size_t k = 0; k < nc; k++) {
		if (tb->cols[k].width_mm > 0) {
			wd[k] = tb->cols[k].width_mm * MM;
			fixed += wd[k];
		} else {
			if (mx[k] < mn[k])
				mx[k] = mn[k];
			if (mn[k] < 2 * PAD_X + 2)
				mn[k] = 2 * PAD_X + 2;
			if (mx[k] < mn[k])
				mx[k] = mn[k];
			smin += mn[k];
			smax += mx[k];
		}
	}
	double avail = L->width - fixed;
	for (size_t k = 0; k < nc; k++) {
		if (tb->cols[k].width_mm > 0)
			continue;
		if (smax <= avail)
			wd[k] = mx[k] + (tb->full_width && smax > 0 ? (avail - smax) * mx[k] / smax : 0);
		else if (smin >= avail)
			wd[k] = avail > 0 ? mn[k] * avail / smin : mn[k];
		else
			wd[k] = mn[k] + (mx[k] - mn[k]) * (avail - smin) / (smax - smin);
	}
	fit_header_words(L, tb, cells, ci, rows, wd, hmin, umin);
	free(hmin);
	free(umin);
	double *xcol = mem_array(nc + 1, sizeof *xcol);
	xcol[0] = L->x0;
	for (size_t k = 0; k < nc; k++)
		xcol[k + 1] = xcol[k] + wd[k];
	free(mn);
	free(mx);
	free(wd);

	/* Break cells, row heights; a rowspan's extra height goes to its last row. */
	for (size_t i = 0; i < ci; i++) {
		TCell *c = &cells[i];
		double w = xcol[c->col + c->cs] - xcol[c->col] - 2 * PAD_X;
		c->n = ts_text_break(c->t, L->a, w, w, 0, &c->ln);
		if (c->n == 0)
			c->n = 0;
		if (c->rs == 1) {
			double h = lh * (double)(c->n ? c->n : 1) + 2 * PAD_Y;
			if (h > rows[c->row].h)
				rows[c->row].h = h;
		}
	}
	for (size_t r = 0; r < nr; r++)
		if (rows[r].h <= 0)
			rows[r].h = lh + 2 * PAD_Y;
	for (size_t i = 0; i < ci; i++) {
		TCell *c = &cells[i];
		if (c->rs <= 1)
			continue;
		double need_h = lh * (double)c->n + 2 * PAD_Y, have = 0;
		for (size_t k = 0; k < c->rs && c->row + k < nr; k++)
			have += rows[c->row + k].h;
		if (need_h > have)
			rows[c->row + c->rs - 1].h += need_h - have;
	}
	size_t nhead = 0;
	double hh = 0;
	while (nhead < nr && rows[nhead].dr->kind == DOC_ROW_HEADER)
		hh += rows[nhead++].h;

	int bi = L->nblock;
	/* The header and the first body row start together. */
	need(L, hh + (nhead < nr ? rows[nhead].h : 0));
	int header_drawn = 0;
	for (size_t r = 0; r < nr; r++) {
		if (r < nhead) {
			draw_row(L, tb, rows, r, cells, xcol, L->y, 0, 0, rows[r].h, "t%dr%dc%d", bi);
			L->y += rows[r].h;
			header_drawn = 1;
			continue;
		}
		double h = rows[r].h;
		if (L->y + h > L->bottom + 0.01) {
			double room = L->bottom - L->top - hh - (L->table_label ? lh : 0);
			if (h <= room || L->y > L->top + hh + lh * 3) {
				open_page(L);
				L->page_used = 1;
				table_continues(L, size);
				for (size_t k = 0; k < nhead; k++) {
					draw_row(L, tb, rows, k, cells, xcol, L->y, 0, 0, rows[k].h, "t%dr%dc%d", bi);
					L->y += rows[k].h;
				}
			}
		}
		if (L->y + h <= L->bottom + 0.01) {
			draw_row(L, tb, rows, r, cells, xcol, L->y, 0, 0, h, "t%dr%dc%d", bi);
			L->y += h;
			continue;
		}
		/* A row taller than a page: its lines continue on the next pages. */
		size_t done = 0, most = 0;
		for (size_t i = rows[r].c0; i < rows[r].c1; i++)
			if (cells[i].n > most)
				most = cells[i].n;
		while (done < most) {
			size_t fit = (size_t)((L->bottom - L->y - 2 * PAD_Y) / lh);
			if (fit == 0)
				fit = 1;
			if (done + fit > most)
				fit = most - done;
			double hp = lh * (double)fit + 2 * PAD_Y;
			draw_row(L, tb, rows, r, cells, xcol, L->y, done, fit, hp, "t%dr%dc%d", bi);
			L->y += hp;
			done += fit;
			if (done < most) {
				open_page(L);
				L->page_used = 1;
				table_continues(L, size);
				for (size_t k = 0; k < nhead; k++) {
					draw_row(L, tb, rows, k, cells, xcol, L->y, 0, 0, rows[k].h, "t%dr%dc%d", bi);
					L->y += rows[k].h;
				}
			}
		}
	}
	(void)header_drawn;
	L->y += lh * 0.5;
	free(xcol);
	free(rows);
	free(cells);
}

/* ---- charts ---- */

static double
nice_max(double v)
{
	if (v <= 0)
		return 1;
	double e = pow(10, floor(log10(v)));
	double m = v / e;
	double n = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
	return n * e;
}

/* Number of scale divisions giving round steps, and the decimals they need. */
static int
ticks_of(double vmax, int *decimals)
{
	static const int tries[] = { 4, 5, 2, 10 };
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		double st = vmax / tries[i];
		if (fabs(st - round(st)) < 1e-9) {
			*decimals = 0;
			return tries[i];
		}
	}
	*decimals = 1;
	return 4;
}

static const char *
fmt_value(Lay *L, double v, int decimals, const char *unit)
{
	char b[40];
	dl_fmt_num(b, v, decimals);
	/* dl_fmt_num drops trailing zeros; charts print the decimals asked for. */
	char full[64];
	size_t n = strlen(b);
	memcpy(full, b, n + 1);
	if (decimals > 0) {
		char *dot = strchr(full, '.');
		size_t have = dot ? strlen(dot + 1) : 0;
		if (!dot) {
			full[n++] = '.';
			full[n] = '\0';
		}
		for (; have < (size_t)decimals && n + 1 < sizeof full; have++) {
			full[n++] = '0';
			full[n] = '\0';
		}
	}
	const char *s = arena_printf(L->a, "%s%s", full, unit ? unit : "");
	return digits(L, s);
}

static void
do_chart(Lay *L, const DocChart *ch)
{
	double size = L->body - 2, lh = lh_of(L, size);
	int bi = L->nblock;
	int has_title = ch->title && *ch->title;
	double title_h = has_title ? lh_of(L, L->body) : 0;
	size_t ncat = ch->ncat, ns = ch->nseries;
	double vmax = ch->max;
	if (vmax <= 0) {
		for (size_t i = 0; i < ncat; i++) {
			double sum = 0;
			for (size_t j = 0; j < ns; j++) {
				double v = ch->values[j * ncat + i];
				if (ch->kind == DOC_CHART_STACKED)
					sum += v;
				else if (v > sum)
					sum = v;
			}
			if (sum > vmax)
				vmax = sum;
		}
		if (ch->has_goal && ch->goal > vmax)
			vmax = ch->goal;
		vmax = nice_max(vmax);
	}
	const char *unit = ch->unit;
	double legend_h = ns > 1 || ch->kind == DOC_CHART_STACKED ? lh * 1.3 : 0;

	if (ch->kind == DOC_CHART_COLUMNS) {
		double plot_h = 55 * MM;
		double total = title_h + plot_h + lh * 2.2 + legend_h + lh;
		need(L, total);
		double y = L->y;
		if (has_title)
			put_text(L, ch->title, L->body, 1, L->x0, y, L->width, DOC_ALIGN_CENTER,
				tag(L, "c%dt", bi, 0, 0));
		y += title_h + lh;
		double ax = L->x0 + 12 * MM, aw = L->width - 12 * MM;
		double slot = aw / (double)ncat, bw = slot * 0.7 / (double)ns;
		/* grid lines and scale */
		int tdec, nt = ticks_of(vmax, &tdec);
		for (int k = 0; k <= nt; k++) {
			double v = vmax * k / nt, yy = y + plot_h - plot_h * k / nt;
			line(L, ax, yy, ax + aw, yy, k == 0 ? BLACK : dl_rgb(220, 220, 220), k == 0 ? 0.8 : 0.4);
			put_text(L, fmt_value(L, v, tdec, NULL), size, 0, L->x0, yy - lh / 2, 11 * MM,
				DOC_ALIGN_RIGHT, tag(L, "c%ds%d", bi, k, 0));
		}
		for (size_t i = 0; i < ncat; i++) {
			double sx = ax + slot * (double)i + slot * 0.15;
			for (size_t j = 0; j < ns; j++) {
				double v = ch->values[j * ncat + i];
				double hgt = vmax > 0 ? plot_h * (v < 0 ? 0 : v > vmax ? vmax : v) / vmax : 0;
				double bx = sx + bw * (double)j;
				rect(L, bx, y + plot_h - hgt, bw, hgt, PALETTE[j % 8], DL_NONE, 0);
				put_text(L, fmt_value(L, v, ch->decimals, NULL), size - 2, 0, bx - 2 * MM,
					y + plot_h - hgt - lh, bw + 4 * MM, DOC_ALIGN_CENTER,
					tag(L, "c%dv%d_%d", bi, (int)j, (int)i));
			}
			put_text(L, ch->categories[i], size, 0, ax + slot * (double)i, y + plot_h + 0.5 * MM,
				slot, DOC_ALIGN_CENTER, tag(L, "c%dk%d", bi, (int)i, 0));
		}
		y += plot_h + lh * 1.2;
		L->y = y;
	} else {
		/* Horizontal bars: labels on the left, values at the bar ends. */
		double lw = 0;
		for (size_t i = 0; i < ncat; i++) {
			double w = text_width(L, ch->categories[i], size, 0);
			if (w > lw)
				lw = w;
		}
		lw += 2 * MM;
		if (lw > L->width * 0.35)
			lw = L->width * 0.35;
		double ax = L->x0 + lw, aw = L->width - lw - 18 * MM;
		double row = lh * 1.25;
		/* Category labels may wrap: row height from the widest label. */
		double total = title_h + lh * 1.2 + row * (double)ncat + lh * 1.5 + legend_h;
		need(L, total > L->bottom - L->top ? L->bottom - L->top : total);
		double y = L->y;
		if (has_title)
			put_text(L, ch->title, L->body, 1, L->x0, y, L->width, DOC_ALIGN_CENTER,
				tag(L, "c%dt", bi, 0, 0));
		y += title_h;
		/* Room above the bars for the goal's label only when there is one. */
		if (ch->has_goal) {
			put_text(L, arena_printf(L->a, "เป้าหมาย %s", fmt_value(L, ch->goal, ch->decimals, unit)),
				size, 0, ax + aw * ch->goal / vmax - 20 * MM, y, 40 * MM, DOC_ALIGN_CENTER,
				tag(L, "c%dg", bi, 0, 0));
			y += lh * 1.2;
		} else {
			y += lh * 0.3;
		}
		double y_axis0 = y;
		for (size_t i = 0; i < ncat; i++) {
			if (y + row > L->bottom) {
				open_page(L);
				L->page_used = 1;
				y = L->y;
				y_axis0 = y;
			}
			put_text(L, ch->categories[i], size, 0, L->x0, y + (row - lh) / 2, lw - 2 * MM,
				DOC_ALIGN_RIGHT, tag(L, "c%dk%d", bi, (int)i, 0));
			double bx = ax, sum = 0;
			for (size_t j = 0; j < ns; j++) {
				double v = ch->values[j * ncat + i];
				if (v < 0)
					v = 0;
				double bw = vmax > 0 ? aw * (v > vmax ? vmax : v) / vmax : 0;
				rect(L, bx, y + row * 0.15, bw, row * 0.7, PALETTE[j % 8], DL_NONE, 0);
				if (ch->kind == DOC_CHART_STACKED && v > 0 &&
				    bw > text_width(L, fmt_value(L, v, ch->decimals, NULL), size - 2, 0) + 2)
					put_text(L, fmt_value(L, v, ch->decimals, NULL), size - 2, 0, bx,
						y + (row - lh_of(L, size - 2)) / 2, bw, DOC_ALIGN_CENTER,
						tag(L, "c%dv%d_%d", bi, (int)j, (int)i));
				bx += bw;
				sum += v;
			}
			/* The total at the bar's end, but not a stack of shares that
			 * adds up to its scale (100 % at the end of every bar). */
			if (ch->kind != DOC_CHART_STACKED || ch->max <= 0 || fabs(sum - ch->max) > 0.5)
				put_text(L, fmt_value(L, sum, ch->decimals, ch->kind == DOC_CHART_STACKED ? NULL : unit),
					size, 0, bx + 1.5 * MM, y + (row - lh) / 2, 18 * MM, DOC_ALIGN_LEFT,
					tag(L, "c%dv%d", bi, (int)i, 0));
			y += row;
		}
		line(L, ax, y_axis0, ax, y, BLACK, 0.8);
		line(L, ax, y, ax + aw, y, BLACK, 0.8);
		int tdec, nt = ticks_of(vmax, &tdec);
		for (int k = 0; k <= nt; k++) {
			double xx = ax + aw * k / nt;
			line(L, xx, y, xx, y + 1 * MM, BLACK, 0.5);
			put_text(L, fmt_value(L, vmax * k / nt, tdec, unit), size - 2, 0, xx - 10 * MM, y + 1 * MM,
				20 * MM, DOC_ALIGN_CENTER, tag(L, "c%ds%d", bi, k, 0));
		}
		if (ch->has_goal && vmax > 0) {
			double gx = ax + aw * (ch->goal > vmax ? vmax : ch->goal) / vmax;
			line(L, gx, y_axis0 - 1 * MM, gx, y, GOAL, 1.2);
		}
		L->y = y + lh * 1.3;
	}
	if (legend_h > 0) {
		double x = L->x0;
		for (size_t j = 0; j < ns; j++) {
			double tw = text_width(L, ch->series[j], size, 0);
			if (x + 6 * MM + tw > L->x0 + L->width && x > L->x0) {
				L->y += lh;
				x = L->x0;
			}
			rect(L, x, L->y + lh * 0.3, 3.5 * MM, lh * 0.45, PALETTE[j % 8], DL_NONE, 0);
			put_text(L, ch->series[j], size, 0, x + 5 * MM, L->y, tw + 1, DOC_ALIGN_LEFT,
				tag(L, "c%dl%d", bi, (int)j, 0));
			x += 5 * MM + tw + 5 * MM;
		}
		L->y += lh;
	}
	L->y += lh * 0.5;
}

/* ---- images and signatures ---- */

/* Image im scaled into the box (x, ytop, w, h), aspect kept, centred. */
static void
put_image(Lay *L, const DocImage *im, double x, double ytop, double w, double h, int k)
{
	if (im == NULL || im->px_w <= 0 || im->px_h <= 0)
		return;
	double sw = w / im->px_w, sh = h / im->px_h, sc = sw < sh ? sw : sh;
	double iw = im->px_w * sc, ih = im->px_h * sc;
	DlItem *it = dl_add_item(L->dl, L->page, DL_IMAGE);
	it->u.image.x = x + (w - iw) / 2;
	it->u.image.y = L->ph - (ytop + (h - ih) / 2) - ih;
	it->u.image.w = iw;
	it->u.image.h = ih;
	it->u.image.data = im->data;
	it->u.image.len = im->len;
	it->u.image.jpeg = im->format == DOC_IMAGE_JPEG;
	it->u.image.source = im->source ? arena_strdup(L->a, im->source) : NULL;
	(void)k;
}

/* A grid of pictures: a row (its images and their captions) never splits. */
static void
do_images(Lay *L, const DocImages *g)
{
	double size = L->body - 2, lh = lh_of(L, size), gap = 5 * MM;
	int per = g->per_row;
	double cw = (L->width - gap * (per - 1)) / per, ch = g->height_mm * MM;
	const DocPicture *p = g->first;
	int k = 0;
	while (p) {
		const DocPicture *row[16];
		int n = 0;
		while (p && n < per && n < 16) {
			row[n++] = p;
			p = p->next;
		}
		TsLine *lines[16];
		size_t nl[16];
		const TsText *t[16];
		size_t most = 0;
		for (int i = 0; i < n; i++) {
			t[i] = ts_text_shape(L->c, L->a, &row[i]->caption, NULL, size, 0);
			nl[i] = ts_text_break(t[i], L->a, cw, cw, 0, &lines[i]);
			if (nl[i] > most)
				most = nl[i];
		}
		need(L, ch + 2 * MM + lh * (double)most);
		for (int i = 0; i < n; i++) {
			double x = L->x0 + i * (cw + gap);
			put_image(L, row[i]->image, x, L->y, cw, ch, k++);
			for (size_t j = 0; j < nl[i]; j++)
				ts_text_emit(L->c, L->dl, L->page, t[i], lines[i], j, nl[i], x,
					L->ph - (L->y + ch + 2 * MM + lh * (double)j + base_of(L, size)), cw,
					DOC_ALIGN_CENTER, tag(L, "img%dc%d", L->nblock, k, 0));
		}
		L->y += ch + 2 * MM + lh * (double)most + 3 * MM;
	}
}

/* A signature block in the right part of the text width, lines centred,
 * kept on one page, with a line's room above "ลงชื่อ" to sign in. */
static void
do_signature(Lay *L, const DocSignature *g)
{
	double size = L->body, lh = lh_of(L, size);
	const char *dots = "....................................................";
	const char *lines[4];
	int n = 0;
	if (g->sign_line)
		lines[n++] = g->role && *g->role ? arena_printf(L->a, "ลงชื่อ %s %s", dots, g->role) :
			arena_printf(L->a, "ลงชื่อ %s", dots);
	lines[n++] = *g->name ? arena_printf(L->a, "(%s)", g->name) : arena_printf(L->a, "(%s)", dots);
	if (g->position && *g->position)
		lines[n++] = g->position;
	if (g->date && *g->date)
		lines[n++] = g->date;
	/* The block's width: at least half the text width, wider for a long
	 * position so that it stays on one line; flush with the right margin. */
	double w = L->width * 0.5;
	for (int i = 0; i < n; i++) {
		double tw = text_width(L, lines[i], size, 0) + 2 * MM;
		if (tw > w)
			w = tw < L->width ? tw : L->width;
	}
	double x = L->x0 + L->width - w;
	const TsText *t[4];
	TsLine *ln[4];
	size_t nl[4], total = 0;
	for (int i = 0; i < n; i++) {
		t[i] = ts_text_shape(L->c, L->a, NULL, lines[i], size, 0);
		nl[i] = ts_text_break(t[i], L->a, w, w, 0, &ln[i]);
		total += nl[i];
	}
	double above = g->sign_line ? lh * 1.5 : lh * 0.5;
	need(L, above + lh * (double)total);
	L->y += above;
	for (int i = 0; i < n; i++)
		for (size_t j = 0; j < nl[i]; j++) {
			ts_text_emit(L->c, L->dl, L->page, t[i], ln[i], j, nl[i], x,
				L->ph - (L->y + base_of(L, size)), w, DOC_ALIGN_CENTER,
				tag(L, "sig%dl%d", L->nblock, i, 0));
			L->y += lh;
		}
	L->y += lh * 0.5;
}

/* ---- cover, TOC ---- */

static void
do_cover(Lay *L, const DocCover *cv)
{
	if (L->open && L->page_used)
		L->open = 0;
	need(L, 0);
	L->cover[L->page] = 1;
	double y = L->top + 30 * MM;
	if (cv->emblem) {
		/* The emblem at the head of the cover, as on an office's documents. */
		put_image(L, cv->emblem, L->x0, L->top, L->width, 35 * MM, 0);
		y = L->top + 35 * MM;
	}
	L->y = y;
	int k = 0;
	for (const DocCoverLine *l = cv->first; l; l = l->next, k++) {
		double size = l->size > 0 ? l->size : L->body;
		L->y += l->gap_mm * MM;
		const TsText *t = ts_text_shape(L->c, L->a, &l->text, NULL, size, 0);
		TsLine *ln;
		size_t n = ts_text_break(t, L->a, L->width, L->width, 0, &ln);
		for (size_t i = 0; i < n; i++) {
			ts_text_emit(L->c, L->dl, L->page, t, ln, i, n, L->x0,
				L->ph - (L->y + base_of(L, size)), L->width, DOC_ALIGN_CENTER,
				tag(L, "cover%d", k, 0, 0));
			L->y += lh_of(L, size);
		}
	}
	L->open = 0;
}

/* สารบัญ, สารบัญตาราง or สารบัญแผนภูมิ: the entries of one kind, each with
 * the page label the previous pass found. Captions are listed as their
 * label in a column, then the title, as Thai reports list them. */
static void
do_toc(Lay *L, DocCaptionKind kind)
{
	double size = L->body, lh = lh_of(L, size);
	if (L->open && L->page_used)
		L->open = 0;
	need(L, lh * 2);
	const Doc *doc = L->doc;
	const char *title = kind == DOC_CAPTION_TABLE ? (doc->toc_tables_title ? doc->toc_tables_title : "สารบัญตาราง") :
		kind == DOC_CAPTION_CHART ? (doc->toc_charts_title ? doc->toc_charts_title : "สารบัญแผนภูมิ") :
		(doc->toc_title ? doc->toc_title : "สารบัญ");
	put_text(L, title, L->body + 4, 1, L->x0, L->y, L->width, DOC_ALIGN_CENTER, "toc");
	L->y += lh_of(L, L->body + 4);
	double numw = 15 * MM, labw = 0;
	if (kind != DOC_CAPTION_NONE) {
		/* The label column: as wide as the widest label ("ตารางที่ 18"). */
		const char *head = kind == DOC_CAPTION_TABLE ? "ตารางที่" : "แผนภูมิที่";
		labw = text_width(L, head, size, 1);
		for (size_t i = 0; i < L->ntoc; i++)
			if (L->toc[i].kind == kind) {
				double w = text_width(L, L->toc[i].label, size, 0);
				if (w > labw)
					labw = w;
			}
		labw += 4 * MM;
		put_text(L, head, size, 1, L->x0, L->y, labw, DOC_ALIGN_LEFT, "toc");
	}
	put_text(L, "หน้า", size, 1, L->x0, L->y, L->width, DOC_ALIGN_RIGHT, "toc");
	L->y += lh;
	for (size_t i = 0; i < L->ntoc; i++) {
		const TocEntry *e = &L->toc[i];
		if (e->kind != kind)
			continue;
		double ind = kind == DOC_CAPTION_NONE ? (e->level - 1) * 8 * MM : labw;
		int bold = kind == DOC_CAPTION_NONE && e->level == 1;
		const TsText *t = ts_text_shape(L->c, L->a, NULL, e->text, size, bold);
		TsLine *ln;
		double w = L->width - ind - numw;
		size_t n = ts_text_break(t, L->a, w, w, 0, &ln);
		need(L, lh * (double)n);
		/* The number is drawn first so that the list's length never depends
		 * on the page numbers (the layout runs twice). */
		put_text(L, digits(L, e->page[0] ? e->page : "0"), size, bold, L->x0 + L->width - numw, L->y,
			numw, DOC_ALIGN_RIGHT, tag(L, "toc%dn", (int)i, 0, 0));
		if (e->label)
			put_text(L, e->label, size, 0, L->x0, L->y, labw, DOC_ALIGN_LEFT,
				tag(L, "toc%dl", (int)i, 0, 0));
		for (size_t k = 0; k < n; k++) {
			ts_text_emit(L->c, L->dl, L->page, t, ln, k, n, L->x0 + ind,
				L->ph - (L->y + base_of(L, size)), w, DOC_ALIGN_LEFT, tag(L, "toc%d", (int)i, 0, 0));
			L->y += lh;
		}
	}
	L->open = 0;
}

/* ---- running header and footer ---- */

static void
decorate(Lay *L)
{
	size_t total = 0;
	for (size_t p = L->has_body && L->body_known ? L->body_first : 0; p < L->dl->npages; p++)
		total += !L->cover[p];
	double size = L->body - 2, lh = lh_of(L, size);
	for (size_t p = 0; p < L->dl->npages; p++) {
		char label[24];
		page_label(L, p, label, sizeof label);
		int front = L->has_body && (!L->body_known || p < L->body_first);
		if (L->has_body) {
			L->dl->pages[p].label = arena_strdup(L->a, label);
			L->dl->pages[p].body_first = L->body_known && p == L->body_first;
		}
		if (L->cover[p])
			continue;
		L->page = p;
		L->pw = L->dl->pages[p].w;
		L->ph = L->dl->pages[p].h;
		double x0 = L->ml, w = L->pw - L->ml - L->mr;
		if (L->doc->header_text && *L->doc->header_text) {
			double yt = L->mt - lh - 2 * MM;
			if (yt < 2 * MM)
				yt = 2 * MM;
			put_text(L, L->doc->header_text, size, 0, x0, yt, w, DOC_ALIGN_RIGHT, "hdr");
			line(L, x0, yt + lh + 0.5 * MM, x0 + w, yt + lh + 0.5 * MM, GRID, 0.4);
		}
		char pg[96];
		if (front)
			snprintf(pg, sizeof pg, "หน้า %s", label);
		else
			snprintf(pg, sizeof pg, "หน้า %s จาก %zu", label, total);
		double yf = L->ph - L->mb + 3 * MM;
		if (yf + lh > L->ph - 2 * MM)
			yf = L->ph - 2 * MM - lh;
		if (L->doc->footer_text && *L->doc->footer_text)
			put_text(L, L->doc->footer_text, size, 0, x0, yf, w * 0.6, DOC_ALIGN_LEFT, "ftr");
		put_text(L, digits(L, pg), size, 0, x0, yf, w,
			L->doc->footer_text && *L->doc->footer_text ? DOC_ALIGN_RIGHT : DOC_ALIGN_CENTER, "pageno");
	}
}

static void
lay_init(Lay *L, TsCtx *c, const Settings *s, DisplayList *dl)
{
	memset(L, 0, sizeof *L);
	L->c = c;
	L->s = s;
	L->dl = dl;
	L->a = dl->arena;
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

static long long
created_time(void)
{
	/* Reproducible builds: SOURCE_DATE_EPOCH fixes the creation date. */
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long long v = strtoll(e, &end, 10);
		if (*end == '\0' && v >= 0 && v < 253402300800LL)
			return v;
	}
	return (long long)time(NULL);
}

/* One layout of doc; scale multiplies the sizes a Doc gives explicitly
 * (tables, small paragraphs) as s's body size was multiplied. */
static DisplayList *
lay_pass(TsCtx *c, const Doc *doc, const Settings *s, TocEntry *toc, size_t ntoc, double scale)
{
	TsFonts *f = c->fonts;
	DisplayList *dl = dl_new(ts_fonts_dl(f), ts_fonts_count(f));
	Lay L;
	lay_init(&L, c, s, dl);
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
	dl->created = created_time();
	dl->archival = s->pdf_archival;
	for (const DocBlock *b = doc->first; b; prev = b, b = b->next) {
		L.nblock++;
		L.table_label = prev && prev->kind == DOC_PARA && prev->u.para.caption == DOC_CAPTION_TABLE ?
			prev->u.para.caption_label : NULL;
		/* Blocks read the text box of the current page: open one first
		 * (page breaks, covers and the TOC open their own). */
		if (!L.open && b->kind != DOC_PAGEBREAK && b->kind != DOC_COVER && b->kind != DOC_TOC)
			open_page(&L);
		switch (b->kind) {
		case DOC_HEADING:
			do_heading(&L, &b->u.heading, b->next);
			break;
		case DOC_PARA: do_para(&L, &b->u.para, b->next); break;
		case DOC_LIST: do_list(&L, &b->u.list); break;
		case DOC_LABELS: do_labels(&L, &b->u.labels); break;
		case DOC_TABLE: do_table(&L, &b->u.table); break;
		case DOC_CHART: do_chart(&L, &b->u.chart); break;
		case DOC_PAGEBREAK:
			close_page(&L, b->u.pagebreak.orientation);
			if (b->u.pagebreak.body_starts && L.open) {
				L.body_first = L.page;  /* an empty page left open: the body's first */
				L.body_known = 1;
			} else if (b->u.pagebreak.body_starts) {
				L.body_pending = 1;
			}
			break;
		case DOC_COVER: do_cover(&L, &b->u.cover); break;
		case DOC_TOC: do_toc(&L, b->u.toc); break;
		case DOC_IMAGE: do_images(&L, &b->u.images); break;
		case DOC_SIGNATURE: do_signature(&L, &b->u.signature); break;
		case DOC_SPACE:
			need(&L, 0);
			L.y += b->u.space_mm * MM;
			break;
		}
	}
	if (dl->npages == 0)
		open_page(&L);
	decorate(&L);
	free(L.cover);
	return dl;
}

DisplayList *
ts_layout(TsCtx *c, const Doc *doc, const Settings *s, Diag *d)
{
	(void)d;
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
	DisplayList *dl = lay_pass(c, doc, s, toc, ntoc, 1.0);
	if (has_toc && ntoc > 0) {
		dl_free(dl);
		dl = lay_pass(c, doc, s, toc, ntoc, 1.0);
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
		dl = lay_pass(c, doc, &tight, toc, ntoc, fit[k].size);
		if (has_toc && ntoc > 0) {
			dl_free(dl);
			dl = lay_pass(c, doc, &tight, toc, ntoc, fit[k].size);
		}
	}
	free(toc);
	arena_free(ta);
	return dl;
}

DisplayList *
ts_layout_lines(TsCtx *c, const char *const *lines, size_t n, const Settings *s,
	double width_mm, double height_mm)
{
	TsFonts *f = c->fonts;
	DisplayList *dl = dl_new(ts_fonts_dl(f), ts_fonts_count(f));
	Lay L;
	lay_init(&L, c, s, dl);
	L.page_w_mm = width_mm;
	L.page_h_mm = height_mm;
	L.orient = 0;
	L.ml = L.mr = L.mt = L.mb = 10 * MM;
	dl->created = created_time();
	dl->archival = s->pdf_archival;
	for (size_t i = 0; i < n; i++) {
		L.nblock++;
		flow_text(&L, NULL, lines[i], L.body, 0, L.x0 ? L.x0 : L.ml,
			L.width > 0 ? L.width : width_mm * MM - 20 * MM, 0, DOC_ALIGN_LEFT,
			tag(&L, "p%d", (int)i + 1, 0, 0));
	}
	if (dl->npages == 0)
		open_page(&L);
	free(L.cover);
	return dl;
}
