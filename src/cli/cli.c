/* cli.c - the table of commands, their help, and running one (see cli.h). */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "load/xml.h"
#include "render/render.h"

/* The commands that are not one report; build comes first in the help,
 * then the reports, then these. */
static const Command others[] = {
	{ "build", "", N_("every report: annual, review, one per school, one per committee meeting held, "
	  "indicators files"),
	  N_("Reads and checks every input, then writes the year's whole set into OUT/<FY>/:\n"
	  "annual-<FY>.pdf, review-<FY>.pdf, committee-<N>-<FY>.pdf for each meeting held,\n"
	  "schools/<CODE>-<FY>.pdf for each school, indicators-<FY>.json and indicators-<FY>.csv.\n"
	  "The new set replaces the previous one with a single rename, only when it is complete;\n"
	  "a build that fails anywhere leaves the previous set as it was.\n"
	  "The set replaced stays under OUT/.sets until the next build removes it.\n"
	  "A second build of the same output folder waits for the first (see --wait)."),
	  cmd_build, NULL },
	{ "indicators", "[--format json|csv]", N_("print every target and indicator to stdout"),
	  N_("Prints every target and indicator of the plan, as computed from the data,\n"
	  "to standard output as JSON (the default) or CSV. Writes no file."),
	  cmd_indicators, NULL },
	{ "check", "", N_("read and validate all inputs, print diagnostics, write nothing"),
	  N_("Reads and checks the config, the plan and every input file, prints what is wrong\n"
	  "and what to do, and writes nothing. The exit status says how it went."),
	  cmd_check, NULL },
	{ "plan", "explain", N_("print in Thai what each target of the plan counts, from the plan alone"),
	  N_("Prints in Thai, for each target of plan.xml, what is counted and how,\n"
	  "from the plan alone (no data is read)."),
	  cmd_plan, NULL },
	{ "specimen", "", N_("OUT/specimen.pdf and OUT/specimen-noto.pdf, the Thai type specimen"),
	  N_("Writes OUT/specimen.pdf and OUT/specimen-noto.pdf, pages of Thai text set in the\n"
	  "configured fonts, to check the typesetting of marks and line breaks."),
	  cmd_specimen, NULL },
	{ "template", "[--with-data]", N_("OUT/template-<FY>/NAME.xlsx, the Excel workbook to fill for each input "
	  "table the plan uses (--with-data: with the rows of the input folder's files)"),
	  N_("Writes OUT/template-<FY>/NAME.xlsx for each input table the plan uses: Thai headers,\n"
	  "lists to choose from, codes kept as text, dates as dates, and a sheet of instructions.\n"
	  "With --with-data, the rows of the input folder's files are put in.\n"
	  "A filled workbook saved into the input folder is read as it is."),
	  cmd_template, NULL },
};

enum { NOTHERS = sizeof others / sizeof others[0] };

size_t
cli_ncommands(void)
{
	return NOTHERS + report_nkinds;
}

Command
cli_command(size_t i)
{
	if (i == 0)
		return others[0];
	if (i - 1 < report_nkinds) {
		const ReportKind *k = &report_kinds[i - 1];
		return (Command){ k->name, report_args(k), k->summary, k->help, NULL, k };
	}
	return others[i - report_nkinds];
}

int
cli_find(const char *name, Command *out)
{
	for (size_t i = 0; i < cli_ncommands(); i++) {
		Command c = cli_command(i);
		if (strcmp(name, c.name) == 0) {
			*out = c;
			return 0;
		}
	}
	return -1;
}

void
cli_usage(FILE *out)
{
	fputs(_("usage: nithet [OPTIONS] COMMAND [ARGS]      (options may also follow the command)\n"
	    "\n"
	    "nithet turns the supervision plan and data exports of a Thai service-area office\n"
	    "into the Thai PDF reports of its supervision project.\n"
	    "\n"
	    "commands:\n"), out);
	for (size_t i = 0; i < cli_ncommands(); i++) {
		Command c = cli_command(i);
		char head[64];
		snprintf(head, sizeof(head), "%s %s", c.name, c.args);
		fprintf(out, "  %-26s %s\n", head, _(c.summary));
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
	    "  -j, --jobs N               parallel workers for build (default: the number of cores)\n"
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

void
cli_command_help(const Command *c, FILE *out)
{
	fprintf(out, _("usage: nithet [OPTIONS] %s%s%s\n\n%s\n\nThe options are those of nithet --help; "
	    "see also man nithet.\n"), c->name, *c->args ? " " : "", c->args, _(c->help));
}

int
cli_unknown(Diag *d, const char *name)
{
	/* "build, annual, ...": every command's name. */
	Arena *a = arena_new();
	const char *names = "";
	for (size_t i = 0; i < cli_ncommands(); i++)
		names = arena_printf(a, "%s%s%s", names, i ? ", " : "", cli_command(i).name);
	diag_report(d, DIAG_USAGE, NULL, 0, 0, "unknown command '%s'; the commands are %s, help (see nithet --help)",
	    name, names);
	arena_free(a);
	return EXIT_USAGE;
}

int
cli_help(Diag *d, int argc, char **argv)
{
	if (argc < 2) {
		cli_usage(stdout);
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "help")) {
		fputs(_("usage: nithet help [COMMAND]\n\nPrints what the command does, its arguments and files; "
		    "without a command,\nthe list of commands and options.\n"), stdout);
		return EXIT_DONE;
	}
	Command c;
	if (cli_find(argv[1], &c) != 0)
		return cli_unknown(d, argv[1]);
	cli_command_help(&c, stdout);
	return EXIT_DONE;
}

int
cli_run(Run *run, const Command *cmd, int argc, char **argv, const Places *places)
{
	if (run_clock(run) != 0)
		return EXIT_USAGE;
	run->settings = settings_load(run->opt.config, places->data_dir, run->diag);
	if (run->settings == NULL)
		return diag_exit_status(run->diag);
	int lang = i18n_language(run->settings->language);
	if (lang == -2)
		diag_report(run->diag, DIAG_WARNING, run->opt.config, 0, 0, "[messages] language '%s' is none "
		    "nithet has; write th, en, or nothing for the locale's", run->settings->language);
	else if (lang != 0)
		diag_report(run->diag, DIAG_WARNING, run->opt.config, 0, 0, "the system has no UTF-8 locale to "
		    "show messages in '%s'; they stay in the locale's language (install th_TH.UTF-8)",
		    run->settings->language);
	if (run->opt.input_dir) {
		free(run->settings->input_dir);
		run->settings->input_dir = mem_strdup(run->opt.input_dir);
	}
	if (run->opt.output_dir) {
		free(run->settings->output_dir);
		run->settings->output_dir = mem_strdup(run->opt.output_dir);
	}
	run->arena = arena_new();
	xml_init();
	int rc = cmd->report ? report_command(run, cmd->report, argc, argv) : cmd->fn(run, argc, argv);
	/* What lives for the process (fonts, typesetting contexts and their
	 * memos, the PDF writer's caches) is freed piece by piece only where a
	 * leak checker watches: otherwise the process's end gives it back at
	 * once, and freeing it took a bundled build 0.8-1.2 ms. */
#ifdef __SANITIZE_ADDRESS__
	render_release();
#endif
	xml_cleanup();
	int worst = diag_exit_status(run->diag);
	return worst > rc ? worst : rc;
}
