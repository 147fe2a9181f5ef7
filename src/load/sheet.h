/* sheet.h - XML tables: Excel 2003 "XML Spreadsheet" (SpreadsheetML) and
 * nithet's own data XML (config/data.xsd), turned into the
 * same rows and Records as a CSV file.
 *
 * SpreadsheetML: the first worksheet is read; its first row is the header;
 * ss:Index (cells skipped) and ss:MergeAcross (a cell spanning columns) place
 * every value in its column; Data of type String, Number, DateTime or Boolean
 * is taken as text, a DateTime at midnight as its date (2015-02-18).
 * Our XML: <supervision-data> holds one section per file (<visits>), one
 * element per row (<visit>) whose attributes are the column keys of the CSV files;
 * the element's text fills the file's text column (visits: summary), and a
 * child <answer item="HEADER">value</answer> fills the column HEADER (the
 * Likert items of surveys). The header is made from the attribute names in
 * the order they first appear.
 * The two are told apart by the root element. Values are trimmed and
 * zero-width spaces removed, as in CSV. Reading goes through load/xml (no
 * libxml2 here): size, depth and entity limits apply. The document is
 * streamed, never built as a tree: a first pass checks that it is
 * well-formed and learns its shape (dialect, first worksheet, our XML's
 * header), a second hands out the rows, one element's subtree at a time. So
 * a broken file gives no row at all, and memory is the file's bytes (twice
 * while libxml2 reads them) plus one row, whatever the number of rows. */
#ifndef NITHET_SHEET_H
#define NITHET_SHEET_H

#include <stddef.h>

#include "core/diag.h"
#include "load/rows.h"
#include "load/table.h"
#include "model/model.h"

typedef enum SheetFormat { SHEET_SPREADSHEETML, SHEET_DATAXML } SheetFormat;

typedef struct SheetInfo {
	SheetFormat format;
	int fiscal_year;           /* our XML's fiscal-year attribute; 0 when absent */
	long rows;                 /* non-blank rows handed out, header included */
	int columns_known;         /* 1: SourceRow field i is column i+1 of the sheet */
} SheetInfo;

/* "SpreadsheetML" or "XML (nithet)", for FileSummary.encoding. */
const char *sheet_format_name(SheetFormat f);

/* Read path (at most lim->max_file_bytes, nesting at most max_depth) and
 * hand fn its rows, the header first, like csvread_file (the SourceRow is valid
 * during the call only; line is the line of the row's element). stem is the
 * file's name without extension ("visits"): it names our XML's section.
 * Returns 0 when read to the end, fn's non-zero value if it stopped, -1 after
 * reporting (DIAG_INPUT) a file that is missing, unreadable, not well-formed,
 * neither dialect, or over a limit (columns, field length, rows). info may be
 * NULL. */
int sheet_read_rows(const char *path, const char *stem, const ReadLimits *lim, int max_depth,
	RowFn fn, void *ctx, SheetInfo *info, Diag *d);

/* The same over a document in memory; name is used in messages. */
int sheet_parse_rows(const char *name, const char *buf, size_t len, const char *stem,
	const ReadLimits *lim, int max_depth, RowFn fn, void *ctx, SheetInfo *info, Diag *d);


#endif
