/* committee.h - compose the ก.ต.ป.น. meeting pack. */
#ifndef NITHET_COMMITTEE_H
#define NITHET_COMMITTEE_H

#include "measure/progress.h"
#include "report/report.h"

/* The pack of in->meeting as a Doc in arena a. in->results: as of the
 * meeting's date; in->before: as of in->previous, the meeting before it
 * (both NULL when this is the first). Pure. */
Doc *committee_compose(Arena *a, const ReportInput *in);

#endif
