/* inputs.h - load every input file of the input directory into the model. */
#ifndef NITHET_INPUTS_H
#define NITHET_INPUTS_H

#include "config/settings.h"
#include "core/arena.h"
#include "core/diag.h"
#include "load/loaders.h"
#include "load/table.h"
#include "model/model.h"

/* Load every input file of s->input_dir into m (allocated in a): plan excluded (the lead loads it first and sets
 * m->plan and m->fiscal_year). Each file may be NAME.csv, NAME.xlsx, NAME.ods, NAME.xls or NAME.xml (SpreadsheetML or
 * our XML, told apart by the root element); two of them for one table is an error. Required: schools, networks, staff, visits, evaluations, surveys, spending,
 * meetings, practices; optional: attendance, online. Fills m->files[] (one FileSummary each, in that order). Returns
 * 0 when the model is usable (rows may have been rejected: DIAG_ROW), -1 when a file as a whole is missing or unusable
 * (DIAG_INPUT). Everything stored in m is valid until a is freed. When m->fiscal_year is 0 the settings' year is
 * used. After the files, cross-checks are reported as warnings: a school whose network_code is not in networks. */
int inputs_load(Model *m, Arena *a, const Settings *s, Diag *d);

/* The options every loader reads with: the config's limits, fiscal_year
 * (0: the config's). */
LoadOptions inputs_options(const Settings *s, int fiscal_year);

/* The tables a plan uses (every required one, and the optional ones the
 * plan needs: attendance only when a kind takes it, ...), in loading
 * order, at most max: their columns and whether they are required. */
typedef struct InputTable {
	const TableSpec *spec;
	int required;
} InputTable;
size_t inputs_tables(const Plan *p, InputTable *out, size_t max);

/* The file of table stem in dir, in the first readable form found
 * (NAME.csv, .xlsx, .ods, .xls, .xml), or NULL. Nothing is reported. */
const char *inputs_table_file(Arena *a, const char *dir, const char *stem);

#endif
