/* plan_v1.h - the first plan.xml format, read so that plans written for it
 * keep working: its metric names and its closed list of event kinds.
 * Used by load/plan.c only. */
#ifndef NITHET_LOAD_PLAN_V1_H
#define NITHET_LOAD_PLAN_V1_H

#include "core/arena.h"
#include "model/plan.h"

/* Set the composed parts of m for a first-format metric name
 * ("school-coverage"); *needs is set to the attribute the metric cannot do
 * without ("event-type", "window-months", ...), or NULL. Returns -1 for a
 * name the first format did not have. */
int plan_v1_compose(const char *name, Metric *m, const char **needs);

/* The metric names of the first format, "a, b, ... or z", for messages. */
const char *plan_v1_names(void);

/* Fill p's event kinds with the six the first format built in (its plans
 * declare none). Arena-allocated. */
void plan_v1_event_kinds(Arena *a, Plan *p);

#endif
