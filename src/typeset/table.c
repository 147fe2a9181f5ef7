/* table.c - a table: cells placed on the grid (spans), column widths from
 * content that never cut a header word or an unbreakable piece (the type
 * set a step smaller when they cannot all fit), rows across pages with the
 * header repeated under the caption's label "(continued)". */
#include "typeset/lay.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static const DlColor HEAD_FILL = { 217, 226, 243, 0 };
static const DlColor TOTAL_FILL = { 237, 237, 237, 0 };
static const DlColor SHADE_FILL = { 246, 246, 246, 0 };

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
/* Cell rules (points). */
#define GRID_LW 0.5
/* A header cell keeps its words on one line when its natural width is
 * under this share of the text width. */
#define HEADER_NOWRAP 0.2
/* A row that does not fit moves to the next page when it would fit there,
 * or when this page holds more than the header and this many lines of the
 * table; else it starts here and its lines continue overleaf. */
#define TABLE_SPLIT_LINES 3
/* Space below a table, in its lines. */
#define TABLE_AFTER 0.5
/* A table of more cells than this does not keep its body cells shaped
 * from measuring to drawing: each row's are shaped again just before the
 * row is drawn, and dropped after (a national annual report's list of
 * 30,000 schools held 100 MB of shaped cells). Smaller tables keep them:
 * shaping twice costs time. */
#define TABLE_KEEP_CELLS 4096
/* Cells measured between two emptyings of a long table's measuring arena. */
#define TABLE_MEASURE_BATCH 256

static void
draw_row(Lay *L, const DocTable *tb, TRow *rows, size_t r, TCell *cells, const double *xcol,
	double ytop, size_t first_line, size_t max_lines, double h, const char *srcfmt, int bi)
{
	(void)tb;
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
		lay_rect(L, x, ytop, w, ch, fill, GRID, GRID_LW);
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
				lay_tag(L, srcfmt, bi, (int)r, (int)c->col));
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
	if (total <= target + LAY_FIT_EPS)
		return;
	double *floor = mem_array(nc, sizeof *floor);
	for (size_t k = 0; k < nc; k++)
		floor[k] = umin[k] > hmin[k] ? umin[k] : hmin[k];
	double excess = shrink_to(wd, floor, nc, total - target);
	excess = shrink_to(wd, hmin, nc, excess);
	if (excess > LAY_FIT_EPS) {
		for (size_t k = 0; k < nc; k++)
			floor[k] = 0;
		shrink_to(wd, floor, nc, excess);
	}
	free(floor);
}

/* At the top of a page a table continues on: its caption's label and the
 * Doc's continued word ("ตารางที่ 3 (ต่อ)"), as Thai reports mark a
 * continued table. */
static void
table_continues(Lay *L, double size)
{
	if (L->table_label == NULL)
		return;
	const char *text = lay_join(L, (const char *[]){ L->table_label, L->doc->words.continued }, 2);
	lay_put_text(L, text, size, 1, L->x0, L->y, L->width, DOC_ALIGN_LEFT, lay_tag(L, "t%dcont", L->nblock, 0, 0));
	L->y += lh_of(L, size);
}

/* The table goes on at the top of a new page: its caption's label marked
 * continued, then its nhead header rows again. */
static void
table_new_page(Lay *L, const DocTable *tb, TRow *rows, size_t nhead, TCell *cells, const double *xcol,
	double size, int bi)
{
	lay_open_page(L);
	L->page_used = 1;
	table_continues(L, size);
	for (size_t k = 0; k < nhead; k++) {
		draw_row(L, tb, rows, k, cells, xcol, L->y, 0, 0, rows[k].h, "t%dr%dc%d", bi);
		L->y += rows[k].h;
	}
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
		if (need <= L->width + LAY_FIT_EPS)
			return size * f;
	}
	return size * TABLE_MIN_SCALE;
}

/* Cell c broken to its column's width (shaped first into a when asked:
 * a long table's body cell), its row at least as tall as its lines. */
static void
break_cell(Lay *L, TCell *c, TRow *rows, const double *xcol, double lh, Arena *a, double size, int shape)
{
	if (shape)
		c->t = ts_text_shape(L->c, a, &c->dc->text, NULL, size, rows[c->row].dr->kind != DOC_ROW_BODY);
	double w = xcol[c->col + c->cs] - xcol[c->col] - 2 * PAD_X;
	c->n = ts_text_break(c->t, a, w, w, 0, &c->ln);
	if (c->rs == 1) {
		double h = lh * (double)(c->n ? c->n : 1) + 2 * PAD_Y;
		if (h > rows[c->row].h)
			rows[c->row].h = h;
	}
}

/* A long table's body row r, shaped and broken into a just before it is
 * drawn, and its height. */
static void
shape_row(Lay *L, TRow *rows, size_t r, TCell *cells, const double *xcol, double lh, Arena *a, double size)
{
	for (size_t i = rows[r].c0; i < rows[r].c1; i++)
		break_cell(L, &cells[i], rows, xcol, lh, a, size, 1);
	if (rows[r].h <= 0)
		rows[r].h = lh + 2 * PAD_Y;
}

void
lay_table(Lay *L, const DocTable *tb)
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
	/* A long table: its body cells shaped for measuring in an arena
	 * emptied every batch, and again row by row when drawn. */
	int by_row = ci > TABLE_KEEP_CELLS;
	Arena *cell_arena = by_row ? arena_new() : NULL;
	for (int pass = 0; pass < 2; pass++) {
		memset(mn, 0, nc * sizeof *mn);
		memset(mx, 0, nc * sizeof *mx);
		memset(hmin, 0, nc * sizeof *hmin);
		memset(umin, 0, nc * sizeof *umin);
		for (size_t i = 0; i < ci; i++) {
			const DocRow *dr = rows[cells[i].row].dr;
			int later = by_row && dr->kind != DOC_ROW_HEADER;
			if (later && i % TABLE_MEASURE_BATCH == 0) {
				arena_free(cell_arena);
				cell_arena = arena_new();
			}
			cells[i].t = ts_text_shape(L->c, later ? cell_arena : L->scratch, &cells[i].dc->text, NULL, size,
			    dr->kind != DOC_ROW_BODY);
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
			if (head && b < L->width * HEADER_NOWRAP && b > a)
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
	arena_free(cell_arena);
	if (by_row)
		for (size_t i = 0; i < ci; i++)
			if (rows[cells[i].row].dr->kind != DOC_ROW_HEADER)
				cells[i].t = NULL;     /* shaped again when drawn */
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

	/* Break cells, row heights; a rowspan's extra height goes to its last
	 * row (spans are only in header rows). A long table's body rows are
	 * shaped and broken when drawn. */
	for (size_t i = 0; i < ci; i++)
		if (cells[i].t != NULL)
			break_cell(L, &cells[i], rows, xcol, lh, L->scratch, size, 0);
	for (size_t r = 0; r < nr; r++)
		if (rows[r].h <= 0 && !(by_row && rows[r].dr->kind != DOC_ROW_HEADER))
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
	Arena *row_arena = by_row ? arena_new() : NULL;
	if (by_row && nhead < nr)
		shape_row(L, rows, nhead, cells, xcol, lh, row_arena, size);
	/* The header and the first body row start together. */
	lay_need(L, hh + (nhead < nr ? rows[nhead].h : 0));
	for (size_t r = 0; r < nr; r++) {
		if (r < nhead) {
			draw_row(L, tb, rows, r, cells, xcol, L->y, 0, 0, rows[r].h, "t%dr%dc%d", bi);
			L->y += rows[r].h;
			continue;
		}
		if (by_row && r > nhead) {
			arena_free(row_arena);   /* the row before is drawn */
			row_arena = arena_new();
			shape_row(L, rows, r, cells, xcol, lh, row_arena, size);
		}
		double h = rows[r].h;
		if (L->y + h > L->bottom + LAY_FIT_EPS) {
			double room = L->bottom - L->top - hh - (L->table_label ? lh : 0);
			if (h <= room || L->y > L->top + hh + lh * TABLE_SPLIT_LINES) {
				table_new_page(L, tb, rows, nhead, cells, xcol, size, bi);
			}
		}
		if (L->y + h <= L->bottom + LAY_FIT_EPS) {
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
				table_new_page(L, tb, rows, nhead, cells, xcol, size, bi);
			}
		}
	}
	L->y += lh * TABLE_AFTER;
	arena_free(row_arena);
	free(xcol);
	free(rows);
	free(cells);
}
