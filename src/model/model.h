/* model.h - everything the inputs say, as plain structs.
 *
 * Filled by src/load/, read by measure/ and report/. Every pointer is owned
 * by the run's model arena and valid until that arena is freed. School codes
 * are opaque text (8 or 10 digits), never numbers. */
#ifndef NITHET_MODEL_H
#define NITHET_MODEL_H

#include <stddef.h>

#include "model/plan.h"

typedef struct School {
	const char *code;          /* "93010012" */
	const char *name;          /* without the "โรงเรียน" prefix */
	const char *district;      /* อำเภอ */
	const char *subdistrict;   /* ตำบล; "" when not given */
	const char *network_code;  /* "" when not given */
	const char *color_group;   /* ดำ แดง เหลือง เขียว ฟ้า, or "" */
	const char *size;          /* เล็ก กลาง ใหญ่, or "" */
	const char *principal;     /* "" when not given */
	int students, teachers, admins;
	int active;                /* 0: merged or closed, out of every denominator */
	const char *file;          /* where it was read, for messages */
	long line;
} School;

/* What loading one input file found, for `nithet check` and the reports'
 * data-quality appendix. */
typedef struct FileSummary {
	const char *name;          /* "schools.csv" */
	const char *path;
	const char *encoding;      /* "UTF-8", "Windows-874", "SpreadsheetML", ... */
	long rows;                 /* data rows read (header excluded) */
	long accepted, rejected, warnings;
	int present;               /* 0: an optional file that is absent */
} FileSummary;

enum { MODEL_MAX_FILES = 16 };

typedef struct Model {
	const Plan *plan;
	School *schools;
	size_t nschools;
	const School **schools_by_code; /* sorted by code: model_index_schools */
	FileSummary files[MODEL_MAX_FILES];
	size_t nfiles;
} Model;

/* Sort an index of the schools by code (arena-allocated, valid as long as
 * the model); call after the schools are loaded. */
struct Arena;
void model_index_schools(Model *m, struct Arena *a);

/* The school with this code, or NULL. O(log n) once indexed. */
const School *model_school(const Model *m, const char *code);

#endif
