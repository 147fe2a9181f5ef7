/* inputs.c - every input file into the model: which files a plan needs,
 * which form of each is there, and loading them in order (see inputs.h).
 * Each file is read by its loader (loaders.h), which reads it with the
 * helpers of loader.c and store.c. */
#include "load/inputs.h"

#include <string.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "load/image.h"
#include "load/loaders.h"
#include "load/schools.h"

typedef int (*LoadFn)(Model *, Arena *, const char *, const LoadOptions *, FileSummary *, Diag *);

typedef struct InputFile {
	const char *stem;
	int required;
	LoadFn load;               /* NULL: schools (schools_load) */
	const char *if_absent;     /* optional files: what the figures use instead */
	/* Optional files only some plans use: whether this plan does. An absent
	 * file a plan does not use is not mentioned. NULL: every plan. */
	int (*wanted)(const Plan *p);
} InputFile;

static int
plan_counts(const Plan *p, MetricSource source)
{
	return p && plan_counts_source(p, source);
}

/* Evaluations and practices are every plan's in the first format; a plan
 * that counts neither does without the file (the reports say so). */
static int
wants_evaluations(const Plan *p)
{
	return plan_counts(p, SOURCE_EVALUATIONS);
}

static int
wants_practices(const Plan *p)
{
	return plan_counts(p, SOURCE_PRACTICES);
}

static int
wants_scores(const Plan *p)
{
	return plan_counts(p, SOURCE_SCORES);
}

static int
wants_assessments(const Plan *p)
{
	return plan_counts(p, SOURCE_ASSESSMENTS);
}

/* Online items stand in for visits of mode="online" only. */
static int
wants_online(const Plan *p)
{
	for (size_t i = 0; p && i < p->ntargets + p->nindicators; i++) {
		const Metric *m = i < p->ntargets ? &p->targets[i].metric :
		    &p->indicators[i - p->ntargets].target.metric;
		if (m->mode && !strcmp(m->mode, "online"))
			return 1;
	}
	return 0;
}

/* Attendance is taken at the kinds that say so, and counted by targets. */
static int
wants_attendance(const Plan *p)
{
	for (size_t i = 0; p && i < p->nevent_kinds; i++)
		if (p->event_kinds[i].attendance)
			return 1;
	return plan_counts(p, SOURCE_ATTENDANCE);
}

/* Resolutions are followed up in the committee's packs. */
static int
wants_committee(const Plan *p)
{
	return p && plan_committee_kind(p) != NULL;
}

enum { F_SCHOOLS, F_NETWORKS, F_STAFF, F_VISITS, F_EVALUATIONS, F_SURVEYS, F_SPENDING,
	F_MEETINGS, F_ATTENDANCE, F_RESOLUTIONS, F_PRACTICES, F_ONLINE, F_SCORES, F_ASSESSMENTS, F_NARRATIVE,
	NFILES };

static const InputFile files[NFILES] = {
	[F_SCHOOLS] = { "schools", 1, NULL },
	[F_NETWORKS] = { "networks", 1, networks_load },
	[F_STAFF] = { "staff", 1, staff_load },
	[F_VISITS] = { "visits", 1, visits_load },
	[F_EVALUATIONS] = { "evaluations", 1, evaluations_load, NULL, wants_evaluations },
	[F_SURVEYS] = { "surveys", 1, surveys_load },
	[F_SPENDING] = { "spending", 1, spending_load },
	[F_MEETINGS] = { "meetings", 1, meetings_load },
	[F_ATTENDANCE] = { "attendance", 0, attendance_load, N_("the teachers and administrators met "
		"are counted from the visits of each target's activity instead; add the file "
		"if the sessions of a kind marked attendance=\"yes\" took attendance"), wants_attendance },
	[F_RESOLUTIONS] = { "resolutions", 0, resolutions_load, N_("the committee packs quote the previous "
		"meeting's resolutions from meetings without their follow-up; add the file to carry each "
		"resolution's owner, due date and what was done from meeting to meeting"), wants_committee },
	[F_PRACTICES] = { "practices", 1, practices_load, NULL, wants_practices },
	[F_ONLINE] = { "online", 0, online_load, N_("online supervision is counted from the visits "
		"whose mode is online instead; add the file if the office posts online outside "
		"visits"), wants_online },
	[F_SCORES] = { "scores", 0, scores_load, N_("the targets that count test scores have no data and "
		"are reported as not measured; add the schools' mean scores (school_code, test, grade, "
		"subject, year, mean) for this year and the year before"), wants_scores },
	[F_ASSESSMENTS] = { "assessments", 0, assessments_load, N_("the targets measured by an instrument of "
		"the plan (count=\"assessments\") have no data and are reported as not measured; add the "
		"scores its evaluators gave (target_id, criterion, score 1-5, evaluator, date)"),
		wants_assessments },
	[F_NARRATIVE] = { "narrative", 0, narrative_load, N_("the annual report says which causes, remedies, "
		"discussion and suggestions for next year the office has not written yet; add the office's own words "
		"(about, kind, text)")},
};

/* Each file's columns, in the order of files[]. */
static const TableSpec *const tables[NFILES] = {
	[F_SCHOOLS] = &schools_table, [F_NETWORKS] = &networks_table, [F_STAFF] = &staff_table,
	[F_VISITS] = &visits_table, [F_EVALUATIONS] = &evaluations_table, [F_SURVEYS] = &surveys_table,
	[F_SPENDING] = &spending_table, [F_MEETINGS] = &meetings_table, [F_ATTENDANCE] = &attendance_table,
	[F_RESOLUTIONS] = &resolutions_table, [F_PRACTICES] = &practices_table, [F_ONLINE] = &online_table,
	[F_SCORES] = &scores_table, [F_ASSESSMENTS] = &assessments_table, [F_NARRATIVE] = &narrative_table,
};

size_t
inputs_tables(const Plan *p, InputTable *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < NFILES && n < max; i++) {
		if (files[i].wanted && !files[i].wanted(p))
			continue;
		out[n].spec = tables[i];
		out[n].required = files[i].required;
		n++;
	}
	return n;
}

static int
exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The forms a table may come in, in the order they are named in messages;
 * then forms people have that nithet cannot read, and what to do with
 * each. */
static const char *const readable[] = { "csv", "xlsx", "ods", "xls", "xml" };
static const struct {
	const char *ext, *what;
} unreadable[] = {
	{ "xlsm", N_("an Excel workbook with macros (.xlsm): save it as Excel Workbook (.xlsx)") },
	{ "numbers", N_("an Apple Numbers file: export it as Excel (.xlsx) or CSV") },
	{ "docx", N_("a Word document: copy the table into Excel and save it as .xlsx") },
	{ "doc", N_("a Word document: copy the table into Excel and save it as .xlsx") },
	{ "pdf", N_("a PDF, which holds no table nithet can read: export the table from the program that "
	  "made it as .xlsx or CSV") },
};

/* Whether the table stem is there in any readable form. */
static int
has_input(Arena *a, const char *dir, const InputFile *f)
{
	for (size_t i = 0; i < sizeof readable / sizeof *readable; i++)
		if (exists(arena_printf(a, "%s/%s.%s", dir, f->stem, readable[i])))
			return 1;
	return 0;
}

const char *
inputs_table_file(Arena *a, const char *dir, const char *stem)
{
	for (size_t i = 0; i < sizeof readable / sizeof *readable; i++) {
		const char *path = arena_printf(a, "%s/%s.%s", dir, stem, readable[i]);
		if (exists(path))
			return path;
	}
	return NULL;
}

/* Which file to read for stem: the one of its readable forms that is
 * there. NULL when none is, or when two are (one table, one file: never a
 * silent choice), or when only a form nithet cannot read is (reported when
 * that is an error). */
static const char *
find_input(Arena *a, const char *dir, const InputFile *f, FileSummary *sum, int *failed,
    Diag *d)
{
	const char *found = NULL, *other = NULL;
	for (size_t i = 0; i < sizeof readable / sizeof *readable; i++) {
		const char *path = arena_printf(a, "%s/%s.%s", dir, f->stem, readable[i]);
		if (!exists(path))
			continue;
		if (found == NULL)
			found = path;
		else if (other == NULL)
			other = path;
	}
	const char *base = found ? strrchr(found, '/') + 1 : arena_printf(a, "%s.csv", f->stem);
	sum->name = arena_strdup(a, base);
	if (other != NULL) {
		diag_report(d, DIAG_INPUT, other, 0, 0, "both %s and %s are in the input directory, for the "
		    "same table; keep the one to read and move the other away", base, strrchr(other, '/') + 1);
		*failed = 1;
		return NULL;
	}
	if (found != NULL)
		return found;
	for (size_t i = 0; i < sizeof unreadable / sizeof *unreadable; i++) {
		const char *path = arena_printf(a, "%s/%s.%s", dir, f->stem, unreadable[i].ext);
		if (exists(path)) {
			sum->name = arena_strdup(a, strrchr(path, '/') + 1);
			diag_report(d, f->required ? DIAG_INPUT : DIAG_WARNING, path, 0, 0, "is %s%s",
			    _(unreadable[i].what), f->required ? "" : _("; until then it is treated as absent"));
			if (f->required)
				*failed = 1;
			else
				sum->warnings++;
			return NULL;
		}
	}
	const char *csv = arena_printf(a, "%s/%s.csv", dir, f->stem);
	if (f->required) {
		diag_report(d, DIAG_INPUT, csv, 0, 0, "the file is missing; put %s into the input directory as "
		    "%s.csv (CSV UTF-8), %s.xlsx or %s.xls (Excel), %s.ods (LibreOffice) or %s.xml", f->stem, f->stem,
		    f->stem, f->stem, f->stem, f->stem);
		*failed = 1;
	} else {
		/* Optional, but its absence changes what a target counts:
		 * said every run, so a file lost by mistake is noticed. */
		diag_report(d, DIAG_WARNING, csv, 0, 0, "absent (optional): %s", _(f->if_absent));
		sum->warnings++;
	}
	return NULL;
}

/* Schools that name a network missing from networks: a warning each. */
static void
check_school_networks(const Model *m, FileSummary *sum, Diag *d)
{
	for (size_t i = 0; i < m->nschools; i++) {
		const School *s = &m->schools[i];
		if (s->network_code[0] == '\0' || model_network(m, s->network_code) != NULL)
			continue;
		diag_report(d, DIAG_WARNING, s->file, s->line, 0, "network_code %s of school %s is not "
		    "in networks; the school is left out of the network breakdowns (add the network "
		    "or correct the code)", s->network_code, s->code);
		sum->warnings++;
	}
}

/* The fiscal year most of the dated rows (visits, meetings, payments) fall
 * in, and how many of n fall outside fy. A wrong [office] fiscal_year over
 * last year's data would otherwise build a year of empty reports. */
static int
data_year(const Model *m, int fy, long *outside, long *n)
{
	enum { SPAN = 8 };
	long per[SPAN] = { 0 };   /* fy - 4 .. fy + 3 */
	*outside = *n = 0;
	CalDate dates[3];
	for (size_t k = 0; k < m->nvisits + m->nmeetings + m->nspending; k++) {
		dates[0] = k < m->nvisits ? m->visits[k].date : k < m->nvisits + m->nmeetings ?
		    m->meetings[k - m->nvisits].date : m->spending[k - m->nvisits - m->nmeetings].date;
		if (dates[0].year == 0)
			continue;
		int y = cal_fiscal_year(dates[0]);
		(*n)++;
		*outside += y != fy;
		if (y - fy + 4 >= 0 && y - fy + 4 < SPAN)
			per[y - fy + 4]++;
	}
	int best = 0;
	for (int i = 1; i < SPAN; i++)
		if (per[i] > per[best])
			best = i;
	return fy - 4 + best;
}

LoadOptions
inputs_options(const Settings *s, int fiscal_year)
{
	LoadOptions o = {
		.lim = { s->max_file_bytes, s->max_field_bytes, s->max_columns, s->max_rows },
		.max_xml_depth = s->max_xml_depth,
		.fiscal_year = fiscal_year ? fiscal_year : s->fiscal_year,
		.settings = s,
	};
	return o;
}

int
inputs_load(Model *m, Arena *a, const Settings *s, Diag *d)
{
	LoadOptions o = inputs_options(s, m->fiscal_year);
	int failed = 0;
	/* A file that others refer to and that could not be read makes the
	 * rows referring to it meaningless: those files are skipped. */
	int skip[NFILES] = { 0 };
	FileSummary *sums[NFILES] = { 0 };
	for (int i = 0; i < NFILES; i++) {
		const InputFile *f = &files[i];
		if (m->nfiles == MODEL_MAX_FILES) {
			diag_report(d, DIAG_INTERNAL, NULL, 0, 0, "too many input files for the summary");
			return -1;
		}
		FileSummary *sum = &m->files[m->nfiles++];
		memset(sum, 0, sizeof(*sum));
		sums[i] = sum;
		int file_failed = 0;
		const char *path = f->wanted && !f->wanted(m->plan) && !has_input(a, s->input_dir, f) ? NULL :
		    find_input(a, s->input_dir, f, sum, &file_failed, d);
		if (path == NULL && !file_failed && f->wanted && !f->wanted(m->plan)) {
			m->nfiles--;               /* not this plan's: not listed */
			continue;
		}
		failed |= file_failed;
		if (path == NULL) {
			sum->path = arena_printf(a, "%s/%s", s->input_dir, sum->name);
			if (file_failed)
				sum->present = 1;
			if (i == F_SCHOOLS)
				return -1;
			if (file_failed && (i == F_NETWORKS || i == F_STAFF))
				skip[F_VISITS] = 1;
			if (i == F_MEETINGS)
				skip[F_ATTENDANCE] = skip[F_RESOLUTIONS] = 1;
			continue;
		}
		sum->path = path;
		sum->present = 1;
		if (skip[i]) {
			diag_report(d, DIAG_NOTE, path, 0, 0, "not checked: a file it refers to could not "
			    "be read");
			continue;
		}
		int rc;
		if (i == F_SCHOOLS) {
			rc = schools_load(m, a, path, &o, s->expected_schools, sum, d);
			if (rc != 0)
				return -1;
			continue;
		}
		rc = f->load(m, a, path, &o, sum, d);
		if (rc != 0) {
			failed = 1;
			if (i == F_NETWORKS || i == F_STAFF)
				skip[F_VISITS] = 1;
			if (i == F_MEETINGS)
				skip[F_ATTENDANCE] = skip[F_RESOLUTIONS] = 1;
		}
		if (i == F_NETWORKS && rc == 0)
			check_school_networks(m, sums[F_SCHOOLS], d);
	}
	/* The surveys the plan declares beside the yearly one: each is its own
	 * export, read like surveys.csv. Not there yet: its targets have no
	 * respondents, which the reports say. */
	size_t nmore = m->plan ? m->plan->nsurveys : 0;
	m->more_surveys = arena_array(a, nmore ? nmore : 1, sizeof(Survey));
	for (size_t k = 0; k < nmore; k++) {
		const PlanSurvey *ps = &m->plan->surveys[k];
		if (m->nfiles == MODEL_MAX_FILES) {
			diag_report(d, DIAG_INTERNAL, NULL, 0, 0, "too many input files for the summary");
			return -1;
		}
		FileSummary *sum = &m->files[m->nfiles++];
		memset(sum, 0, sizeof(*sum));
		InputFile f = { ps->file, 0, NULL, arena_printf(a, "no one has answered survey %s yet; "
			"its targets are reported without respondents", ps->code), NULL };
		int file_failed = 0;
		const char *path = find_input(a, s->input_dir, &f, sum, &file_failed, d);
		failed |= file_failed;
		if (path == NULL) {
			sum->path = arena_printf(a, "%s/%s", s->input_dir, sum->name);
			sum->present = file_failed;
			continue;
		}
		if (surveys_load_into(m, &m->more_surveys[k], a, path, &o, sum, d) != 0)
			failed = 1;
	}
	photos_load(m, a, arena_printf(a, "%s/photos", s->input_dir), s->max_file_bytes, d);
	/* Last year's indicators, as nithet wrote them: optional, never asked
	 * for, listed with the other files when present. */
	int last = o.fiscal_year - 1;
	const char *prev = arena_printf(a, "%s/indicators-%d.csv", s->input_dir, last);
	if (exists(prev) && m->nfiles < MODEL_MAX_FILES) {
		FileSummary *sum = &m->files[m->nfiles++];
		memset(sum, 0, sizeof(*sum));
		sum->name = arena_printf(a, "indicators-%d.csv", last);
		sum->path = prev;
		sum->present = 1;
		if (previous_load(m, a, prev, &o, sum, d) != 0)
			failed = 1;
		else
			m->previous_year = last;
	}
	/* Mostly another year's data: stop before a single report of the
	 * wrong year replaces anything. */
	long outside, dated;
	int year = data_year(m, o.fiscal_year, &outside, &dated);
	if (!failed && dated >= 20 && outside * 2 > dated) {
		diag_report(d, DIAG_INPUT, s->input_dir, 0, 0, "%ld of the %ld dated rows (visits, meetings, payments) "
		    "fall outside fiscal year %d; the data looks like fiscal year %d: set [office] fiscal_year = %d "
		    "in the config, or give the input folder of year %d (nothing written)", outside, dated,
		    o.fiscal_year, year, year, o.fiscal_year);
		failed = 1;
	}
	if (s->emblem_file && *s->emblem_file) {
		const char *path = s->emblem_file[0] == '/' ? s->emblem_file :
			arena_printf(a, "%s/%s", s->input_dir, s->emblem_file);
		if (image_load(path, a, s->max_file_bytes, &m->emblem, d) != 0)
			failed = 1;
	}
	return failed ? -1 : 0;
}
