/* blocks.c - the blocks other than tables and charts: headings (with their
 * bookmarks), paragraphs and captions, lists, label lists, image grids and
 * signature blocks. */
#include "typeset/lay.h"

#include <stdio.h>

/* Space in lines of body text above a heading (none at the top of a page)
 * and below it; below a paragraph, list or label list, a quarter of one
 * of its lines. */
#define HEADING_BEFORE 0.5
#define HEADING_AFTER 0.2
#define BLOCK_AFTER 0.25
/* A signature block is at least this share of the text width; it has
 * SIGN_ROOM lines above a sign line to sign in, else SIGNATURE_GAP, and
 * SIGNATURE_GAP below. */
#define SIGNATURE_WIDTH 0.5
#define SIGN_ROOM 1.5
#define SIGNATURE_GAP 0.5

void
lay_heading(Lay *L, const DocHeading *h, const DocBlock *next)
{
	double size = lay_heading_size(L, h->level);
	double lh = lh_of(L, size);
	double before = L->page_used ? lh_of(L, L->body) * HEADING_BEFORE : 0;
	double after = lh_of(L, L->body) * HEADING_AFTER;
	DocText t = { 0 };
	char *body = NULL;
	{
		Doc tmp = { 0 };
		tmp.arena = L->a;
		if (h->number) {
			doc_text_add(&tmp, &t, lay_digits(L, h->number), 1);
			doc_text_add(&tmp, &t, " ", 1);
		}
		for (const DocSpan *s = h->text.first; s; s = s->next)
			doc_text_add(&tmp, &t, s->text, 1);
		body = doc_text_string(&tmp, &t);
	}
	TextFlow tf;
	lay_text_flow(L, &t, NULL, size, 1, L->width, 0, DOC_ALIGN_LEFT, &tf);
	double hh = lh * (double)(tf.f.n ? tf.f.n : 1);
	if (L->open && L->page_used && L->y + before + hh + after + lay_keep_room(L, next) > L->bottom)
		lay_open_page(L);
	if (L->page_used)
		L->y += before;
	/* The heading's lines start on the page its bookmark names. */
	lay_need(L, hh < L->bottom - L->top ? hh : lh);
	double ytop = L->y;
	lay_flow_lines(L, &tf, L->x0, L->width, 0, DOC_ALIGN_LEFT, lay_block_tag(L, "h%d", L->nblock, 0, 0));
	if (h->in_toc) {
		dl_add_mark(L->dl, L->page, h->level, L->ph - ytop, body);
		lay_toc_reached(L);
	}
	L->y += after;
}

void
lay_para(Lay *L, const DocPara *p, const DocBlock *next)
{
	double size = p->size > 0 ? p->size * L->scale : L->body;
	TextFlow tf;
	lay_para_flow(L, p, &tf);
	if (p->keep_with_next && L->open && L->page_used &&
	    L->y + lay_flow_head(&tf.f) + lay_keep_room(L, next) > L->bottom)
		lay_open_page(L);
	/* A caption's entry takes the page of its first line. */
	if (p->caption != DOC_CAPTION_NONE && tf.f.n > 0)
		lay_need(L, tf.f.lh);
	if (p->caption != DOC_CAPTION_NONE)
		lay_toc_reached(L);
	lay_flow_lines(L, &tf, L->x0, L->width, p->indent_mm * MM, p->align, lay_block_tag(L, "p%d", L->nblock, 0, 0));
	L->y += lh_of(L, size) * BLOCK_AFTER;
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

void
lay_list(Lay *L, const DocList *l)
{
	double size = L->body;
	const char *bullet = covers_cp(L, 0x2022) ? "\xE2\x80\xA2" : "-";
	ListFlow lf;
	lay_list_flow(L, l, &lf);
	const Flow *f = &lf.f;
	double b = base_of(L, size), w = L->x0 + L->width - lf.xt;
	size_t item = 0, j = 0;  /* item of line g, and line within it */
	for (size_t g = 0; g < f->n;) {
		if (g > 0)
			lay_open_page(L);
		size_t e = g + lay_flow_take(L, f, g);
		L->page_used = 1;
		for (; g < e; g++) {
			if (j == 0) {
				char num[32];
				snprintf(num, sizeof num, "%zu.", item + 1);
				lay_put_text(L, l->ordered ? lay_digits(L, num) : bullet, size, 0, lf.xm, L->y, lf.hang,
					DOC_ALIGN_LEFT, lay_tag(L, "l%dm%d", L->nblock, (int)item, 0));
			}
			if (j < lf.n[item] && lf.ln[item] != NULL)
				ts_text_emit(L->c, L->dl, L->page, lf.t[item], lf.ln[item], j, lf.n[item], lf.xt,
					L->ph - (L->y + b), w, DOC_ALIGN_LEFT, lay_tag(L, "l%di%d", L->nblock, (int)item, 0));
			L->y += f->lh;
			if (++j >= lf.n[item]) {
				item++;
				j = 0;
			}
		}
	}
	L->y += f->lh * BLOCK_AFTER;
}

void
lay_labels(Lay *L, const DocLabels *lb)
{
	double size = L->body;
	LabelFlow bf;
	lay_label_flow(L, lb, &bf);
	const Flow *f = &bf.f;
	double b = base_of(L, size), lw = bf.lw;
	size_t row = 0, j = 0;   /* row of line g, and line within it */
	for (size_t g = 0; g < f->n;) {
		if (g > 0)
			lay_open_page(L);
		size_t e = g + lay_flow_take(L, f, g);
		L->page_used = 1;
		for (; g < e; g++) {
			/* A label's lines all go with its value's first: no page break
			 * comes before them (label_flow). */
			if (j == 0)
				for (size_t i = 0; i < bf.nl[row]; i++)
					ts_text_emit(L->c, L->dl, L->page, bf.tl[row], bf.ll[row], i, bf.nl[row], L->x0,
						L->ph - (L->y + b + f->lh * (double)i), lw - 2 * MM, DOC_ALIGN_LEFT,
						lay_tag(L, "b%dl%d", L->nblock, (int)row, 0));
			if (j < bf.nv[row])
				ts_text_emit(L->c, L->dl, L->page, bf.tv[row], bf.lv[row], j, bf.nv[row], L->x0 + lw,
					L->ph - (L->y + b), L->width - lw, DOC_ALIGN_LEFT,
					lay_tag(L, "b%dv%d", L->nblock, (int)row, 0));
			L->y += f->lh;
			if (++j >= bf.rows[row]) {
				row++;
				j = 0;
			}
		}
	}
	L->y += f->lh * BLOCK_AFTER;
}


/* Image im scaled into the box (x, ytop, w, h), aspect kept, centred. */
void
lay_put_image(Lay *L, const DocImage *im, double x, double ytop, double w, double h, int k)
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
	it->u.image.source = im->source ? arena_strdup(L->dl->page_arena, im->source) : NULL;
	(void)k;
}

/* A grid of pictures: a row (its images and their captions) never splits. */
void
lay_images(Lay *L, const DocImages *g)
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
			t[i] = ts_text_shape(L->c, L->scratch, &row[i]->caption, NULL, size, 0);
			nl[i] = ts_text_break(t[i], L->scratch, cw, cw, 0, &lines[i]);
			if (nl[i] > most)
				most = nl[i];
		}
		lay_need(L, ch + 2 * MM + lh * (double)most);
		for (int i = 0; i < n; i++) {
			double x = L->x0 + i * (cw + gap);
			lay_put_image(L, row[i]->image, x, L->y, cw, ch, k++);
			for (size_t j = 0; j < nl[i]; j++)
				ts_text_emit(L->c, L->dl, L->page, t[i], lines[i], j, nl[i], x,
					L->ph - (L->y + ch + 2 * MM + lh * (double)j + base_of(L, size)), cw,
					DOC_ALIGN_CENTER, lay_tag(L, "img%dc%d", L->nblock, k, 0));
		}
		L->y += ch + 2 * MM + lh * (double)most + 3 * MM;
	}
}

/* A signature block in the right part of the text width, lines centred,
 * kept on one page, with a line's room above the sign line ("ลงชื่อ" and
 * dots) to sign in. */
void
lay_signature(Lay *L, const DocSignature *g)
{
	double size = L->body, lh = lh_of(L, size);
	const char *dots = "....................................................";
	const char *lines[4];
	int n = 0;
	if (g->sign_line)
		lines[n++] = lay_join(L, (const char *[]){ L->doc->words.sign, dots, g->role }, 3);
	lines[n++] = *g->name ? arena_printf(L->a, "(%s)", g->name) : arena_printf(L->a, "(%s)", dots);
	if (g->position && *g->position)
		lines[n++] = g->position;
	if (g->date && *g->date)
		lines[n++] = g->date;
	/* The block's width: at least half the text width, wider for a long
	 * position so that it stays on one line; flush with the right margin. */
	double w = L->width * SIGNATURE_WIDTH;
	for (int i = 0; i < n; i++) {
		double tw = lay_text_width(L, lines[i], size, 0) + 2 * MM;
		if (tw > w)
			w = tw < L->width ? tw : L->width;
	}
	double x = L->x0 + L->width - w;
	const TsText *t[4];
	TsLine *ln[4];
	size_t nl[4], total = 0;
	for (int i = 0; i < n; i++) {
		t[i] = ts_text_shape(L->c, L->scratch, NULL, lines[i], size, 0);
		nl[i] = ts_text_break(t[i], L->scratch, w, w, 0, &ln[i]);
		total += nl[i];
	}
	double above = g->sign_line ? lh * SIGN_ROOM : lh * SIGNATURE_GAP;
	lay_need(L, above + lh * (double)total);
	L->y += above;
	for (int i = 0; i < n; i++)
		for (size_t j = 0; j < nl[i]; j++) {
			ts_text_emit(L->c, L->dl, L->page, t[i], ln[i], j, nl[i], x,
				L->ph - (L->y + base_of(L, size)), w, DOC_ALIGN_CENTER,
				lay_tag(L, "sig%dl%d", L->nblock, i, 0));
			L->y += lh;
		}
	L->y += lh * SIGNATURE_GAP;
}
