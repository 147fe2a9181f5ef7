/* flow.c - where a page may end inside a flowing block (paragraphs, lists,
 * label lists: widows and orphans, units kept together), placing their
 * lines page by page, and the room a heading or caption keeps below it. */
#include "typeset/lay.h"

#include <string.h>


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
/* A label column sized from its labels is at most this share of the text
 * width. */
#define LABEL_COLUMN_MAX 0.4
/* Room a heading keeps below it (lay_keep_room), in body lines: before a
 * heading right under it, the space after the first heading and before
 * the second (blocks.c: HEADING_AFTER + HEADING_BEFORE); the start of a
 * chart (its first bars) or a table (header and first rows); anything
 * else. */
#define HEADING_PAIR_GAP 0.7
#define KEEP_CHART_LINES 12
#define KEEP_TABLE_LINES 6
#define KEEP_OTHER_LINES 2


static void
flow_init(Lay *L, Flow *f, size_t n, double lh)
{
	f->n = n;
	f->lh = lh;
	f->brk = arena_alloc(L->scratch, n + 1);
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
double
lay_flow_head(const Flow *f)
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
size_t
lay_flow_take(Lay *L, const Flow *f, size_t k)
{
	for (;;) {
		if (!L->open)
			lay_open_page(L);
		double avail = L->bottom + LAY_FIT_EPS - L->y;
		size_t room = avail > 0 ? (size_t)(avail / f->lh + 1e-6) : 0;
		size_t left = f->n - k;
		if (left <= room)
			return left;
		for (size_t m = room; m > 0; m--)
			if (f->brk[k + m])
				return m;
		if (L->page_used) {
			lay_open_page(L);
			continue;
		}
		if (room == 0)
			return 1;
		if (left - room == 1 && room > FLOW_MIN)
			room--;
		return room;
	}
}


void
lay_text_flow(Lay *L, const DocText *dt, const char *plain, double size, int bold, double w,
	double indent, DocAlign align, TextFlow *tf)
{
	tf->t = ts_text_shape(L->c, L->scratch, dt, plain, size, bold);
	size_t n = ts_text_break(tf->t, L->scratch, w - indent, w,
		align == DOC_ALIGN_JUSTIFY || align == DOC_ALIGN_DEFAULT ? L->c->justify : TS_JUSTIFY_NONE, &tf->ln);
	flow_init(L, &tf->f, n, lh_of(L, size));
	for (size_t i = 1; i < n; i++)
		flow_allow(&tf->f, i);
}

/* Place the lines of tf from the current y, page breaks where tf allows. */
void
lay_flow_lines(Lay *L, const TextFlow *tf, double x, double w, double indent, DocAlign align,
	const char *src)
{
	const Flow *f = &tf->f;
	double b = base_of(L, tf->t->size);
	for (size_t k = 0; k < f->n;) {
		if (k > 0)
			lay_open_page(L);
		size_t e = k + lay_flow_take(L, f, k);
		L->page_used = 1;
		for (; k < e; k++) {
			double xi = k == 0 ? x + indent : x, wi = k == 0 ? w - indent : w;
			ts_text_emit(L->c, L->dl, L->page, tf->t, tf->ln, k, f->n, xi, L->ph - (L->y + b), wi,
				align, src);
			L->y += f->lh;
		}
	}
}

void
lay_flow_text(Lay *L, const DocText *dt, const char *plain, double size, int bold, double x, double w,
	double indent, DocAlign align, const char *src)
{
	TextFlow tf;
	lay_text_flow(L, dt, plain, size, bold, w, indent, align, &tf);
	lay_flow_lines(L, &tf, x, w, indent, align, src);
}

double
lay_heading_size(const Lay *L, int level)
{
	return level == 1 ? L->body + 4 : level == 2 ? L->body + 2 : L->body;
}

/* Whether block's flow was made ahead by lay_keep_room (for the same
 * width): then it is copied to out, and its arena is held until the block
 * is done (lay_pass frees it with the scratch). */
static int
ahead_take(Lay *L, const void *block, void *out, size_t size)
{
	if (L->ahead.block != block || L->ahead.width != L->width)
		return 0;
	memcpy(out, &L->ahead.u, size);
	arena_free(L->held);
	L->held = L->ahead_arena;
	L->ahead_arena = NULL;
	L->ahead.block = NULL;
	return 1;
}

static void
para_flow(Lay *L, const DocPara *p, TextFlow *tf)
{
	lay_text_flow(L, &p->text, NULL, p->size > 0 ? p->size * L->scale : L->body, 0, L->width, p->indent_mm * MM,
		p->align, tf);
}

void
lay_para_flow(Lay *L, const DocPara *p, TextFlow *tf)
{
	if (!ahead_take(L, p, tf, sizeof *tf))
		para_flow(L, p, tf);
}

static void
list_flow(Lay *L, const DocList *l, ListFlow *lf)
{
	double size = L->body;
	lf->hang = l->ordered ? lay_text_width(L, lay_digits(L, "99."), size, 0) + 3 * MM : 6 * MM;
	lf->xm = L->x0 + 5 * MM;
	lf->xt = lf->xm + lf->hang;
	double w = L->x0 + L->width - lf->xt;
	size_t ni = 0, total = 0;
	for (const DocItem *it = l->first; it; it = it->next)
		ni++;
	lf->nitems = ni;
	lf->t = arena_array(L->scratch, ni + 1, sizeof *lf->t);
	lf->ln = arena_array(L->scratch, ni + 1, sizeof *lf->ln);
	lf->n = arena_array(L->scratch, ni + 1, sizeof *lf->n);
	size_t k = 0;
	for (const DocItem *it = l->first; it; it = it->next, k++) {
		lf->t[k] = ts_text_shape(L->c, L->scratch, &it->text, NULL, size, 0);
		lf->n[k] = ts_text_break(lf->t[k], L->scratch, w, w, 0, &lf->ln[k]);
		/* An empty item still takes its marker's line. */
		if (lf->n[k] == 0)
			lf->n[k] = 1;
		total += lf->n[k];
	}
	flow_init(L, &lf->f, total, lh_of(L, size));
	flow_units(&lf->f, lf->n, NULL, ni, 0);
}

void
lay_list_flow(Lay *L, const DocList *l, ListFlow *lf)
{
	if (!ahead_take(L, l, lf, sizeof *lf))
		list_flow(L, l, lf);
}

static void
label_flow(Lay *L, const DocLabels *lb, LabelFlow *bf)
{
	double size = L->body;
	double lw = lb->label_mm * MM;
	if (lw <= 0) {
		for (const DocLabel *l = lb->first; l; l = l->next) {
			const TsText *t = ts_text_shape(L->c, L->scratch, &l->label, NULL, size, 1);
			double mn, mx;
			ts_text_measure(t, &mn, &mx);
			if (mx > lw)
				lw = mx;
		}
		lw += 4 * MM;
		if (lw > L->width * LABEL_COLUMN_MAX)
			lw = L->width * LABEL_COLUMN_MAX;
	}
	bf->lw = lw;
	size_t nr = 0, total = 0;
	for (const DocLabel *l = lb->first; l; l = l->next)
		nr++;
	bf->nrows = nr;
	bf->tl = arena_array(L->scratch, nr + 1, sizeof *bf->tl);
	bf->tv = arena_array(L->scratch, nr + 1, sizeof *bf->tv);
	bf->ll = arena_array(L->scratch, nr + 1, sizeof *bf->ll);
	bf->lv = arena_array(L->scratch, nr + 1, sizeof *bf->lv);
	bf->nl = arena_array(L->scratch, nr + 1, sizeof *bf->nl);
	bf->nv = arena_array(L->scratch, nr + 1, sizeof *bf->nv);
	bf->rows = arena_array(L->scratch, nr + 1, sizeof *bf->rows);
	size_t *lead = arena_array(L->scratch, nr + 1, sizeof *lead);
	size_t k = 0;
	for (const DocLabel *l = lb->first; l; l = l->next, k++) {
		bf->tl[k] = ts_text_shape(L->c, L->scratch, &l->label, NULL, size, 1);
		bf->tv[k] = ts_text_shape(L->c, L->scratch, &l->value, NULL, size, 0);
		bf->nl[k] = ts_text_break(bf->tl[k], L->scratch, lw - 2 * MM, lw - 2 * MM, 0, &bf->ll[k]);
		bf->nv[k] = ts_text_break(bf->tv[k], L->scratch, L->width - lw, L->width - lw, 0, &bf->lv[k]);
		size_t rows = bf->nl[k] > bf->nv[k] ? bf->nl[k] : bf->nv[k];
		bf->rows[k] = rows ? rows : 1;
		lead[k] = bf->nl[k] > LABEL_RUN_ON ? bf->nl[k] : LABEL_RUN_ON;
		total += bf->rows[k];
	}
	flow_init(L, &bf->f, total, lh_of(L, size));
	if (total > LABELS_LIST_WHOLE)
		flow_units(&bf->f, bf->rows, lead, nr, LABELS_WHOLE);
}

void
lay_label_flow(Lay *L, const DocLabels *lb, LabelFlow *bf)
{
	if (!ahead_take(L, lb, bf, sizeof *bf))
		label_flow(L, lb, bf);
}

/* The flow of next (a paragraph, list or label list) made ahead, in an
 * arena of its own, for lay_keep_room to measure and next to take. */
static const Flow *
ahead_flow(Lay *L, const DocBlock *next)
{
	const void *block = next->kind == DOC_PARA ? (const void *)&next->u.para :
		next->kind == DOC_LIST ? (const void *)&next->u.list : (const void *)&next->u.labels;
	if (L->ahead.block != block || L->ahead.width != L->width) {
		arena_free(L->ahead_arena);
		L->ahead_arena = arena_new();
		Arena *own = L->scratch;
		L->scratch = L->ahead_arena;
		if (next->kind == DOC_PARA)
			para_flow(L, &next->u.para, &L->ahead.u.text);
		else if (next->kind == DOC_LIST)
			list_flow(L, &next->u.list, &L->ahead.u.list);
		else
			label_flow(L, &next->u.labels, &L->ahead.u.labels);
		L->scratch = own;
		L->ahead.block = block;
		L->ahead.width = L->width;
	}
	return next->kind == DOC_PARA ? &L->ahead.u.text.f :
		next->kind == DOC_LIST ? &L->ahead.u.list.f : &L->ahead.u.labels.f;
}

/* Room to keep below a heading or caption so it is not left alone at the
 * foot of a page: the first part of a paragraph, list or label list that
 * no page break may divide (a short label list whole), the start of a
 * table (about six lines), or a chart's first bars (about twelve), or a
 * heading and what it keeps; two lines of body text before anything else
 * (a space, the end). A caption that keeps with its
 * own next block adds its line and that block's room: a heading is kept
 * with its table's caption and the table's first rows as one chain. */
double
lay_keep_room(Lay *L, const DocBlock *next)
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
		return room + lh_of(L, L->body) * HEADING_PAIR_GAP + lh_of(L, lay_heading_size(L, next->u.heading.level)) +
			lay_keep_room(L, next->next);
	if (kind == DOC_PARA || kind == DOC_LIST || kind == DOC_LABELS)
		return room + lay_flow_head(ahead_flow(L, next));
	if (kind == DOC_IMAGE)
		return room + next->u.images.height_mm * MM + 2 * MM + 2 * lh_of(L, L->body - 2);
	int lines = kind == DOC_CHART ? KEEP_CHART_LINES : kind == DOC_TABLE ? KEEP_TABLE_LINES : KEEP_OTHER_LINES;
	return room + lines * lh_of(L, L->body);
}

