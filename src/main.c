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
#include <unistd.h>

#include "cli/run.h"
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
	CommandFn fn;
} Command;

static const Command commands[] = {
	{ "build", "", "every report: annual, review, one per school, one per committee meeting held, "
	  "indicators files", cmd_build },
	{ "annual", "", "OUT/<FY>/annual-<FY>.pdf, the end-of-year report", cmd_annual },
	{ "review", "", "OUT/<FY>/review-<FY>.pdf, for the office before printing: rows left out, drafts, "
	  "warnings, targets one record short, the files read", cmd_review },
	{ "committee", "N/<FY>", "OUT/<FY>/committee-<N>-<FY>.pdf, the ก.ต.ป.น. meeting pack "
	  "(e.g. committee 3/2558)", cmd_committee },
	{ "school", "CODE... | --all", "OUT/<FY>/schools/<CODE>-<FY>.pdf, one report per school", cmd_school },
	{ "indicators", "[--format json|csv]", "print every target and indicator to stdout",
	  cmd_indicators },
	{ "check", "", "read and validate all inputs, print diagnostics, write nothing", cmd_check },
	{ "plan", "explain", "print in Thai what each target of the plan counts, from the plan alone",
	  cmd_plan },
	{ "specimen", "", "OUT/specimen.pdf and OUT/specimen-noto.pdf, the Thai type specimen",
	  cmd_specimen },
	{ "template", "[--with-data]", "OUT/template-<FY>/NAME.xlsx, the Excel workbook to fill for each input "
	  "table the plan uses (--with-data: with the rows of the input folder's files)", cmd_template },
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
	    "      --as-of YYYY-MM-DD     count only data dated on or before this day (ค.ศ.;\n"
	    "                             default: the end of the fiscal year)\n"
	    "  -j, --jobs N               worker processes for build (default: the number of cores)\n"
	    "      --wait SECONDS         how long build waits for another build of the same folder\n"
	    "                             (default: until it ends; 0: not at all)\n"
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
		{ "wait", required_argument, NULL, 'W' },
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
	run.opt.wait = -1;
	run.out_fd = run.sets_fd = run.write_fd = -1;

	int ch;
	/* '+': options stop at the command, so a command's own options
	 * (indicators --format, school --all) are left for it. */
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
		case 'W': {
			char *end;
			errno = 0;
			long w = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 || w < 0 || w > 86400) {
				fprintf(stderr, "nithet: error: --wait wants seconds from 0 to 86400 (found \"%s\")\n", optarg);
				return EXIT_USAGE;
			}
			run.opt.wait = w;
			break;
		}
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
		fprintf(stderr, "nithet: error: unknown command '%s'; the commands are build, annual, review, "
		    "committee, school, indicators, check, plan, specimen (see nithet --help)\n", argv[0]);
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
