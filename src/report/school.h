/* school.h - compose a one-school report. */
#ifndef NITHET_SCHOOL_REPORT_H
#define NITHET_SCHOOL_REPORT_H

#include "config/settings.h"
#include "doc/doc.h"
#include "measure/results.h"
#include "model/model.h"

/* The report of school s as a Doc in arena a. Pure. */
Doc *school_compose(Arena *a, const Model *m, const Results *r, const School *s, const Settings *set);

#endif
