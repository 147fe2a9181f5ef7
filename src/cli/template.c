/* template.c - `nithet template [--with-data]`: the workbooks an office
 * fills, one per input table the plan uses, in OUT/template-<FY>/ (outside
 * the year's sets: a nightly build does not replace them). */
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "export/template.h"
#include "load/inputs.h"
#include "load/loaders.h"

/* A table file's rows in memory, for --with-data: the header's width. */
typedef struct Rows {
	Arena *a;
	size_t ncols, nrows, cap;
	const char **header;
	const char **cells;
} Rows;

static int
keep_row(void *ctx, const SourceRow *row)
{
	Rows *r = ctx;
	if (r->header == NULL) {
		size_t n = row->nfields;
		while (n > 0 && row->lens[n - 1] == 0)
			n--;
		r->ncols = n;
		r->header = arena_array(r->a, n + 1, sizeof *r->header);
		for (size_t i = 0; i < n; i++)
			r->header[i] = arena_strdup(r->a, row->fields[i]);
		return 0;
	}
	if (r->nrows == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->cells = mem_grow(r->cells, r->cap * r->ncols + 1, sizeof *r->cells);
	}
	for (size_t i = 0; i < r->ncols; i++)
		r->cells[r->nrows * r->ncols + i] = i < row->nfields && row->lens[i] ?
		    arena_strdup(r->a, row->fields[i]) : NULL;
	r->nrows++;
	return 0;
}

int
cmd_template(Run *run, int argc, char **argv)
{
	int with_data = run->opt.with_data;
	if (argc > 1) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "template takes no arguments but --with-data "
		    "(found \"%s\")", argv[1]);
		return EXIT_USAGE;
	}
	if (run_load_plan(run) != 0)
		return diag_exit_status(run->diag);
	/* The lists of schools, staff, networks and meetings come from the
	 * data at hand when it loads; a new office has none yet, and that is
	 * no error here. */
	Diag *quiet = diag_new(NULL);
	(void)inputs_load(&run->model, run->arena, run->settings, quiet);
	diag_free(quiet);
	if (run_output_dir(run, NULL) != 0 || template_ready(run->diag) != 0)
		return EXIT_OUTPUT;
	const char *tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	LoadOptions o = inputs_options(run->settings, run->model.fiscal_year);
	/* The tables the plan uses, then each survey it declares beside the
	 * yearly one (a form of the office's own: surveys' columns, its own
	 * file and title). */
	const Plan *plan = run->model.plan;
	InputTable tables[48];
	TableSpec declared[16];
	size_t n = inputs_tables(plan, tables, 32);
	for (size_t k = 0; k < plan->nsurveys && k < 16; k++) {
		declared[k] = surveys_table;
		declared[k].stem = plan->surveys[k].file;
		declared[k].title = plan->surveys[k].title;
		tables[n++] = (InputTable){ &declared[k], 1 };
	}
	int worst = 0;
	const char *folder = arena_printf(run->arena, "template-%d", run->settings->fiscal_year);
	for (size_t i = 0; i < n; i++) {
		const TableSpec *spec = tables[i].spec;
		Rows rows = { .a = run->arena };
		TemplateData data, *dp = NULL;
		if (with_data) {
			const char *path = inputs_table_file(run->arena, run->settings->input_dir, spec->stem);
			if (path != NULL) {
				if (load_read_rows(path, spec->stem, &o, keep_row, &rows, NULL, run->diag) != 0) {
					free(rows.cells);
					worst = EXIT_INPUT;
					continue;
				}
				data = (TemplateData){ rows.ncols, rows.nrows, rows.header, rows.cells };
				dp = rows.header ? &data : NULL;
			}
		}
		unsigned char *bytes = NULL;
		size_t len = 0;
		int rc = template_workbook(spec, tables[i].required, &run->model, dp, tmpdir, &bytes, &len, run->diag);
		free(rows.cells);
		if (rc == 0) {
			const char *name = arena_printf(run->arena, "%s/%s.xlsx", folder, spec->stem);
			rc = run_write_bytes(run, name, bytes, len);
			if (rc == 0 && !run->opt.quiet)
				printf(_("wrote %s/%s%s\n"), run->settings->output_dir, name,
				    dp ? arena_printf(run->arena, " (%zu rows)", dp->nrows) : "");
		}
		free(bytes);
		worst = rc > worst ? rc : worst;
	}
	int d = diag_exit_status(run->diag);
	return d > worst ? d : worst;
}
