/* reports.c - the table of reports, and writing one report of any kind
 * (see reports.h). */
#include "cli/reports.h"

#include <stdlib.h>
#include <string.h>

#include "core/cnum.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/phase.h"
#include "report/annual.h"
#include "report/committee.h"
#include "render/render.h"
#include "report/review.h"
#include "report/school.h"

const ReportKind report_kinds[] = {
	{ "annual", N_("OUT/<FY>/annual-<FY>.pdf, the end-of-year report"),
	  N_("Writes the end-of-year report OUT/<FY>/annual-<FY>.pdf alone."),
	  REPORT_YEAR, NULL, "annual-", annual_compose, NULL, NULL },
	{ "review", N_("OUT/<FY>/review-<FY>.pdf, for the office before printing: rows left out, drafts, "
	  "warnings, targets one record short, the files read"),
	  N_("Writes OUT/<FY>/review-<FY>.pdf alone: for the office, never sent; the records awaiting\n"
	  "approval, targets and schools one record short, every row left out, every warning,\n"
	  "the files read and their formats."),
	  REPORT_YEAR, NULL, "review-", review_compose, NULL, NULL },
	{ "committee", N_("OUT/<FY>/committee-<N>-<FY>.pdf, the ก.ต.ป.น. meeting pack "
	  "(e.g. committee 3/2558)"),
	  N_("Writes the pack of meeting N of the fiscal year FY (a row of meetings.csv),\n"
	  "OUT/<FY>/committee-<N>-<FY>.pdf, with the figures as of the meeting's date\n"
	  "unless --as-of is given. Example: nithet committee 3/2558"),
	  REPORT_MEETING, NULL, "committee-", committee_compose,
	  NP_("%zu committee pack", "%zu committee packs") },
	{ "school", N_("OUT/<FY>/schools/<CODE>-<FY>.pdf, one report per school"),
	  N_("Writes the report of each school named by its code (as in schools.csv),\n"
	  "or of every school with --all, into OUT/<FY>/schools/<CODE>-<FY>.pdf."),
	  REPORT_SCHOOL, "schools", "", school_compose,
	  NP_("%zu school report", "%zu school reports") },
};

const size_t report_nkinds = sizeof report_kinds / sizeof report_kinds[0];

const ReportKind *
report_kind(const char *name)
{
	for (size_t i = 0; i < report_nkinds; i++)
		if (strcmp(report_kinds[i].name, name) == 0)
			return &report_kinds[i];
	return NULL;
}

const char *
report_folder(ReportAbout about)
{
	for (size_t i = 0; i < report_nkinds; i++)
		if (report_kinds[i].about == about)
			return report_kinds[i].folder;
	return NULL;
}

const char *
report_args(const ReportKind *k)
{
	switch (k->about) {
	case REPORT_YEAR:    return "";
	case REPORT_MEETING: return "N/<FY>";
	case REPORT_SCHOOL:  return "CODE... | --all";
	}
	return "";
}

const char *
report_file(Run *run, const ReportKind *k, const void *item)
{
	char key[64] = "";
	if (k->about == REPORT_MEETING)
		snprintf(key, sizeof key, "%d-", ((const Meeting *)item)->seq_no);
	else if (k->about == REPORT_SCHOOL)
		snprintf(key, sizeof key, "%s-", ((const School *)item)->code);
	/* The year in every name: a run with the wrong fiscal_year never
	 * overwrites another year's reports. */
	return arena_printf(run->arena, "%s%s%s%s%d.pdf", k->folder ? k->folder : "", k->folder ? "/" : "",
	    k->stem, key, run->settings->fiscal_year);
}

/* A meeting's pack: its figures as of its day (or --as-of), and "before"
 * as of the meeting before it, in a new arena returned (see keep_meeting). */
static Arena *
measure_meeting(Run *run, ReportInput *in, CalDate *as_of)
{
	const Meeting *mt = in->meeting;
	in->previous = model_committee_before(&run->model, mt);
	*as_of = run->opt.has_as_of ? run->opt.as_of : mt->date;
	Arena *ra = arena_new();
	in->results = run_measure_in(run, *as_of, ra);
	in->before = NULL;
	if (in->previous != NULL && run->pack_results != NULL && cal_compare(run->pack_as_of, in->previous->date) == 0)
		in->before = run->pack_results;
	else if (in->previous != NULL)
		in->before = run_measure_in(run, in->previous->date, ra);
	return ra;
}

/* The pack's figures, in their arena ra, kept until the next pack, whose
 * "before" they are when it follows this one (a build writes the packs in
 * order): one measurement a pack, not two, and never more than two at once
 * (at national scale each is about 100 MB). The previous pack's go now,
 * after they served as this one's "before". */
static void
keep_meeting(Run *run, Arena *ra, const Results *r, CalDate as_of)
{
	arena_free(run->pack_arena);
	run->pack_arena = ra;
	run->pack_results = (Results *)r;
	run->pack_as_of = as_of;
}

/* What a composer of kind k reads for a report about item: the model,
 * the year's figures, the settings, the run's messages, and the school (a
 * meeting's pack sets its meeting and figures itself). */
static ReportInput
report_input(Run *run, const ReportKind *k, const Results *year, const void *item)
{
	return (ReportInput){ .model = &run->model, .results = year, .settings = run->settings,
		.diag = run->diag, .school = k->about == REPORT_SCHOOL ? item : NULL };
}

/* k's Doc from in, in a (the report's arena, freed once it is written). */
static Doc *
report_compose(const ReportKind *k, const ReportInput *in, Arena *a)
{
	Phase was = phase_enter(PHASE_COMPOSE);
	Doc *doc = k->compose(a, in);
	phase_enter(was);
	return doc;
}

int
report_write(Run *run, const ReportKind *k, const Results *year, const void *item, int quiet)
{
	ReportInput in = report_input(run, k, year, item);
	Arena *figures = NULL;
	CalDate as_of = { 0, 0, 0 };
	if (k->about == REPORT_MEETING) {
		in.meeting = item;
		figures = measure_meeting(run, &in, &as_of);
	}
	Arena *a = arena_new();
	Doc *doc = report_compose(k, &in, a);
	int rc = run_write(run, doc, report_file(run, k, item), quiet);
	arena_free(a);
	if (figures != NULL)
		keep_meeting(run, figures, in.results, as_of);
	return rc;
}

int
report_write_together(Run *run, const ReportKind *k, const Results *year, const void *const *items, size_t n)
{
	if (run->opt.dump_layout || k->about == REPORT_MEETING) {
		/* A layout dump is one stream, in order; a pack needs the one
		 * before it written first. */
		int worst = 0;
		for (size_t i = 0; i < n; i++) {
			int rc = report_write(run, k, year, items[i], 1);
			worst = rc > worst ? rc : worst;
		}
		return worst;
	}
	Arena **arenas = mem_array(n, sizeof *arenas);
	Rendering **r = mem_array(n, sizeof *r);
	int worst = 0;
	for (size_t i = 0; i < n; i++) {
		ReportInput in = report_input(run, k, year, items[i]);
		arenas[i] = arena_new();
		Doc *doc = report_compose(k, &in, arenas[i]);
		int rc = render_begin(doc, run->settings, run->created, &r[i], run->diag);
		worst = rc > worst ? rc : worst;
	}
	render_share(r, n);
	for (size_t i = 0; i < n; i++) {
		if (r[i] != NULL) {
			unsigned char *pdf = NULL;
			size_t len = 0;
			int rc = render_finish(r[i], &pdf, &len, run->diag);
			if (rc == EXIT_DONE)
				rc = run_write_bytes(run, report_file(run, k, items[i]), pdf, len);
			free(pdf);
			worst = rc > worst ? rc : worst;
		}
		arena_free(arenas[i]);
	}
	free(r);
	free(arenas);
	return worst;
}

/* "3/2558" -> 3 and 2558. */
static int
parse_meeting_no(const char *v, int *no, int *fy)
{
	const char *end;
	long long n, year;
	if (c_strtonum_prefix(v, &end, 1, 99, &n) != CNUM_OK || *end != '/' ||
	    c_strtonum(end + 1, 2500, 2700, &year) != CNUM_OK)
		return -1;
	*no = (int)n;
	*fy = (int)year;
	return 0;
}

/* The meeting a committee command names, the inputs loaded: 0 and *out,
 * or an exit code after reporting. */
static int
named_meeting(Run *run, int argc, char **argv, const Meeting **out)
{
	int no, fy;
	if (argc != 2 || parse_meeting_no(argv[1], &no, &fy) != 0) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "%s wants the meeting as N/FY, e.g. "
		    "%s 3/2558 (found \"%s\")", argv[0], argv[0], argc > 1 ? argv[1] : "");
		return EXIT_USAGE;
	}
	if (fy != run->settings->fiscal_year) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "meeting %d/%d is not in fiscal year %d of the "
		    "config; set [office] fiscal_year or use -c", no, fy, run->settings->fiscal_year);
		return EXIT_USAGE;
	}
	if (run_load(run) != 0)
		return diag_exit_status(run->diag);
	const Meeting *mt = model_committee_meeting(&run->model, no, fy);
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
	*out = mt;
	return 0;
}

/* A school command's arguments: codes, or --all, not both. 0, or -1
 * after reporting. */
static int
check_school_args(Run *run, int argc, char **argv)
{
	int all = run->opt.all;
	if (argc < 2 && !all) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "%s wants school codes or --all, e.g. "
		    "%s 93010012", argv[0], argv[0]);
		return -1;
	}
	if (argc > 1 && all) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "%s takes school codes or --all, not both "
		    "(found \"%s\" with --all)", argv[0], argv[1]);
		return -1;
	}
	return 0;
}

static int
schools_command(Run *run, const ReportKind *k, int argc, char **argv)
{
	if (check_school_args(run, argc, argv) != 0)
		return EXIT_USAGE;
	if (run_load(run) != 0)
		return diag_exit_status(run->diag);
	/* Every code is known before anything is written. */
	for (int i = 1; i < argc; i++)
		if (model_school(&run->model, argv[i]) == NULL) {
			diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "no school with code %s in schools; "
			    "codes are 8 or 10 digits as in schools.csv", argv[i]);
			return EXIT_USAGE;
		}
	if (run_year_output(run, k->folder) != 0)
		return EXIT_OUTPUT;
	Results *r = run_measure(run, (CalDate){ 0, 0, 0 });
	int worst = 0;
	if (run->opt.all) {
		const void **items = arena_array(run->arena, report_max_items(run), sizeof *items);
		size_t n = report_items(run, k, r, items);
		for (size_t i = 0; i < n; i++) {
			int rc = report_write(run, k, r, items[i], run->opt.quiet);
			worst = rc > worst ? rc : worst;
		}
		return worst;
	}
	for (int i = 1; i < argc; i++) {
		const School *s = model_school(&run->model, argv[i]);
		if (!s->active)
			diag_report(run->diag, DIAG_NOTE, NULL, 0, 0, "school %s (%s) is marked merged "
			    "or closed in schools; its report says so and shows no target standing",
			    s->code, s->name);
		int rc = report_write(run, k, r, s, run->opt.quiet);
		worst = rc > worst ? rc : worst;
	}
	return worst;
}

int
report_command(Run *run, const ReportKind *k, int argc, char **argv)
{
	switch (k->about) {
	case REPORT_YEAR:
		if (argc > 1) {
			diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "%s takes no arguments (found \"%s\"); "
			    "see nithet help %s", argv[0], argv[1], argv[0]);
			return EXIT_USAGE;
		}
		if (run_load(run) != 0)
			return diag_exit_status(run->diag);
		if (run_year_output(run, k->folder) != 0)
			return EXIT_OUTPUT;
		return report_write(run, k, run_measure(run, (CalDate){ 0, 0, 0 }), NULL, run->opt.quiet);
	case REPORT_MEETING: {
		const Meeting *mt = NULL;
		int rc = named_meeting(run, argc, argv, &mt);
		if (rc != 0)
			return rc;
		if (run_year_output(run, k->folder) != 0)
			return EXIT_OUTPUT;
		return report_write(run, k, NULL, mt, run->opt.quiet);
	}
	case REPORT_SCHOOL:
		return schools_command(run, k, argc, argv);
	}
	return EXIT_INTERNAL;
}

size_t
report_max_items(const Run *run)
{
	size_t n = run->model.nmeetings > run->model.nschools ? run->model.nmeetings : run->model.nschools;
	return n > 0 ? n : 1;
}

size_t
report_items(const Run *run, const ReportKind *k, const Results *r, const void **out)
{
	const Model *m = &run->model;
	size_t n = 0;
	switch (k->about) {
	case REPORT_YEAR:
		out[n++] = NULL;
		break;
	case REPORT_MEETING:
		/* The committee's meetings held in the year up to the as-of day,
		 * each once (the first row of a number). */
		for (size_t i = 0; i < m->nmeetings; i++) {
			const Meeting *mt = &m->meetings[i];
			if (mt->kind->committee && mt->seq_no > 0 && cal_compare(mt->date, r->fy_first) >= 0 &&
			    cal_compare(mt->date, r->as_of) <= 0 &&
			    model_committee_meeting(m, mt->seq_no, r->fiscal_year) == mt)
				out[n++] = mt;
		}
		break;
	case REPORT_SCHOOL:
		/* A school merged or closed has no report of its own. */
		for (size_t i = 0; i < m->nschools; i++)
			if (m->schools[i].active)
				out[n++] = &m->schools[i];
		break;
	}
	return n;
}
