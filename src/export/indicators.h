/* indicators.h - every target and indicator as JSON or CSV.
 *
 * The JSON form is an interface outside programs rely on: keys and their
 * meaning never drift. Percentages print as numbers with 2 decimals (97.44),
 * counts as integers, money in baht (integers, or 2 decimals when there are
 * satang); a target without a goal has "goal": null and "met": null. */
#ifndef NITHET_INDICATORS_H
#define NITHET_INDICATORS_H

#include <stdio.h>

#include "measure/results.h"

/* Write r to out. errors and warnings are the run's diagnostic counts.
 * Returns 0, or -1 when writing failed (the caller reports it). */
int indicators_write_json(const Results *r, long errors, long warnings, FILE *out);
int indicators_write_csv(const Results *r, FILE *out);

#endif
