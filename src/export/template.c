/* template.c - the workbook an office fills (see template.h). */
#include "export/template.h"
#include "core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/dynlib.h"
#include "core/file.h"
#include "core/mem.h"
#include "core/utf8.h"
#include "load/cells.h"

/* libxlsxwriter, loaded when the first workbook is written (core/dynlib.h):
 * the functions this file calls, each through xw. */
#define LIBXLSXWRITER_FUNCTIONS(X) X(format_set_align) X(format_set_bg_color) X(format_set_bold) \
	X(format_set_border) X(format_set_font_size) X(format_set_num_format) X(format_set_text_wrap) \
	X(lxw_strerror) X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close) \
	X(workbook_new_opt) X(worksheet_data_validation_range) X(worksheet_fit_to_pages) \
	X(worksheet_freeze_panes) X(worksheet_hide) X(worksheet_repeat_rows) X(worksheet_set_column) \
	X(worksheet_set_landscape) X(worksheet_write_datetime) X(worksheet_write_number) \
	X(worksheet_write_string)
#ifndef XLSXWRITER_SONAME
#define XLSXWRITER_SONAME "libxlsxwriter.so.4"   /* the Makefile says which, from the linker */
#endif
DYNLIB_TABLE(xw, libxlsxwriter, LIBXLSXWRITER_FUNCTIONS, XLSXWRITER_SONAME, "libxlsxwriter4");

/* Rows given a drop-down list and a format beyond the data: room to add. */
enum { TEMPLATE_ROOM = 5000 };

static const char LISTS_SHEET[] = "รายการ";
static const char HELP_SHEET[] = "วิธีกรอก";

/* One column of the table sheet. */
typedef struct Column {
	const char *header;
	const ColumnSpec *spec;    /* NULL: a column of the data that nithet does not name */
	int list_col;              /* its list's column in the lists sheet, -1: none */
	size_t list_len;
} Column;

typedef struct Book {
	lxw_workbook *wb;
	lxw_worksheet *table, *help, *lists;
	lxw_format *head, *head_required, *text, *date, *wrap, *title;
	Arena *a;
	const Model *m;
	int nlists;
} Book;

/* The values a column is chosen from, for its type; n set. NULL: none. */
static const char **
list_values(Book *b, const ColumnSpec *c, size_t *n)
{
	const Model *m = b->m;
	const Plan *p = m->plan;
	const char **v = NULL;
	*n = 0;
	switch (c->type) {
	case CT_CHOICE: {
		size_t k = 1;
		for (const char *q = c->offer; q && *q; q++)
			k += *q == '|';
		v = arena_array(b->a, k, sizeof *v);
		for (const char *q = c->offer; q && *q;) {
			size_t w = strcspn(q, "|");
			v[(*n)++] = arena_printf(b->a, "%.*s", (int)w, q);
			q += w + (q[w] == '|');
		}
		return v;
	}
	case CT_ACTIVITY:
		v = arena_array(b->a, p ? p->nactivities + 1 : 1, sizeof *v);
		for (size_t i = 0; p && i < p->nactivities; i++)
			v[(*n)++] = arena_printf(b->a, "%d", p->activities[i].no);
		return v;
	case CT_TOPIC: {
		size_t k = 0;
		for (size_t i = 0; p && i < p->nactivities; i++)
			k += p->activities[i].ntopics;
		v = arena_array(b->a, k + 1, sizeof *v);
		for (size_t i = 0; p && i < p->nactivities; i++)
			for (size_t t = 0; t < p->activities[i].ntopics; t++)
				v[(*n)++] = p->activities[i].topics[t].code;
		return v;
	}
	case CT_EVENT_KIND:
		v = arena_array(b->a, p ? p->nevent_kinds + 1 : 1, sizeof *v);
		for (size_t i = 0; p && i < p->nevent_kinds; i++)
			v[(*n)++] = p->event_kinds[i].code;
		return v;
	case CT_TARGET:
		v = arena_array(b->a, p ? p->ntargets + p->nindicators + 1 : 1, sizeof *v);
		for (size_t i = 0; p && i < p->ntargets; i++)
			v[(*n)++] = p->targets[i].id;
		return v;
	case CT_SCHOOL:
		v = arena_array(b->a, m->nschools + 1, sizeof *v);
		for (size_t i = 0; i < m->nschools; i++)
			v[(*n)++] = m->schools[i].code;
		return v;
	case CT_NETWORK:
		v = arena_array(b->a, m->nnetworks + 1, sizeof *v);
		for (size_t i = 0; i < m->nnetworks; i++)
			v[(*n)++] = m->networks[i].code;
		return v;
	case CT_STAFF:
		v = arena_array(b->a, m->nstaff + 1, sizeof *v);
		for (size_t i = 0; i < m->nstaff; i++)
			v[(*n)++] = m->staff[i].id;
		return v;
	case CT_EVENT:
		v = arena_array(b->a, m->nmeetings + 1, sizeof *v);
		for (size_t i = 0; i < m->nmeetings; i++)
			v[(*n)++] = m->meetings[i].id;
		return v;
	default:
		return NULL;
	}
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
static const char *
sheet_name(Book *b, const char *title)
{
	char *out = arena_alloc(b->a, strlen(title) + 1);
	size_t w = 0, chars = 0;
	for (const char *p = title; *p && chars < 31;) {
		uint32_t cp;
		size_t k = utf8_decode(p, strlen(p), &cp);
		if (k == 0)
			break;
		if (k == 1 && strchr("[]:*?/\\'", *p))
			out[w++] = ' ';
		else {
			memcpy(out + w, p, k);
			w += k;
		}
		p += k;
		chars++;
	}
	out[w] = '\0';
	return w ? out : "ตาราง";
}

/* What a column holds, in Thai, for the sheet that says how to fill it. */
static const char *
describe(Book *b, const ColumnSpec *c)
{
	switch (c->type) {
	case CT_CODE:
		return "รหัส พิมพ์เป็นข้อความ (เลข 0 นำหน้าไม่หาย)";
	case CT_DATE:
		return "วันที่ เช่น 15/12/2557 (ปี พ.ศ. หรือ ค.ศ. ก็ได้)";
	case CT_NUMBER:
		return "ตัวเลข";
	case CT_CHOICE: {
		char *words = arena_printf(b->a, "เลือกจากรายการ: %s", c->offer);
		for (char *q = strchr(words, '|'); q; q = strchr(q, '|'))
			*q = ' ';
		return words;
	}
	case CT_SCHOOL:
		return "รหัสโรงเรียน เลือกจากรายการโรงเรียนของเขตพื้นที่";
	case CT_NETWORK:
		return "รหัสเครือข่าย เลือกจากรายการ";
	case CT_STAFF:
		return "รหัสบุคลากร เลือกจากรายการ";
	case CT_EVENT:
		return "รหัสกิจกรรมหรือการประชุม เลือกจากรายการ";
	case CT_ACTIVITY:
		return "กิจกรรมที่ ตามโครงการ เลือกจากรายการ";
	case CT_TOPIC:
		return "ประเด็นการนิเทศตามโครงการ เลือกจากรายการ";
	case CT_EVENT_KIND:
		return "ประเภทกิจกรรมตามโครงการ เลือกจากรายการ";
	case CT_TARGET:
		return "ข้อของเป้าหมายตามโครงการ เลือกจากรายการ";
	default:
		return "ข้อความ";
	}
}

static int
is_text_type(ColumnType t)
{
	return t == CT_CODE || t == CT_SCHOOL || t == CT_NETWORK || t == CT_STAFF || t == CT_EVENT ||
	    t == CT_TOPIC || t == CT_TARGET;
}

/* Width in characters for a header or value: Thai marks above and below
 * take no room. */
static double
width_of(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p;) {
		uint32_t cp;
		size_t k = utf8_decode(p, strlen(p), &cp);
		if (k == 0)
			break;
		if (!(cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E)))
			n++;
		p += k;
	}
	return (double)n;
}

/* The columns of the table sheet: spec's (those an office fills: a column
 * with no Thai header and not required is left out), or the data's. */
static Column *
columns_of(Book *b, const TableSpec *spec, const TemplateData *data, size_t *n)
{
	Column *cols;
	*n = 0;
	if (data) {
		cols = arena_array(b->a, data->ncols + 1, sizeof *cols);
		for (size_t i = 0; i < data->ncols; i++) {
			Column *c = &cols[(*n)++];
			c->header = data->header[i];
			c->spec = NULL;
			for (size_t k = 0; k < spec->ncols; k++)
				if (table_header_matches(&spec->cols[k], c->header))
					c->spec = &spec->cols[k];
		}
		return cols;
	}
	cols = arena_array(b->a, spec->ncols + 1, sizeof *cols);
	for (size_t k = 0; k < spec->ncols; k++) {
		const ColumnSpec *s = &spec->cols[k];
		if (!s->required && (s->aliases == NULL || s->aliases[0] == '\0'))
			continue;
		Column *c = &cols[(*n)++];
		size_t w = s->aliases ? strcspn(s->aliases, "|") : 0;
		c->header = w ? arena_printf(b->a, "%.*s", (int)w, s->aliases) : s->key;
		c->spec = s;
	}
	return cols;
}

/* A data value into its cell, typed as its column says. */
static void
put_value(Book *b, lxw_row_t r, lxw_col_t col, const Column *c, const char *v)
{
	if (v == NULL || *v == '\0')
		return;
	ColumnType t = c->spec ? c->spec->type : CT_TEXT;
	if (t == CT_NUMBER || t == CT_ACTIVITY) {
		int ok;
		double x = cells_parse_number(v, &ok);
		if (ok) {
			xw.worksheet_write_number(b->table, r, col, x, NULL);
			return;
		}
	}
	if (t == CT_DATE) {
		CalDate dd;
		if (cal_parse_date(v, strlen(v), CAL_BE_THRESHOLD, &dd) == CAL_OK) {
			lxw_datetime dt = { dd.year, dd.month, dd.day, 0, 0, 0 };
			xw.worksheet_write_datetime(b->table, r, col, &dt, b->date);
			return;
		}
	}
	xw.worksheet_write_string(b->table, r, col, v, is_text_type(t) ? b->text : NULL);
}

static void
table_sheet(Book *b, const TableSpec *spec, Column *cols, size_t ncols, const TemplateData *data)
{
	size_t nrows = data ? data->nrows : 0;
	lxw_row_t last = (lxw_row_t)(nrows + TEMPLATE_ROOM);
	for (size_t i = 0; i < ncols; i++) {
		Column *c = &cols[i];
		ColumnType t = c->spec ? c->spec->type : CT_TEXT;
		lxw_format *f = is_text_type(t) ? b->text : t == CT_DATE ? b->date : NULL;
		double w = width_of(c->header) + 4;
		xw.worksheet_set_column(b->table, (lxw_col_t)i, (lxw_col_t)i, w < 10 ? 10 : w > 60 ? 60 : w, f);
		xw.worksheet_write_string(b->table, 0, (lxw_col_t)i, c->header,
		    c->spec && c->spec->required ? b->head_required : b->head);
		if (c->list_col < 0)
			continue;
		/* A drop-down list from the lists sheet: the plan's lists stop a
		 * value not in them; the data's (schools, staff, ...) only warn,
		 * since a new school may be added to its table first. */
		lxw_data_validation dv;
		memset(&dv, 0, sizeof dv);
		dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		char col = (char)('A' + c->list_col);
		char *formula = arena_printf(b->a, "='%s'!$%c$2:$%c$%zu", LISTS_SHEET, col, col, c->list_len + 1);
		dv.value_formula = formula;
		dv.error_type = t == CT_SCHOOL || t == CT_NETWORK || t == CT_STAFF || t == CT_EVENT ?
		    LXW_VALIDATION_ERROR_TYPE_WARNING : LXW_VALIDATION_ERROR_TYPE_STOP;
		dv.error_title = (char *)"ค่านี้ไม่อยู่ในรายการ";
		dv.error_message = (char *)"เลือกจากรายการที่กำหนด";
		xw.worksheet_data_validation_range(b->table, 1, (lxw_col_t)i, last, (lxw_col_t)i, &dv);
	}
	xw.worksheet_freeze_panes(b->table, 1, 0);
	xw.worksheet_set_landscape(b->table);
	xw.worksheet_fit_to_pages(b->table, 1, 0);
	xw.worksheet_repeat_rows(b->table, 0, 0);
	for (size_t r = 0; r < nrows; r++)
		for (size_t i = 0; i < ncols; i++)
			put_value(b, (lxw_row_t)(r + 1), (lxw_col_t)i, &cols[i], data->cells[r * data->ncols + i]);
	(void)spec;
}

static void
help_sheet(Book *b, const TableSpec *spec, int required, const Column *cols, size_t ncols)
{
	const Model *m = b->m;
	const Plan *p = m->plan;
	lxw_worksheet *h = b->help;
	/* Steps run across the three columns (a line that is not wrapped
	 * flows into the empty cells beside it); the column table wraps its
	 * descriptions. One page wide when printed. */
	xw.worksheet_set_column(h, 0, 0, 30, NULL);
	xw.worksheet_set_column(h, 1, 1, 12, NULL);
	xw.worksheet_set_column(h, 2, 2, 70, b->wrap);
	xw.worksheet_set_landscape(h);
	xw.worksheet_fit_to_pages(h, 1, 0);
	lxw_row_t r = 0;
	xw.worksheet_write_string(h, r++, 0, arena_printf(b->a, "แบบบันทึกข้อมูล%s", spec->title), b->title);
	if (p)
		xw.worksheet_write_string(h, r++, 0, arena_printf(b->a, "%s ปีงบประมาณ %d", p->office, p->fiscal_year),
		    NULL);
	r++;
	const char *steps[] = {
		arena_printf(b->a, "1. กรอกข้อมูลในแผ่นงาน \"%s\" แถวละหนึ่งรายการ ไม่แก้ไขหรือย้ายหัวคอลัมน์ในแถวแรก",
		    spec->title),
		"2. คอลัมน์ที่หัวคอลัมน์เป็นตัวหนาสีเข้มต้องกรอกทุกแถว คอลัมน์อื่นเว้นว่างได้",
		"3. คอลัมน์ที่มีรายการให้เลือก ให้เลือกจากรายการ (ลูกศรที่มุมเซลล์)",
		arena_printf(b->a, "4. บันทึกเป็น Excel Workbook (.xlsx) ชื่อ %s.xlsx แล้ววางในโฟลเดอร์ข้อมูล (input) "
		    "แทนแฟ้ม %s.csv เดิม ต้องมีแฟ้มของตารางนี้เพียงแฟ้มเดียว", spec->stem, spec->stem),
		required ? "ตารางนี้จำเป็นต้องมี" : "ตารางนี้ไม่บังคับ ใช้เมื่อโครงการวัดผลจากข้อมูลนี้",
	};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		xw.worksheet_write_string(h, r++, 0, steps[i], NULL);
	if (!strcmp(spec->stem, "surveys"))
		xw.worksheet_write_string(h, r++, 0, "5. ข้อคำถามแบบมาตราส่วนประมาณค่า ให้เพิ่มเป็นคอลัมน์ต่อท้าย หัวคอลัมน์เป็น"
		    "ข้อคำถาม คำตอบเป็น มากที่สุด มาก ปานกลาง น้อย น้อยที่สุด หรือ 5 ถึง 1", NULL);
	r++;
	xw.worksheet_write_string(h, r, 0, "คอลัมน์", b->head);
	xw.worksheet_write_string(h, r, 1, "ต้องกรอก", b->head);
	xw.worksheet_write_string(h, r++, 2, "ข้อมูลที่กรอก", b->head);
	for (size_t i = 0; i < ncols; i++) {
		const Column *c = &cols[i];
		xw.worksheet_write_string(h, r, 0, c->header, NULL);
		xw.worksheet_write_string(h, r, 1, c->spec && c->spec->required ? "ต้องกรอก" : "ไม่บังคับ", NULL);
		xw.worksheet_write_string(h, r++, 2, c->spec ? describe(b, c->spec) : "ไม่ได้ใช้ในการรายงาน", NULL);
	}
}

/* The lists sheet: one column per list, its header the column it serves. */
static void
lists_sheet(Book *b, Column *cols, size_t ncols)
{
	for (size_t i = 0; i < ncols; i++) {
		Column *c = &cols[i];
		c->list_col = -1;
		size_t n;
		const char **v = c->spec ? list_values(b, c->spec, &n) : NULL;
		if (v == NULL || n == 0 || b->nlists >= 26)
			continue;
		c->list_col = b->nlists++;
		c->list_len = n;
		xw.worksheet_write_string(b->lists, 0, (lxw_col_t)c->list_col, c->header, b->head);
		for (size_t k = 0; k < n; k++) {
			int ok;
			double x = c->spec->type == CT_ACTIVITY ? cells_parse_number(v[k], &ok) : (ok = 0);
			if (ok)
				xw.worksheet_write_number(b->lists, (lxw_row_t)(k + 1), (lxw_col_t)c->list_col, x, NULL);
			else
				xw.worksheet_write_string(b->lists, (lxw_row_t)(k + 1), (lxw_col_t)c->list_col, v[k], b->text);
		}
	}
	xw.worksheet_hide(b->lists);
}

int
template_ready(Diag *d)
{
	if (dynlib_load(&libxlsxwriter) == 0)
		return 0;
	diag_report(d, DIAG_OUTPUT, NULL, 0, 0, "cannot write the workbook: the library that writes .xlsx "
	    "files cannot be loaded (%s); install the package %s (apt-get install %s)", libxlsxwriter.why,
	    libxlsxwriter.package, libxlsxwriter.package);
	return -1;
}

int
template_workbook(const TableSpec *spec, int required, const Model *m, const TemplateData *data,
    const char *tmpdir, unsigned char **out, size_t *len, Diag *d)
{
	if (template_ready(d) != 0)
		return EXIT_OUTPUT;
	size_t plen = strlen(tmpdir) + 32;
	char *path = mem_alloc(plen);
	snprintf(path, plen, "%s/nithet-template-XXXXXX", tmpdir);
	int fd = mkstemp(path);
	if (fd < 0) {
		diag_report(d, DIAG_OUTPUT, tmpdir, 0, 0, "cannot make a temporary file for the workbook (%s); set "
		    "TMPDIR to a folder that can be written", strerror(errno));
		free(path);
		return EXIT_OUTPUT;
	}
	close(fd);
	Book b = { .a = arena_new(), .m = m };
	lxw_workbook_options opt = { .constant_memory = 0, .tmpdir = (char *)tmpdir };
	b.wb = xw.workbook_new_opt(path, &opt);
	int rc = EXIT_INTERNAL;
	if (b.wb != NULL) {
		/* (A NULL sheet below would only come of a name Excel refuses,
		 * which sheet_name() prevents.) */
		b.table = xw.workbook_add_worksheet(b.wb, sheet_name(&b, spec->title));
		b.help = xw.workbook_add_worksheet(b.wb, HELP_SHEET);
		b.lists = xw.workbook_add_worksheet(b.wb, LISTS_SHEET);
		b.head = xw.workbook_add_format(b.wb);
		xw.format_set_bold(b.head);
		xw.format_set_bg_color(b.head, 0xDDEBF7);
		xw.format_set_border(b.head, LXW_BORDER_THIN);
		b.head_required = xw.workbook_add_format(b.wb);
		xw.format_set_bold(b.head_required);
		xw.format_set_bg_color(b.head_required, 0x9BC2E6);
		xw.format_set_border(b.head_required, LXW_BORDER_THIN);
		b.text = xw.workbook_add_format(b.wb);
		xw.format_set_num_format(b.text, "@");
		b.date = xw.workbook_add_format(b.wb);
		/* Buddhist-Era years, as Thai offices read dates (calendar 07 of
		 * the Thai locale 041E; Excel and Calc both show it so). */
		xw.format_set_num_format(b.date, "[$-107041E]d/m/yyyy");
		b.wrap = xw.workbook_add_format(b.wb);
		xw.format_set_text_wrap(b.wrap);
		xw.format_set_align(b.wrap, LXW_ALIGN_VERTICAL_TOP);
		b.title = xw.workbook_add_format(b.wb);
		xw.format_set_bold(b.title);
		xw.format_set_font_size(b.title, 14);
		size_t ncols;
		Column *cols = columns_of(&b, spec, data, &ncols);
		lists_sheet(&b, cols, ncols);
		table_sheet(&b, spec, cols, ncols, data);
		help_sheet(&b, spec, required, cols, ncols);
		lxw_error e = xw.workbook_close(b.wb);
		if (e != LXW_NO_ERROR)
			diag_report(d, DIAG_OUTPUT, path, 0, 0, "the workbook could not be written (%s); check the free "
			    "space of the temporary folder", xw.lxw_strerror(e));
		else
			rc = 0;
	} else {
		diag_report(d, DIAG_OUTPUT, path, 0, 0, "the workbook could not be started (out of memory?)");
	}
	if (rc == 0) {
		char *buf;
		if (file_read_regular(path, 1L << 30, DIAG_OUTPUT, N_("the workbook"), 0, &buf, len, d) == 0)
			*out = (unsigned char *)buf;
		else
			rc = EXIT_OUTPUT;
	}
	unlink(path);
	free(path);
	arena_free(b.a);
	return rc;
}
