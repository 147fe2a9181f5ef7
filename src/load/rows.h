/* rows.h - the row every reader hands out, whatever the file's form.
 *
 * The CSV reader (csvread.h) and the spreadsheet readers (xlsx.h, ods.h,
 * xls.h, sheet.h for SpreadsheetML and our XML) all deliver a file's rows,
 * the header first, to the same RowFn, bounded by the same ReadLimits; the
 * tables (table.h) and the loaders read them without knowing the form. */
#ifndef NITHET_ROWS_H
#define NITHET_ROWS_H

#include <stddef.h>

typedef struct ReadLimits {
	long max_file_bytes;
	long max_field_bytes;
	long max_columns;
	long max_rows;
} ReadLimits;

/* One row. Valid only during the callback. fields[i] is NUL-terminated. */
typedef struct SourceRow {
	long line;              /* physical line the row starts on (1-based) */
	size_t nfields;
	char **fields;
	size_t *lens;
	size_t rows_max;        /* upper bound on the file's rows, header included
	                         * (its line breaks + 1); 0 when unknown */
} SourceRow;

/* Called for each non-blank row, header included. Return 0 to go on, non-zero
 * to stop reading (the reader then returns that value). */
typedef int (*RowFn)(void *ctx, const SourceRow *row);

#endif
