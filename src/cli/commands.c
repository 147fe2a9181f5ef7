/* commands.c - the commands that are not one report: check, plan,
 * specimen, indicators (the reports' are in reports.c, build in build.c,
 * template in template.c). */
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "core/i18n.h"
#include "core/phase.h"
#include "core/numfmt.h"
#include "export/indicators.h"
#include "render/render.h"
#include "report/explain.h"
#include "report/specimen.h"

static int
no_arguments(Run *run, int argc, char **argv)
{
	if (argc <= 1)
		return 0;
	diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "%s takes no arguments (found \"%s\"); see nithet help %s",
	    argv[0], argv[1], argv[0]);
	return -1;
}

int
cmd_check(Run *run, int argc, char **argv)
{
	if (no_arguments(run, argc, argv) != 0)
		return EXIT_USAGE;
	if (run_load(run) == 0)
		run_measure(run, (CalDate){ 0, 0, 0 }); /* the budget's hard limit is a check too */
	(void)render_check_fonts(run->settings, run->diag); /* the fonts too: a build would need them */
	if (!run->opt.quiet)
		run_print_summary(&run->model, stdout);
	if (!run->opt.quiet || diag_errors(run->diag) > 0)
	{
		size_t ne = diag_errors(run->diag), nw = diag_warnings(run->diag);
		char errors[64], warnings[64];
		snprintf(errors, sizeof errors, ngettext("%zu error", "%zu errors", ne), ne);
		snprintf(warnings, sizeof warnings, ngettext("%zu warning", "%zu warnings", nw), nw);
		fprintf(stderr, _("nithet: check: %s, %s\n"), errors, warnings);
	}
	return diag_exit_status(run->diag);
}

/* plan explain: what each target will count, in Thai, from the plan alone
 * (an office checks its plan before the year's data exists). */
int
cmd_plan(Run *run, int argc, char **argv)
{
	if (argc != 2 || strcmp(argv[1], "explain") != 0) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "plan takes one word: explain (found %s%s%s); "
		    "see nithet --help", argc > 1 ? "\"" : "nothing", argc > 1 ? argv[1] : "", argc > 1 ? "\"" : "");
		return EXIT_USAGE;
	}
	if (run_load_plan(run) != 0)
		return diag_exit_status(run->diag);
	Arena *a = arena_new();
	Doc *doc = doc_new(a);
	Compose c = compose_start(doc, &(ReportInput){ .model = &run->model, .settings = run->settings });
	c.technical = 1;   /* for the plan's writer */
	const char *text = explain_plan(&c);
	int rc = fputs(text, stdout) < 0 || fflush(stdout) != 0;
	arena_free(a);
	if (rc) {
		diag_report(run->diag, DIAG_OUTPUT, NULL, 0, 0, "cannot write to standard output");
		return EXIT_OUTPUT;
	}
	return diag_exit_status(run->diag);
}

int
cmd_specimen(Run *run, int argc, char **argv)
{
	if (no_arguments(run, argc, argv) != 0)
		return EXIT_USAGE;
	if (run_load_plan(run) != 0)
		return diag_exit_status(run->diag);
	if (run_output_dir(run, NULL) != 0)
		return EXIT_OUTPUT;
	Arena *a = arena_new();
	int rc = run_write(run, specimen_doc(a, run->settings, run->model.plan), "specimen.pdf", run->opt.quiet);
	/* The Noto specimen names its own fonts (Doc.thai_font, latin_font). */
	int rc2 = run_write(run, specimen_noto_doc(a, run->settings, run->model.plan), "specimen-noto.pdf",
	    run->opt.quiet);
	arena_free(a);
	return rc > rc2 ? rc : rc2;
}

int
cmd_indicators(Run *run, int argc, char **argv)
{
	const char *format = run->opt.format ? run->opt.format : "json";
	if (no_arguments(run, argc, argv) != 0)
		return EXIT_USAGE;
	if (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "indicators: unknown format '%s'; "
		    "write --format json or --format csv", format);
		return EXIT_USAGE;
	}
	if (run_load(run) != 0)
		return diag_exit_status(run->diag);
	Results *r = run_measure(run, (CalDate){ 0, 0, 0 });
	int rc = !strcmp(format, "json") ?
	    indicators_write_json(r, (long)diag_errors(run->diag), (long)diag_warnings(run->diag), stdout) :
	    indicators_write_csv(r, stdout);
	if (rc != 0 || fflush(stdout) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, NULL, 0, 0, "cannot write to standard output");
		return EXIT_OUTPUT;
	}
	return diag_exit_status(run->diag);
}
