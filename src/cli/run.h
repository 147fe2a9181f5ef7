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
	long wait;          /* --wait: seconds to wait for another build's lock; -1 = as long as it takes */
	/* the commands' own options, checked by main against the command's list */
	const char *format; /* indicators --format json|csv; NULL = json */
	int all;            /* school --all */
	int with_data;      /* template --with-data */
} Options;

/* Everything one command needs; owned by main. */
typedef struct Run {
	Options opt;
	int staging;        /* run_write writes into a build's private set, no fsync (sets.h) */
	const char *write_dir; /* where run_write writes, as said: OUT/<FY> or a new set; NULL = OUT */
	int out_fd;         /* OUT, .sets and the folder written into, held open */
	int sets_fd;        /* (outdir.h): -1 until opened */
	int write_fd;
	int disk_full;      /* said once: the build's other writes stop quietly */
	Settings *settings;
	long long created;  /* the reports' date: now, or SOURCE_DATE_EPOCH (run_clock) */
	Diag *diag;
	Arena *arena;       /* the model's arena, freed at the end of the run */
	Model model;
	int findings_said;  /* measure's findings are said once a run: they
	                     * come of the plan and data, not of the date */
	/* The last committee pack's figures, in their own arena: the next
	 * pack's "before" is as of the same day (commands.c). */
	Arena *pack_arena;
	Results *pack_results;
	CalDate pack_as_of;
} Run;

/* The run's date for every report it writes into run->created: the
 * clock's, or SOURCE_DATE_EPOCH's when set (read here, the one place the
 * program reads it). 0, or -1 after reporting a malformed value. */
int run_clock(Run *run);

/* Free what run owns (settings, arenas, diag); run itself is the
 * caller's. */
void run_free(Run *run);

/* A command: argv[0] is its name. Returns an exit code (diag.h). */
typedef int (*CommandFn)(Run *run, int argc, char **argv);

/* Load the plan and every input file. 0 when the model is usable (rows may
 * have been rejected), -1 when an input as a whole is not (reported). */
int run_load(Run *run);

/* The plan alone (the specimen quotes it and needs no data). 0, or -1
 * after reporting. */
int run_load_plan(Run *run);

/* Measure as of --as-of, or of `as_of` when given (year 0 = the option or
 * the end of the fiscal year). Findings are reported through diag, by the
 * first measurement of the run only (a build measures once per committee
 * pack too). */
Results *run_measure(Run *run, CalDate as_of);

/* The same, the Results in arena a (a committee pack's, freed with the
 * pack: at national scale each measurement is about 100 MB). */
Results *run_measure_in(Run *run, CalDate as_of, Arena *a);

/* Create the output folder (and sub, when not NULL) if needed. -1 after
 * reporting DIAG_OUTPUT. */
int run_output_dir(Run *run, const char *sub);

/* The year's current set as the folder reports are written into
 * (run->write_dir = OUT/<FY>, made when there is none; sub, when not NULL,
 * a folder inside it). -1 after reporting DIAG_OUTPUT. */
int run_year_output(Run *run, const char *sub);

/* Render doc to write_dir/name (or dump its layout with --dump-layout);
 * prints "wrote PATH" unless quiet (build says it once for all). Normally the file is written atomically
 * (temporary name, fsync, rename). With run->staging set (a build) it is
 * created in the build's private set without fsync: sets_commit flushes and
 * swaps the whole set at the end. Returns an exit code. */
int run_write(Run *run, const Doc *doc, const char *name, int quiet);

/* Write bytes to write_dir/name the same way (atomically, or staged). */
int run_write_bytes(Run *run, const char *name, const unsigned char *data, size_t len);

/* The file summary table of `nithet check`. */
void run_print_summary(const Model *m, FILE *out);

/* The commands that are not one report (commands.c, build.c, template.c);
 * the reports' are reports.c's report_command. */
int cmd_check(Run *, int, char **);
int cmd_plan(Run *, int, char **);
int cmd_specimen(Run *, int, char **);
int cmd_template(Run *, int, char **);
int cmd_indicators(Run *, int, char **);
int cmd_build(Run *, int, char **);

#endif
