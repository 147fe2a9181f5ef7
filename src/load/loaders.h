/* loaders.h - the loaders of every input file but the plan and the
 * schools, and the helpers they share.
 *
 * Each X_load reads one file (CSV, SpreadsheetML or our XML: load_table
 * picks the reader by the name's extension) into the model, allocating in
 * the model arena: everything it stores is valid until that arena is freed.
 * A bad row is reported as DIAG_ROW at FILE:LINE:COL and skipped; loading
 * goes on. Each returns 0 when the file was read (rows may have been
 * rejected), -1 when the file as a whole is unusable (DIAG_INPUT). sum gets
 * the file's data-quality figures. They are called in the order of
 * inputs_load, because later files refer to earlier ones: networks and staff
 * before visits, meetings before attendance; the schools and the plan must be
 * in the model first. */
#ifndef NITHET_LOADERS_H
#define NITHET_LOADERS_H

#include <stddef.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/diag.h"
#include "load/rows.h"
#include "load/store.h"
#include "load/sheet.h"
#include "load/table.h"
#include "model/model.h"

typedef struct LoadOptions {
	ReadLimits lim;
	int max_xml_depth;
	int fiscal_year;            /* BE: rows outside it are flagged in_fy = 0 */
	const Settings *settings;   /* evaluation rules (level cut-offs); NULL = the default cut-offs */
} LoadOptions;

int networks_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int staff_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int visits_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int evaluations_load(Model *m, Arena *a, const char *path, const LoadOptions *o,
	FileSummary *sum, Diag *d);
int surveys_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
/* The same for a survey the plan declares beside surveys.csv, read into sv. */
int surveys_load_into(Model *m, Survey *sv, Arena *a, const char *path, const LoadOptions *o,
	FileSummary *sum, Diag *d);
int spending_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int meetings_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int attendance_load(Model *m, Arena *a, const char *path, const LoadOptions *o,
	FileSummary *sum, Diag *d);
int previous_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int narrative_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int resolutions_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int practices_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int online_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int scores_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);
int assessments_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
	Diag *d);

/* A Likert answer: "มากที่สุด", "5", "5 (มากที่สุด)", "มากที่สุด (5)",
 * Thai digits; spaces and parentheses are ignored, a digit and a word must
 * agree. Returns 1..5, 0 for a blank, -1 for anything else (rubric words such
 * as ดีมาก included). */
int surveys_likert(const char *s, size_t len);

/* ---- helpers shared by the loaders (loader.c; their stores: store.h) ---- */

/* Each input table's columns (its loader's), for the workbook an office
 * fills (export/template.c). */
extern const TableSpec schools_table;
extern const TableSpec networks_table;
extern const TableSpec staff_table;
extern const TableSpec visits_table;
extern const TableSpec evaluations_table;
extern const TableSpec surveys_table;
extern const TableSpec spending_table;
extern const TableSpec meetings_table;
extern const TableSpec attendance_table;
extern const TableSpec resolutions_table;
extern const TableSpec practices_table;
extern const TableSpec online_table;
extern const TableSpec scores_table;
extern const TableSpec assessments_table;
extern const TableSpec narrative_table;

/* How a place in path is called in a message: a workbook's "row", a text
 * file's "line" (the numbers the loaders quote are the same ones). */
const char *load_line_word(const char *path);

/* Where load_read_rows read from: the form it found, and for our XML the
 * shape its first pass learnt (sheet: set before the first row arrives;
 * NULL for the other forms, whose columns are always known). */
typedef struct RowSource {
	const char *format;        /* "UTF-8", "Excel (.xlsx)", ... for the summary */
	int columns_known;         /* field i is column i + 1 of the file */
	long rows_rejected;        /* CSV: rows the reader itself left out */
	const SheetInfo *sheet;
	SheetInfo sheet_info;
} RowSource;

/* The rows of a table file, the header first, by the file's form (CSV,
 * .xlsx, .ods, .xls, XML; stem names our XML's section): the loaders that
 * need the rows rather than Records (surveys) and the template read
 * through this. Returns as csvread_file. src may be NULL. */
int load_read_rows(const char *path, const char *stem, const LoadOptions *o, RowFn fn, void *ctx,
	RowSource *src, Diag *d);

/* Read a table file as Records of spec, whatever its form (load_read_rows
 * picks the reader by the extension): the header matched (English key or
 * Thai alias), unknown columns warned about once, a missing required column
 * an error, every data row to fn as a Record, sum filled (path, format,
 * row counts). Returns 0 when the file was read (rows may have been
 * rejected), -1 when the file as a whole is unusable (reported). */
int load_table(const char *path, const TableSpec *spec, const LoadOptions *o, RecordFn fn,
	void *ctx, FileSummary *sum, Diag *d);

/* An activity named in words: "กิจกรรมที่ 4", "กิจกรรม 4", "activity 4", or
 * "4" alone when bare; its number, 0 when the text is not one. */
int load_activity_word(const char *v, int bare);

/* What a simple loader keeps while it reads: the model (the plan and the
 * tables read before), where to report, its strings and its rows. */
typedef struct LoadRows {
	Model *m;
	Diag *d;
	StrPool pool;
	LoadVec rows;
} LoadRows;

/* Read path with spec, calling fn for each record with a LoadRows as its
 * context (push each accepted row with load_vec_push(&lr->rows)); then
 * *out and *n the rows of elem bytes each, in the arena. Returns as
 * load_table. For the inputs that need nothing else while they read. */
int load_rows(Model *m, Arena *a, const char *path, const TableSpec *spec, const LoadOptions *o,
	FileSummary *sum, Diag *d, size_t elem, RecordFn fn, void **out, size_t *n);

/* Flag a date outside the fiscal year: a warning at the date's cell,
 * sum->outside_fy counted. Returns in_fy (1 or 0). */
int load_check_fy(const Record *r, const TableSpec *spec, int c, CalDate date, int fy_be,
	FileSummary *sum, Diag *d);

/* An activity number of the plan (1..nactivities; 1..99 when there is no
 * plan). A blank optional cell gives 0. 0 or -1 after reporting (DIAG_ROW). */
int load_activity(const Record *r, const TableSpec *spec, int c, const Model *m, int optional,
	int *out, Diag *d);

/* A school of schools.csv by its code. A blank optional cell gives NULL.
 * 0, or -1 after reporting an unknown or malformed code (DIAG_ROW). */
int load_school(const Record *r, const TableSpec *spec, int c, const Model *m, int optional,
	const School **out, Diag *d);

/* A school named in free text (surveys): a leading 8- or 10-digit code, else
 * the name without "โรงเรียน"/"ร.ร." compared with the names of schools.csv.
 * by_name is the schools sorted by name (load_schools_by_name). NULL when no
 * school matches; *ambiguous is set when the name fits several schools. */
const School *load_find_school(const Model *m, const School *const *by_name, const char *text,
	int *ambiguous);
/* The schools sorted by name, in arena a. */
const School **load_schools_by_name(const Model *m, Arena *a);

#endif
