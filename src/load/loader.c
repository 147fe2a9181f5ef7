/* loader.c - what every loader does the same way: read a table file
 * whatever its form (CSV, .xlsx, .ods, .xls, XML) as Records of its spec,
 * keep the accepted rows, and check the cells they share (dates in the
 * fiscal year, activities of the plan, schools of schools.csv). See
 * loaders.h. */
#include "load/loaders.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/cnum.h"
#include "core/i18n.h"
#include "load/cells.h"
#include "load/csvread.h"
#include "load/encoding.h"
#include "load/fields.h"
#include "load/ods.h"
#include "load/xls.h"
#include "load/xlsx.h"

/* ---- reading a table by its extension ---- */

static int
has_extension(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcasecmp(path + n - e, ext) == 0;
}

const char *
load_line_word(const char *path)
{
	return has_extension(path, ".xlsx") || has_extension(path, ".ods") || has_extension(path, ".xls") ? _("row") :
	    _("line");
}

int
load_read_rows(const char *path, const char *stem, const LoadOptions *o, RowFn fn, void *ctx,
    RowSource *src, Diag *d)
{
	RowSource local;
	if (src == NULL)
		src = &local;
	memset(src, 0, sizeof *src);
	src->columns_known = 1;
	if (has_extension(path, ".xml")) {
		/* Our XML tells its columns only after its first pass: the
		 * caller looks at src->sheet while the rows arrive. */
		src->sheet = &src->sheet_info;
		int rc = sheet_read_rows(path, stem, &o->lim, o->max_xml_depth, fn, ctx, &src->sheet_info, d);
		src->format = sheet_format_name(src->sheet_info.format);
		src->columns_known = src->sheet_info.columns_known;
		return rc;
	}
	if (has_extension(path, ".xlsx")) {
		src->format = XLSX_FORMAT_NAME;
		return xlsx_read_rows(path, &o->lim, o->max_xml_depth, settings_sheet(o->settings, stem), fn, ctx, d);
	}
	if (has_extension(path, ".ods")) {
		src->format = ODS_FORMAT_NAME;
		return ods_read_rows(path, &o->lim, o->max_xml_depth, settings_sheet(o->settings, stem), fn, ctx, d);
	}
	if (has_extension(path, ".xls")) {
		src->format = XLS_FORMAT_NAME;
		return xls_read_rows(path, &o->lim, settings_sheet(o->settings, stem), fn, ctx, d);
	}
	CsvInfo info = { 0 };
	int rc = csvread_file(path, &o->lim, fn, ctx, &info, d);
	src->format = encoding_name(info.encoding);
	src->rows_rejected = info.rows_rejected;
	return rc;
}

/* Records of any form: our XML tells whether it has column numbers only
 * after its first pass, before its first row. */
typedef struct TableFeed {
	TableRows rows;
	const RowSource *src;
} TableFeed;

static int
feed_table(void *v, const SourceRow *row)
{
	TableFeed *f = v;
	f->rows.with_columns = f->src->sheet == NULL || f->src->sheet->columns_known;
	return table_rows_feed(&f->rows, row);
}

int
load_table(const char *path, const TableSpec *spec, const LoadOptions *o, RecordFn fn,
    void *ctx, FileSummary *sum, Diag *d)
{
	if (spec->ncols > TABLE_MAX_COLUMNS) {
		diag_report(d, DIAG_INTERNAL, path, 0, 0, "table spec with too many columns");
		return -1;
	}
	RowSource src;
	TableFeed f = { { .path = path, .spec = spec, .fn = fn, .ctx = ctx, .sum = sum, .d = d, .with_columns = 1 },
		&src };
	size_t warnings_before = diag_warnings(d);
	sum->path = path;
	sum->present = 1;
	int rc = load_read_rows(path, spec->stem, o, feed_table, &f, &src, d);
	sum->warnings = (long)(diag_warnings(d) - warnings_before);
	if (rc == -1 && !f.rows.have_header && !f.rows.failed)
		return -1;   /* the file itself was unusable; its reader said why */
	sum->encoding = src.format;
	sum->rows += src.rows_rejected;
	sum->rejected += src.rows_rejected;
	return table_rows_end(&f.rows, rc);
}

int
load_rows(Model *m, Arena *a, const char *path, const TableSpec *spec, const LoadOptions *o,
    FileSummary *sum, Diag *d, size_t elem, RecordFn fn, void **out, size_t *n)
{
	LoadRows lr = { .m = m, .d = d, .pool = { a, NULL, 0 } };
	load_vec_init(&lr.rows, a, elem, 0);
	int rc = load_table(path, spec, o, fn, &lr, sum, d);
	*out = load_vec_finish(&lr.rows);
	*n = lr.rows.n;
	return rc;
}

/* ---- checks shared by the loaders ---- */

enum { LOAD_OUTSIDE_FY_SAID = 10 };

int
load_check_fy(const Record *r, const TableSpec *spec, int c, CalDate date, int fy_be,
    FileSummary *sum, Diag *d)
{
	if (cal_in_fy(date, fy_be))
		return 1;
	/* In the words the clerk typed, and as read (a long Thai date, so a
	 * year taken as CE or BE the wrong way is plain to see). */
	char got[64], first[64], last[64];
	cal_format(date, CAL_FORMAT_LONG, 0, got, sizeof(got));
	cal_format(cal_fy_first(fy_be), CAL_FORMAT_LONG, 0, first, sizeof(first));
	cal_format(cal_fy_last(fy_be), CAL_FORMAT_LONG, 0, last, sizeof(last));
	/* Ten such warnings a file say it; past them the summary counts the
	 * rest (a whole file of another year would print thousands). */
	if (sum->outside_fy < LOAD_OUTSIDE_FY_SAID)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[c],
		    "%s %s (read as %s) is outside fiscal year %d (%s to %s); the row is kept but left "
		    "out of the figures (check the year: BE years are written 25xx)", spec->cols[c].key,
		    r->field[c], got, fy_be, first, last);
	else if (sum->outside_fy == LOAD_OUTSIDE_FY_SAID)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[c], "more rows are dated outside fiscal year "
		    "%d; they are counted in the summary of the file, not listed one by one", fy_be);
	sum->outside_fy++;
	return 0;
}

int
load_activity_word(const char *v, int bare)
{
	static const char *const words[] = { "กิจกรรมที่", "กิจกรรม", "activity", "" };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i]);
		if ((n == 0 && !bare) || strncmp(v, words[i], n) != 0)
			continue;
		long long no;
		if (c_strtonum(cells_skip_space(v + n), 1, 999, &no) == CNUM_OK)
			return (int)no;
	}
	return 0;
}

int
load_activity(const Record *r, const TableSpec *spec, int c, const Model *m, int optional,
    int *out, Diag *d)
{
	long n = m->plan ? (long)m->plan->nactivities : 99;
	long v;
	if (r->field[c][0] == '\0' && optional) {
		*out = 0;
		return 0;
	}
	if (field_int(r, spec, c, 1, 1000000, optional, 0, &v, d) != 0)
		return -1;
	if (v > n || (m->plan && plan_activity(m->plan, (int)v) == NULL)) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s %ld is not an activity of the plan (it has activities 1 to %ld); write the "
		    "activity's number from section 4 of the plan (row rejected)", spec->cols[c].key,
		    v, n);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int
load_school(const Record *r, const TableSpec *spec, int c, const Model *m, int optional,
    const School **out, Diag *d)
{
	const char *v = r->field[c];
	if (*v == '\0' && optional) {
		*out = NULL;
		return 0;
	}
	if (field_code(r, spec, c, 8, 10, d) != 0)
		return -1;
	const School *s = model_school(m, v);
	if (s == NULL) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s %s is not in schools.csv; correct the code or add the school (row rejected)",
		    spec->cols[c].key, v);
		return -1;
	}
	*out = s;
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	const School *const *x = a, *const *y = b;
	int c = strcmp((*x)->name, (*y)->name);
	if (c != 0)
		return c;
	return strcmp((*x)->code, (*y)->code);
}

const School **
load_schools_by_name(const Model *m, Arena *a)
{
	const School **v = arena_array(a, m->nschools ? m->nschools : 1, sizeof(*v));
	for (size_t i = 0; i < m->nschools; i++)
		v[i] = &m->schools[i];
	qsort(v, m->nschools, sizeof(*v), by_name);
	return v;
}

/* Skip a leading "โรงเรียน", "ร.ร." or "รร." and the spaces after it. */
static const char *
skip_prefix(const char *s)
{
	static const char *const prefixes[] = { "โรงเรียน", "ร.ร.", "รร." };
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(s, prefixes[i], n) == 0) {
			s += n;
			break;
		}
	}
	while (*s == ' ')
		s++;
	return s;
}

const School *
load_find_school(const Model *m, const School *const *names, const char *text, int *ambiguous)
{
	*ambiguous = 0;
	size_t digits = strspn(text, "0123456789");
	if ((digits == 8 || digits == 10) && (text[digits] == '\0' || text[digits] == ' ' ||
	    text[digits] == '-')) {
		char code[11];
		memcpy(code, text, digits);
		code[digits] = '\0';
		return model_school(m, code);
	}
	const char *name = skip_prefix(text);
	size_t lo = 0, hi = m->nschools;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(names[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == m->nschools || strcmp(names[lo]->name, name) != 0)
		return NULL;
	if (lo + 1 < m->nschools && strcmp(names[lo + 1]->name, name) == 0) {
		*ambiguous = 1;
		return NULL;
	}
	return names[lo];
}
