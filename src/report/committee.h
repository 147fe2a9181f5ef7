/* committee.h - compose the ก.ต.ป.น. meeting pack. */
#ifndef NITHET_COMMITTEE_H
#define NITHET_COMMITTEE_H

#include "config/settings.h"
#include "doc/doc.h"
#include "measure/progress.h"
#include "measure/results.h"
#include "model/model.h"

/* The ก.ต.ป.น. meeting numbered no in fiscal year fy (seq "no/fy"), or NULL.
 * Borrowed from the model. */
const Meeting *committee_find(const Model *m, int no, int fiscal_year);

/* The ก.ต.ป.น. meeting held last before this one, or NULL. */
const Meeting *committee_previous(const Model *m, const Meeting *this);

/* The pack as a Doc in arena a. r: results as of the meeting's date; prev:
 * as of the previous meeting (NULL when this is the first). Pure. */
Doc *committee_compose(Arena *a, const Model *m, const Results *r, const Results *prev,
	const Meeting *meeting, const Meeting *previous, const Settings *s);

#endif
