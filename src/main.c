/* main.c - the nithet command line.
 *
 * Parses the global options, reads the settings, and hands the command to
 * src/cli/. The exit status is the worst severity the run saw, using the
 * codes of core/diag.h; they are part of the interface and never renumbered. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/places.h"
#include "core/phase.h"
#include "core/i18n.h"
#include "cli/run.h"
#include "cli/summary.h"
#include "core/mem.h"
#include "load/xml.h"
#include "render/render.h"

#ifndef NITHET_VERSION
#define NITHET_VERSION "0.0.0"
#endif

typedef struct Command {
	const char *name;
	const char *args;
	const char *summary;
	/* nithet help NAME: what it does, in lines a reader can take one by
	 * one; the man page (doc/nithet.1) says the same in the same lines,
	 * which tests/src/help.sh checks */
	const char *help;
	CommandFn fn;
} Command;

static const Command commands[] = {
	{ "build", "", N_("every report: annual, review, one per school, one per committee meeting held, "
	  "indicators files"),
	  N_("Reads and checks every input, then writes the year's whole set into OUT/<FY>/:\n"
	  "annual-<FY>.pdf, review-<FY>.pdf, committee-<N>-<FY>.pdf for each meeting held,\n"
	  "schools/<CODE>-<FY>.pdf for each school, indicators-<FY>.json and indicators-<FY>.csv.\n"
	  "The new set replaces the previous one with a single rename, only when it is complete;\n"
	  "a build that fails anywhere leaves the previous set as it was.\n"
	  "A second build of the same output folder waits for the first (see --wait)."),
	  cmd_build },
	{ "annual", "", N_("OUT/<FY>/annual-<FY>.pdf, the end-of-year report"),
	  N_("Writes the end-of-year report OUT/<FY>/annual-<FY>.pdf alone."),
	  cmd_annual },
	{ "review", "", N_("OUT/<FY>/review-<FY>.pdf, for the office before printing: rows left out, drafts, "
	  "warnings, targets one record short, the files read"),
	  N_("Writes OUT/<FY>/review-<FY>.pdf alone: for the office, never sent; the records awaiting\n"
	  "approval, targets and schools one record short, every row left out, every warning,\n"
	  "the files read and their formats."),
	  cmd_review },
	{ "committee", "N/<FY>", N_("OUT/<FY>/committee-<N>-<FY>.pdf, the ก.ต.ป.น. meeting pack "
	  "(e.g. committee 3/2558)"),
	  N_("Writes the pack of meeting N of the fiscal year FY (a row of meetings.csv),\n"
	  "OUT/<FY>/committee-<N>-<FY>.pdf, with the figures as of the meeting's date\n"
	  "unless --as-of is given. Example: nithet committee 3/2558"),
	  cmd_committee },
	{ "school", "CODE... | --all", N_("OUT/<FY>/schools/<CODE>-<FY>.pdf, one report per school"),
	  N_("Writes the report of each school named by its code (as in schools.csv),\n"
	  "or of every school with --all, into OUT/<FY>/schools/<CODE>-<FY>.pdf."),
	  cmd_school },
	{ "indicators", "[--format json|csv]", N_("print every target and indicator to stdout"),
	  N_("Prints every target and indicator of the plan, as computed from the data,\n"
	  "to standard output as JSON (the default) or CSV. Writes no file."),
	  cmd_indicators },
	{ "check", "", N_("read and validate all inputs, print diagnostics, write nothing"),
	  N_("Reads and checks the config, the plan and every input file, prints what is wrong\n"
	  "and what to do, and writes nothing. The exit status says how it went."),
	  cmd_check },
	{ "plan", "explain", N_("print in Thai what each target of the plan counts, from the plan alone"),
	  N_("Prints in Thai, for each target of plan.xml, what is counted and how,\n"
	  "from the plan alone (no data is read)."),
	  cmd_plan },
	{ "specimen", "", N_("OUT/specimen.pdf and OUT/specimen-noto.pdf, the Thai type specimen"),
	  N_("Writes OUT/specimen.pdf and OUT/specimen-noto.pdf, pages of Thai text set in the\n"
	  "configured fonts, to check the typesetting of marks and line breaks."),
	  cmd_specimen },
	{ "template", "[--with-data]", N_("OUT/template-<FY>/NAME.xlsx, the Excel workbook to fill for each input "
	  "table the plan uses (--with-data: with the rows of the input folder's files)"),
	  N_("Writes OUT/template-<FY>/NAME.xlsx for each input table the plan uses: Thai headers,\n"
	  "lists to choose from, codes kept as text, dates as dates, and a sheet of instructions.\n"
	  "With --with-data, the rows of the input folder's files are put in.\n"
	  "A filled workbook saved into the input folder is read as it is."),
	  cmd_template },
};

enum { NCOMMANDS = sizeof(commands) / sizeof(commands[0]) };

static void
usage(FILE *out)
{
	fputs(_("usage: nithet [OPTIONS] COMMAND [ARGS]      (options may also follow the command)\n"
	    "\n"
	    "nithet turns the supervision plan and data exports of a Thai service-area office\n"
	    "into the Thai PDF reports of its supervision project.\n"
	    "\n"
	    "commands:\n"), out);
	for (size_t i = 0; i < NCOMMANDS; i++) {
		char head[64];
		snprintf(head, sizeof(head), "%s %s", commands[i].name, commands[i].args);
		fprintf(out, "  %-26s %s\n", head, _(commands[i].summary));
	}
	fprintf(out, "  %-26s %s\n", _("help [COMMAND]"), _("what a command does, its arguments and files"));
	fputs(_("\n"
	    "options:\n"
	    "  -c, --config FILE          settings (default: $NITHET_CONFIG, else the installation's,\n"
	    "                             /etc/nithet/nithet.ini; see man nithet)\n"
	    "  -i, --input DIR            input directory (default: [paths] input_dir)\n"
	    "  -o, --output DIR           output directory (default: [paths] output_dir)\n"
	    "      --as-of YYYY-MM-DD     count only data dated on or before this day (ค.ศ.;\n"
	    "                             default: the end of the fiscal year)\n"
	    "  -j, --jobs N               worker processes for build (default: the number of cores)\n"
	    "      --wait SECONDS         how long build waits for another build of the same folder\n"
	    "                             (default: until it ends; 0: not at all)\n"
	    "  -q, --quiet                print only problems\n"
	    "  -v, --verbose              print notes too\n"
	    "      --dump-layout          print the page layout as text instead of writing PDFs\n"
	    "      --summary FILE         write how the run went as JSON into FILE, for monitoring\n"
	    "  -h, --help                 this text (after a command: that command's, as nithet help COMMAND)\n"
	    "  -V, --version              the version\n"
	    "  --                         what follows is the command's, not an option\n"
	    "\n"
	    "exit status: 0 done (warnings allowed), 1 done but some input rows were rejected,\n"
	    "2 usage or config error, 3 an input file missing or invalid as a whole,\n"
	    "4 output could not be written, 70 internal error.\n"), out);
}

static const Command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

static void
command_help(const Command *c, FILE *out)
{
	fprintf(out, _("usage: nithet [OPTIONS] %s%s%s\n\n%s\n\nThe options are those of nithet --help; "
	    "see also man nithet.\n"), c->name, *c->args ? " " : "", c->args, _(c->help));
}

/* The commands' names, for a message: "build, annual, ..." */
static const char *
command_names(char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < NCOMMANDS && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", commands[i].name);
	return buf;
}

static int
unknown_command(const char *name)
{
	char names[256];
	fprintf(stderr, _("nithet: error: unknown command '%s'; the commands are %s, help (see nithet --help)\n"),
	    name, command_names(names, sizeof names));
	return EXIT_USAGE;
}

/* nithet help [COMMAND] */
static int
help(int argc, char **argv)
{
	if (argc < 2) {
		usage(stdout);
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "help")) {
		fputs(_("usage: nithet help [COMMAND]\n\nPrints what the command does, its arguments and files; "
		    "without a command,\nthe list of commands and options.\n"), stdout);
		return EXIT_DONE;
	}
	const Command *c = find_command(argv[1]);
	if (c == NULL)
		return unknown_command(argv[1]);
	command_help(c, stdout);
	return EXIT_DONE;
}

static int
parse_jobs(const char *v, long *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (end == v || *end != '\0' || errno != 0 || n < 1 || n > 256)
		return -1;
	*out = n;
	return 0;
}

static int
run_command_line(int argc, char **argv, const Places *places)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "input", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "as-of", required_argument, NULL, 'A' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "wait", required_argument, NULL, 'W' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "dump-layout", no_argument, NULL, 'D' },
		{ "summary", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		/* the commands' own (indicators, school, template) */
		{ "format", required_argument, NULL, 'F' },
		{ "all", no_argument, NULL, 'a' },
		{ "with-data", no_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	Run run;
	memset(&run, 0, sizeof(run));
	run.opt.config = places->config;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	run.opt.jobs = cores > 0 ? cores : 1;
	run.opt.wait = -1;
	run.out_fd = run.sets_fd = run.write_fd = -1;

	/* Options go before or after the command, as with git and apt: GNU
	 * getopt moves the operands (the command and its arguments) to the
	 * end, in order. The commands' own options are parsed here too, into
	 * run.opt, and a command is handed its operands alone; "--" ends the
	 * options (what follows is an operand even if it begins with '-'). */
	int want_help = 0;
	const char *summary = NULL;     /* --summary FILE */
	int ch;
	while ((ch = getopt_long(argc, argv, "c:i:o:j:qvhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': run.opt.config = optarg; break;
		case 'i': run.opt.input_dir = optarg; break;
		case 'o': run.opt.output_dir = optarg; break;
		case 'A':
			if (cal_parse_iso(optarg, strlen(optarg), &run.opt.as_of) != CAL_OK) {
				fprintf(stderr, _("nithet: error: --as-of wants a real date YYYY-MM-DD in ค.ศ. "
				    "(found \"%s\")\n"), optarg);
				return EXIT_USAGE;
			}
			run.opt.has_as_of = 1;
			break;
		case 'j':
			if (parse_jobs(optarg, &run.opt.jobs) != 0) {
				fprintf(stderr, _("nithet: error: -j wants a number from 1 to 256 (found \"%s\")\n"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'W': {
			char *end;
			errno = 0;
			long w = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 || w < 0 || w > 86400) {
				fprintf(stderr, _("nithet: error: --wait wants seconds from 0 to 86400 (found \"%s\")\n"), optarg);
				return EXIT_USAGE;
			}
			run.opt.wait = w;
			break;
		}
		case 'q': run.opt.quiet = 1; break;
		case 'v': run.opt.verbose = 1; break;
		case 'D': run.opt.dump_layout = 1; break;
		case 'S': summary = optarg; break;
		case 'h': want_help = 1; break;
		case 'V': printf("nithet %s\n", NITHET_VERSION); return EXIT_DONE;
		case 'F': run.opt.format = optarg; break;
		case 'a': run.opt.all = 1; break;
		case 'd': run.opt.with_data = 1; break;
		default:
			fprintf(stderr, _("nithet: see 'nithet --help'\n"));
				return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (want_help || (argc > 0 && !strcmp(argv[0], "help"))) {
		int rc = EXIT_DONE;
		if (want_help && argc == 0)
			usage(stdout);
		else if (want_help && strcmp(argv[0], "help") != 0 && find_command(argv[0]) == NULL)
			rc = unknown_command(argv[0]);
		else if (want_help && strcmp(argv[0], "help") != 0)
			command_help(find_command(argv[0]), stdout);
		else
			rc = help(argc, argv);
		return rc;
	}
	if (run.opt.quiet && run.opt.verbose) {
		fprintf(stderr, _("nithet: error: -q and -v exclude each other; give one\n"));
		return EXIT_USAGE;
	}
	if (argc == 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const Command *cmd = find_command(argv[0]);
	if (cmd == NULL) {
		return unknown_command(argv[0]);
	}
	/* A command's own option given to another command. */
	const struct { int given; const char *option; } own[] = {
		{ run.opt.format != NULL, "--format" }, { run.opt.all, "--all" }, { run.opt.with_data, "--with-data" },
	};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (own[i].given && strstr(cmd->args, own[i].option) == NULL) {
			fprintf(stderr, _("nithet: error: %s is not an option of %s; see nithet help %s\n"), own[i].option,
			    cmd->name, cmd->name);
			return EXIT_USAGE;
		}

	if (run.opt.config == places->config && access(run.opt.config, F_OK) != 0) {
		fprintf(stderr, _("nithet: error: no config: %s (the default of %s) does not exist; give one with "
		    "-c FILE or NITHET_CONFIG, or write it (see man nithet, FILES)\n"), run.opt.config, _(places->config_from));
		return EXIT_USAGE;
	}
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	long started = (long)time(NULL);
	run.diag = diag_new(stderr);
	diag_set_verbose(run.diag, run.opt.verbose);
	run.settings = settings_load(run.opt.config, places->data_dir, run.diag);
	int rc;
	if (run.settings == NULL) {
		rc = diag_exit_status(run.diag);
	} else {
		int lang = i18n_language(run.settings->language);
		if (lang == -2)
			diag_report(run.diag, DIAG_WARNING, run.opt.config, 0, 0, "[messages] language '%s' is none "
			    "nithet has; write th, en, or nothing for the locale's", run.settings->language);
		else if (lang != 0)
			diag_report(run.diag, DIAG_WARNING, run.opt.config, 0, 0, "the system has no UTF-8 locale to "
			    "show messages in '%s'; they stay in the locale's language (install th_TH.UTF-8)",
			    run.settings->language);
		if (run.opt.input_dir) {
			free(run.settings->input_dir);
			run.settings->input_dir = mem_strdup(run.opt.input_dir);
		}
		if (run.opt.output_dir) {
			free(run.settings->output_dir);
			run.settings->output_dir = mem_strdup(run.opt.output_dir);
		}
		run.arena = arena_new();
		xml_init();
		rc = cmd->fn(&run, argc, argv);
		render_release();
		xml_cleanup();
		int worst = diag_exit_status(run.diag);
		if (worst > rc)
			rc = worst;
	}
	if (summary != NULL) {
		struct timespec t1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		if (summary_write(summary, &run, cmd->name, rc, secs, started) != 0 && rc < EXIT_OUTPUT)
			rc = EXIT_OUTPUT;
	}
	settings_free(run.settings);
	arena_free(run.pack_arena);
	arena_free(run.arena);
	diag_free(run.diag);
	return rc;
}

int
main(int argc, char **argv)
{
	phase_enter(PHASE_OTHER);   /* time per step counts from here (--summary) */
	Places places;
	places_find(&places);
	i18n_start(places.locale_dir);
	int rc = run_command_line(argc, argv, &places);
	places_free(&places);
	return rc;
}
