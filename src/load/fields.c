/* fields.c - typed cell values with precise messages (see fields.h). */
#include "load/fields.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/cnum.h"
#include "core/numfmt.h"
#include "load/cells.h"

int
field_required(const Record *r, const TableSpec *spec, int c, Diag *d)
{
	if (r->field[c][0] != '\0')
		return 0;
	diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
	    "%s is blank; fill it in (row rejected)", spec->cols[c].key);
	return -1;
}

int
field_int(const Record *r, const TableSpec *spec, int c, long min, long max, int optional,
    long fallback, long *out, Diag *d)
{
	const char *v = r->field[c];
	if (*v == '\0') {
		if (optional) {
			*out = fallback;
			return 0;
		}
		return field_required(r, spec, c, d);
	}
	/* Excel may write 1,250 or 12.00 for a whole number. */
	char digits[32];
	size_t n = 0;
	const char *p = v;
	if (*p == '-' || *p == '+')
		digits[n++] = *p++;
	for (; *p && n < sizeof(digits) - 1; p++) {
		if (*p == ',')
			continue;
		if (*p == '.') {
			const char *z = p + 1;
			while (*z == '0')
				z++;
			if (*z != '\0')
				break;
			p = z;
			break;
		}
		digits[n++] = *p;
	}
	digits[n] = '\0';
	long long x;
	if (*p != '\0' || c_strtonum(cells_skip_space(digits), LONG_MIN, LONG_MAX, &x) != CNUM_OK) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s is not a whole number (found \"%s\"); write digits only (row rejected)",
		    spec->cols[c].key, v);
		return -1;
	}
	if (x < min || x > max) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s is out of range (found %ld); write a number from %ld to %ld (row rejected)",
		    spec->cols[c].key, (long)x, min, max);
		return -1;
	}
	*out = (long)x;
	return 0;
}

/* "9.30E+07", "93E+6": what Excel shows for a long code in a General cell —
 * digits with at most one point, E or e, a sign, digits. "NW03e",
 * "9301e012" or "S0e1x" are codes typed wrong, not numbers. */
static int
looks_scientific(const char *v)
{
	const char *p = v;
	int digits = 0, point = 0;
	for (; *p && *p != 'E' && *p != 'e'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && !point)
			point = 1;
		else
			return 0;
	}
	if (digits == 0 || *p == '\0')
		return 0;
	p++;
	/* Excel always writes the exponent's sign ("E+07"). */
	if (*p != '+' && *p != '-')
		return 0;
	p++;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '\0';
}

int
field_code(const Record *r, const TableSpec *spec, int c, int minlen, int maxlen, Diag *d)
{
	const char *v = r->field[c];
	if (*v == '\0')
		return field_required(r, spec, c, d);
	if (looks_scientific(v)) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s looks like a number in scientific notation (found \"%s\"); in Excel format the "
		    "column as Text and type the codes again (row rejected)", spec->cols[c].key, v);
		return -1;
	}
	size_t len = strlen(v);
	int digits = 1;
	for (size_t i = 0; i < len; i++)
		digits &= isdigit((unsigned char)v[i]) != 0;
	if (!digits || (int)len < minlen || (int)len > maxlen) {
		if (minlen == 8 && maxlen == 10)
			diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
			    "%s is not an 8- or 10-digit code (found \"%s\"); write the SMIS or OBEC code "
			    "(row rejected)", spec->cols[c].key, v);
		else
			diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
			    "%s is not a code of %d to %d digits (found \"%s\") (row rejected)",
			    spec->cols[c].key, minlen, maxlen, v);
		return -1;
	}
	return 0;
}

int
field_choice(const Record *r, const TableSpec *spec, int c, const char *choices, int optional, Diag *d)
{
	const char *v = r->field[c];
	if (*v == '\0') {
		if (optional)
			return -2;
		return field_required(r, spec, c, d);
	}
	size_t vl = strlen(v);
	int idx = 0;
	for (const char *a = choices; *a; idx++) {
		size_t n = strcspn(a, "|");
		if (n == vl && memcmp(a, v, n) == 0)
			return idx;
		a += n;
		if (*a == '|')
			a++;
	}
	diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
	    "%s has an unknown value (found \"%s\"); write one of %s (row rejected)",
	    spec->cols[c].key, v, choices);
	return -1;
}

int
field_date(const Record *r, const TableSpec *spec, int c, int optional, CalDate *out, Diag *d)
{
	const char *v = r->field[c];
	if (*v == '\0') {
		if (optional) {
			memset(out, 0, sizeof(*out));
			return 0;
		}
		return field_required(r, spec, c, d);
	}
	size_t len = strlen(v);
	CalStatus st = cal_parse_date(v, len, CAL_BE_THRESHOLD, out);
	if (st == CAL_ERR_FORMAT) {
		/* A date column exported with a time of day (SpreadsheetML's
		 * DateTime cells always carry one): the day is what counts. */
		CalDateTime t;
		if (cal_parse_datetime(v, len, CAL_BE_THRESHOLD, &t) == CAL_OK) {
			*out = t.date;
			return 0;
		}
	}
	if (st == CAL_OK)
		return 0;
	diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
	    "%s is not a valid date: %s (found \"%s\"); %s (row rejected)", spec->cols[c].key,
	    cal_status_text(st), v, cal_status_hint(st));
	return -1;
}

/* 100,000,000 baht in satang: 10^10 x 10^8 rows (max_rows at most) < 2^63. */
#define FIELD_MONEY_MAX 10000000000LL

int
field_money(const Record *r, const TableSpec *spec, int c, int optional, long long *out, Diag *d)
{
	const char *v = r->field[c];
	if (*v == '\0') {
		if (optional) {
			*out = 0;
			return 0;
		}
		return field_required(r, spec, c, d);
	}
	NumStatus st = num_parse_money(v, strlen(v), out);
	/* One payment of a hundred million baht or more is a typing slip, and the sums
	 * of up to max_rows rows of less stay far inside 64 bits. */
	if (st == NUM_OK && (*out >= FIELD_MONEY_MAX || *out <= -FIELD_MONEY_MAX)) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s %s is not a believable amount (one row must be less than 100,000,000 baht); check the "
		    "number of digits (row rejected)", spec->cols[c].key, v);
		return -1;
	}
	if (st == NUM_OK)
		return 0;
	diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
	    "%s is not an amount of money: %s (found \"%s\"); %s (row rejected)", spec->cols[c].key,
	    num_status_text(st), v, num_status_hint(st));
	return -1;
}

int
field_hundredths(const Record *r, const TableSpec *spec, int c, long long min, long long max,
    long long *out, Diag *d)
{
	const char *v = r->field[c];
	if (*v == '\0')
		return field_required(r, spec, c, d);
	/* The money parser is the exact two-decimal one; a score is no amount
	 * of baht, so its words are not used. */
	long long x;
	if (num_parse_money(v, strlen(v), &x) != NUM_OK || strstr(v, "บาท") != NULL) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s is not a number with at most 2 decimals (found \"%s\"); write it like 38.45 "
		    "(row rejected)", spec->cols[c].key, v);
		return -1;
	}
	if (x < min || x > max) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s %s is out of range; write a value from %lld to %lld (row rejected)", spec->cols[c].key,
		    v, min / 100, max / 100);
		return -1;
	}
	*out = x;
	return 0;
}
