/* main.c - the nithet command line (DESIGN.md section 4).
 *
 * Parses the global options, reads the settings, and hands each command to
 * the stages. The exit status is the worst severity the run saw, using the
 * codes of diag.h; they are part of the interface and never renumbered. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/mem.h"
#include "load/plan.h"
#include "load/schools.h"
#include "load/xml.h"
#include "export/indicators.h"
#include "measure/results.h"
#include "model/model.h"
#include "render/render.h"
#include "report/annual.h"
#include "report/specimen.h"

#ifndef NITHET_VERSION
#define NITHET_VERSION "0.0.0"
#endif

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
	Arena *arena;       /* the model's arena */
	Model model;
} Run;

typedef int (*CommandFn)(Run *run, int argc, char **argv);

typedef struct Command {
	const char *name;
	const char *args;
	const char *summary;
	CommandFn fn;
} Command;

static int cmd_build(Run *, int, char **);
static int cmd_check(Run *, int, char **);
static int cmd_specimen(Run *, int, char **);
static int cmd_indicators(Run *, int, char **);
static int cmd_annual(Run *, int, char **);
static int cmd_later(Run *, int, char **);

static const Command commands[] = {
	{ "build", "", "every report: annual, one per school, one per committee meeting held, "
	  "indicators files", cmd_build },
	{ "annual", "", "OUT/annual-<FY>.pdf, the end-of-year report", cmd_annual },
	{ "committee", "N/<FY>", "OUT/committee-<N>-<FY>.pdf, the ก.ต.ป.น. meeting pack "
	  "(e.g. committee 3/2558)", cmd_later },
	{ "school", "CODE... | --all", "OUT/schools/<CODE>.pdf, one report per school", cmd_later },
	{ "indicators", "[--format json|csv]", "print every target and indicator to stdout",
	  cmd_indicators },
	{ "check", "", "read and validate all inputs, print diagnostics, write nothing", cmd_check },
	{ "specimen", "", "OUT/specimen.pdf and OUT/specimen-noto.pdf, the Thai type specimen",
	  cmd_specimen },
};

enum { NCOMMANDS = sizeof(commands) / sizeof(commands[0]) };

static void
usage(FILE *out)
{
	fprintf(out,
	    "usage: nithet [-c FILE] [-i DIR] [-o DIR] [--as-of YYYY-MM-DD] [-j N] [-q|-v] COMMAND [ARGS]\n"
	    "\n"
	    "nithet turns the supervision plan and data exports of a Thai service-area office\n"
	    "into the Thai PDF reports of its supervision project.\n"
	    "\n"
	    "commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++) {
		char head[64];
		snprintf(head, sizeof(head), "%s %s", commands[i].name, commands[i].args);
		fprintf(out, "  %-26s %s\n", head, commands[i].summary);
	}
	fprintf(out,
	    "\n"
	    "options:\n"
	    "  -c, --config FILE          settings (default config/nithet.ini)\n"
	    "  -i, --input DIR            input directory (default: [paths] input_dir)\n"
	    "  -o, --output DIR           output directory (default: [paths] output_dir)\n"
	    "      --as-of YYYY-MM-DD     count only data dated on or before this day\n"
	    "                             (default: the end of the fiscal year)\n"
	    "  -j, --jobs N               worker processes for build (default: the number of cores)\n"
	    "  -q, --quiet                print only problems\n"
	    "  -v, --verbose              print notes too\n"
	    "      --dump-layout          print the page layout as text instead of writing PDFs\n"
	    "  -h, --help                 this text\n"
	    "  -V, --version              the version\n"
	    "\n"
	    "exit status: 0 done (warnings allowed), 1 done but some input rows were rejected,\n"
	    "2 usage or config error, 3 an input file missing or invalid as a whole,\n"
	    "4 output could not be written, 70 internal error.\n");
}

/* --- shared steps -------------------------------------------------------- */

/* Join dir and name unless name is absolute; allocated in the run's arena. */
static const char *
in_dir(Run *run, const char *dir, const char *name)
{
	if (name[0] == '/')
		return name;
	return arena_printf(run->arena, "%s/%s", dir, name);
}

static CsvLimits
limits_of(const Settings *s)
{
	CsvLimits lim = { s->max_file_bytes, s->max_field_bytes, s->max_columns, s->max_rows };
	return lim;
}

static FileSummary *
next_summary(Run *run, const char *name)
{
	Model *m = &run->model;
	if (m->nfiles == MODEL_MAX_FILES)
		return NULL;
	FileSummary *f = &m->files[m->nfiles++];
	memset(f, 0, sizeof(*f));
	f->name = name;
	return f;
}

/* Load the plan and every input file the model needs. Returns 0 when the
 * model is usable (rows may have been rejected), -1 when an input as a whole
 * was not (the diagnostics say why). */
static int
load_inputs(Run *run)
{
	Settings *s = run->settings;
	const char *dir = s->input_dir;
	int failed = 0;

	FileSummary *plan_sum = next_summary(run, "plan.xml");
	const char *plan_path = in_dir(run, dir, s->plan_file);
	plan_sum->path = plan_path;
	plan_sum->present = 1;
	plan_sum->encoding = "UTF-8 (XML)";
	size_t before = diag_warnings(run->diag);
	run->model.fiscal_year = s->fiscal_year;
	run->model.plan = plan_load(run->arena, plan_path, s->plan_schema, s->max_xml_depth,
	    s->max_file_bytes, run->diag);
	plan_sum->warnings = (long)(diag_warnings(run->diag) - before);
	if (run->model.plan == NULL) {
		plan_sum->rejected = 1;
		failed = 1;
	} else {
		plan_sum->accepted = 1;
		if (run->model.plan->fiscal_year != s->fiscal_year)
			diag_report(run->diag, DIAG_WARNING, plan_path, 0, 0,
			    "the plan is for fiscal year %d but [office] fiscal_year is %d; "
			    "the reports use the config's year", run->model.plan->fiscal_year,
			    s->fiscal_year);
	}

	CsvLimits lim = limits_of(s);
	FileSummary *sch = next_summary(run, "schools.csv");
	if (schools_load(&run->model, run->arena, in_dir(run, dir, "schools.csv"), &lim,
	    s->expected_schools, sch, run->diag) != 0)
		failed = 1;
	return failed ? -1 : 0;
}

static void
print_summary(const Model *m, FILE *out)
{
	fprintf(out, "%-16s %-14s %8s %9s %9s %9s\n", "file", "encoding", "rows", "accepted",
	    "rejected", "warnings");
	for (size_t i = 0; i < m->nfiles; i++) {
		const FileSummary *f = &m->files[i];
		if (!f->present) {
			fprintf(out, "%-16s %-14s\n", f->name, "(absent)");
			continue;
		}
		fprintf(out, "%-16s %-14s %8ld %9ld %9ld %9ld\n", f->name, f->encoding ? f->encoding : "-",
		    f->rows, f->accepted, f->rejected, f->warnings);
	}
}

/* Make sure the output directory exists (one level, like mkdir). */
static int
ensure_output_dir(Run *run)
{
	const char *dir = run->settings->output_dir;
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		diag_report(run->diag, DIAG_OUTPUT, dir, 0, 0, "is not a directory; give an output "
		    "directory with -o DIR");
		return -1;
	}
	if (mkdir(dir, 0777) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, dir, 0, 0, "cannot create the output directory (%s)",
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* --- commands ------------------------------------------------------------ */

static int
cmd_check(Run *run, int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "check takes no arguments; see nithet --help");
		return EXIT_USAGE;
	}
	load_inputs(run);
	if (!run->opt.quiet)
		print_summary(&run->model, stdout);
	if (!run->opt.quiet || diag_errors(run->diag) > 0)
		fprintf(stderr, "nithet: check: %zu error%s, %zu warning%s\n", diag_errors(run->diag),
		    diag_errors(run->diag) == 1 ? "" : "s", diag_warnings(run->diag),
		    diag_warnings(run->diag) == 1 ? "" : "s");
	return diag_exit_status(run->diag);
}

static int
write_specimen(Run *run)
{
	if (run->model.plan == NULL)
		return diag_exit_status(run->diag);
	if (!run->opt.dump_layout && ensure_output_dir(run) != 0)
		return EXIT_OUTPUT;
	int rc = specimen_write(run->settings, run->model.plan, run->settings->output_dir,
	    run->opt.dump_layout ? stdout : NULL, run->diag);
	if (rc == 0 && !run->opt.quiet && !run->opt.dump_layout)
		printf("wrote %s/specimen.pdf and %s/specimen-noto.pdf\n", run->settings->output_dir,
		    run->settings->output_dir);
	return rc;
}

static int
cmd_specimen(Run *run, int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "specimen takes no arguments");
		return EXIT_USAGE;
	}
	if (load_inputs(run) != 0)
		return diag_exit_status(run->diag);
	return write_specimen(run);
}

/* build: validate every input, then write every report this version can
 * make. Nothing is written when an input as a whole is unusable. */
static int
cmd_build(Run *run, int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "build takes no arguments");
		return EXIT_USAGE;
	}
	if (load_inputs(run) != 0)
		return diag_exit_status(run->diag);
	int rc = write_specimen(run);
	int worst = diag_exit_status(run->diag);
	return rc > worst ? rc : worst;
}

/* Compute every figure as of --as-of (default: the end of the fiscal year),
 * and report the findings (budget over the total, ...) through diag. */
static Results *
measure(Run *run)
{
	CalDate as_of = run->opt.has_as_of ? run->opt.as_of : cal_fy_last(run->settings->fiscal_year);
	Results *r = measure_run(&run->model, run->settings, as_of, run->arena);
	for (size_t i = 0; i < r->nfindings; i++)
		diag_report(run->diag, r->findings[i].severity, NULL, 0, 0, "%s", r->findings[i].text);
	return r;
}

static int
cmd_indicators(Run *run, int argc, char **argv)
{
	const char *format = "json";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
		else if (!strncmp(argv[i], "--format=", 9))
			format = argv[i] + 9;
		else {
			diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "indicators: unknown argument '%s'; "
			    "write indicators [--format json|csv]", argv[i]);
			return EXIT_USAGE;
		}
	}
	if (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "indicators: unknown format '%s'; "
		    "write --format json or --format csv", format);
		return EXIT_USAGE;
	}
	if (load_inputs(run) != 0)
		return diag_exit_status(run->diag);
	Results *r = measure(run);
	int rc = !strcmp(format, "json") ?
	    indicators_write_json(r, (long)diag_errors(run->diag), (long)diag_warnings(run->diag), stdout) :
	    indicators_write_csv(r, stdout);
	if (rc != 0 || fflush(stdout) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, NULL, 0, 0, "cannot write to standard output");
		return EXIT_OUTPUT;
	}
	return diag_exit_status(run->diag);
}

/* Write the end-of-year report; returns an exit code. */
static int
write_annual(Run *run, const Results *r)
{
	Arena *a = arena_new(); /* one arena per report, freed when it is written */
	Doc *doc = annual_compose(a, &run->model, r, run->settings);
	const char *path = arena_printf(a, "%s/annual-%d.pdf", run->settings->output_dir, r->fiscal_year);
	int rc = render_document(doc, run->settings, path, run->opt.dump_layout ? stdout : NULL, run->diag);
	if (rc == 0 && !run->opt.quiet && !run->opt.dump_layout)
		printf("wrote %s\n", path);
	arena_free(a);
	return rc;
}

static int
cmd_annual(Run *run, int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "annual takes no arguments");
		return EXIT_USAGE;
	}
	if (load_inputs(run) != 0)
		return diag_exit_status(run->diag);
	if (!run->opt.dump_layout && ensure_output_dir(run) != 0)
		return EXIT_OUTPUT;
	return write_annual(run, measure(run));
}

static int
cmd_later(Run *run, int argc, char **argv)
{
	(void)argc;
	diag_report(run->diag, DIAG_USAGE, NULL, 0, 0,
	    "the '%s' command is not available in this version yet (the reports are being built); "
	    "'nithet check' validates the inputs and 'nithet build' writes what is ready", argv[0]);
	return EXIT_USAGE;
}

/* --- main ---------------------------------------------------------------- */

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


int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "input", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "as-of", required_argument, NULL, 'A' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "dump-layout", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	Run run;
	memset(&run, 0, sizeof(run));
	run.opt.config = "config/nithet.ini";
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	run.opt.jobs = cores > 0 ? cores : 1;

	int ch;
	/* '+': options stop at the command, so a command's own options
	 * (indicators --format) are left for it. */
	while ((ch = getopt_long(argc, argv, "+c:i:o:j:qvhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': run.opt.config = optarg; break;
		case 'i': run.opt.input_dir = optarg; break;
		case 'o': run.opt.output_dir = optarg; break;
		case 'A':
			if (cal_parse_iso(optarg, strlen(optarg), &run.opt.as_of) != CAL_OK) {
				fprintf(stderr, "nithet: error: --as-of wants a real date YYYY-MM-DD in ค.ศ. "
				    "(found \"%s\")\n", optarg);
				return EXIT_USAGE;
			}
			run.opt.has_as_of = 1;
			break;
		case 'j':
			if (parse_jobs(optarg, &run.opt.jobs) != 0) {
				fprintf(stderr, "nithet: error: -j wants a number from 1 to 256 (found \"%s\")\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'q': run.opt.quiet = 1; break;
		case 'v': run.opt.verbose = 1; break;
		case 'D': run.opt.dump_layout = 1; break;
		case 'h': usage(stdout); return EXIT_DONE;
		case 'V': printf("nithet %s\n", NITHET_VERSION); return EXIT_DONE;
		default:
			fprintf(stderr, "nithet: see 'nithet --help'\n");
			return EXIT_USAGE;
		}
	}
	if (run.opt.quiet && run.opt.verbose) {
		fprintf(stderr, "nithet: error: -q and -v exclude each other; give one\n");
		return EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const Command *cmd = NULL;
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(argv[0], commands[i].name))
			cmd = &commands[i];
	if (cmd == NULL) {
		fprintf(stderr, "nithet: error: unknown command '%s'; the commands are build, annual, "
		    "committee, school, indicators, check, specimen (see nithet --help)\n", argv[0]);
		return EXIT_USAGE;
	}

	run.diag = diag_new(stderr);
	diag_set_verbose(run.diag, run.opt.verbose);
	run.settings = settings_load(run.opt.config, run.diag);
	int rc;
	if (run.settings == NULL) {
		rc = diag_exit_status(run.diag);
	} else {
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
	settings_free(run.settings);
	arena_free(run.arena);
	diag_free(run.diag);
	return rc;
}
