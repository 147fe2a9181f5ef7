/* table.h - a table file with named columns: header matching and records.
 *
 * Each input file is described by a TableSpec: its columns, their English
 * key and Thai aliases, and which are required. table_rows_feed finds the header
 * row, maps columns (English key case-insensitively, Thai alias exactly),
 * warns once about unknown columns, rejects the file when a required column
 * is missing, and hands each data row to a callback as a Record indexed by
 * the spec's column order. */
#ifndef NITHET_TABLE_H
#define NITHET_TABLE_H

#include <stddef.h>

#include "core/diag.h"
#include "load/rows.h"
#include "model/model.h"

enum { TABLE_MAX_COLUMNS = 48 };

/* What a column holds, for the workbook an office fills (nithet
 * template): how its cells are formatted and which drop-down list they
 * are chosen from. The loaders check the values themselves. */
typedef enum ColumnType {
	CT_TEXT,                   /* free text (the default) */
	CT_CODE,                   /* a code: text, never a number (leading zeros) */
	CT_DATE,
	CT_NUMBER,
	CT_CHOICE,                 /* one of ColumnSpec.offer */
	CT_SCHOOL,                 /* a code of the schools table */
	CT_NETWORK,                /* a code of the networks table */
	CT_STAFF,                  /* an id of the staff table */
	CT_EVENT,                  /* an id of the meetings table */
	CT_ACTIVITY,               /* an activity number of the plan */
	CT_TOPIC,                  /* a topic of the plan */
	CT_EVENT_KIND,             /* an event kind of the plan */
	CT_TARGET                  /* a target's id as the plan numbers it */
} ColumnType;

typedef struct ColumnSpec {
	const char *key;           /* "school_code" */
	const char *aliases;       /* "รหัสโรงเรียน|รหัส" - Thai headers accepted; the
	                            * first is the template's header */
	int required;
	ColumnType type;
	const char *offer;         /* CT_CHOICE: the words the template offers
	                            * ("ลงพื้นที่|ออนไลน์"), a few of those accepted */
} ColumnSpec;

typedef struct TableSpec {
	const char *stem;          /* "schools": schools.csv */
	const ColumnSpec *cols;
	size_t ncols;
	const char *title;         /* what the office calls the table (the
	                            * template's sheet): "บันทึกการนิเทศ" */
} TableSpec;

typedef struct Record {
	const char *file;          /* path, for messages */
	long line;
	size_t rows_max;           /* SourceRow.rows_max: bounds the data rows; 0 unknown */
	const char *field[TABLE_MAX_COLUMNS]; /* by spec column; "" when absent */
	long col[TABLE_MAX_COLUMNS];          /* 1-based column in the file; 0 absent */
} Record;

/* Return 0 when the row was accepted, 1 when it was rejected (the callback
 * has reported why, as DIAG_ROW). */
typedef int (*RecordFn)(void *ctx, const Record *rec);

/* Does header text h name column c (its English key in any case, or one of
 * its Thai aliases exactly)? */
int table_header_matches(const ColumnSpec *c, const char *h);

/* Map a header row to spec columns: map[c] = the row's field index or -1.
 * Unknown columns are warned about once, a repeated or missing required
 * column is an error (DIAG_INPUT) naming path and the row's line, and the
 * column when with_columns (our XML has no column numbers). Returns 0 or -1. */
int table_map_header(const TableSpec *spec, const SourceRow *row, const char *path, int with_columns, long *map,
	Diag *d);

/* The row handler both readers share (CSV here, XML in sheet.c): the first
 * row is the header (table_map_header), every later one becomes a Record for
 * fn and is counted in sum. Fill the first fields, zero the rest. */
typedef struct TableRows {
	const char *path;
	const TableSpec *spec;
	RecordFn fn;
	void *ctx;
	FileSummary *sum;
	Diag *d;
	int with_columns;          /* messages carry column numbers */
	int have_header, failed;
	size_t header_fields;      /* fields of the header row, trailing blanks excluded */
	long map[TABLE_MAX_COLUMNS];   /* spec column -> row field index, -1 absent */
} TableRows;

/* A RowFn over a TableRows: returns -1 to stop when the header is bad. */
int table_rows_feed(void *rows, const SourceRow *row);

/* After the last row: -1 when the header was bad, the reader failed (rc) or
 * there was no header row at all (reported), else 0. */
int table_rows_end(const TableRows *t, int rc);


#endif
