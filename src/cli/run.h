/* run.h - the state of one nithet run and the steps every command shares:
 * load the inputs, measure, make the output folder, write a report. */
#ifndef NITHET_RUN_H
#define NITHET_RUN_H

#include <stdio.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "doc/doc.h"
#include "measure/results.h"
#include "model/model.h"

typedef struct Options {
	const char *config;
	const char *input_dir, *output_dir;
	CalDate as_of;
	int has_as_of;
	long jobs;
	int quiet, verbose;
	int dump_layout;
} Options;

/* Everything one command needs; owned by main. */
typedef struct Run {
	Options opt;
	Settings *settings;
	Diag *diag;
	Arena *arena;       /* the model's arena, freed at the end of the run */
	Model model;
} Run;

/* A command: argv[0] is its name. Returns an exit code (diag.h). */
typedef int (*CommandFn)(Run *run, int argc, char **argv);

/* Load the plan and every input file. 0 when the model is usable (rows may
 * have been rejected), -1 when an input as a whole is not (reported). */
int run_load(Run *run);

/* Measure as of --as-of, or of `as_of` when given (year 0 = the option or
 * the end of the fiscal year). Findings are reported through diag. */
Results *run_measure(Run *run, CalDate as_of);

/* Create the output folder (and sub, when not NULL) if needed. -1 after
 * reporting DIAG_OUTPUT. */
int run_output_dir(Run *run, const char *sub);

/* Render doc to OUT/name (or dump its layout with --dump-layout); prints
 * "wrote PATH" unless quiet. Returns an exit code. */
int run_write(Run *run, const Doc *doc, const char *name);

/* The file summary table of `nithet check`. */
void run_print_summary(const Model *m, FILE *out);

/* Writers shared by the commands and build (commands.c). */
struct Meeting;
int committee_write(Run *run, const Meeting *mt);
int school_write(Run *run, const Results *r, const School *s);

/* Commands (commands.c, build.c). */
int cmd_check(Run *, int, char **);
int cmd_specimen(Run *, int, char **);
int cmd_indicators(Run *, int, char **);
int cmd_annual(Run *, int, char **);
int cmd_committee(Run *, int, char **);
int cmd_school(Run *, int, char **);
int cmd_build(Run *, int, char **);

#endif
