/* xls.h - Excel 97-2003 workbooks (.xls, BIFF) as table rows: the only door
 * to libfreexl.
 *
 * The first sheet's rows go to the same RowFn as a CSV file's, its first
 * row the header. Cells as Excel shows them, as far as libfreexl tells
 * them: text (Thai included, from any code page) as written, whole numbers
 * without ".0", other numbers with up to 15 significant digits, dates as
 * yyyy-mm-dd (hh:mm:ss with a time; libfreexl's error for years after
 * 2100, Buddhist-Era years as Thai offices type them, corrected), times as
 * hh:mm:ss. libfreexl does not tell number formats, merged cells or
 * formulas' values: a code formatted 00000000 loses its leading zeros, a
 * merged block's value stays in its first row and a formula's cell is
 * empty (save such a workbook as .xlsx: README says so). libfreexl runs
 * in a child process (a fuzzed workbook made it read past a buffer): what
 * it may do to memory stays there, and a workbook it chokes on is only
 * "cannot be read". The sheet read is the first, or the one named. A
 * password-protected workbook, a damaged one, or one too big for the limits
 * is refused with what to do. */
#ifndef NITHET_XLS_H
#define NITHET_XLS_H

#include "core/diag.h"
#include "load/rows.h"
#include "load/table.h"
#include "model/model.h"

#define XLS_FORMAT_NAME "Excel 97-2003 (.xls)"

/* As xlsx_read_rows, for path's first sheet or the one named sheet. */
int xls_read_rows(const char *path, const ReadLimits *lim, const char *sheet, RowFn fn, void *ctx, Diag *d);


#endif
