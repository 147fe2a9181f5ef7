/* annual.h - compose รายงานผลการดำเนินงานโครงการ. */
#ifndef NITHET_ANNUAL_H
#define NITHET_ANNUAL_H

#include "report/report.h"

/* The end-of-year report as a Doc in arena a (valid until a is freed).
 * Pure: reads in's model, results and settings; writes nothing. */
Doc *annual_compose(Arena *a, const ReportInput *in);

#endif
