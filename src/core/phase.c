/* phase.c - time per step of the pipeline (phase.h). Each thread keeps its
 * current step and when it entered it; a switch adds the time since to the
 * process's total of that step, atomically, so threads need no lock. */
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "core/phase.h"

static _Atomic uint64_t total_ns[PHASE_COUNT];
static _Thread_local Phase current;
static _Thread_local uint64_t since;

static uint64_t
now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

Phase
phase_enter(Phase p)
{
	uint64_t t = now_ns();
	Phase was = current;
	/* A thread's first switch has no start to count from. */
	if (since != 0)
		atomic_fetch_add_explicit(&total_ns[was], t - since, memory_order_relaxed);
	current = p;
	since = t;
	return was;
}

void
phase_totals(double secs[PHASE_COUNT])
{
	phase_enter(current);
	for (int i = 0; i < PHASE_COUNT; i++)
		secs[i] = (double)atomic_load_explicit(&total_ns[i], memory_order_relaxed) / 1e9;
}

const char *
phase_name(Phase p)
{
	static const char *const names[PHASE_COUNT] = {
		"other", "load", "setup", "measure", "compose", "layout", "pdf", "deflate", "subset", "write",
	};
	return p >= 0 && p < PHASE_COUNT ? names[p] : "?";
}
