/* cells.c - see cells.h. */
#include "load/cells.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/cnum.h"
#include "core/mem.h"

void
cells_text_add(CellText *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = mem_grow(t->s, t->cap, 1);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

void
cells_begin(CellRow *r)
{
	r->n = 0;
	r->rlen = 0;
}

/* What cells_clean trims at both ends. A line break inside a value is
 * kept (a cell may hold several lines); at its ends it is noise. */
static int
is_trimmed(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *
cells_clean(char *s, size_t n, int zw, size_t *out)
{
	size_t w = n;
	if (zw) {
		w = 0;
		for (size_t r = 0; r < n;) {
			unsigned char c = (unsigned char)s[r];
			if (r + 2 < n && ((c == 0xE2 && (unsigned char)s[r + 1] == 0x80 &&
			    (unsigned char)s[r + 2] == 0x8B) || (c == 0xEF &&
			    (unsigned char)s[r + 1] == 0xBB && (unsigned char)s[r + 2] == 0xBF))) {
				r += 3;
				continue;
			}
			s[w++] = s[r++];
		}
	}
	size_t start = 0;
	while (start < w && is_trimmed(s[start]))
		start++;
	while (w > start && is_trimmed(s[w - 1]))
		w--;
	s[w] = '\0';
	*out = w - start;
	return s + start;
}

size_t
cells_add(CellRow *r, const char *s, size_t n, int cleaned, size_t *out_len)
{
	if (r->rlen + n + 1 > r->rcap) {
		r->rcap = (r->rlen + n + 1) * 2;
		r->row = mem_grow(r->row, r->rcap, 1);
	}
	char *c = r->row + r->rlen;
	size_t start = 0, len = n;
	if (n)
		memcpy(c, s, n);
	if (cleaned)
		start = (size_t)(cells_clean(c, n, 1, &len) - c);
	c[start + len] = '\0';
	size_t off = r->rlen + start;
	r->rlen += start + len + 1;
	*out_len = len;
	return off;
}

int
cells_place(CellRow *r, long line, long col, size_t off, size_t len)
{
	if (col > r->lim->max_columns) {
		diag_report(r->d, DIAG_INPUT, r->name, line, col,
		    "more than %ld columns in one row; remove the extra columns, or raise "
		    "[limits] max_columns", r->lim->max_columns);
		return -1;
	}
	if ((long)len > r->lim->max_field_bytes) {
		diag_report(r->d, DIAG_INPUT, r->name, line, col,
		    "a value of %zu bytes is longer than the limit of %ld; shorten it, or raise "
		    "[limits] max_field_bytes", len, r->lim->max_field_bytes);
		return -1;
	}
	if ((size_t)col > r->cap) {
		size_t ncap = r->cap ? r->cap : 16;
		while (ncap < (size_t)col)
			ncap *= 2;
		r->fields = mem_grow(r->fields, ncap, sizeof(*r->fields));
		r->lens = mem_grow(r->lens, ncap, sizeof(*r->lens));
		r->offs = mem_grow(r->offs, ncap, sizeof(*r->offs));
		r->cap = ncap;
	}
	while (r->n < (size_t)col) {
		r->offs[r->n] = SIZE_MAX;
		r->lens[r->n++] = 0;
	}
	r->offs[col - 1] = off;
	r->lens[col - 1] = len;
	return 0;
}

int
cells_put(CellRow *r, long line, long col, const char *s, size_t n, int cleaned)
{
	size_t len;
	size_t off = cells_add(r, s, n, cleaned, &len);
	return cells_place(r, line, col, off, len);
}

int
cells_hand_out(CellRow *r, long line)
{
	int blank = 1;
	for (size_t i = 0; i < r->n && blank; i++)
		blank = r->lens[i] == 0;
	if (!blank) {
		r->rows++;
		if (r->rows > r->lim->max_rows) {
			diag_report(r->d, DIAG_INPUT, r->name, line, 0,
			    "more than %ld rows; split the file or raise [limits] max_rows", r->lim->max_rows);
			return -1;
		}
		for (size_t i = 0; i < r->n; i++)
			r->fields[i] = r->offs[i] == SIZE_MAX ? (char *)"" : r->row + r->offs[i];
		SourceRow row = { line, r->n, r->fields, r->lens, 0 };
		r->stop = r->fn(r->ctx, &row);
	}
	return r->stop;
}

int
cells_emit(CellRow *r, long line)
{
	int rc = cells_hand_out(r, line);
	cells_begin(r);
	return rc;
}

void
cells_free(CellRow *r)
{
	free(r->fields);
	free(r->lens);
	free(r->offs);
	free(r->row);
}

const char *
cells_skip_space(const char *s)
{
	return s + strspn(s, " \t\n\v\f\r");
}

double
cells_parse_number(const char *s, int *ok)
{
	const char *end;
	double v;
	*ok = c_strtodnum_prefix(cells_skip_space(s), &end, -DBL_MAX, DBL_MAX, &v) == CNUM_OK &&
	    end[strspn(end, " ")] == '\0';
	return *ok ? v : 0;
}

void
cells_format_number(double v, int zeros, char *out, size_t size)
{
	if (fabs(v) < 1e15 && v == floor(v)) {
		if (v == 0)
			v = 0;   /* no "-0" */
		c_snprintf(out, size, zeros ? "%0*.0f" : "%.*f", zeros, v);
		return;
	}
	c_snprintf(out, size, "%.15g", v);
	for (char *p = out; *p; p++)
		if (!strchr("0123456789eE+-", *p))
			*p = '.';   /* the locale's decimal point, were it not '.' */
}
