/* review.h - compose the office's review of its data (review-<FY>.pdf). */
#ifndef NITHET_REVIEW_H
#define NITHET_REVIEW_H

#include "report/report.h"

/* The review report as a Doc in arena a (valid until a is freed): what the
 * staff who prepare the reports check before printing them, never sent. It
 * carries what the printed reports leave out on purpose: the files read and
 * their encodings, every row rejected and every warning (the records of in->diag,
 * as the command line printed them), the records still in draft, and the
 * targets and schools one record away from a goal. Pure. */
Doc *review_compose(Arena *a, const ReportInput *in);

#endif
