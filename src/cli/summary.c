/* summary.c - the run as JSON (see summary.h). */
#include "cli/summary.h"
#include "cli/reports.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/cnum.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/phase.h"
#include "core/file.h"

#ifndef NITHET_VERSION
#define NITHET_VERSION "0.0.0"
#endif

/* Messages listed in the summary, at most; the counts count them all. */
enum { SUMMARY_MAX_MESSAGES = 200 };

static const char *
severity_name(DiagSeverity s)
{
	switch (s) {
	case DIAG_NOTE: return "note";
	case DIAG_WARNING: return "warning";
	case DIAG_ROW: return "row";
	case DIAG_USAGE: return "usage";
	case DIAG_INPUT: return "input";
	case DIAG_OUTPUT: return "output";
	default: return "internal";
	}
}

/* PDF files in dir (0 when it cannot be read). */
static long
count_pdfs(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return 0;
	long n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		n += len > 4 && strcmp(e->d_name + len - 4, ".pdf") == 0;
	}
	closedir(d);
	return n;
}

static void
count_field(FILE *out, const char *name, size_t n, int *first)
{
	fprintf(out, "%s\n    \"%s\": %zu", *first ? "" : ",", name, n);
	*first = 0;
}

int
summary_write(const char *path, const Run *run, const char *command, int rc, double seconds, long start)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (out == NULL) {
		fprintf(stderr, _("nithet: error: %s: cannot write the summary (out of memory)\n"), path);
		return -1;
	}
	char when[32] = "";
	time_t t = (time_t)start;
	struct tm tm;
	if (gmtime_r(&t, &tm) != NULL)
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	char secs[32];
	c_snprintf(secs, sizeof secs, "%.3f", seconds);
	const Settings *s = run->settings;
	fprintf(out, "{\n  \"nithet\": ");
	json_string(out, NITHET_VERSION);
	fprintf(out, ",\n  \"command\": ");
	json_string(out, command);
	fprintf(out, ",\n  \"config\": ");
	json_string(out, run->opt.config);
	fprintf(out, ",\n  \"input\": ");
	json_string(out, s ? s->input_dir : "");
	fprintf(out, ",\n  \"output\": ");
	json_string(out, s ? s->output_dir : "");
	fprintf(out, ",\n  \"office\": ");
	json_string(out, s && s->office_name && *s->office_name ? s->office_name :
	    run->model.plan && run->model.plan->office ? run->model.plan->office : "");
	fprintf(out, ",\n  \"fiscal_year\": %d", s ? s->fiscal_year : 0);
	fprintf(out, ",\n  \"exit_status\": %d", rc);
	fprintf(out, ",\n  \"started\": ");
	json_string(out, when);
	fprintf(out, ",\n  \"seconds\": %s", secs);
	/* Where the time went, summed over a build's workers (core/phase.h):
	 * with -j 2 the steps add up to more than the wall time. */
	double phases[PHASE_COUNT];
	phase_totals(phases);
	fprintf(out, ",\n  \"seconds_by_step\": {");
	for (int p = 0; p < PHASE_COUNT; p++) {
		c_snprintf(secs, sizeof secs, "%.4f", phases[p]);
		fprintf(out, "%s\"%s\": %s", p ? ", " : "", phase_name((Phase)p), secs);
	}
	fprintf(out, "}");
	const Diag *d = run->diag;
	fprintf(out, ",\n  \"messages\": {\"errors\": %zu, \"rows_rejected\": %zu, \"warnings\": %zu, \"notes\": %zu}",
	    d ? diag_errors(d) : 0, d ? diag_count(d, DIAG_ROW) : 0, d ? diag_warnings(d) : 0,
	    d ? diag_count(d, DIAG_NOTE) : 0);
	/* What was read: the rows of each table that loaded. */
	const Model *m = &run->model;
	fprintf(out, ",\n  \"rows\": {");
	int first = 1;
	count_field(out, "schools", m->nschools, &first);
	count_field(out, "visits", m->nvisits, &first);
	count_field(out, "evaluations", m->nevaluations, &first);
	count_field(out, "meetings", m->nmeetings, &first);
	count_field(out, "spending", m->nspending, &first);
	count_field(out, "attendance", m->nattendance, &first);
	count_field(out, "practices", m->npractices, &first);
	count_field(out, "online", m->nonline, &first);
	count_field(out, "scores", m->nscores, &first);
	count_field(out, "assessments", m->nassessments, &first);
	count_field(out, "resolutions", m->nresolutions, &first);
	fprintf(out, "\n  }");
	/* What the year's folder holds now (after a build: the new set). */
	if (s != NULL && s->output_dir != NULL) {
		Arena *a = arena_new();
		const char *year = arena_printf(a, "%s/%d", s->output_dir, s->fiscal_year);
		/* The schools' reports in the folder the table of reports gives them. */
		const char *folder = report_folder(REPORT_SCHOOL);
		long school_pdf = folder ? count_pdfs(arena_printf(a, "%s/%s", year, folder)) : 0;
		fprintf(out, ",\n  \"reports\": {\"folder\": ");
		json_string(out, year);
		fprintf(out, ", \"pdf\": %ld, \"school_pdf\": %ld}", count_pdfs(year), school_pdf);
		arena_free(a);
	}
	fprintf(out, ",\n  \"problems\": [");
	size_t shown = 0;
	for (size_t i = 0; d && i < diag_nrecords(d) && shown < SUMMARY_MAX_MESSAGES; i++) {
		const DiagRecord *r = diag_record(d, i);
		if (r->severity == DIAG_NOTE)
			continue;
		fprintf(out, "%s\n    {\"severity\": \"%s\", \"file\": ", shown ? "," : "", severity_name(r->severity));
		json_string(out, r->file);
		fprintf(out, ", \"line\": %ld, \"column\": %ld, \"text\": ", r->line, r->col);
		json_string(out, r->text);
		fputc('}', out);
		shown++;
	}
	fprintf(out, "%s]\n}\n", shown ? "\n  " : "");
	if (fclose(out) != 0) {
		free(buf);
		fprintf(stderr, _("nithet: error: %s: cannot write the summary\n"), path);
		return -1;
	}
	Diag *quiet = diag_new(stderr);
	int w = file_write_atomic(path, (const unsigned char *)buf, len, quiet);
	diag_free(quiet);
	free(buf);
	return w == 0 ? 0 : -1;
}
