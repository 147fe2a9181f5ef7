/* bench-measure.c - time loading and measuring on a data set.
 *
 *   bench-measure [-c CONFIG] [-n RUNS] [-l LOADS]
 *
 * Loads the plan and every input LOADS times (default 3; the first also
 * warms the page cache, so the median is the figure to quote; rows per
 * second over all tables), then runs measure_run RUNS times (default 5) on
 * the last load and prints the
 * median, min and max, and the peak resident memory. Then, for the split of
 * the loading time, reads each CSV file once more through the CSV reader
 * alone (no model built): the rest of a file's time is its loader's. Point
 * -c at a config whose [paths] input_dir holds a large set (make bench
 * writes one). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench.h"
#include "config/settings.h"
#include "core/arena.h"
#include "load/csvread.h"
#include "load/inputs.h"
#include "load/plan.h"
#include "load/xml.h"
#include "measure/results.h"




int
main(int argc, char **argv)
{
	const char *config = "config/nithet.ini";
	long runs = 5, loads = 3;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-c") && i + 1 < argc)
			config = argv[++i];
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			runs = strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-l") && i + 1 < argc)
			loads = strtol(argv[++i], NULL, 10);
		else {
			fprintf(stderr, "usage: bench-measure [-c CONFIG] [-n RUNS] [-l LOADS]\n");
			return 2;
		}
	}
	if (runs < 1 || runs > 100)
		runs = 5;
	if (loads < 1 || loads > 100)
		loads = 3;
	Diag *d = diag_new(NULL);
	Settings *s = settings_load(config, NULL, d);
	if (s == NULL) {
		fprintf(stderr, "bench-measure: cannot read %s\n", config);
		return 2;
	}
	xml_init();
	Arena *a = NULL;
	Model m;
	double *lt = calloc((size_t)loads, sizeof(double));
	for (long k = 0; k < loads; k++) {
		if (a != NULL) {
			arena_free(a);
			diag_free(d);
			d = diag_new(NULL);
		}
		a = arena_new();
		memset(&m, 0, sizeof(m));
		m.fiscal_year = s->fiscal_year;
		char plan[4096];
		snprintf(plan, sizeof(plan), "%s/%s", s->input_dir, s->plan_file);
		double t0 = bench_now();
		m.plan = plan_load(a, plan, s->plan_schema, s->max_xml_depth, s->max_file_bytes, d);
		if (m.plan == NULL || inputs_load(&m, a, s, d) != 0) {
			fprintf(stderr, "bench-measure: the input does not load (%zu errors)\n",
			    diag_errors(d));
			return 3;
		}
		model_index_rows(&m, a);
		lt[k] = bench_now() - t0;
	}
	long rows = 0;
	for (size_t i = 0; i < m.nfiles; i++)
		rows += m.files[i].rows;
	qsort(lt, (size_t)loads, sizeof(double), bench_cmp_double);
	double load = lt[loads / 2];
	printf("load: %ld rows in %.3f s median = %.0f rows/s (min %.3f, max %.3f, %ld loads; "
	    "%zu visits, %zu schools)\n", rows, load, rows / load, lt[0], lt[loads - 1], loads,
	    m.nvisits, m.nschools);
	free(lt);

	double *t = calloc((size_t)runs, sizeof(double));
	for (long k = 0; k < runs; k++) {
		Arena *ra = arena_new();
		double t1 = bench_now();
		measure_run(&m, s, cal_fy_last(s->fiscal_year), ra);
		t[k] = bench_now() - t1;
		arena_free(ra);
	}
	qsort(t, (size_t)runs, sizeof(double), bench_cmp_double);
	printf("measure: median %.3f s (min %.3f, max %.3f, %ld runs)\n", t[runs / 2], t[0], t[runs - 1], runs);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("peak memory: %.0f MB\n", ru.ru_maxrss / 1024.0);
	ReadLimits lim = { s->max_file_bytes, s->max_field_bytes, s->max_columns, s->max_rows };
	for (size_t i = 0; i < m.nfiles; i++) {
		const FileSummary *f = &m.files[i];
		size_t n = strlen(f->name);
		if (!f->present || n < 4 || strcmp(f->name + n - 4, ".csv") != 0 || f->rows < 10000)
			continue;
		long got = 0;
		double t2 = bench_now();
		csvread_file(f->path, &lim, bench_count_row, &got, NULL, d);
		printf("csv reader alone: %s, %ld rows in %.3f s\n", f->name, got, bench_now() - t2);
	}
	free(t);
	arena_free(a);
	settings_free(s);
	diag_free(d);
	xml_cleanup();
	return 0;
}
