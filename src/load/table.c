/* table.c - header matching and records over csvread (see table.h). */
#include "load/table.h"

#include "core/i18n.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"

int
table_header_matches(const ColumnSpec *c, const char *h)
{
	if (strcasecmp(c->key, h) == 0)
		return 1;
	const char *a = c->aliases;
	size_t hl = strlen(h);
	while (a && *a) {
		size_t n = strcspn(a, "|");
		if (n == hl && memcmp(a, h, n) == 0)
			return 1;
		a += n;
		if (*a == '|')
			a++;
	}
	return 0;
}

int
table_map_header(const TableSpec *spec, const SourceRow *row, const char *path, int with_columns, long *map,
    Diag *d)
{
	for (size_t c = 0; c < spec->ncols; c++)
		map[c] = -1;
	for (size_t i = 0; i < row->nfields; i++) {
		const char *h = row->fields[i];
		if (*h == '\0')
			continue; /* Excel's trailing empty columns */
		long col = with_columns ? (long)i + 1 : 0;
		int known = 0;
		for (size_t c = 0; c < spec->ncols; c++) {
			if (!table_header_matches(&spec->cols[c], h))
				continue;
			known = 1;
			if (map[c] >= 0) {
				diag_report(d, DIAG_INPUT, path, row->line, col,
				    "column '%s' appears twice (also column %ld); keep one", h, map[c] + 1);
				return -1;
			}
			map[c] = (long)i;
		}
		if (!known)
			diag_report(d, DIAG_WARNING, path, row->line, col,
			    "unknown column '%s' is ignored; rename it if it should be read", h);
	}
	int missing = 0;
	for (size_t c = 0; c < spec->ncols; c++) {
		if (!spec->cols[c].required || map[c] >= 0)
			continue;
		const char *al = spec->cols[c].aliases;
		diag_report(d, DIAG_INPUT, path, row->line, 0,
		    "required column '%s' is missing; add a column headed %s%s%s", spec->cols[c].key,
		    spec->cols[c].key, al && *al ? _(" or ") : "", al ? al : "");
		missing++;
	}
	return missing ? -1 : 0;
}

int
table_rows_feed(void *vt, const SourceRow *row)
{
	TableRows *t = vt;
	if (!t->have_header) {
		t->have_header = 1;
		t->header_fields = row->nfields;
		while (t->header_fields > 0 && *row->fields[t->header_fields - 1] == '\0')
			t->header_fields--;
		if (table_map_header(t->spec, row, t->path, t->with_columns, t->map, t->d) != 0) {
			t->failed = 1;
			return -1;
		}
		return 0;
	}
	/* A value past the last column means the row's cells have shifted: an
	 * unquoted comma (38,5 for 38.5, 1,200 for 1200) splits one cell in two,
	 * and every value after it would be read from the wrong column. Blank
	 * trailing cells (Excel writes them) are fine. */
	for (size_t i = t->header_fields; i < row->nfields; i++)
		if (*row->fields[i] != '\0') {
			t->sum->rows++;
			t->sum->rejected++;
			diag_report(t->d, DIAG_ROW, t->path, row->line, t->with_columns ? (long)i + 1 : 0,
			    "the row has a value past the last column (found \"%s\" in column %zu of %zu); a comma "
			    "inside an unquoted value splits it (write 38.5, not 38,5, or quote the value) "
			    "(row rejected)", row->fields[i], i + 1, t->header_fields);
			return 0;
		}
	Record rec;
	rec.file = t->path;
	rec.line = row->line;
	rec.rows_max = row->rows_max;
	for (size_t c = 0; c < t->spec->ncols; c++) {
		long i = t->map[c];
		rec.field[c] = i >= 0 && (size_t)i < row->nfields ? row->fields[i] : "";
		rec.col[c] = i >= 0 && t->with_columns ? i + 1 : 0;
	}
	t->sum->rows++;
	if (t->fn(t->ctx, &rec) == 0)
		t->sum->accepted++;
	else
		t->sum->rejected++;
	return 0;
}

int
table_rows_end(const TableRows *t, int rc)
{
	if (t->failed || rc != 0)
		return -1;
	if (!t->have_header) {
		diag_report(t->d, DIAG_INPUT, t->path, 0, 0, "no header row; the first row must name the columns");
		return -1;
	}
	return 0;
}

