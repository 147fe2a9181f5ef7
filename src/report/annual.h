/* annual.h - compose รายงานผลการดำเนินงานโครงการ. */
#ifndef NITHET_ANNUAL_H
#define NITHET_ANNUAL_H

#include "config/settings.h"
#include "doc/doc.h"
#include "measure/results.h"
#include "model/model.h"

/* The end-of-year report as a Doc in arena a (valid until a is freed).
 * Pure: reads the model, results and settings; writes nothing. */
Doc *annual_compose(Arena *a, const Model *m, const Results *r, const Settings *s);

#endif
