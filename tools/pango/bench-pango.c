/* bench-pango.c - the yardstick of make bench: nithet's school reports
 * typeset by an ordinary Pango/Cairo program, for pages per second.
 *
 *   bench-pango [-c CONFIG] [-o DIR] [-n RUNS] [-j N] [-q]
 *
 * Untimed: loads the config (default config/nithet.ini), the plan and the
 * inputs, measures, and composes every active school's report with
 * school_compose(): the same Doc trees `nithet build` typesets itself.
 * Timed, RUNS times (default 1): each Doc laid out with Pango (one font
 * map and one context for the whole process) and drawn with Cairo into a
 * PDF of its own in DIR (default: a new folder under /tmp, removed at the
 * end; a DIR given is kept). -j N forks N workers per run, each taking
 * every N-th school. -q keeps the loaders' warnings off stderr. On stdout,
 * one line per run and the median:
 *
 *   pango: run 1: 117 docs 234 pages 0.912 s 256.6 pages/s
 *   pango: median 256.6 pages/s (1 runs, 1 workers)
 *
 * It is a competent ordinary Pango program, not a copy of typeset/: Pango
 * breaks the lines (libthai) and justifies them; the page size, margins,
 * sizes, line pitch and colours are nithet's, and so are the fonts: the
 * files the config names, the only ones fontconfig is shown. It lays a
 * document out first (a list of drawing operations per page) and draws it
 * after, so the footer can say "หน้า N จาก M". Left out: nithet's finer rules
 * (widows and orphans, max_pages tightening, "(ต่อ)" above a continued
 * table, header words kept whole), front matter numbering, lists of
 * contents and images (no school report has them); column charts are
 * drawn as horizontal bars.
 *
 * Build, from the top folder after make: pangoft2 for the fontconfig font
 * map, then nithet's own libraries (the Makefile's LDLIBS_ALL):
 *   cc -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Isrc -o build/tools/bench-pango \
 *     tools/pango/bench-pango.c build/libnithet.a \
 *     $(pkg-config --cflags --libs pangocairo pangoft2 cairo-pdf fontconfig) \
 *     $(pkg-config --libs libxml-2.0 harfbuzz harfbuzz-subset libthai zlib libdeflate libzip \
 *     freexl xlsxwriter) -lhpdf -lcsv -liniparser -lm -pthread */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "../bench.h"
#include "config/settings.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/mem.h"
#include "doc/doc.h"
#include "load/inputs.h"
#include "load/plan.h"
#include "load/xml.h"
#include "measure/results.h"
#include "report/school.h"

#define MM 2.834645669      /* points per millimetre */
#define PAD_X (1.5 * MM)    /* table cell padding, as typeset/ */
#define PAD_Y (0.6 * MM)
#define A4_W (210 * MM)
#define A4_H (297 * MM)

typedef struct Rgb {
	unsigned char r, g, b, set;
} Rgb;

#define RGB(r, g, b) ((Rgb){ (r), (g), (b), 1 })
static const Rgb NONE = { 0, 0, 0, 0 };
static const Rgb BLACK = { 0, 0, 0, 1 };
static const Rgb GRID = { 90, 90, 90, 1 };
static const Rgb HEAD_FILL = { 217, 226, 243, 1 };
static const Rgb TOTAL_FILL = { 237, 237, 237, 1 };
static const Rgb SHADE_FILL = { 246, 246, 246, 1 };
static const Rgb GOAL = { 192, 0, 0, 1 };
static const Rgb PALETTE[] = {
	{ 68, 114, 196, 1 }, { 237, 125, 49, 1 }, { 112, 173, 71, 1 }, { 255, 192, 0, 1 },
	{ 91, 155, 213, 1 }, { 165, 165, 165, 1 }, { 158, 72, 14, 1 }, { 99, 37, 110, 1 },
};

/* The fonts, for the whole process: fontconfig sees only the files the
 * config names, so Pango can pick no other face. */
static struct {
	PangoFontMap *map;
	PangoContext *pc;
	PangoFontDescription *regular, *bold;
	double scale;              /* drawn size = Sarabun points x scale */
	const char *bullet;
} F;

/* One drawing operation of a laid-out document. */
typedef enum OpKind { OP_TEXT, OP_RECT, OP_RULE } OpKind;

typedef struct Op {
	OpKind kind;
	size_t page;
	double x, y, w, h;         /* text: left end and baseline; rect: box; rule: (x, y) to (w, h) */
	PangoLayoutLine *line;     /* text: owned by a layout the Lay holds */
	Rgb fill, stroke;
	double lw;
} Op;

typedef struct Page {
	double w, h;
	int cover;                 /* no running header or footer */
} Page;

/* A document being laid out. Coordinates run top-down, in points. */
typedef struct Lay {
	const Settings *s;
	Arena *a;                  /* the layout's own bookkeeping */
	double body, spacing;
	double ml, mr, mt, mb;
	double x0, width, top, bottom, y;
	int landscape;             /* orientation of the next page */
	int open, used;            /* a page is open; something is on it */
	Page *pages;
	size_t npages, cap_pages;
	Op *ops;
	size_t nops, cap_ops;
	PangoLayout **layouts;     /* every layout the ops point into */
	size_t nlayouts, cap_layouts;
} Lay;

/* A piece of text laid out by Pango, and where its lines start. */
typedef struct Text {
	PangoLayout *pl;
	int n;
	PangoLayoutLine **ln;
	double *dx;                /* line k's left end from the box's left edge */
	double lh, base;           /* line pitch, baseline below the line's top */
} Text;

/* ---- fonts ---- */

/* Add a font file to fc; its family name, as fontconfig reads it from the
 * file, in *family (free it), and whether it has U+2022 in *bullet. */
static int
font_add(FcConfig *fc, const char *path, char **family, int *bullet)
{
	int count = 0;
	FcPattern *p = FcFreeTypeQuery((const FcChar8 *)path, 0, NULL, &count);
	FcChar8 *name;
	FcCharSet *cs;
	if (p == NULL || FcPatternGetString(p, FC_FAMILY, 0, &name) != FcResultMatch ||
	    !FcConfigAppFontAddFile(fc, (const FcChar8 *)path)) {
		fprintf(stderr, "bench-pango: cannot read the font %s\n", path);
		if (p)
			FcPatternDestroy(p);
		return -1;
	}
	*family = mem_strdup((const char *)name);
	if (bullet)
		*bullet = FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) == FcResultMatch && FcCharSetHasChar(cs, 0x2022);
	FcPatternDestroy(p);
	return 0;
}

static int
fonts_init(const Settings *s)
{
	FcConfig *fc = FcConfigCreate();
	char *thai = NULL, *thai_bold = NULL, *latin = NULL, *latin_bold = NULL;
	int bullet = 0, rc = 0;
	const char *tb = s->thai.bold && *s->thai.bold ? s->thai.bold : s->thai.regular;
	rc |= font_add(fc, s->thai.regular, &thai, &bullet);
	if (rc == 0 && strcmp(tb, s->thai.regular) != 0)
		rc |= font_add(fc, tb, &thai_bold, NULL);
	if (rc == 0 && s->latin.regular && *s->latin.regular) {
		const char *lb = s->latin.bold && *s->latin.bold ? s->latin.bold : s->latin.regular;
		rc |= font_add(fc, s->latin.regular, &latin, NULL);
		if (rc == 0 && strcmp(lb, s->latin.regular) != 0)
			rc |= font_add(fc, lb, &latin_bold, NULL);
	}
	if (rc != 0) {
		FcConfigDestroy(fc);
		return -1;
	}
	F.map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(F.map), fc);
	FcConfigDestroy(fc);  /* the font map holds its own reference */
	F.pc = pango_font_map_create_context(F.map);
	/* As a PDF surface wants them: no hinting, glyphs where the font puts
	 * them rather than on whole pixels, 1 unit = 1 point. */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(F.pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(F.pc, 72);
	pango_context_set_round_glyph_positions(F.pc, FALSE);
	pango_context_set_language(F.pc, pango_language_from_string("th"));
	/* The Latin face, when there is one, takes the letters the Thai face
	 * lacks: Pango falls back along the family list. */
	char fam[512], famb[512];
	snprintf(fam, sizeof fam, "%s%s%s", thai, latin ? "," : "", latin ? latin : "");
	snprintf(famb, sizeof famb, "%s%s%s", thai_bold ? thai_bold : thai, latin ? "," : "",
	    latin_bold ? latin_bold : latin ? latin : "");
	F.regular = pango_font_description_new();
	pango_font_description_set_family(F.regular, fam);
	F.bold = pango_font_description_new();
	pango_font_description_set_family(F.bold, famb);
	pango_font_description_set_weight(F.bold, PANGO_WEIGHT_BOLD);
	F.scale = s->thai.scale > 0 ? s->thai.scale : 1.0;
	F.bullet = bullet ? "\xE2\x80\xA2" : "-";
	free(thai);
	free(thai_bold);
	free(latin);
	free(latin_bold);
	return 0;
}

static void
fonts_free(void)
{
	pango_font_description_free(F.regular);
	pango_font_description_free(F.bold);
	g_object_unref(F.pc);
	g_object_unref(F.map);
}

/* ---- text ---- */

static double
lh_of(const Lay *L, double size)
{
	return size * L->spacing;
}

/* The baseline below a line's top, as typeset/ puts it: the line box
 * centred on the nominal size, whose body sits 0.78 em above it. */
static double
base_of(const Lay *L, double size)
{
	return (lh_of(L, size) - size) / 2 + size * 0.78;
}

/* prefix (may be NULL) and the spans of dt (may be NULL) as one layout of
 * size Sarabun points, bold spans in bold; unwrapped until text_wrap. */
static Text *
text_new(Lay *L, const char *prefix, const DocText *dt, double size, int bold, DocAlign align,
	double indent)
{
	size_t len = prefix ? strlen(prefix) : 0;
	for (const DocSpan *sp = dt ? dt->first : NULL; sp; sp = sp->next)
		len += strlen(sp->text);
	char *buf = arena_alloc(L->a, len + 1), *p = buf;
	PangoAttrList *al = pango_attr_list_new();
	if (prefix) {
		memcpy(p, prefix, strlen(prefix));
		p += strlen(prefix);
	}
	for (const DocSpan *sp = dt ? dt->first : NULL; sp; sp = sp->next) {
		size_t n = strlen(sp->text);
		if (sp->bold && !bold && n > 0) {
			PangoAttribute *at = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			at->start_index = (guint)(p - buf);
			at->end_index = (guint)(p - buf + n);
			pango_attr_list_insert(al, at);
		}
		memcpy(p, sp->text, n);
		p += n;
	}
	Text *t = arena_alloc(L->a, sizeof *t);
	t->pl = pango_layout_new(F.pc);
	PangoFontDescription *fd = bold ? F.bold : F.regular;
	pango_font_description_set_absolute_size(fd, size * F.scale * PANGO_SCALE);
	pango_layout_set_font_description(t->pl, fd);
	pango_layout_set_text(t->pl, buf, (int)len);
	pango_layout_set_attributes(t->pl, al);
	pango_attr_list_unref(al);
	pango_layout_set_wrap(t->pl, PANGO_WRAP_WORD_CHAR);
	if (align == DOC_ALIGN_DEFAULT || align == DOC_ALIGN_JUSTIFY)
		pango_layout_set_justify(t->pl, TRUE);
	pango_layout_set_alignment(t->pl, align == DOC_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT :
	    align == DOC_ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	if (indent > 0)
		pango_layout_set_indent(t->pl, pango_units_from_double(indent));
	t->lh = lh_of(L, size);
	t->base = base_of(L, size);
	if (L->nlayouts == L->cap_layouts) {
		L->cap_layouts = L->cap_layouts ? 2 * L->cap_layouts : 64;
		L->layouts = mem_grow(L->layouts, L->cap_layouts, sizeof *L->layouts);
	}
	L->layouts[L->nlayouts++] = t->pl;
	return t;
}

/* Width of t on one line. */
static double
text_natural(const Text *t)
{
	PangoRectangle r;
	pango_layout_get_extents(t->pl, NULL, &r);
	return pango_units_to_double(r.width);
}

/* Break t into lines of width w (w <= 0: one line per paragraph of it)
 * and note where each line starts (alignment, the first line's indent). */
static void
text_wrap(Lay *L, Text *t, double w)
{
	pango_layout_set_width(t->pl, w > 0 ? pango_units_from_double(w) : -1);
	t->n = pango_layout_get_line_count(t->pl);
	t->ln = arena_array(L->a, (size_t)t->n + 1, sizeof *t->ln);
	t->dx = arena_array(L->a, (size_t)t->n + 1, sizeof *t->dx);
	PangoLayoutIter *it = pango_layout_get_iter(t->pl);
	int k = 0;
	do {
		PangoRectangle r;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		t->ln[k] = pango_layout_iter_get_line_readonly(it);
		t->dx[k] = pango_units_to_double(r.x);
		k++;
	} while (k < t->n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	t->n = k;
}

/* ---- pages and operations ---- */

static Op *
op_add(Lay *L, OpKind kind)
{
	if (L->nops == L->cap_ops) {
		L->cap_ops = L->cap_ops ? 2 * L->cap_ops : 256;
		L->ops = mem_grow(L->ops, L->cap_ops, sizeof *L->ops);
	}
	Op *o = &L->ops[L->nops++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->page = L->npages - 1;
	return o;
}

/* Line k of t with the box's left edge at x and the line's top at ytop. */
static void
emit(Lay *L, const Text *t, int k, double x, double ytop)
{
	Op *o = op_add(L, OP_TEXT);
	o->x = x + t->dx[k];
	o->y = ytop + t->base;
	o->line = t->ln[k];
}

static void
rect(Lay *L, double x, double y, double w, double h, Rgb fill, Rgb stroke, double lw)
{
	Op *o = op_add(L, OP_RECT);
	o->x = x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->fill = fill;
	o->stroke = stroke;
	o->lw = lw;
}

static void
rule(Lay *L, double x1, double y1, double x2, double y2, Rgb c, double lw)
{
	Op *o = op_add(L, OP_RULE);
	o->x = x1;
	o->y = y1;
	o->w = x2;
	o->h = y2;
	o->stroke = c;
	o->lw = lw;
}

static void
open_page(Lay *L)
{
	if (L->npages == L->cap_pages) {
		L->cap_pages = L->cap_pages ? 2 * L->cap_pages : 8;
		L->pages = mem_grow(L->pages, L->cap_pages, sizeof *L->pages);
	}
	Page *p = &L->pages[L->npages++];
	p->w = L->landscape ? A4_H : A4_W;
	p->h = L->landscape ? A4_W : A4_H;
	p->cover = 0;
	L->x0 = L->ml;
	L->width = p->w - L->ml - L->mr;
	L->top = L->mt;
	L->bottom = p->h - L->mb;
	L->y = L->top;
	L->open = 1;
	L->used = 0;
}

/* Room for h more points on this page, else a new page (unless this one
 * is still empty: a block taller than a page starts at its top). */
static void
ensure(Lay *L, double h)
{
	if (!L->open || (L->used && L->y + h > L->bottom + 0.01))
		open_page(L);
	L->used = 1;
}

/* Every line of t from the current y, a page break wherever a line does
 * not fit. */
static void
flow(Lay *L, const Text *t, double x)
{
	for (int k = 0; k < t->n; k++) {
		ensure(L, t->lh);
		emit(L, t, k, x, L->y);
		L->y += t->lh;
	}
}

/* ---- blocks ---- */

static void
do_heading(Lay *L, const DocHeading *h)
{
	double size = h->level == 1 ? L->body + 4 : h->level == 2 ? L->body + 2 : L->body;
	double before = L->used ? lh_of(L, L->body) * 0.5 : 0, after = lh_of(L, L->body) * 0.2;
	char num[64] = "";
	if (h->number)
		snprintf(num, sizeof num, "%s ", h->number);
	Text *t = text_new(L, num, &h->text, size, 1, DOC_ALIGN_LEFT, 0);
	text_wrap(L, t, L->width);
	/* Never alone at the foot of a page: kept with two lines of what follows. */
	if (L->used && L->y + before + t->n * t->lh + after + 2 * lh_of(L, L->body) > L->bottom)
		open_page(L);
	if (L->used)
		L->y += before;
	flow(L, t, L->x0);
	L->y += after;
}

static void
do_para(Lay *L, const DocPara *p)
{
	double size = p->size > 0 ? p->size : L->body;
	Text *t = text_new(L, NULL, &p->text, size, 0, p->align, p->indent_mm * MM);
	text_wrap(L, t, L->width);
	/* A caption stays with the first lines of its table or chart. */
	if (p->keep_with_next && L->used && L->y + t->n * t->lh + 3 * lh_of(L, L->body) > L->bottom)
		open_page(L);
	flow(L, t, L->x0);
	L->y += t->lh * 0.25;
}

static void
do_list(Lay *L, const DocList *l)
{
	double size = L->body, lh = lh_of(L, size);
	double hang = 6 * MM;
	if (l->ordered) {
		Text *m = text_new(L, "99.", NULL, size, 0, DOC_ALIGN_LEFT, 0);
		hang = text_natural(m) + 3 * MM;
	}
	double xm = L->x0 + 5 * MM, xt = xm + hang, w = L->x0 + L->width - xt;
	size_t k = 0;
	for (const DocItem *it = l->first; it; it = it->next, k++) {
		char num[32];
		snprintf(num, sizeof num, "%zu.", k + 1);
		Text *m = text_new(L, l->ordered ? num : F.bullet, NULL, size, 0, DOC_ALIGN_LEFT, 0);
		text_wrap(L, m, hang);
		Text *t = text_new(L, NULL, &it->text, size, 0, DOC_ALIGN_LEFT, 0);
		text_wrap(L, t, w);
		for (int j = 0; j < t->n; j++) {
			ensure(L, lh);
			if (j == 0)
				emit(L, m, 0, xm, L->y);
			emit(L, t, j, xt, L->y);
			L->y += lh;
		}
	}
	L->y += lh * 0.25;
}

static void
do_labels(Lay *L, const DocLabels *lb)
{
	double size = L->body, lh = lh_of(L, size), lw = lb->label_mm * MM;
	size_t n = 0;
	for (const DocLabel *l = lb->first; l; l = l->next)
		n++;
	Text **tl = arena_array(L->a, n + 1, sizeof *tl), **tv = arena_array(L->a, n + 1, sizeof *tv);
	size_t k = 0;
	for (const DocLabel *l = lb->first; l; l = l->next, k++) {
		tl[k] = text_new(L, NULL, &l->label, size, 1, DOC_ALIGN_LEFT, 0);
		tv[k] = text_new(L, NULL, &l->value, size, 0, DOC_ALIGN_LEFT, 0);
		if (lb->label_mm <= 0 && text_natural(tl[k]) > lw)
			lw = text_natural(tl[k]);
	}
	if (lb->label_mm <= 0) {
		lw += 4 * MM;
		if (lw > L->width * 0.4)
			lw = L->width * 0.4;
	}
	for (k = 0; k < n; k++) {
		text_wrap(L, tl[k], lw - 2 * MM);
		text_wrap(L, tv[k], L->width - lw);
		int rows = tl[k]->n > tv[k]->n ? tl[k]->n : tv[k]->n;
		/* A row whole on one page when it fits one. */
		double h = rows * lh;
		ensure(L, h < L->bottom - L->top ? h : lh);
		for (int j = 0; j < rows; j++) {
			ensure(L, lh);
			if (j < tl[k]->n)
				emit(L, tl[k], j, L->x0, L->y);
			if (j < tv[k]->n)
				emit(L, tv[k], j, L->x0 + lw, L->y);
			L->y += lh;
		}
	}
	L->y += lh * 0.25;
}

/* ---- tables ---- */

typedef struct Cell {
	Text *t;
	size_t row, col, cs, rs;
} Cell;

typedef struct Table {
	const DocRow **rows;
	size_t nr, *c0;            /* cells c0[r] .. c0[r + 1] - 1 are row r's */
	Cell *cells;
	double *h, *xcol, lh;
} Table;

/* Row r of tb at the current y, lines first .. first + count - 1 of its
 * cells (count 0: all), h high. */
static void
draw_row(Lay *L, const Table *tb, size_t r, int first, int count, double h)
{
	DocRowKind kind = tb->rows[r]->kind;
	Rgb fill = kind == DOC_ROW_HEADER ? HEAD_FILL : kind == DOC_ROW_TOTAL ? TOTAL_FILL :
		tb->rows[r]->shaded ? SHADE_FILL : NONE;
	for (size_t i = tb->c0[r]; i < tb->c0[r + 1]; i++) {
		const Cell *c = &tb->cells[i];
		double x = tb->xcol[c->col], w = tb->xcol[c->col + c->cs] - x, ch = h;
		for (size_t k = 1; k < c->rs && r + k < tb->nr; k++)
			ch += tb->h[r + k];
		rect(L, x, L->y, w, ch, fill, GRID, 0.5);
		double yt = kind == DOC_ROW_HEADER ? L->y + (ch - tb->lh * c->t->n) / 2 : L->y + PAD_Y;
		int end = count && first + count < c->t->n ? first + count : c->t->n;
		for (int k = first; k < end; k++)
			emit(L, c->t, k, x + PAD_X, yt + tb->lh * (k - first));
	}
}

/* A new page for the rest of a table: its header rows again on top. */
static void
table_page(Lay *L, const Table *tb, size_t nhead)
{
	open_page(L);
	L->used = 1;
	for (size_t r = 0; r < nhead; r++) {
		draw_row(L, tb, r, 0, 0, tb->h[r]);
		L->y += tb->h[r];
	}
}

/* Column widths: fixed ones as given; each other column its natural width
 * when that is within a fair share of what is left, the rest of the room
 * shared by the wider ones in proportion to their content. */
static void
column_widths(const Lay *L, const DocTable *dt, const double *nat, double *wd)
{
	size_t nc = dt->ncols, nfree = 0;
	double avail = L->width;
	int *done = mem_array(nc, sizeof *done);
	for (size_t k = 0; k < nc; k++) {
		if (dt->cols[k].width_mm > 0) {
			wd[k] = dt->cols[k].width_mm * MM;
			avail -= wd[k];
			done[k] = 1;
		} else {
			nfree++;
		}
	}
	for (int changed = 1; changed && nfree > 0;) {
		changed = 0;
		for (size_t k = 0; k < nc; k++)
			if (!done[k] && nat[k] <= avail / (double)nfree) {
				wd[k] = nat[k];
				avail -= nat[k];
				done[k] = 1;
				nfree--;
				changed = 1;
			}
	}
	double sum = 0, all = 0;
	for (size_t k = 0; k < nc; k++) {
		if (!done[k])
			sum += nat[k];
		if (dt->cols[k].width_mm <= 0)
			all += nat[k];
	}
	for (size_t k = 0; k < nc; k++)
		if (!done[k])
			wd[k] = avail > 0 ? avail * nat[k] / sum : 2 * PAD_X + 10;
	/* Everything fitted: a full-width table stretches its free columns. */
	if (nfree == 0 && dt->full_width && avail > 0 && all > 0)
		for (size_t k = 0; k < nc; k++)
			if (dt->cols[k].width_mm <= 0)
				wd[k] += avail * nat[k] / all;
	free(done);
}

static void
do_table(Lay *L, const DocTable *dt)
{
	double size = dt->size > 0 ? dt->size : L->body;
	size_t nc = dt->ncols, ncell = 0;
	if (nc == 0 || dt->nrows == 0)
		return;
	Table tb = { 0 };
	tb.nr = dt->nrows;
	tb.lh = lh_of(L, size);
	tb.rows = arena_array(L->a, tb.nr, sizeof *tb.rows);
	tb.c0 = arena_array(L->a, tb.nr + 1, sizeof *tb.c0);
	tb.h = arena_array(L->a, tb.nr, sizeof *tb.h);
	for (const DocRow *r = dt->first; r; r = r->next)
		ncell += r->ncells;
	tb.cells = arena_array(L->a, ncell + 1, sizeof *tb.cells);
	/* Cells on the grid; a header cell's rowspan keeps its columns busy below. */
	size_t *busy = arena_array(L->a, nc, sizeof *busy), r = 0, ci = 0;
	double *nat = arena_array(L->a, nc, sizeof *nat);
	for (const DocRow *dr = dt->first; dr; dr = dr->next, r++) {
		tb.rows[r] = dr;
		tb.c0[r] = ci;
		size_t col = 0;
		for (const DocCell *dc = dr->first; dc; dc = dc->next) {
			while (col < nc && busy[col] > 0)
				col++;
			if (col >= nc)
				break;
			Cell *c = &tb.cells[ci++];
			c->row = r;
			c->col = col;
			c->cs = dc->colspan < 1 ? 1 : (size_t)dc->colspan;
			if (col + c->cs > nc)
				c->cs = nc - col;
			c->rs = dc->rowspan < 1 || dr->kind != DOC_ROW_HEADER ? 1 : (size_t)dc->rowspan;
			DocAlign al = dc->align != DOC_ALIGN_DEFAULT ? dc->align :
				dr->kind == DOC_ROW_HEADER ? DOC_ALIGN_CENTER : dt->cols[col].align;
			if (al == DOC_ALIGN_DEFAULT || al == DOC_ALIGN_JUSTIFY)
				al = DOC_ALIGN_LEFT;
			c->t = text_new(L, NULL, &dc->text, size, dr->kind != DOC_ROW_BODY, al, 0);
			if (c->cs == 1) {
				double w = text_natural(c->t) + 2 * PAD_X;
				if (w > nat[col])
					nat[col] = w;
			}
			for (size_t k = 0; k < c->cs; k++)
				busy[col + k] = c->rs;
			col += c->cs;
		}
		tb.c0[r + 1] = ci;
		for (size_t k = 0; k < nc; k++)
			if (busy[k] > 0)
				busy[k]--;
	}
	double *wd = arena_array(L->a, nc, sizeof *wd);
	column_widths(L, dt, nat, wd);
	tb.xcol = arena_array(L->a, nc + 1, sizeof *tb.xcol);
	tb.xcol[0] = L->x0;
	for (size_t k = 0; k < nc; k++)
		tb.xcol[k + 1] = tb.xcol[k] + wd[k];
	/* Cells broken to their columns; rows as tall as their tallest cell, a
	 * rowspan's extra height on its last row. */
	for (size_t i = 0; i < ci; i++) {
		Cell *c = &tb.cells[i];
		text_wrap(L, c->t, tb.xcol[c->col + c->cs] - tb.xcol[c->col] - 2 * PAD_X);
		double h = tb.lh * c->t->n + 2 * PAD_Y;
		if (c->rs == 1 && h > tb.h[c->row])
			tb.h[c->row] = h;
	}
	for (size_t i = 0; i < ci; i++) {
		Cell *c = &tb.cells[i];
		double need = tb.lh * c->t->n + 2 * PAD_Y, have = 0;
		for (size_t k = 0; k < c->rs && c->row + k < tb.nr; k++)
			have += tb.h[c->row + k];
		if (c->rs > 1 && need > have)
			tb.h[c->row + c->rs - 1] += need - have;
	}
	size_t nhead = 0;
	double hh = 0;
	while (nhead < tb.nr && tb.rows[nhead]->kind == DOC_ROW_HEADER)
		hh += tb.h[nhead++];
	/* The header and the first body row start together. */
	ensure(L, hh + (nhead < tb.nr ? tb.h[nhead] : 0));
	for (r = 0; r < nhead; r++) {
		draw_row(L, &tb, r, 0, 0, tb.h[r]);
		L->y += tb.h[r];
	}
	for (r = nhead; r < tb.nr; r++) {
		double h = tb.h[r];
		if (L->y + h > L->bottom + 0.01 && h <= L->bottom - L->top - hh)
			table_page(L, &tb, nhead);
		if (L->y + h <= L->bottom + 0.01) {
			draw_row(L, &tb, r, 0, 0, h);
			L->y += h;
			continue;
		}
		/* Taller than a page: its lines go on over the next pages. */
		int most = 0, done = 0;
		for (size_t i = tb.c0[r]; i < tb.c0[r + 1]; i++)
			if (tb.cells[i].t->n > most)
				most = tb.cells[i].t->n;
		while (done < most) {
			int fit = (int)((L->bottom + 0.01 - L->y - 2 * PAD_Y) / tb.lh);
			if (fit < 1 && L->y > L->top + hh + 0.01) {
				table_page(L, &tb, nhead);
				continue;
			}
			if (fit < 1)
				fit = 1;    /* a page too short for one line of it */
			if (done + fit > most)
				fit = most - done;
			double hp = tb.lh * fit + 2 * PAD_Y;
			draw_row(L, &tb, r, done, fit, hp);
			L->y += hp;
			done += fit;
			if (done < most)
				table_page(L, &tb, nhead);
		}
	}
	L->y += tb.lh * 0.5;
}

/* ---- charts and signatures ---- */

static double
nice_max(double v)
{
	if (v <= 0)
		return 1;
	double e = pow(10, floor(log10(v))), m = v / e;
	return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * e;
}

/* Text of one line, in a box of width w at (x, ytop). */
static void
put(Lay *L, const char *s, double size, int bold, double x, double ytop, double w, DocAlign align)
{
	Text *t = text_new(L, s, NULL, size, bold, align, 0);
	pango_layout_set_ellipsize(t->pl, PANGO_ELLIPSIZE_END);
	text_wrap(L, t, w);
	if (t->n > 0)
		emit(L, t, 0, x, ytop);
}

/* Horizontal bars, labels on the left, values at the bar ends, a scale
 * below; stacked series side by side in one bar. Column charts too. */
static void
do_chart(Lay *L, const DocChart *ch)
{
	double size = L->body - 2, lh = lh_of(L, size), row = lh * 1.25;
	size_t ncat = ch->ncat, ns = ch->nseries;
	int stacked = ch->kind == DOC_CHART_STACKED;
	double vmax = ch->max;
	if (vmax <= 0) {
		for (size_t i = 0; i < ncat; i++) {
			double sum = 0;
			for (size_t j = 0; j < ns; j++) {
				double v = ch->values[j * ncat + i];
				sum = stacked ? sum + v : v > sum ? v : sum;
			}
			vmax = sum > vmax ? sum : vmax;
		}
		if (ch->has_goal && ch->goal > vmax)
			vmax = ch->goal;
		vmax = nice_max(vmax);
	}
	double lw = 0;
	for (size_t i = 0; i < ncat; i++) {
		double w = text_natural(text_new(L, ch->categories[i], NULL, size, 0, DOC_ALIGN_LEFT, 0));
		lw = w > lw ? w : lw;
	}
	lw = lw + 2 * MM > L->width * 0.35 ? L->width * 0.35 : lw + 2 * MM;
	double ax = L->x0 + lw, aw = L->width - lw - 18 * MM;
	int title = ch->title && *ch->title;
	double total = (title ? lh_of(L, L->body) : 0) + lh * 1.5 + row * (double)ncat + lh * 2;
	ensure(L, total < L->bottom - L->top ? total : L->bottom - L->top);
	if (title) {
		put(L, ch->title, L->body, 1, L->x0, L->y, L->width, DOC_ALIGN_CENTER);
		L->y += lh_of(L, L->body);
	}
	L->y += lh * 0.3;
	double y0 = L->y, scale = 1 * MM + lh_of(L, size - 2);
	char buf[64];
	for (size_t i = 0; i < ncat; i++) {
		/* The last bar goes with the scale below it. */
		if (L->y + row + (i + 1 == ncat ? scale : 0) > L->bottom) {
			open_page(L);
			L->used = 1;
			y0 = L->y;
		}
		put(L, ch->categories[i], size, 0, L->x0, L->y + (row - lh) / 2, lw - 2 * MM, DOC_ALIGN_RIGHT);
		double bx = ax, sum = 0;
		for (size_t j = 0; j < ns; j++) {
			double v = ch->values[j * ncat + i];
			v = v < 0 ? 0 : v;
			double bw = aw * (v > vmax ? vmax : v) / vmax;
			/* Unstacked series: thinner bars one under the other. */
			double bh = stacked ? row * 0.7 : row * 0.7 / (double)ns;
			double by = L->y + row * 0.15 + (stacked ? 0 : bh * (double)j);
			rect(L, stacked ? bx : ax, by, bw, bh, PALETTE[j % 8], NONE, 0);
			if (stacked)
				bx += bw;
			sum = stacked ? sum + v : v > sum ? v : sum;
		}
		snprintf(buf, sizeof buf, "%.*f%s", ch->decimals, sum, ch->unit && !stacked ? ch->unit : "");
		put(L, buf, size, 0, ax + aw * (sum > vmax ? vmax : sum) / vmax + 1.5 * MM, L->y + (row - lh) / 2,
			16.5 * MM, DOC_ALIGN_LEFT);
		L->y += row;
	}
	rule(L, ax, y0, ax, L->y, BLACK, 0.8);
	rule(L, ax, L->y, ax + aw, L->y, BLACK, 0.8);
	for (int k = 0; k <= 4; k++) {
		double xx = ax + aw * k / 4;
		rule(L, xx, L->y, xx, L->y + 1 * MM, BLACK, 0.5);
		snprintf(buf, sizeof buf, "%g%s", vmax * k / 4, ch->unit ? ch->unit : "");
		put(L, buf, size - 2, 0, xx - 10 * MM, L->y + 1 * MM, 20 * MM, DOC_ALIGN_CENTER);
	}
	if (ch->has_goal) {
		double gx = ax + aw * (ch->goal > vmax ? vmax : ch->goal) / vmax;
		rule(L, gx, y0 - 1 * MM, gx, L->y, GOAL, 1.2);
	}
	L->y += lh * 1.3;
	if (ns > 1 || stacked) {
		double x = L->x0;
		for (size_t j = 0; j < ns; j++) {
			Text *t = text_new(L, ch->series[j], NULL, size, 0, DOC_ALIGN_LEFT, 0);
			double tw = text_natural(t);
			if (x + 6 * MM + tw > L->x0 + L->width && x > L->x0) {
				L->y += lh;
				x = L->x0;
			}
			ensure(L, lh);
			rect(L, x, L->y + lh * 0.3, 3.5 * MM, lh * 0.45, PALETTE[j % 8], NONE, 0);
			text_wrap(L, t, tw + 1);
			emit(L, t, 0, x + 5 * MM, L->y);
			x += 10 * MM + tw;
		}
		L->y += lh;
	}
	L->y += lh * 0.5;
}

/* In the right half of the text width, lines centred, on one page. */
static void
do_signature(Lay *L, const DocSignature *g)
{
	double size = L->body, lh = lh_of(L, size);
	const char *dots = "....................................................";
	const char *lines[4];
	int n = 0;
	if (g->sign_line)
		lines[n++] = arena_printf(L->a, "ลงชื่อ %s%s%s", dots, g->role && *g->role ? " " : "",
			g->role ? g->role : "");
	lines[n++] = arena_printf(L->a, "(%s)", *g->name ? g->name : dots);
	if (g->position && *g->position)
		lines[n++] = g->position;
	if (g->date && *g->date)
		lines[n++] = g->date;
	Text *t[4];
	double w = L->width * 0.5;
	for (int i = 0; i < n; i++) {
		t[i] = text_new(L, lines[i], NULL, size, 0, DOC_ALIGN_CENTER, 0);
		double tw = text_natural(t[i]) + 2 * MM;
		w = tw > w ? (tw < L->width ? tw : L->width) : w;
	}
	int total = 0;
	for (int i = 0; i < n; i++) {
		text_wrap(L, t[i], w);
		total += t[i]->n;
	}
	double above = g->sign_line ? lh * 1.5 : lh * 0.5, x = L->x0 + L->width - w;
	ensure(L, above + lh * total);
	L->y += above;
	for (int i = 0; i < n; i++)
		for (int k = 0; k < t[i]->n; k++) {
			emit(L, t[i], k, x, L->y);
			L->y += lh;
		}
	L->y += lh * 0.5;
}

static void
do_cover(Lay *L, const DocCover *cv)
{
	open_page(L);
	L->pages[L->npages - 1].cover = 1;
	L->used = 1;
	L->y = L->top + 30 * MM;
	for (const DocCoverLine *l = cv->first; l; l = l->next) {
		L->y += l->gap_mm * MM;
		Text *t = text_new(L, NULL, &l->text, l->size > 0 ? l->size : L->body, 0, DOC_ALIGN_CENTER, 0);
		text_wrap(L, t, L->width);
		flow(L, t, L->x0);
	}
	L->open = 0;
}

/* ---- a document: laid out, then drawn ---- */

static void
lay_doc(Lay *L, const Doc *doc, const Settings *s)
{
	memset(L, 0, sizeof *L);
	L->s = s;
	L->a = arena_new();
	L->body = s->body_size > 0 ? s->body_size : 16;
	L->spacing = s->line_spacing > 0 ? s->line_spacing : 1.0;
	L->ml = s->margin_left * MM;
	L->mr = s->margin_right * MM;
	L->mt = s->margin_top * MM;
	L->mb = s->margin_bottom * MM;
	L->landscape = doc->landscape || s->landscape;
	for (const DocBlock *b = doc->first; b; b = b->next) {
		if (!L->open && b->kind != DOC_PAGEBREAK && b->kind != DOC_COVER && b->kind != DOC_TOC &&
		    b->kind != DOC_IMAGE)
			open_page(L);
		switch (b->kind) {
		case DOC_HEADING: do_heading(L, &b->u.heading); break;
		case DOC_PARA: do_para(L, &b->u.para); break;
		case DOC_LIST: do_list(L, &b->u.list); break;
		case DOC_LABELS: do_labels(L, &b->u.labels); break;
		case DOC_TABLE: do_table(L, &b->u.table); break;
		case DOC_CHART: do_chart(L, &b->u.chart); break;
		case DOC_SIGNATURE: do_signature(L, &b->u.signature); break;
		case DOC_COVER: do_cover(L, &b->u.cover); break;
		case DOC_SPACE:
			ensure(L, 0);
			L->y += b->u.space_mm * MM;
			break;
		case DOC_PAGEBREAK: {
			int o = b->u.pagebreak.orientation;
			if (L->open && !L->used && o >= 0 && o != L->landscape) {
				L->npages--;    /* still empty: it opens again, turned */
				L->open = 0;
			}
			if (L->used)
				L->open = 0;
			if (o >= 0)
				L->landscape = o;
			break;
		}
		case DOC_TOC:
		case DOC_IMAGE:
			break;      /* not in a school's report; see the head of the file */
		}
	}
	if (L->npages == 0)
		open_page(L);
}

static void
lay_free(Lay *L)
{
	for (size_t i = 0; i < L->nlayouts; i++)
		g_object_unref(L->layouts[i]);
	free(L->layouts);
	free(L->ops);
	free(L->pages);
	arena_free(L->a);
}

static void
set_rgb(cairo_t *cr, Rgb c)
{
	cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

static void
draw_line(cairo_t *cr, const Text *t, int k, double x, double ytop)
{
	cairo_move_to(cr, x + t->dx[k], ytop + t->base);
	pango_cairo_show_layout_line(cr, t->ln[k]);
}

/* The running header (top right, a rule below) and the footer (its text
 * left, "หน้า N จาก M" right) of page p, the n-th of total numbered ones. */
static void
decorate(Lay *L, cairo_t *cr, const Doc *doc, const Page *p, size_t n, size_t total)
{
	double size = L->body - 2, lh = lh_of(L, size), x0 = L->ml, w = p->w - L->ml - L->mr;
	set_rgb(cr, BLACK);
	if (doc->header_text && *doc->header_text) {
		double yt = L->mt - lh - 2 * MM > 2 * MM ? L->mt - lh - 2 * MM : 2 * MM;
		Text *t = text_new(L, doc->header_text, NULL, size, 0, DOC_ALIGN_RIGHT, 0);
		text_wrap(L, t, w);
		draw_line(cr, t, 0, x0, yt);
		set_rgb(cr, GRID);
		cairo_set_line_width(cr, 0.4);
		cairo_move_to(cr, x0, yt + lh + 0.5 * MM);
		cairo_line_to(cr, x0 + w, yt + lh + 0.5 * MM);
		cairo_stroke(cr);
		set_rgb(cr, BLACK);
	}
	double yf = p->h - L->mb + 3 * MM;
	if (yf + lh > p->h - 2 * MM)
		yf = p->h - 2 * MM - lh;
	int has_footer = doc->footer_text && *doc->footer_text;
	if (has_footer) {
		Text *t = text_new(L, doc->footer_text, NULL, size, 0, DOC_ALIGN_LEFT, 0);
		pango_layout_set_ellipsize(t->pl, PANGO_ELLIPSIZE_END);
		text_wrap(L, t, w * 0.6);
		draw_line(cr, t, 0, x0, yf);
	}
	char pg[64];
	snprintf(pg, sizeof pg, "หน้า %zu จาก %zu", n, total);
	Text *t = text_new(L, pg, NULL, size, 0, has_footer ? DOC_ALIGN_RIGHT : DOC_ALIGN_CENTER, 0);
	text_wrap(L, t, w);
	draw_line(cr, t, 0, x0, yf);
}

/* Draw the laid-out L into a PDF at path; returns its pages, -1 on error. */
static long
draw_doc(Lay *L, const Doc *doc, const char *path)
{
	cairo_surface_t *sf = cairo_pdf_surface_create(path, L->pages[0].w, L->pages[0].h);
	const struct { cairo_pdf_metadata_t k; const char *v; } meta[] = {
		{ CAIRO_PDF_METADATA_TITLE, doc->title }, { CAIRO_PDF_METADATA_AUTHOR, doc->author },
		{ CAIRO_PDF_METADATA_SUBJECT, doc->subject }, { CAIRO_PDF_METADATA_KEYWORDS, doc->keywords },
		{ CAIRO_PDF_METADATA_CREATOR, doc->creator },
	};
	for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
		if (meta[i].v)
			cairo_pdf_surface_set_metadata(sf, meta[i].k, meta[i].v);
	cairo_t *cr = cairo_create(sf);
	size_t total = 0, n = 0, o = 0;
	long pages = 0;
	for (size_t p = 0; p < L->npages; p++)
		total += !L->pages[p].cover;
	for (size_t p = 0; p < L->npages; p++) {
		const Page *pg = &L->pages[p];
		cairo_pdf_surface_set_size(sf, pg->w, pg->h);
		for (; o < L->nops && L->ops[o].page == p; o++) {
			const Op *op = &L->ops[o];
			switch (op->kind) {
			case OP_TEXT:
				set_rgb(cr, BLACK);
				cairo_move_to(cr, op->x, op->y);
				pango_cairo_show_layout_line(cr, op->line);
				break;
			case OP_RECT:
				cairo_rectangle(cr, op->x, op->y, op->w, op->h);
				if (op->fill.set) {
					set_rgb(cr, op->fill);
					cairo_fill_preserve(cr);
				}
				if (op->stroke.set) {
					set_rgb(cr, op->stroke);
					cairo_set_line_width(cr, op->lw);
					cairo_stroke(cr);
				}
				cairo_new_path(cr);
				break;
			case OP_RULE:
				set_rgb(cr, op->stroke);
				cairo_set_line_width(cr, op->lw);
				cairo_move_to(cr, op->x, op->y);
				cairo_line_to(cr, op->w, op->h);
				cairo_stroke(cr);
				break;
			}
		}
		if (!pg->cover)
			decorate(L, cr, doc, pg, ++n, total);
		cairo_show_page(cr);
		pages++;
	}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	cairo_status_t st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (st != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "bench-pango: %s: %s\n", path, cairo_status_to_string(st));
		return -1;
	}
	return pages;
}

/* ---- the benchmark ---- */

typedef struct Report {
	Arena *a;
	Doc *doc;
	char *path;
} Report;

/* Typeset reports from, from + step, ...; the pages made, -1 on error. */
static long
typeset(const Report *rep, size_t n, size_t from, size_t step, const Settings *s)
{
	long pages = 0;
	for (size_t i = from; i < n; i += step) {
		Lay L;
		lay_doc(&L, rep[i].doc, s);
		long p = draw_doc(&L, rep[i].doc, rep[i].path);
		lay_free(&L);
		if (p < 0)
			return -1;
		pages += p;
	}
	return pages;
}

/* One run over every report with workers processes; the pages made. */
static long
run_once(const Report *rep, size_t n, int workers, const Settings *s)
{
	if (workers == 1)
		return typeset(rep, n, 0, 1, s);
	int fd[2];
	if (pipe(fd) != 0) {
		perror("bench-pango: pipe");
		return -1;
	}
	/* The children inherit the warm font map, as forked workers do. */
	for (int w = 0; w < workers; w++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("bench-pango: fork");
			return -1;
		}
		if (pid == 0) {
			long p = typeset(rep, n, (size_t)w, (size_t)workers, s);
			_exit(write(fd[1], &p, sizeof p) == (ssize_t)sizeof p && p >= 0 ? 0 : 1);
		}
	}
	close(fd[1]);
	long pages = 0, p;
	int bad = 0, status;
	while (read(fd[0], &p, sizeof p) == (ssize_t)sizeof p)
		pages += p;
	close(fd[0]);
	while (wait(&status) > 0)
		bad |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	return bad ? -1 : pages;
}

/* Load, measure and compose as nithet does (cli/run.c); the active
 * schools' reports in *out. */
static int
compose_all(Settings *s, Diag *d, const char *dir, Report **out, size_t *nout, Arena *a, Model *m)
{
	memset(m, 0, sizeof *m);
	m->fiscal_year = s->fiscal_year;
	char plan[4096];
	snprintf(plan, sizeof plan, "%s/%s", s->input_dir, s->plan_file);
	m->plan = plan_load(a, plan, s->plan_schema, s->max_xml_depth, s->max_file_bytes, d);
	if (m->plan == NULL)
		return -1;
	if (m->plan->evaluation_form.has_levels)
		memcpy(s->level_percent, m->plan->evaluation_form.level_percent, sizeof s->level_percent);
	if (s->office_name[0] == '\0') {
		free(s->office_name);
		s->office_name = mem_strdup(m->plan->office);
	}
	if (inputs_load(m, a, s, d) != 0)
		return -1;
	model_index_rows(m, a);
	Results *r = measure_run(m, s, cal_fy_last(s->fiscal_year), a);
	Report *rep = mem_array(m->nschools + 1, sizeof *rep);
	size_t n = 0;
	for (size_t i = 0; i < m->nschools; i++) {
		if (!m->schools[i].active)
			continue;
		rep[n].a = arena_new();
		rep[n].doc = school_compose(rep[n].a, &(ReportInput){ .model = m, .results = r, .school = &m->schools[i], .settings = s });
		rep[n].path = arena_printf(rep[n].a, "%s/%s-%d.pdf", dir, m->schools[i].code, s->fiscal_year);
		n++;
	}
	*out = rep;
	*nout = n;
	return 0;
}

int
main(int argc, char **argv)
{
	const char *config = "config/nithet.ini", *dir = NULL;
	int runs = 1, workers = 1, quiet = 0, opt;
	while ((opt = getopt(argc, argv, "c:o:n:j:q")) != -1) {
		if (opt == 'c')
			config = optarg;
		else if (opt == 'o')
			dir = optarg;
		else if (opt == 'q')
			quiet = 1;
		else if (opt == 'n' || opt == 'j') {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 100) {
				fprintf(stderr, "bench-pango: -%c wants a number from 1 to 100\n", opt);
				return 2;
			}
			*(opt == 'n' ? &runs : &workers) = (int)v;
		} else {
			fprintf(stderr, "usage: bench-pango [-c CONFIG] [-o DIR] [-n RUNS] [-j N] [-q]\n");
			return 2;
		}
	}
	char tmp[] = "/tmp/bench-pango-XXXXXX";
	int own_dir = dir == NULL;
	if (own_dir && (dir = mkdtemp(tmp)) == NULL) {
		perror("bench-pango: mkdtemp");
		return 1;
	}
	if (!own_dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "bench-pango: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	Diag *d = diag_new(quiet ? NULL : stderr);
	Settings *s = settings_load(config, NULL, d);
	if (s == NULL) {
		fprintf(stderr, "bench-pango: cannot read %s\n", config);
		return 2;
	}
	xml_init();
	Arena *a = arena_new();
	Model m;
	Report *rep = NULL;
	size_t n = 0;
	int rc = 0;
	if (compose_all(s, d, dir, &rep, &n, a, &m) != 0) {
		fprintf(stderr, "bench-pango: the input does not load (%zu errors)\n", diag_errors(d));
		rc = 3;
	} else if (n == 0 || fonts_init(s) != 0) {
		fprintf(stderr, "bench-pango: %s\n", n == 0 ? "no active school" : "no fonts");
		rc = 3;
	}
	/* Warm up: the fonts loaded and a first document shaped before the clock. */
	if (rc == 0 && typeset(rep, 1, 0, 1, s) < 0)
		rc = 1;
	double *rate = mem_array((size_t)runs, sizeof *rate);
	for (int k = 0; rc == 0 && k < runs; k++) {
		double t0 = bench_now();
		long pages = run_once(rep, n, workers, s);
		double t = bench_now() - t0;
		if (pages < 0) {
			rc = 1;
			break;
		}
		rate[k] = (double)pages / t;
		printf("pango: run %d: %zu docs %ld pages %.3f s %.1f pages/s\n", k + 1, n, pages, t, rate[k]);
		fflush(stdout);
	}
	if (rc == 0) {
		qsort(rate, (size_t)runs, sizeof *rate, bench_cmp_double);
		printf("pango: median %.1f pages/s (%d runs, %d workers)\n", rate[runs / 2], runs, workers);
	} else if (!quiet) {
		fprintf(stderr, "bench-pango: failed\n");
	}
	free(rate);
	/* Only the files made here go, and the folder when it was made here. */
	for (size_t i = 0; i < n; i++) {
		if (own_dir)
			unlink(rep[i].path);
		arena_free(rep[i].a);
	}
	if (own_dir)
		rmdir(dir);
	free(rep);
	if (F.map)
		fonts_free();
	arena_free(a);
	settings_free(s);
	diag_free(d);
	xml_cleanup();
	return rc;
}
