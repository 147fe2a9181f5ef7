/* cells.h - a table row assembled cell by cell, for the readers of
 * spreadsheets (SpreadsheetML and our XML in sheet.c, .xlsx in xlsx.c):
 * values placed at their column, skipped columns empty, cleaned as CSV
 * fields are (cells_clean, which the CSV reader shares), bounded by the
 * limits, and handed out as a SourceRow unless blank. Everything is reused
 * from row to row. */
#ifndef NITHET_CELLS_H
#define NITHET_CELLS_H

#include <stddef.h>

#include "core/diag.h"
#include "load/rows.h"

typedef struct CellRow {
	const char *name;          /* the file, for messages */
	const ReadLimits *lim;
	RowFn fn;
	void *ctx;
	Diag *d;
	long rows;                 /* non-blank rows handed out so far */
	int stop;                  /* fn's non-zero value */
	/* field i is column i + 1, its value at offs[i] in row (SIZE_MAX:
	 * empty), so that the buffer may grow while the row is filled */
	char **fields;
	size_t *lens, *offs;
	size_t n, cap;
	char *row;
	size_t rlen, rcap;
} CellRow;

/* One value's text, gathered in pieces (rich text, paragraphs): always
 * NUL-terminated once something was added; len 0 to start again. */
typedef struct CellText {
	char *s;
	size_t len, cap;
} CellText;

void cells_text_add(CellText *t, const char *s, size_t n);

/* Start a new row (the previous one's values are dropped). */
void cells_begin(CellRow *r);

/* The one cleaning of a value, for every reader (CSV fields too):
 * U+200B ZERO WIDTH SPACE and U+FEFF (a stray BOM) removed everywhere (zw:
 * whether s may hold them; 0 skips the scan), then spaces, tabs, CR and LF
 * trimmed at both ends; a line break inside stays. Works in place on
 * s[0..n) and writes a NUL after the result (s[n] must be writable);
 * returns where the result starts, its length in *len. */
char *cells_clean(char *s, size_t n, int zw, size_t *len);

/* Copy s (n bytes) into the row's buffer; when cleaned, by cells_clean. Returns the value's offset, its length in *len. The copy may
 * be changed in place before cells_place. */
size_t cells_add(CellRow *r, const char *s, size_t n, int cleaned, size_t *len);

/* The value at off (len bytes) is column col (1-based) of the row that
 * starts on line. -1 after reporting (DIAG_INPUT) more columns or a longer
 * value than the limits allow. */
int cells_place(CellRow *r, long line, long col, size_t off, size_t len);

/* cells_add then cells_place. */
int cells_put(CellRow *r, long line, long col, const char *s, size_t n, int cleaned);

/* Hand the row to fn unless every value is empty, then begin the next.
 * Returns 0, fn's non-zero value, or -1 after reporting more rows than
 * lim->max_rows. */
int cells_emit(CellRow *r, long line);

/* cells_emit without beginning the next row: the same row may be handed
 * out again (a row a spreadsheet repeats). */
int cells_hand_out(CellRow *r, long line);

void cells_free(CellRow *r);

/* s after the white space strtol and strtod skip (the C locale's: space,
 * \t, \n, \v, \f, \r): the load/ readers parse numbers with core/cnum.h,
 * which skips none, and keep accepting what they accepted. */
const char *cells_skip_space(const char *s);

/* A number as a spreadsheet stores it ("93020001", "2.5", "1E-3"), read
 * the same in any locale (c_strtodnum_prefix: decimal notation only, white
 * space before it and spaces after it allowed). *ok is 0, and 0 returned,
 * when s is not a finite number. */
double cells_parse_number(const char *s, int *ok);

/* v as a person sees it in a cell of General format: whole numbers without
 * ".0" (zeros > 0: padded with leading zeros to that width, as a format
 * "00000000" shows a code), others with up to 15 significant digits. */
void cells_format_number(double v, int zeros, char *out, size_t size);

#endif
