/* xlsx.h - Excel workbooks (.xlsx, Office Open XML) as table rows.
 *
 * What Excel, LibreOffice Calc and Google Sheets write: a zip (archive.h)
 * of XML parts. The sheet read is the workbook's first visible sheet; its
 * rows go to the same RowFn as a CSV file's, the header first, so every
 * column alias, typed field, limit and message is the same. Cells become
 * the text a person sees in the program:
 *   - shared and inline strings as they are (rich text joined, phonetic
 *     guides left out);
 *   - numbers whole without ".0" (a school code typed as a number is
 *     93020001), a number format of zeros keeps its leading zeros
 *     ("00000000"), other numbers with up to 15 significant digits;
 *   - a number whose format is a date (Excel's built-in ones, custom ones
 *     with d, m, y, Thai Excel's Buddhist-Era ones) as the date yyyy-mm-dd
 *     (with " hh:mm:ss" when it has a time of day), from the 1900 date
 *     system with its 29 February 1900 that never was, or the 1904 one;
 *   - a formula's cached value; TRUE/FALSE; an error as Excel shows it
 *     (#N/A);
 *   - a block of merged cells: its value in every row of the block (the
 *     school of several visits merged down), in its first column only.
 * The sheet and the shared strings are streamed (never held whole)
 * through load/xmlscan.h, the small parts parsed by libxml2 (load/xml.h).
 * The sheet is inflated once to look for merged cells (their list comes
 * after the rows); only a sheet that has them is tokenized twice, the
 * first time for the blocks. A sheet that turns out not to be well-formed
 * is an error even after rows were handed out. Positions in messages are cells: the row number is
 * SourceRow.line, field i is column i + 1, and the file is registered with
 * diag_cells so that messages read "visits.xlsx: visits!C12". */
#ifndef NITHET_XLSX_H
#define NITHET_XLSX_H

#include "core/diag.h"
#include "load/rows.h"
#include "load/table.h"
#include "model/model.h"

/* Read path's first visible sheet and hand fn its rows. Returns 0 when
 * read to the end, fn's non-zero value if it stopped, -1 after reporting
 * (DIAG_INPUT) a file that is not a workbook (a Word document, an old
 * .xls, a password-protected workbook, a damaged zip), a part that is not
 * well-formed or over a limit, or a cell that cannot be read (a shared
 * string that is not there). sheet, when not NULL, names the sheet to read
 * (the config's [sheets]); a workbook without it is an error listing its
 * sheets. */
int xlsx_read_rows(const char *path, const ReadLimits *lim, int max_depth, const char *sheet, RowFn fn,
	void *ctx, Diag *d);

/* What the file summary says of a workbook's encoding. */
#define XLSX_FORMAT_NAME "Excel (.xlsx)"


#endif
