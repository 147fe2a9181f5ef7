/* template.h - the workbook an office fills for one input table: the only
 * door to libxlsxwriter.
 *
 * One workbook per table (one table, one file, as nithet reads them): its
 * first sheet is the table, named as the office calls it (บันทึกการนิเทศ),
 * with the header nithet reads in Thai, codes formatted as text (leading
 * zeros kept), dates as dates, numbers as numbers, and a drop-down list on
 * every column whose values come from a list: the plan's activities, topics,
 * event kinds and target ids, the schools, networks, staff and meetings of
 * the data at hand, and the words a column accepts. A second sheet says in
 * Thai how to fill it, column by column; a third, hidden, holds the lists.
 * Saved unchanged as NAME.xlsx in the input folder, it loads as NAME.csv
 * would. */
#ifndef NITHET_TEMPLATE_H
#define NITHET_TEMPLATE_H

#include <stddef.h>

#include "core/diag.h"
#include "load/table.h"
#include "model/model.h"

/* Rows to put in the table (the office's current data, to go on with in a
 * spreadsheet), or none. header[ncols]; cells[r * ncols + c], NULL or ""
 * when empty. */
typedef struct TemplateData {
	size_t ncols, nrows;
	const char **header;
	const char **cells;
} TemplateData;

/* The workbook of table spec (required: whether the plan needs it) for the
 * plan and model m (its schools, networks, staff and meetings make the
 * lists; m may hold none), with data's rows when data is not NULL (its
 * header then, as the file has it, rather than spec's). The workbook is
 * made in a temporary file under tmpdir and returned in *out (malloc'd,
 * *len bytes). Returns 0, or EXIT_OUTPUT/EXIT_INTERNAL after reporting. */
/* Whether workbooks can be written: libxlsxwriter, loaded on first use,
 * is there (0), or -1 after saying what to install (once a run, not once
 * a table). */
int template_ready(Diag *d);

int template_workbook(const TableSpec *spec, int required, const Model *m, const TemplateData *data,
	const char *tmpdir, unsigned char **out, size_t *len, Diag *d);

#endif
