/* compose.c - shared formatting for the report composers (see compose.h). */
#include "report/compose.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/cnum.h"
#include "core/numfmt.h"
#include "core/utf8.h"

Compose
compose_start(Doc *d, const ReportInput *in)
{
	Compose c = { .doc = d, .s = in->settings, .m = in->model, .r = in->results,
		.digits = in->settings->thai_digits ? NUM_THAI_DIGITS : 0 };
	return c;
}

void
compose_page_words(Doc *d)
{
	static const DocWords office = {
		.toc_title = "สารบัญ",
		.toc_tables_title = "สารบัญตาราง",
		.toc_charts_title = "สารบัญแผนภูมิ",
		.table_label = "ตารางที่",
		.chart_label = "แผนภูมิที่",
		.page = "หน้า",
		.page_of = "จาก",
		.continued = "(ต่อ)",
		.goal = "เป้าหมาย",
		.sign = "ลงชื่อ",
	};
	doc_set_words(d, &office);
}

static const char *
keep(Compose *c, const char *buf)
{
	return arena_strdup(c->doc->arena, buf);
}

const char *
fmt_int(Compose *c, long long v)
{
	char buf[64];
	num_format_int(v, c->digits, buf, sizeof(buf));
	return keep(c, buf);
}

const char *
fmt_year(Compose *c, int year)
{
	char buf[32];
	num_format_int(year, c->digits | NUM_NO_GROUPING, buf, sizeof(buf));
	return keep(c, buf);
}

const char *
fmt_money(Compose *c, Satang v)
{
	char buf[64];
	num_format_money(v, c->digits, buf, sizeof(buf));
	return keep(c, buf);
}

const char *
fmt_baht(Compose *c, Satang v)
{
	char buf[64];
	num_format_money(v, c->digits | NUM_TRIM_SATANG, buf, sizeof(buf));
	return keep(c, buf);
}

const char *
fmt_percent(Compose *c, long long num, long long den)
{
	char buf[64];
	num_format_percent(num, den, c->digits, buf, sizeof(buf));
	return keep(c, buf);
}

const char *
fmt_double(Compose *c, double v, int decimals)
{
	char buf[64];
	num_format_double(v, decimals, c->digits, buf, sizeof(buf));
	return keep(c, buf);
}

static const char *
fmt_cal(Compose *c, CalDate d, CalFormat f)
{
	if (d.year == 0)
		return "-";
	char buf[96];
	cal_format(d, f, c->digits ? CAL_THAI_DIGITS : 0, buf, sizeof(buf));
	return keep(c, buf);
}

const char *fmt_date(Compose *c, CalDate d) { return fmt_cal(c, d, CAL_FORMAT_LONG); }
const char *fmt_date_short(Compose *c, CalDate d) { return fmt_cal(c, d, CAL_FORMAT_SHORT); }
const char *fmt_date_full(Compose *c, CalDate d) { return fmt_cal(c, d, CAL_FORMAT_FULL); }
const char *fmt_month(Compose *c, CalDate d) { return fmt_cal(c, d, CAL_FORMAT_MONTH_SHORT); }
const char *fmt_month_year(Compose *c, CalDate d) { return fmt_cal(c, d, CAL_FORMAT_MONTH_LONG); }

const char *
compose_item_text(const char *text, size_t index)
{
	char prefix[24];
	int n = snprintf(prefix, sizeof(prefix), "%zu.", index + 1);
	if (n <= 0 || strncmp(text, prefix, (size_t)n) != 0 || text[n] != ' ')
		return text; /* "1.5 ..." is a number, not "1." */
	const char *rest = text + n;
	while (*rest == ' ')
		rest++;
	return *rest ? rest : text;
}

int
compose_no_answer(const Compose *c, const char *text)
{
	static const char *const polite[] = { "ครับ", "ค่ะ", "คะ" };
	const char *b = text;
	while (*b == ' ' || *b == '.')
		b++;
	size_t n = strlen(b);
	for (int again = 1; again;) {
		again = 0;
		while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == '.'))
			n--, again = 1;
		for (size_t k = 0; k < sizeof(polite) / sizeof(polite[0]); k++) {
			size_t pl = strlen(polite[k]);
			if (n > pl && !memcmp(b + n - pl, polite[k], pl))
				n -= pl, again = 1;
		}
	}
	for (size_t i = 0; i < c->s->nno_answer_words; i++) {
		const char *w = c->s->no_answer_words[i];
		if (strlen(w) == n && !strncasecmp(w, b, n))
			return 1;
	}
	return 0;
}

const char *
fmt_text(Compose *c, const char *s)
{
	if (!c->digits || s == NULL)
		return s;
	size_t need = utf8_thai_digits(s, NULL, 0);
	char *out = arena_alloc(c->doc->arena, need + 1);
	utf8_thai_digits(s, out, need + 1);
	return out;
}

const char *
fmt_project(Compose *c)
{
	static const char word[] = "โครงการ";
	const char *t = c->m->plan->title;
	if (!strncmp(t, word, sizeof(word) - 1))
		t += sizeof(word) - 1;
	t += strspn(t, " ");
	return fmt_text(c, t);
}

const char *
fmt_project_year(Compose *c)
{
	if (strstr(c->m->plan->title, "ปีงบประมาณ") != NULL)
		return "";
	return fmt_printf(c, " ปีงบประมาณ %s", fmt_year(c, c->m->plan->fiscal_year));
}

const char *
fmt_printf(Compose *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = arena_vprintf(c->doc->arena, fmt, ap);
	va_end(ap);
	return p;
}

const char *
fmt_target_value(Compose *c, const TargetResult *t)
{
	if (t->no_data || t->gap != GAP_NONE)
		return "-";
	/* A goal is judged on the exact value: one just short of it (99.998)
	 * is printed cut, not rounded up to the goal (99.99, never a "100.00"
	 * beside ไม่บรรลุ). */
	if (measure_shown_cut(t))
		return fmt_double(c, measure_cut2(t->value), 2);
	if (t->is_percent)
		return t->den > 0 ? fmt_percent(c, t->num, t->den) : "-";
	if (t->target->metric.result == RESULT_MEAN && !t->is_level)
		return fmt_double(c, t->value, 2);
	return fmt_int(c, (long long)(t->value + 0.5));
}

/* A number with its unit in Thai order: ร้อยละ 80, ระดับ 3 (these units
 * come first; the rest of such a unit, "ร้อยละ (ต่อปี)", follows the
 * number), 6 ครั้ง. */
static const char *
with_unit(Compose *c, const char *num, const char *unit)
{
	static const char *const before[] = { "ร้อยละ", "ระดับ" };
	if (unit == NULL || *unit == '\0')
		return num;
	for (size_t i = 0; i < sizeof(before) / sizeof(before[0]); i++) {
		size_t n = strlen(before[i]);
		if (!strncmp(unit, before[i], n))
			return fmt_printf(c, "%s %s%s", before[i], num, unit + n);
	}
	return fmt_printf(c, "%s %s", num, unit);
}

const char *
fmt_target_goal(Compose *c, const TargetResult *t)
{
	if (!t->target->has_goal)
		return "ไม่ได้กำหนด";
	double g = t->goal;
	/* A mean of answers reads 4.00, as the means beside it; a level stays 3. */
	int mean = t->target->metric.result == RESULT_MEAN && t->target->metric.source == SOURCE_RESPONSES;
	const char *num = g == (long long)g && !mean ? fmt_int(c, (long long)g) : fmt_double(c, g, 2);
	return with_unit(c, num, t->unit);
}

const char *
fmt_target_result(Compose *c, const TargetResult *t)
{
	const char *value = fmt_target_value(c, t);
	if (!strcmp(value, "-"))
		return value;
	const char *unit = t->unit;
	if (t->is_percent && (unit == NULL || strncmp(unit, "ร้อยละ", strlen("ร้อยละ")) != 0))
		unit = "ร้อยละ";
	return with_unit(c, value, unit);
}

const char *
fmt_met(const TargetResult *t)
{
	/* Not judged for want of data (no school of its type, nobody has
	 * answered yet) is neither met nor missed. */
	if (t->no_data)
		return "ยังไม่ได้วัดผล";
	if (!t->judged)
		return t->target->has_goal ? "ยังไม่ได้วัดผล" : "-";
	return t->met ? "บรรลุ" : "ไม่บรรลุ";
}

const char *
fmt_period_noun(Compose *c, const Metric *p)
{
	switch (p->every) {
	case PERIOD_TERM: return "ภาคเรียน";
	case PERIOD_QUARTER: return "ไตรมาส";
	case PERIOD_MONTH: return "เดือน";
	case PERIOD_MONTHS: return fmt_printf(c, "ช่วง %s เดือน", fmt_int(c, p->months));
	case PERIOD_WEEKDAY: return fmt_printf(c, "วัน%s", cal_weekday_name(p->weekday, CAL_NAME_LONG));
	case PERIOD_NONE:
	case PERIOD_NKINDS:
		break;
	}
	return "ปีงบประมาณ";
}

const char *
fmt_population(Compose *c, const Metric *p)
{
	const char *s = "โรงเรียน";
	if (p->school_type)
		s = fmt_printf(c, "%s%s", s, p->school_type);
	if (p->school_size)
		s = fmt_printf(c, "%sขนาด%s", s, p->school_size);
	if (p->color_groups)
		s = fmt_printf(c, "%sกลุ่มสี%s", s, p->color_groups);
	return s;
}

const char *
fmt_network_word(Compose *c)
{
	return plan_network_word(c->m->plan);
}

const char *
fmt_network_title(Compose *c)
{
	const char *w = fmt_network_word(c);
	return strcmp(w, "เครือข่าย") ? w : "เครือข่ายโรงเรียน";
}

int
metric_chooses_schools(const Metric *p)
{
	return p->school_type || p->school_size || p->color_groups;
}

const char *
fmt_outside(Compose *c, const School *s, Outside why)
{
	switch (why) {
	case OUTSIDE_INACTIVE: return "ยุบรวมหรือเลิกสอนแล้ว";
	case OUTSIDE_TYPE: return *s->type ? fmt_printf(c, "เป็นโรงเรียน%s", s->type) : "ไม่ได้ระบุประเภท";
	case OUTSIDE_SIZE: return *s->size ? fmt_printf(c, "มีขนาด%s", s->size) : "ไม่ได้ระบุขนาด";
	case OUTSIDE_COLOUR:
		return *s->color_group ? fmt_printf(c, "อยู่กลุ่มสี%s", s->color_group) : "ไม่ได้ระบุกลุ่มสี";
	case OUTSIDE_NONE:
		break;
	}
	return "";
}

int
compose_reports_evaluations(const Compose *c)
{
	return c->m->nevaluations > 0 || plan_counts_source(c->m->plan, SOURCE_EVALUATIONS);
}

int
compose_reports_practices(const Compose *c)
{
	return c->m->npractices > 0 || plan_counts_source(c->m->plan, SOURCE_PRACTICES);
}

int
compose_has_colours(const Compose *c)
{
	for (size_t i = 0; i < c->m->nschools; i++)
		if (c->m->schools[i].active && *c->m->schools[i].color_group)
			return 1;
	return 0;
}

const char *
fmt_school(Compose *c, const School *s)
{
	return fmt_printf(c, "%s (%s)", s->name, fmt_text(c, s->code));
}

const char *
fmt_school_list(Compose *c, const SchoolList *l, int with_code, size_t max, const char *see)
{
	size_t shown = l->n < max ? l->n : max, len = 1;
	const char **names = arena_array(c->doc->arena, shown + 1, sizeof(char *));
	for (size_t i = 0; i < shown; i++) {
		names[i] = with_code ? fmt_school(c, l->items[i]) : l->items[i]->name;
		len += strlen(names[i]) + 2;
	}
	const char *more = l->n > shown ? fmt_printf(c, " และอีก %s โรงเรียน%s%s",
	    fmt_int(c, (long long)(l->n - shown)), see ? " " : "", see ? see : "") : "";
	len += strlen(more);
	char *out = arena_alloc(c->doc->arena, len), *p = out;
	for (size_t i = 0; i < shown; i++) {
		if (i) {
			memcpy(p, ", ", 2);
			p += 2;
		}
		size_t n = strlen(names[i]);
		memcpy(p, names[i], n);
		p += n;
	}
	memcpy(p, more, strlen(more) + 1);
	return out;
}

DocBlock *
compose_table(Compose *c, double size, const char *columns)
{
	size_t n = 1;
	for (const char *p = columns; *p; p++)
		n += *p == '|';
	DocBlock *tb = doc_table(c->doc, n);
	tb->u.table.full_width = 1;
	tb->u.table.size = size;
	DocRow *row = doc_table_row(c->doc, tb, DOC_ROW_HEADER);
	row->shaded = 1;
	size_t i = 0;
	for (const char *p = columns; *p; i++) {
		size_t len = strcspn(p, "|");
		/* "header:width:align": the last two fields from the right, so a
		 * header may itself hold a colon. */
		const char *end = p + len, *a = end, *w;
		while (a > p && a[-1] != ':')
			a--;
		w = a > p ? a - 1 : p;
		while (w > p && w[-1] != ':')
			w--;
		double width = 0;
		DocAlign align = DOC_ALIGN_LEFT;
		size_t hlen = len;
		if (w > p && a > w) {
			if (c_strtodnum_prefix(w, NULL, 0, 1000, &width) != CNUM_OK)
				width = 0;   /* no width given: the column fits its words */
			align = *a == 'r' ? DOC_ALIGN_RIGHT : *a == 'c' ? DOC_ALIGN_CENTER : DOC_ALIGN_LEFT;
			hlen = (size_t)(w - 1 - p);
		}
		doc_table_column(tb, i, width, align);
		DocCell *cell = doc_row_cell(c->doc, row, arena_strndup(c->doc->arena, p, hlen));
		cell->align = DOC_ALIGN_CENTER;
		p = end;
		if (*p == '|')
			p++;
	}
	return tb;
}

DocRow *
compose_header(Compose *c, DocBlock *table, const char *cells)
{
	DocRow *row = doc_table_row(c->doc, table, DOC_ROW_HEADER);
	row->shaded = 1;
	for (const char *p = cells; *p;) {
		size_t n = strcspn(p, "|");
		char *cell = arena_strndup(c->doc->arena, p, n);
		DocCell *dc = doc_row_cell(c->doc, row, cell);
		dc->align = DOC_ALIGN_CENTER;
		p += n;
		if (*p == '|')
			p++;
	}
	return row;
}

DocRow *
compose_row(Compose *c, DocBlock *table, DocRowKind kind, int n, ...)
{
	DocRow *row = doc_table_row(c->doc, table, kind);
	if (kind == DOC_ROW_TOTAL)
		row->shaded = 1;
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		const char *text = va_arg(ap, const char *);
		doc_row_cell(c->doc, row, text ? text : "");
	}
	va_end(ap);
	return row;
}

void
compose_table_caption(Compose *c, const char *text)
{
	doc_caption(c->doc, DOC_CAPTION_TABLE, fmt_printf(c, "ตารางที่ %s", fmt_int(c, ++c->ntables)), text);
}

void
compose_chart_caption(Compose *c, const char *text)
{
	doc_caption(c->doc, DOC_CAPTION_CHART, fmt_printf(c, "แผนภูมิที่ %s", fmt_int(c, ++c->ncharts)), text);
}

const char *
fmt_director_position(Compose *c)
{
	const char *p = c->s->director_position;
	return p && *p ? p : fmt_printf(c, "ผู้อำนวยการ%s", c->s->office_name);
}

const char *
fmt_group_director_position(Compose *c)
{
	const char *p = c->s->group_director_position;
	return p && *p ? p : fmt_printf(c, "ผู้อำนวยการ%s", c->s->unit_name);
}

CalDate
compose_report_date(Compose *c)
{
	CalDate d;
	const char *iso = c->s->document_date;
	if (iso && *iso && cal_parse_iso(iso, strlen(iso), &d) == CAL_OK)
		return d;
	return c->r->as_of;
}

const DocImage *
compose_image(Compose *c, const ImageFile *f)
{
	if (f == NULL || f->data == NULL)
		return NULL;
	DocImage *im = arena_alloc(c->doc->arena, sizeof *im);
	im->data = f->data;
	im->len = f->len;
	im->format = f->jpeg ? DOC_IMAGE_JPEG : DOC_IMAGE_PNG;
	im->px_w = f->px_w;
	im->px_h = f->px_h;
	im->source = f->path;
	return im;
}

DocBlock *
compose_appendix(Compose *c, const char *title)
{
	char letter[16];
	num_thai_letter(++c->nappendices, letter, sizeof letter);
	return doc_heading(c->doc, 2, letter, title);
}

const char *
fmt_with_note(Compose *c, const char *text, const char *note)
{
	if (note == NULL || *note == '\0')
		return text;
	note = fmt_text(c, note);
	return strchr(note, '(') ? fmt_printf(c, "%s %s", text, note) : fmt_printf(c, "%s (%s)", text, note);
}

const char *
fmt_clock(Compose *c, int start_min, int end_min)
{
	const char *from = fmt_printf(c, "%02d.%02d", start_min / 60, start_min % 60);
	return fmt_text(c, end_min >= 0 ? fmt_printf(c, "%s–%02d.%02d น.", from, end_min / 60, end_min % 60) :
	    fmt_printf(c, "%s น.", from));
}

const struct PidreStep compose_pidre[5] = {
	{ "P", "การวางแผน" },
	{ "I", "การให้ความรู้/ชี้แจง" },
	{ "D", "การดำเนินการนิเทศ" },
	{ "R", "การเสริมแรง" },
	{ "E", "การประเมินผล" },
};
