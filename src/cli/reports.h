/* reports.h - the one table of the reports nithet writes.
 *
 * `nithet help`, the report commands and `nithet build` all read this
 * table: a report's command name, its arguments, what it is about (the
 * year, each committee meeting held, each school), its composer, its file
 * name and folder. The code of a new report is one entry in reports.c plus
 * its composer in report/; docs/extending.md lists the help, translation
 * and test lines that follow it. */
#ifndef NITHET_REPORTS_H
#define NITHET_REPORTS_H

#include "cli/run.h"
#include "report/report.h"

/* What one report of a kind is about; it decides the command's arguments,
 * the figures' day and build's jobs. */
typedef enum ReportAbout {
	REPORT_YEAR,     /* one of the whole year; no argument */
	REPORT_MEETING,  /* one per committee meeting held: N/<FY>; its figures as of the meeting */
	REPORT_SCHOOL    /* one per active school: CODE... or --all */
} ReportAbout;

typedef struct ReportKind {
	const char *name;      /* the command, e.g. "annual" */
	const char *summary;   /* nithet --help's line (N_(): translated when shown) */
	const char *help;      /* nithet help NAME; the man page says the same */
	ReportAbout about;
	/* The file: OUT/<FY>/[folder/]stem[KEY-]<FY>.pdf, KEY the meeting's
	 * number or the school's code. */
	const char *folder;    /* NULL, or a folder made in each set */
	const char *stem;
	ReportCompose compose;
	/* build's closing line: how many were written ("%zu school reports"),
	 * singular and plural for ngettext; NULL for a report of the year,
	 * named by its file. */
	const char *built_one, *built_many;
} ReportKind;

extern const ReportKind report_kinds[];
extern const size_t report_nkinds;

/* The kind named name, or NULL. */
const ReportKind *report_kind(const char *name);

/* The folder of the first kind of reports about about, or NULL when it has
 * none (or no kind is about it). */
const char *report_folder(ReportAbout about);

/* The command-line arguments of a kind, for help ("N/<FY>"). */
const char *report_args(const ReportKind *k);

/* One report of kind k about item (a Meeting, a School, or NULL for the
 * year) as its file name relative to the year's folder, in the run's arena. */
const char *report_file(Run *run, const ReportKind *k, const void *item);

/* Compose and write one report: year are the figures of the whole year (a
 * meeting's pack measures as of its own day and keeps its figures for the
 * next pack, see run.h). Prints "wrote PATH" unless quiet. Returns an exit
 * code. */
int report_write(Run *run, const ReportKind *k, const Results *year, const void *item, int quiet);

/* Write n reports of kind k about items[0..n) (schools: reports that do
 * not depend on one another) as report_write does each, but together:
 * composed and laid out first, then their fonts embedded from one subset
 * of the glyphs all of them show (render_share), where each would have
 * made its own. Quiet, as a build's are. Returns the worst exit code. */
int report_write_together(Run *run, const ReportKind *k, const Results *year, const void *const *items,
    size_t n);

/* The command of kind k: its arguments checked, the inputs loaded, the
 * report(s) written into OUT/<FY>. */
int report_command(Run *run, const ReportKind *k, int argc, char **argv);

/* The items of kind k a build writes, in order, into out (a Meeting or
 * School each; one NULL for the year); returns their count. out has room
 * for report_max_items. */
size_t report_items(const Run *run, const ReportKind *k, const Results *r, const void **out);
size_t report_max_items(const Run *run);

#endif
