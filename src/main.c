/* main.c - the nithet command line.
 *
 * Parses the options (the global ones and the commands' own) and hands the
 * command to src/cli/ (cli.h), which reads the settings and runs it. The
 * exit status is the worst severity the run saw, using the codes of
 * core/diag.h; they are part of the interface and never renumbered. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/places.h"
#include "cli/run.h"
#include "cli/summary.h"
#include "core/arena.h"
#include "core/cnum.h"
#include "core/i18n.h"
#include "core/phase.h"

#ifndef NITHET_VERSION
#define NITHET_VERSION "0.0.0"
#endif

/* A whole number option in [min, max] into *out: 0, or -1. */
static int
number_option(const char *v, long min, long max, long *out)
{
	long long n;
	if (c_strtonum(v, min, max, &n) != CNUM_OK)
		return -1;
	*out = (long)n;
	return 0;
}

/* Parse the options into run->opt, then run the command they name.
 * Returns the exit status. */
static int
parse_and_run(Run *run, int argc, char **argv, const Places *places)
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
		case 'c': run->opt.config = optarg; break;
		case 'i': run->opt.input_dir = optarg; break;
		case 'o': run->opt.output_dir = optarg; break;
		case 'A':
			if (cal_parse_iso(optarg, strlen(optarg), &run->opt.as_of) != CAL_OK) {
				diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "--as-of wants a real date YYYY-MM-DD "
				    "in ค.ศ. (found \"%s\")", optarg);
				return EXIT_USAGE;
			}
			run->opt.has_as_of = 1;
			break;
		case 'j':
			if (number_option(optarg, 1, 256, &run->opt.jobs) != 0) {
				diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "-j wants a number from 1 to 256 "
				    "(found \"%s\")", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'W':
			if (number_option(optarg, 0, 86400, &run->opt.wait) != 0) {
				diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "--wait wants seconds from 0 to 86400 "
				    "(found \"%s\")", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'q': run->opt.quiet = 1; break;
		case 'v': run->opt.verbose = 1; break;
		case 'D': run->opt.dump_layout = 1; break;
		case 'S': summary = optarg; break;
		case 'h': want_help = 1; break;
		case 'V': printf("nithet %s\n", NITHET_VERSION); return EXIT_DONE;
		case 'F': run->opt.format = optarg; break;
		case 'a': run->opt.all = 1; break;
		case 'd': run->opt.with_data = 1; break;
		default:
			/* getopt has said what was wrong, as "nithet: ..." */
			diag_say(run->diag, NULL, "see 'nithet --help'");
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	Command cmd;
	if (want_help || (argc > 0 && !strcmp(argv[0], "help"))) {
		if (want_help && argc == 0) {
			cli_usage(stdout);
			return EXIT_DONE;
		}
		if (!want_help || !strcmp(argv[0], "help"))
			return cli_help(run->diag, argc, argv);
		if (cli_find(argv[0], &cmd) != 0)
			return cli_unknown(run->diag, argv[0]);
		cli_command_help(&cmd, stdout);
		return EXIT_DONE;
	}
	if (run->opt.quiet && run->opt.verbose) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "-q and -v exclude each other; give one");
		return EXIT_USAGE;
	}
	if (argc == 0) {
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	if (cli_find(argv[0], &cmd) != 0)
		return cli_unknown(run->diag, argv[0]);
	/* A command's own option given to another command. */
	const struct { int given; const char *option; } own[] = {
		{ run->opt.format != NULL, "--format" }, { run->opt.all, "--all" },
		{ run->opt.with_data, "--with-data" },
	};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (own[i].given && strstr(cmd.args, own[i].option) == NULL) {
			diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "%s is not an option of %s; see nithet help %s",
			    own[i].option, cmd.name, cmd.name);
			return EXIT_USAGE;
		}

	if (run->opt.config == places->config && access(run->opt.config, F_OK) != 0) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "no config: %s (the default of %s) does not exist; "
		    "give one with -c FILE or NITHET_CONFIG, or write it (see man nithet, FILES)", run->opt.config,
		    _(places->config_from));
		return EXIT_USAGE;
	}
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	long started = (long)time(NULL);
	diag_set_verbose(run->diag, run->opt.verbose);
	int rc = cli_run(run, &cmd, argc, argv, places);
	if (summary != NULL) {
		struct timespec t1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		if (summary_write(summary, run, cmd.name, rc, secs, started) != 0 && rc < EXIT_OUTPUT)
			rc = EXIT_OUTPUT;
	}
	return rc;
}

static int
run_command_line(int argc, char **argv, const Places *places)
{
	Run run;
	memset(&run, 0, sizeof(run));
	run.opt.config = places->config;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	run.opt.jobs = cores > 0 ? cores : 1;
	run.opt.wait = -1;
	run.out_fd = run.sets_fd = run.write_fd = -1;
	/* Every message goes through the run's Diag, the command line's too. */
	run.diag = diag_new(stderr);
	int rc = parse_and_run(&run, argc, argv, places);
	run_free(&run);
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
	arena_release_spares();
	return rc;
}
