/* cli.h - nithet's commands: their table, their help, and running one.
 *
 * The reports' commands come from the table of reports (reports.h); the
 * others (build, indicators, check, plan, specimen, template) are listed in
 * cli.c. main.c parses the options and asks here for everything else. */
#ifndef NITHET_CLI_H
#define NITHET_CLI_H

#include <stdio.h>

#include "cli/places.h"
#include "cli/reports.h"
#include "cli/run.h"

typedef struct Command {
	const char *name;
	const char *args;       /* for help: "N/<FY>", "" */
	const char *summary;    /* nithet --help's line (untranslated) */
	/* nithet help NAME: what it does, in lines a reader can take one by
	 * one; the man page (docs/nithet.1) says the same in the same lines,
	 * which tests/src/help.sh checks */
	const char *help;
	CommandFn fn;           /* NULL for a report's command */
	const ReportKind *report;
} Command;

/* The commands in nithet --help's order; i < cli_ncommands(). */
size_t cli_ncommands(void);
Command cli_command(size_t i);

/* The command named name into *out: 0, or -1 when there is none. */
int cli_find(const char *name, Command *out);

/* nithet --help, and nithet help NAME's text. */
void cli_usage(FILE *out);
void cli_command_help(const Command *c, FILE *out);

/* "unknown command NAME" through d, naming the commands: EXIT_USAGE. */
int cli_unknown(Diag *d, const char *name);

/* nithet help [COMMAND] (argv[0] is "help"): an exit code. */
int cli_help(Diag *d, int argc, char **argv);

/* Run cmd with its operands (argv[0] its name) once the options are in
 * run->opt and run->diag exists: the settings read (the options' folders
 * over them), the command run, what the process loaded released. Returns
 * the exit status: the worse of the command's and the messages'. */
int cli_run(Run *run, const Command *cmd, int argc, char **argv, const Places *places);

#endif
