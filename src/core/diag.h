/* diag.h - the one place that tells the user what is wrong.
 *
 * Every message about the user's data or config reads
 *   nithet: FILE:LINE[:COL]: error|warning: what is wrong (what was found); what to do
 * The state lives in a Diag owned by the run (never in statics), so tests stay
 * independent. The exit status of a run is the worst severity seen, using the
 * numbered codes below, which are part of the interface and never
 * renumbered. */
#ifndef NITHET_DIAG_H
#define NITHET_DIAG_H

#include <stdio.h>

typedef enum DiagSeverity {
	DIAG_NOTE,      /* information only                               exit 0 */
	DIAG_WARNING,   /* the run goes on, the figure may need a look    exit 0 */
	DIAG_ROW,       /* one input row rejected, loading goes on        exit 1 */
	DIAG_USAGE,     /* bad command line or config, nothing written    exit 2 */
	DIAG_INPUT,     /* an input file missing/unreadable/invalid whole exit 3 */
	DIAG_OUTPUT,    /* an output file could not be written            exit 4 */
	DIAG_INTERNAL,  /* our bug                                        exit 70 */
	DIAG_NSEVERITY
} DiagSeverity;

/* Exit codes of */
enum {
	EXIT_DONE = 0, EXIT_ROWS_REJECTED = 1, EXIT_USAGE = 2, EXIT_INPUT = 3,
	EXIT_OUTPUT = 4, EXIT_INTERNAL = 70
};

typedef struct DiagRecord {
	DiagSeverity severity;
	const char *file;    /* NULL when the message is about no file */
	long line, col;      /* 0 when unknown */
	const char *sheet;   /* a spreadsheet's sheet (diag_cells): line and col
	                      * are its row and column, said as "visits!C12" */
	const char *text;    /* "what is wrong (found); what to do" */
} DiagRecord;

typedef struct Diag Diag;

/* out: where messages are printed as they arrive (NULL prints nothing).
 * Caller frees with diag_free. */
Diag *diag_new(FILE *out);
void  diag_free(Diag *d);

/* Print notes (DIAG_NOTE) or not: -v. Warnings and worse are always
 * printed; -q only silences the commands' own lines ("wrote ..."), which
 * never pass through here. Default: notes are recorded, not printed. */
void  diag_set_verbose(Diag *d, int verbose);

/* A Diag for one worker thread of a build: it prints where parent does,
 * as verbosely, and counts its own messages, so that a worker's status is
 * its own reports' (a Diag is not shared between threads). diag_absorb
 * adds its records and counts to the parent's once the thread has ended,
 * and frees it. */
Diag *diag_fork(const Diag *parent);
void  diag_absorb(Diag *parent, Diag *child);

/* Record and print one message. file may be NULL; line/col 0 = unknown. */
void  diag_report(Diag *d, DiagSeverity sev, const char *file, long line,
	long col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Say what is happening that the user must see as it happens but that is
 * no problem of theirs (a build waiting for another; a failed build keeping
 * the previous reports): printed as "nithet: FILE: text" (file may be
 * NULL), escaped like every message, never recorded nor counted. */
void  diag_say(Diag *d, const char *file, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* From now on, positions reported in file are cells of the sheet named
 * sheet: "visits.xlsx: visits!C12: error: ..." (a row alone: "visits, row
 * 12"), as people find them in Excel or Calc. */
void  diag_cells(Diag *d, const char *file, const char *sheet);

/* Counts and outcome. */
size_t diag_count(const Diag *d, DiagSeverity sev);
size_t diag_errors(const Diag *d);     /* DIAG_ROW and worse */
size_t diag_warnings(const Diag *d);
DiagSeverity diag_worst(const Diag *d); /* DIAG_NOTE when nothing was said */
int    diag_exit_status(const Diag *d);
int    diag_severity_exit(DiagSeverity sev);

/* The messages recorded so far, oldest first; valid until the next
 * diag_report or diag_free. */
size_t diag_nrecords(const Diag *d);
const DiagRecord *diag_record(const Diag *d, size_t i);

/* Format one record the way diag_report prints it (without "nithet: ").
 * Writes at most size bytes including the NUL; returns the full length. */
int diag_format(const DiagRecord *r, char *buf, size_t size);

/* Only the place of r as diag_format words it ("visits.csv:12:3",
 * "visits.xlsx: visits!C12", "" for no file), as snprintf. */
int diag_where(const DiagRecord *r, char *buf, size_t size);

#endif
