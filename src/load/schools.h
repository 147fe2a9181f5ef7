/* schools.h - load schools.csv or schools.xml (โรงเรียน) */
#ifndef NITHET_SCHOOLS_H
#define NITHET_SCHOOLS_H

#include "core/arena.h"
#include "core/diag.h"
#include "load/loaders.h"
#include "model/model.h"

/* Read path into m->schools (allocated in a, valid until a is freed) and
 * index them by code. Rows with a bad code, a duplicate code, a blank name or
 * district, or a bad number or choice are rejected (DIAG_ROW); when the
 * number of active schools differs from expected, a warning says both
 * numbers. sum receives the file's data-quality summary. Returns 0, or -1
 * when the file as a whole is unusable (DIAG_INPUT). */
int schools_load(Model *m, Arena *a, const char *path, const LoadOptions *o, int expected,
	FileSummary *sum, Diag *d);

#endif
