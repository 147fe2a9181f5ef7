/* school.h - compose a one-school report. */
#ifndef NITHET_SCHOOL_REPORT_H
#define NITHET_SCHOOL_REPORT_H

#include "report/report.h"

/* The report of in->school as a Doc in arena a. Pure. */
Doc *school_compose(Arena *a, const ReportInput *in);

#endif
