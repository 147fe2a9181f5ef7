/* plan.h (load) - reading input/plan.xml into the Plan of model/plan.h.
 *
 * The file is read through load/xml (size-limited, no DTD, no entities,
 * bounded depth), validated against config/plan.xsd, then checked for what
 * an XSD cannot say (see plan_load). Plans of the first format (metric=
 * names, no <event-kinds>) are read too and translated (load/plan_v1.c). */
#ifndef NITHET_LOAD_PLAN_H
#define NITHET_LOAD_PLAN_H

#include "core/arena.h"
#include "core/diag.h"
#include "model/plan.h"

/* Load the plan at path, validated against the XSD at xsd_path (NULL skips
 * the schema: for fuzzing only; the checks below still run and the result is
 * still safe to use). max_depth bounds element nesting, max_bytes the size of
 * each file read.
 *
 * Every problem is reported through d as `FILE:LINE: error: ...` with
 * DIAG_INPUT (exit 3): a missing, unreadable, empty or oversized file, XML
 * that is not well-formed or carries a DOCTYPE, a schema violation (the XSD's
 * own complaint), and these checks the XSD cannot make:
 *  - target and indicator ids are unique;
 *  - activities are numbered 1..N in document order;
 *  - a topic's code belongs to its activity (<activity>.<n>) and is unique;
 *  - event kinds are named once (codes and aliases), one at most is the
 *    committee, each belongs to an activity the plan has;
 *  - an activity's start is not after its end;
 *  - each metric's parts fit together (count= and of=, every= and its
 *    period, event kinds declared) and it refers only to activities, topics
 *    and event kinds that exist;
 *  - one budget item per activity, no item for an unknown activity; a split
 *    (compensation, expenses, materials) has all three parts and they add up
 *    to the item's amount;
 *  - the items add up to the budget total. This is an error, not a warning:
 *    measure and the reports print both figures, and a budget table that does
 *    not add up would be printed as if it did (ถัวจ่าย lets spending move
 *    between activities, not the approved figures disagree).
 * A planned period outside the plan's fiscal year is only a warning.
 *
 * Returns the plan, or NULL when any error was reported. The Plan and every
 * string in it live in a until arena_free(a). Text is kept verbatim from the
 * file except for leading and trailing white space, which is removed. */
Plan *plan_load(Arena *a, const char *path, const char *xsd_path,
	int max_depth, long max_bytes, Diag *d);

/* Parse baht written "20000", "20000.5" or "20000.00" (digits, at most 12
 * before the point and 2 after, nothing else) into exact satang.
 * Returns 0 and sets *out, or -1 (and leaves *out alone) when s is not such a
 * number. */
int plan_parse_money(const char *s, Satang *out);

#endif
