/* doc.c - building the Doc tree (see doc.h). Pure data; no I/O. */
#include "doc/doc.h"

#include <assert.h>
#include <string.h>

Doc *
doc_new(Arena *a)
{
	Doc *d = arena_alloc(a, sizeof *d);
	d->arena = a;
	return d;
}

void
doc_set(Doc *d, const char **which, const char *value)
{
	*which = value ? arena_strdup(d->arena, value) : NULL;
}

void
doc_set_words(Doc *d, const DocWords *w)
{
	DocWords *o = &d->words;
	doc_set(d, &o->toc_title, w->toc_title);
	doc_set(d, &o->toc_tables_title, w->toc_tables_title);
	doc_set(d, &o->toc_charts_title, w->toc_charts_title);
	doc_set(d, &o->table_label, w->table_label);
	doc_set(d, &o->chart_label, w->chart_label);
	doc_set(d, &o->page, w->page);
	doc_set(d, &o->page_of, w->page_of);
	doc_set(d, &o->continued, w->continued);
	doc_set(d, &o->goal, w->goal);
	doc_set(d, &o->sign, w->sign);
}

void
doc_text_add(Doc *d, DocText *t, const char *text, int bold)
{
	if (text == NULL || *text == '\0')
		return;
	DocSpan *s = arena_alloc(d->arena, sizeof *s);
	s->text = arena_strdup(d->arena, text);
	s->bold = bold;
	if (t->last)
		t->last->next = s;
	else
		t->first = s;
	t->last = s;
}

char *
doc_text_string(Doc *d, const DocText *t)
{
	size_t n = 0;
	for (const DocSpan *s = t->first; s; s = s->next)
		n += strlen(s->text);
	char *out = arena_alloc(d->arena, n + 1);
	size_t at = 0;
	for (const DocSpan *s = t->first; s; s = s->next) {
		size_t k = strlen(s->text);
		memcpy(out + at, s->text, k);
		at += k;
	}
	out[at] = '\0';
	return out;
}

static DocBlock *
add_block(Doc *d, DocKind kind)
{
	DocBlock *b = arena_alloc(d->arena, sizeof *b);
	b->kind = kind;
	if (d->last)
		d->last->next = b;
	else
		d->first = b;
	d->last = b;
	d->nblocks++;
	return b;
}

DocBlock *
doc_heading(Doc *d, int level, const char *number, const char *text)
{
	assert(level >= 1 && level <= 3);
	DocBlock *b = add_block(d, DOC_HEADING);
	b->u.heading.level = level;
	b->u.heading.in_toc = 1;
	if (number) {
		b->u.heading.number = arena_strdup(d->arena, number);
	} else if (d->number_headings) {
		/* Automatic numbering: a heading resets the counters below it. */
		d->counters[level - 1]++;
		for (int i = level; i < 3; i++)
			d->counters[i] = 0;
		if (level == 1)
			b->u.heading.number = arena_printf(d->arena, "%d", d->counters[0]);
		else if (level == 2)
			b->u.heading.number = arena_printf(d->arena, "%d.%d", d->counters[0], d->counters[1]);
		else
			b->u.heading.number = arena_printf(d->arena, "%d.%d.%d", d->counters[0],
				d->counters[1], d->counters[2]);
	}
	doc_text_add(d, &b->u.heading.text, text, 1);
	return b;
}

DocBlock *
doc_para(Doc *d, const char *text)
{
	DocBlock *b = add_block(d, DOC_PARA);
	doc_text_add(d, &b->u.para.text, text, 0);
	return b;
}

DocBlock *
doc_list(Doc *d, int ordered)
{
	DocBlock *b = add_block(d, DOC_LIST);
	b->u.list.ordered = ordered;
	return b;
}

void
doc_list_item(Doc *d, DocBlock *list, const char *text)
{
	assert(list->kind == DOC_LIST);
	DocItem *it = arena_alloc(d->arena, sizeof *it);
	doc_text_add(d, &it->text, text, 0);
	DocList *l = &list->u.list;
	if (l->last)
		l->last->next = it;
	else
		l->first = it;
	l->last = it;
	l->n++;
}

DocBlock *
doc_labels(Doc *d)
{
	return add_block(d, DOC_LABELS);
}

void
doc_label(Doc *d, DocBlock *labels, const char *label, const char *value)
{
	assert(labels->kind == DOC_LABELS);
	DocLabel *lv = arena_alloc(d->arena, sizeof *lv);
	doc_text_add(d, &lv->label, label, 1);
	doc_text_add(d, &lv->value, value, 0);
	DocLabels *l = &labels->u.labels;
	if (l->last)
		l->last->next = lv;
	else
		l->first = lv;
	l->last = lv;
}

DocBlock *
doc_table(Doc *d, size_t ncols)
{
	assert(ncols > 0);
	DocBlock *b = add_block(d, DOC_TABLE);
	b->u.table.ncols = ncols;
	b->u.table.cols = arena_array(d->arena, ncols, sizeof *b->u.table.cols);
	for (size_t i = 0; i < ncols; i++)
		b->u.table.cols[i].align = DOC_ALIGN_LEFT;
	b->u.table.full_width = 1;
	return b;
}

void
doc_table_column(DocBlock *table, size_t i, double width_mm, DocAlign align)
{
	assert(table->kind == DOC_TABLE && i < table->u.table.ncols);
	table->u.table.cols[i].width_mm = width_mm;
	table->u.table.cols[i].align = align;
}

DocRow *
doc_table_row(Doc *d, DocBlock *table, DocRowKind kind)
{
	assert(table->kind == DOC_TABLE);
	DocRow *r = arena_alloc(d->arena, sizeof *r);
	r->kind = kind;
	DocTable *t = &table->u.table;
	if (t->last)
		t->last->next = r;
	else
		t->first = r;
	t->last = r;
	t->nrows++;
	return r;
}

DocCell *
doc_row_cell(Doc *d, DocRow *row, const char *text)
{
	DocCell *c = arena_alloc(d->arena, sizeof *c);
	c->colspan = c->rowspan = 1;
	doc_text_add(d, &c->text, text, row->kind != DOC_ROW_BODY);
	if (row->last)
		row->last->next = c;
	else
		row->first = c;
	row->last = c;
	row->ncells++;
	return c;
}

DocBlock *
doc_chart(Doc *d, DocChartKind kind, const char *title, size_t ncat, size_t nseries)
{
	assert(ncat > 0 && nseries > 0);
	DocBlock *b = add_block(d, DOC_CHART);
	DocChart *c = &b->u.chart;
	c->kind = kind;
	c->title = title ? arena_strdup(d->arena, title) : NULL;
	c->ncat = ncat;
	c->nseries = nseries;
	c->categories = arena_array(d->arena, ncat, sizeof *c->categories);
	c->series = arena_array(d->arena, nseries, sizeof *c->series);
	c->values = arena_array(d->arena, ncat * nseries, sizeof *c->values);
	for (size_t i = 0; i < ncat; i++)
		c->categories[i] = "";
	for (size_t j = 0; j < nseries; j++)
		c->series[j] = "";
	return b;
}

void
doc_chart_category(Doc *d, DocBlock *chart, size_t i, const char *label)
{
	assert(chart->kind == DOC_CHART && i < chart->u.chart.ncat);
	chart->u.chart.categories[i] = arena_strdup(d->arena, label ? label : "");
}

void
doc_chart_series(Doc *d, DocBlock *chart, size_t j, const char *name)
{
	assert(chart->kind == DOC_CHART && j < chart->u.chart.nseries);
	chart->u.chart.series[j] = arena_strdup(d->arena, name ? name : "");
}

void
doc_chart_value(DocBlock *chart, size_t series, size_t cat, double v)
{
	DocChart *c = &chart->u.chart;
	assert(chart->kind == DOC_CHART && series < c->nseries && cat < c->ncat);
	c->values[series * c->ncat + cat] = v;
}

DocBlock *
doc_pagebreak(Doc *d, int orientation)
{
	DocBlock *b = add_block(d, DOC_PAGEBREAK);
	b->u.pagebreak.orientation = orientation;
	return b;
}

DocBlock *
doc_cover(Doc *d)
{
	return add_block(d, DOC_COVER);
}

void
doc_cover_line(Doc *d, DocBlock *cover, const char *text, double size, int bold, double gap_mm)
{
	assert(cover->kind == DOC_COVER);
	DocCoverLine *l = arena_alloc(d->arena, sizeof *l);
	doc_text_add(d, &l->text, text, bold);
	l->size = size;
	l->gap_mm = gap_mm;
	DocCover *c = &cover->u.cover;
	if (c->last)
		c->last->next = l;
	else
		c->first = l;
	c->last = l;
}

DocBlock *
doc_toc(Doc *d, DocCaptionKind of)
{
	DocBlock *b = add_block(d, DOC_TOC);
	b->u.toc = of;
	return b;
}

DocBlock *
doc_caption(Doc *d, DocCaptionKind kind, const char *label, const char *title)
{
	DocBlock *b = add_block(d, DOC_PARA);
	DocPara *p = &b->u.para;
	p->align = DOC_ALIGN_LEFT;
	p->keep_with_next = 1;
	p->caption = kind;
	p->caption_label = arena_strdup(d->arena, label);
	p->caption_title = arena_strdup(d->arena, title);
	doc_text_add(d, &p->text, label, 1);
	doc_text_add(d, &p->text, " ", 0);
	doc_text_add(d, &p->text, title, 0);
	return b;
}

DocBlock *
doc_body_start(Doc *d)
{
	DocBlock *b = doc_pagebreak(d, -1);
	b->u.pagebreak.body_starts = 1;
	return b;
}

DocBlock *
doc_images(Doc *d, int per_row, double height_mm)
{
	DocBlock *b = add_block(d, DOC_IMAGE);
	b->u.images.per_row = per_row < 1 ? 1 : per_row;
	b->u.images.height_mm = height_mm;
	return b;
}

void
doc_picture(Doc *d, DocBlock *images, const DocImage *image, const char *caption)
{
	assert(images->kind == DOC_IMAGE);
	DocPicture *p = arena_alloc(d->arena, sizeof *p);
	p->image = image;
	doc_text_add(d, &p->caption, caption, 0);
	DocImages *g = &images->u.images;
	if (g->last)
		g->last->next = p;
	else
		g->first = p;
	g->last = p;
	g->n++;
}

static const char *
dup_or_null(Doc *d, const char *s)
{
	return s ? arena_strdup(d->arena, s) : NULL;
}

DocBlock *
doc_signature(Doc *d, int sign_line, const char *role, const char *name,
	const char *position, const char *date)
{
	DocBlock *b = add_block(d, DOC_SIGNATURE);
	DocSignature *g = &b->u.signature;
	g->sign_line = sign_line;
	g->role = dup_or_null(d, role);
	g->name = arena_strdup(d->arena, name ? name : "");
	g->position = dup_or_null(d, position);
	g->date = dup_or_null(d, date);
	return b;
}

DocBlock *
doc_space(Doc *d, double mm)
{
	DocBlock *b = add_block(d, DOC_SPACE);
	b->u.space_mm = mm;
	return b;
}
