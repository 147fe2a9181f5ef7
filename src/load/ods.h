/* ods.h - LibreOffice spreadsheets (.ods, OpenDocument) as table rows.
 *
 * A zip (archive.h) whose content.xml holds every sheet; the first is read,
 * streamed, into the same RowFn as a CSV file's, its first row the
 * header. Cells become what a person sees in Calc: a string's paragraphs
 * (spaces <text:s/> and tabs as written), a number as written (a code shown
 * 00012345 keeps its zeros) or its value with no thousands separators, a
 * date as yyyy-mm-dd (with hh:mm:ss when it has a time), a time as hh:mm,
 * TRUE/FALSE; a row or a cell the file repeats, repeated; a cell merged
 * over rows gives its value to the covered cells below it. Positions in
 * messages are cells of the sheet (diag_cells). A password-protected
 * document, a damaged zip or an Excel or Word file under the name are
 * refused with what to do. */
#ifndef NITHET_ODS_H
#define NITHET_ODS_H

#include "core/diag.h"
#include "load/rows.h"
#include "load/table.h"
#include "model/model.h"

#define ODS_FORMAT_NAME "OpenDocument (.ods)"

/* As xlsx_read_rows, for path's first sheet or the one named sheet. */
int ods_read_rows(const char *path, const ReadLimits *lim, int max_depth, const char *sheet, RowFn fn,
	void *ctx, Diag *d);


#endif
