/* commands.c - the commands that make one thing: check, plan, specimen,
 * indicators, annual, committee, school (build is in build.c). */
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "core/i18n.h"
#include "core/phase.h"
#include "core/numfmt.h"
#include "export/indicators.h"
#include "render/render.h"
#include "report/annual.h"
#include "report/review.h"
#include "report/committee.h"
#include "report/explain.h"
#include "report/school.h"
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
	Compose c = { .doc = doc, .s = run->settings, .m = &run->model, .r = NULL, .digits = run->settings->thai_digits ? NUM_THAI_DIGITS : 0, .technical = 1 };
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
	int rc = run_write(run, specimen_doc(a, run->settings, run->model.plan), "specimen.pdf");
	/* The Noto specimen renders with its own fonts: swap the settings for
	 * this one document (the output folder is the same). */
	Settings noto, *own = run->settings;
	Doc *doc = specimen_noto_doc(a, own, run->model.plan, &noto);
	run->settings = &noto;
	int rc2 = run_write(run, doc, "specimen-noto.pdf");
	run->settings = own;
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

/* A command that writes one report of the whole year and takes no
 * arguments: load, measure to the year's end, write with writer. */
static int
year_report(Run *run, int argc, char **argv, int (*writer)(Run *, const Results *))
{
	if (no_arguments(run, argc, argv) != 0)
		return EXIT_USAGE;
	if (run_load(run) != 0)
		return diag_exit_status(run->diag);
	if (run_year_output(run, NULL) != 0)
		return EXIT_OUTPUT;
	return writer(run, run_measure(run, (CalDate){ 0, 0, 0 }));
}

int
cmd_annual(Run *run, int argc, char **argv)
{
	return year_report(run, argc, argv, annual_write);
}

int
cmd_review(Run *run, int argc, char **argv)
{
	return year_report(run, argc, argv, review_write);
}

int
review_write(Run *run, const Results *r)
{
	Arena *a = arena_new();
	Phase was = phase_enter(PHASE_COMPOSE);
	Doc *doc = review_compose(a, &run->model, r, run->settings, run->diag);
	phase_enter(was);
	int rc = run_write(run, doc, run_review_name(run));
	arena_free(a);
	return rc;
}

int
annual_write(Run *run, const Results *r)
{
	Arena *a = arena_new(); /* one arena per report, freed once it is written */
	Phase was = phase_enter(PHASE_COMPOSE);
	Doc *doc = annual_compose(a, &run->model, r, run->settings);
	phase_enter(was);
	int rc = run_write(run, doc, run_annual_name(run));
	arena_free(a);
	return rc;
}

/* "3/2558" -> 3 and 2558. */
static int
parse_meeting_no(const char *v, int *no, int *fy)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (end == v || *end != '/' || n < 1 || n > 99)
		return -1;
	const char *y = end + 1;
	long year = strtol(y, &end, 10);
	if (end == y || *end != '\0' || year < 2500 || year > 2700)
		return -1;
	*no = (int)n;
	*fy = (int)year;
	return 0;
}

/* Write the pack of one meeting (figures as of its date, or --as-of). */
int
committee_write(Run *run, const Meeting *mt)
{
	const Meeting *prev = committee_previous(&run->model, mt);
	CalDate as_of = run->opt.has_as_of ? run->opt.as_of : mt->date;
	/* The pack's figures in an arena kept until the next pack, whose
	 * "before" they are when it follows this one (a build writes the
	 * packs in order): one measurement a pack, not two, and never more
	 * than two at once (at national scale each is about 100 MB). */
	Arena *ra = arena_new();
	Results *r = run_measure_in(run, as_of, ra);
	Results *before = NULL;
	if (prev != NULL && run->pack_results != NULL && cal_compare(run->pack_as_of, prev->date) == 0)
		before = run->pack_results;
	else if (prev != NULL)
		before = run_measure_in(run, prev->date, ra);
	Arena *a = arena_new();
	Phase was = phase_enter(PHASE_COMPOSE);
	Doc *doc = committee_compose(a, &run->model, r, before, mt, prev, run->settings);
	phase_enter(was);
	int rc = run_write(run, doc, run_committee_name(run, mt));
	arena_free(a);
	arena_free(run->pack_arena);
	run->pack_arena = ra;
	run->pack_results = r;
	run->pack_as_of = as_of;
	return rc;
}

int
cmd_committee(Run *run, int argc, char **argv)
{
	int no, fy;
	if (argc != 2 || parse_meeting_no(argv[1], &no, &fy) != 0) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "committee wants the meeting as N/FY, e.g. "
		    "committee 3/2558 (found \"%s\")", argc > 1 ? argv[1] : "");
		return EXIT_USAGE;
	}
	if (fy != run->settings->fiscal_year) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "meeting %d/%d is not in fiscal year %d of the "
		    "config; set [office] fiscal_year or use -c", no, fy, run->settings->fiscal_year);
		return EXIT_USAGE;
	}
	if (run_load(run) != 0)
		return diag_exit_status(run->diag);
	const Meeting *mt = committee_find(&run->model, no, fy);
	if (mt == NULL) {
		const PlanEventKind *k = plan_committee_kind(run->model.plan);
		if (k == NULL)
			diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "the plan declares no committee: mark its "
			    "meetings' kind committee=\"yes\" in <event-kinds> of plan.xml");
		else
			diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "no committee meeting %d/%d in meetings "
			    "(type %s, seq %d/%d); add it, or check the number", no, fy, k->code, no, fy);
		return EXIT_USAGE;
	}
	if (run_year_output(run, NULL) != 0)
		return EXIT_OUTPUT;
	return committee_write(run, mt);
}

/* Write the report of one school into OUT/schools/. */
int
school_write(Run *run, const Results *r, const School *s)
{
	Arena *a = arena_new();
	Phase was = phase_enter(PHASE_COMPOSE);
	Doc *doc = school_compose(a, &run->model, r, s, run->settings);
	phase_enter(was);
	int rc = run_write(run, doc, run_school_name(run, s));
	arena_free(a);
	return rc;
}

int
cmd_school(Run *run, int argc, char **argv)
{
	int all = run->opt.all;
	if (argc < 2 && !all) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "school wants school codes or --all, e.g. "
		    "school 93010012");
		return EXIT_USAGE;
	}
	if (argc > 1 && all) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "school takes school codes or --all, not both "
		    "(found \"%s\" with --all)", argv[1]);
		return EXIT_USAGE;
	}
	if (run_load(run) != 0)
		return diag_exit_status(run->diag);
	/* Every code must be known before anything is written. */
	for (int i = 1; i < argc && !all; i++)
		if (model_school(&run->model, argv[i]) == NULL) {
			diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "no school with code %s in schools; "
			    "codes are 8 or 10 digits as in schools.csv", argv[i]);
			return EXIT_USAGE;
		}
	if (run_year_output(run, "schools") != 0)
		return EXIT_OUTPUT;
	Results *r = run_measure(run, (CalDate){ 0, 0, 0 });
	int worst = 0;
	if (all) {
		for (size_t i = 0; i < run->model.nschools; i++)
			if (run->model.schools[i].active) {
				int rc = school_write(run, r, &run->model.schools[i]);
				worst = rc > worst ? rc : worst;
			}
	} else {
		for (int i = 1; i < argc; i++) {
			const School *s = model_school(&run->model, argv[i]);
			if (!s->active)
				diag_report(run->diag, DIAG_NOTE, NULL, 0, 0, "school %s (%s) is marked merged "
				    "or closed in schools; its report says so and shows no target standing",
				    s->code, s->name);
			int rc = school_write(run, r, s);
			worst = rc > worst ? rc : worst;
		}
	}
	return worst;
}
