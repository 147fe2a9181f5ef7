/* bench.h - what the benchmark tools share: a monotonic clock, the order
 * of medians, and a row callback that only counts. Header-only: each tool
 * is a program of its own (tools/ is built only by make bench and tests). */
#ifndef NITHET_TOOLS_BENCH_H
#define NITHET_TOOLS_BENCH_H

#include <time.h>

#include "load/rows.h"

/* Seconds on the monotonic clock. */
static inline double
bench_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* qsort order of doubles, for medians. */
static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* A RowFn that counts rows into *(long *)ctx. */
static inline int
bench_count_row(void *ctx, const SourceRow *row)
{
	(void)row;
	++*(long *)ctx;
	return 0;
}

#endif
