/* run.c - the steps every command shares (see run.h). */
/* syncfs() is Linux's: flush one file system once for a whole build. */
#define _GNU_SOURCE
#include "cli/run.h"
#include "cli/outdir.h"
#include "cli/sets.h"

#include "core/cnum.h"
#include "core/i18n.h"
#include "core/phase.h"
#include "core/utf8.h"
#include "core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "load/inputs.h"
#include "load/plan.h"
#include "render/render.h"

/* Join dir and name unless name is absolute; allocated in the run's arena. */
static const char *
in_dir(Run *run, const char *dir, const char *name)
{
	if (name[0] == '/')
		return name;
	return arena_printf(run->arena, "%s/%s", dir, name);
}

int
run_clock(Run *run)
{
	/* Reproducible builds (reproducible-builds.org): SOURCE_DATE_EPOCH
	 * fixes the date every report is stamped with. */
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e == NULL || *e == '\0') {
		run->created = (long long)time(NULL);
		return 0;
	}
	long long v;
	if (c_strtonum(e, 0, 253402300799LL, &v) != CNUM_OK) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "SOURCE_DATE_EPOCH is \"%s\", not the seconds since "
		    "1970-01-01 UTC (0 to 253402300799): set it to such a number, or unset it to stamp the reports "
		    "with the time of the run", e);
		return -1;
	}
	run->created = v;
	return 0;
}

void
run_free(Run *run)
{
	settings_free(run->settings);
	arena_free(run->pack_arena);
	arena_free(run->arena);
	diag_free(run->diag);
}

int
run_load_plan(Run *run)
{
	Settings *s = run->settings;
	Model *m = &run->model;
	/* One message for a wrong folder, not one per missing file. */
	struct stat st;
	int exists = stat(s->input_dir, &st) == 0;
	if (!exists || !S_ISDIR(st.st_mode)) {
		diag_report(run->diag, DIAG_INPUT, s->input_dir, 0, 0, "%s; give the folder that holds "
		    "the exports with -i DIR, or set [paths] input_dir in the config",
		    exists ? _("is not a directory") : _("the input directory does not exist"));
		return -1;
	}
	const char *plan_path = in_dir(run, s->input_dir, s->plan_file);
	m->fiscal_year = s->fiscal_year;
	FileSummary *sum = &m->files[m->nfiles++];
	memset(sum, 0, sizeof(*sum));
	sum->name = "plan.xml";
	sum->path = plan_path;
	sum->present = 1;
	sum->encoding = "XML";
	size_t warnings = diag_warnings(run->diag);
	m->plan = plan_load(run->arena, plan_path, s->plan_schema, s->max_xml_depth, s->max_file_bytes,
	    run->diag);
	sum->warnings = (long)(diag_warnings(run->diag) - warnings);
	sum->rows = 1;
	if (m->plan == NULL) {
		sum->rejected = 1;
		return -1;
	}
	sum->accepted = 1;
	if (m->plan->evaluation_form.has_levels)
		/* The plan's own form sets its level cut-offs: every figure, the
		 * loader's check and the rules printed follow it. */
		memcpy(s->level_percent, m->plan->evaluation_form.level_percent, sizeof(s->level_percent));
	if (s->office_name[0] == '\0') {
		/* The office as the plan names it, rather than no name at all. */
		free(s->office_name);
		s->office_name = mem_strdup(m->plan->office);
	}
	if (m->plan->fiscal_year != s->fiscal_year)
		diag_report(run->diag, DIAG_WARNING, plan_path, 0, 0,
		    "the plan is for fiscal year %d but [office] fiscal_year is %d; the reports use the "
		    "config's year", m->plan->fiscal_year, s->fiscal_year);
	return 0;
}

int
run_load(Run *run)
{
	Phase was = phase_enter(PHASE_LOAD);
	int rc = 0;
	if (run_load_plan(run) != 0 || inputs_load(&run->model, run->arena, run->settings, run->diag) != 0)
		rc = -1;
	else
		model_index_rows(&run->model, run->arena);
	phase_enter(was);
	return rc;
}

Results *
run_measure(Run *run, CalDate as_of)
{
	return run_measure_in(run, as_of, run->arena);
}

Results *
run_measure_in(Run *run, CalDate as_of, Arena *a)
{
	if (as_of.year == 0)
		as_of = run->opt.has_as_of ? run->opt.as_of : cal_fy_last(run->settings->fiscal_year);
	Phase was = phase_enter(PHASE_MEASURE);
	Results *r = measure_run(&run->model, run->settings, as_of, a);
	phase_enter(was);
	for (size_t i = 0; !run->findings_said && i < r->nfindings; i++)
		diag_report(run->diag, r->findings[i].severity, NULL, 0, 0, "%s", r->findings[i].text);
	run->findings_said = 1;
	return r;
}

static const char *
write_dir(Run *run)
{
	return run->write_dir ? run->write_dir : run->settings->output_dir;
}

int
run_output_dir(Run *run, const char *sub)
{
	(void)sub;
	if (run->opt.dump_layout)
		return 0;
	/* The output folder the user names may be a symbolic link (their
	 * choice); what nithet makes inside it never is (outdir.h). */
	if (run->out_fd < 0)
		run->out_fd = outdir_open(AT_FDCWD, run->settings->output_dir, 1, run->settings->output_dir, run->diag);
	return run->out_fd < 0 ? -1 : 0;
}

/* The folder name (relative to the folder written into) is in: that
 * folder, or its subfolder when name has one ("schools/X.pdf"), opened
 * without following a link. *leaf is the file's own name. Returns a
 * descriptor to close when it is not the run's own, or -1 after
 * reporting. */
static int
folder_of(Run *run, const char *name, const char **leaf, int *own)
{
	int dir = run->write_fd >= 0 ? run->write_fd : run->out_fd;
	const char *slash = strrchr(name, '/');
	*own = 0;
	*leaf = name;
	if (slash == NULL)
		return dir;
	*leaf = slash + 1;
	const char *sub = arena_printf(run->arena, "%.*s", (int)(slash - name), name);
	int fd = outdir_open(dir, sub, 0, arena_printf(run->arena, "%s/%s", write_dir(run), sub), run->diag);
	*own = fd >= 0;
	return fd;
}

/* Write a file of the folder written into: in a build's private set,
 * created exclusively (the folder is new and ours, so a file there
 * already means something is wrong) and not flushed, sets_commit flushes
 * the whole set once; otherwise replaced atomically. */
static int
put(Run *run, const char *name, const unsigned char *data, size_t len)
{
	if (run->disk_full)
		return EXIT_OUTPUT;   /* said once already */
	const char *path = arena_printf(run->arena, "%s/%s", write_dir(run), name);
	const char *leaf, *step = N_("create");
	int own;
	int dir = folder_of(run, name, &leaf, &own);
	if (dir < 0)
		return EXIT_OUTPUT;
	Phase was = phase_enter(PHASE_WRITE);
	int err = run->staging ? outdir_create(dir, leaf, data, len) : outdir_replace(dir, leaf, data, len, &step);
	phase_enter(was);
	if (own)
		close(dir);
	if (err == 0)
		return 0;
	if (err == ENOSPC || err == EDQUOT) {
		/* One message, not one per report: the rest of the build stops
		 * writing and the previous set stays. */
		run->disk_full = 1;
		diag_report(run->diag, DIAG_OUTPUT, run->settings->output_dir, 0, 0, "the disk is full (%s); no "
		    "report was replaced: free some space and run again", strerror(err));
		return EXIT_OUTPUT;
	}
	if (run->staging)
		diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "cannot write (%s)", strerror(err));
	else
		diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "cannot write the file (could not %s: %s); the "
		    "previous one is kept: check that the output folder is writable", _(step), strerror(err));
	return EXIT_OUTPUT;
}

int
run_write_bytes(Run *run, const char *name, const unsigned char *data, size_t len)
{
	return put(run, name, data, len);
}

int
run_write(Run *run, const Doc *doc, const char *name, int quiet)
{
	if (run->opt.dump_layout)
		return render_dump_layout(doc, run->settings, run->created, stdout, run->diag);
	unsigned char *pdf = NULL;
	size_t len = 0;
	int rc = render_to_memory(doc, run->settings, run->created, &pdf, &len, run->diag);
	if (rc == 0)
		rc = put(run, name, pdf, len);
	free(pdf);
	if (rc == 0 && !quiet)
		printf(_("wrote %s/%s\n"), write_dir(run), name);
	return rc;
}

int
run_year_output(Run *run, const char *sub)
{
	if (run->opt.dump_layout)
		return 0;
	const char *dir;
	if (sets_prepare(run) != 0 || sets_current(run, &dir) != 0)
		return -1;
	run->write_dir = dir;
	if (sub) {
		int fd = outdir_open(run->write_fd, sub, 0, arena_printf(run->arena, "%s/%s", dir, sub), run->diag);
		if (fd < 0)
			return -1;
		close(fd);
	}
	return 0;
}

/* The columns a terminal gives s: a Thai vowel or tone mark above or
 * below its consonant takes none (printf pads by bytes, which a Thai
 * header would throw out of line). */
static int
columns(const char *s)
{
	int n = 0;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			k = 1;
		n += !utf8_is_thai_mark(cp);
		i += k;
	}
	return n;
}

/* s in a column of width columns: left-aligned, or right when right. */
static void
cell(FILE *out, const char *s, int width, int right, int last)
{
	int pad = width - columns(s);
	if (right)
		fprintf(out, "%*s%s", pad > 0 ? pad : 0, "", s);
	else
		fprintf(out, "%s%*s", s, last || pad <= 0 ? 0 : pad, "");
	fputs(last ? "\n" : " ", out);
}

void
run_print_summary(const Model *m, FILE *out)
{
	/* The name column fits the longest name (a declared survey's file may
	 * be long): 16 at least, so the usual table does not move. */
	const char *head[7] = { _("file"), _("encoding"), _("rows"), _("accepted"), _("rejected"), _("warnings"),
		_("outside FY") };
	int width[7] = { 16, 14, 8, 9, 9, 9, 10 };
	for (size_t i = 0; i < m->nfiles; i++)
		if (m->files[i].name && columns(m->files[i].name) > width[0])
			width[0] = columns(m->files[i].name);
	for (int c = 0; c < 7; c++)
		if (columns(head[c]) > width[c])
			width[c] = columns(head[c]);
	for (int c = 0; c < 7; c++)
		cell(out, head[c], width[c], c > 1, c == 6);
	for (size_t i = 0; i < m->nfiles; i++) {
		const FileSummary *f = &m->files[i];
		char v[5][32];
		if (!f->present) {
			snprintf(v[4], sizeof v[4], "%ld", f->warnings);
			const char *row[7] = { f->name, _("(absent)"), "-", "-", "-", v[4], "-" };
			for (int c = 0; c < 7; c++)
				cell(out, row[c], width[c], c > 1, c == 6);
			continue;
		}
		snprintf(v[0], sizeof v[0], "%ld", f->rows);
		snprintf(v[1], sizeof v[1], "%ld", f->accepted);
		snprintf(v[2], sizeof v[2], "%ld", f->rejected);
		snprintf(v[3], sizeof v[3], "%ld", f->warnings);
		snprintf(v[4], sizeof v[4], "%ld", f->outside_fy);
		const char *row[7] = { f->name, f->encoding ? f->encoding : "-", v[0], v[1], v[2], v[3], v[4] };
		for (int c = 0; c < 7; c++)
			cell(out, row[c], width[c], c > 1, c == 6);
	}
}
