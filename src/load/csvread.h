/* csvread.h - stream the rows of a CSV file, with honest line numbers.
 *
 * Reads the file in chunks (memory stays flat whatever its size): a first
 * pass decides the encoding (encoding.h) and counts the lines, a second
 * converts to UTF-8 where needed and parses one physical line at a time, so
 * that every row knows the line it starts on even when quoted fields hold
 * newlines. A line in the common shapes (no quotes, or fields wholly quoted
 * and closed on the line) is split here; any other goes through libcsv,
 * with the same result (tests and the fuzzer compare the two). Fields are
 * cleaned as every reader's values are (cells_clean in cells.h: zero-width
 * spaces removed, spaces, tabs and line breaks trimmed at both ends). The
 * only file that uses libcsv. */
#ifndef NITHET_CSVREAD_H
#define NITHET_CSVREAD_H

#include <stddef.h>

#include "core/diag.h"
#include "load/encoding.h"
#include "load/rows.h"

typedef struct CsvInfo {
	Encoding encoding;
	long rows;              /* non-blank rows seen, header included */
	long rows_rejected;     /* of those, rows the reader itself rejected (a stray
	                         * quote), reported as DIAG_ROW; never handed out */
	size_t bytes;
} CsvInfo;

/* Read path. Returns 0 when the file was read to its end, the callback's
 * non-zero value if it stopped, or -1 after reporting (DIAG_INPUT) a file
 * that is missing, a directory, empty, too large, badly encoded, has an
 * unterminated quote or a stray one in its header, a field or row over the
 * limits. A data row with a stray quote is reported (DIAG_ROW) and skipped,
 * and reading goes on. info may be NULL. */
int csvread_file(const char *path, const ReadLimits *lim, RowFn fn, void *ctx,
	CsvInfo *info, Diag *d);

/* The same over a buffer already in memory (fuzzing, tests). name is used in
 * messages. */
int csvread_buffer(const char *name, const char *data, size_t len, const ReadLimits *lim,
	RowFn fn, void *ctx, CsvInfo *info, Diag *d);

#endif
