/* summary.h - a run told as JSON for monitoring (--summary FILE): how it
 * ended, what it counted, what it said, how long it took. One file per
 * run, so a region that runs many offices (GNU parallel, a CronJob) can
 * collect them. */
#ifndef NITHET_SUMMARY_H
#define NITHET_SUMMARY_H

#include "cli/run.h"

/* Write the summary of run (the command command, its exit status rc,
 * seconds of wall time, started at the Unix time start) to path,
 * atomically. 0, or -1 after a message on stderr. */
int summary_write(const char *path, const Run *run, const char *command, int rc, double seconds, long start);

#endif
