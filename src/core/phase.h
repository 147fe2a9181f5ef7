/* phase.h - where a run's time goes: wall time per step of the pipeline,
 * kept by every thread and summed for the process (a build's workers are
 * its threads), so that --summary and make bench can
 * say, per page, what loading, measuring, composing, laying out, writing
 * the PDF, deflating, subsetting fonts and writing files cost.
 *
 * A step is entered with phase_enter, which returns the step it left, and
 * left by entering that one again; time is counted to the innermost step
 * only (deflating inside the PDF writer is deflating, not PDF). The clock
 * is CLOCK_MONOTONIC through the vDSO: about 20 ns a switch, a few
 * thousand switches a build. */
#ifndef NITHET_PHASE_H
#define NITHET_PHASE_H

typedef enum Phase {
	PHASE_OTHER,     /* start-up, option parsing, locks, waiting */
	PHASE_LOAD,      /* reading and checking the input files and the plan */
	PHASE_SETUP,     /* fonts, the word-break dictionary, the colour profile */
	PHASE_MEASURE,   /* Results from the model */
	PHASE_COMPOSE,   /* a report's Doc from the Results */
	PHASE_LAYOUT,    /* breaking, shaping, lines and pages */
	PHASE_PDF,       /* the display list as PDF objects */
	PHASE_DEFLATE,   /* compressing page contents, fonts and images */
	PHASE_SUBSET,    /* font subsets, their widths and ToUnicode maps */
	PHASE_WRITE,     /* files created, written, synced and renamed */
	PHASE_COUNT
} Phase;

/* Count time from now on to p; returns the step left. */
Phase phase_enter(Phase p);

/* Seconds spent in each step by this process's threads so far, the
 * calling thread's current step counted up to now. */
void phase_totals(double secs[PHASE_COUNT]);

/* The step's name as --summary and make bench print it ("layout"). */
const char *phase_name(Phase p);

#endif
