/* explain.h - what a target of the plan counts, said in Thai: the rows, the
 * members, the requirement, the denominator, the period and the goal. The
 * words of `nithet plan explain` and of the reports' rules beside each
 * target; the rules themselves are measure's (measure_periods) and the
 * plan's. */
#ifndef NITHET_EXPLAIN_H
#define NITHET_EXPLAIN_H

#include "report/compose.h"

enum { EXPLAIN_MAX_LINES = 8 };

typedef struct ExplainLine {
	const char *label;         /* "นับ", "เงื่อนไข", ... */
	const char *text;
} ExplainLine;

/* Fill out with the lines that explain t (at most EXPLAIN_MAX_LINES) and
 * return how many. c->m->plan and c->s are read; c->r may be NULL (no data
 * is needed). tool: the instrument an indicator names, or NULL. Strings
 * live in c's Doc arena. */
size_t explain_target(Compose *c, const PlanTarget *t, const char *tool, ExplainLine *out);

/* The whole plan as plain text, for `nithet plan explain`: every target
 * and indicator in plan order. Returned in c's Doc arena. */
const char *explain_plan(Compose *c);

#endif
