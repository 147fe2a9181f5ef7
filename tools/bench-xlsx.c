/* bench-xlsx.c - how fast a workbook is read, and in how much memory.
 *
 *   bench-xlsx [-n RUNS] [ROWS...]      (default: 5 runs of 100000 and 1000000 rows)
 *
 * Writes a visits-like sheet of ROWS rows (14 columns: shared strings for
 * names and activities, dates as date-formatted serials, whole numbers,
 * inline text) with libzip's writing calls (tooling only) and the same
 * table as CSV, then reads each RUNS times in a child process: the median
 * rows per second through xlsx_read_rows and through csvread_file (the
 * ratio is the figure to quote), and each reader's peak resident memory,
 * which for the workbook must not grow with the rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "bench.h"
#include "load/csvread.h"
#include "load/xlsx.h"



static const char *schools[] = { "บ้านนา", "วัดควนขนุน", "บ้านกงหรา", "ชุมชนบ้านป่าบอน", "บ้านทุ่งยาว" };

static void
write_set(long rows, const char *xlsx, const char *csv)
{
	FILE *c = fopen(csv, "w");
	size_t cap = (size_t)rows * 800 + 4096, n = 0;
	char *sheet = malloc(cap);
	if (c == NULL || sheet == NULL)
		exit(1);
	n += (size_t)snprintf(sheet, cap, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas."
	    "openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
	fprintf(c, "visit_id,date,school_code,school_name,activity_no,topic,mode,staff_id,hours,teachers,"
	    "status,summary,round,extra\n");
	for (long r = 1; r <= rows; r++) {
		long serial = 41913 + r % 365;
		const char *name = schools[r % 5];
		n += (size_t)snprintf(sheet + n, cap - n, "<row r=\"%ld\"><c r=\"A%ld\" t=\"inlineStr\"><is><t>V%07ld</t>"
		    "</is></c><c r=\"B%ld\" s=\"1\"><v>%ld</v></c><c r=\"C%ld\"><v>%ld</v></c><c r=\"D%ld\" t=\"s\">"
		    "<v>%ld</v></c><c r=\"E%ld\"><v>%ld</v></c><c r=\"F%ld\" t=\"s\"><v>%d</v></c><c r=\"G%ld\" t=\"s\">"
		    "<v>5</v></c><c r=\"H%ld\" t=\"inlineStr\"><is><t>S%02ld</t></is></c><c r=\"I%ld\"><v>2.5</v></c>"
		    "<c r=\"J%ld\"><v>%ld</v></c><c r=\"K%ld\" t=\"s\"><v>6</v></c><c r=\"L%ld\" t=\"inlineStr\"><is><t>"
		    "นิเทศติดตามการจัดการเรียนการสอน ครั้งที่ %ld</t></is></c><c r=\"M%ld\"><v>%ld</v></c></row>",
		    r, r, r, r, serial, r, 93020000 + r % 117, r, r % 5, r, 1 + r % 6, r, 7 + (int)(r % 2), r, r, r % 20,
		    r, r, 5 + r % 20, r, r, r, r, 1 + r % 3);
		fprintf(c, "V%07ld,%d-%02ld-%02ld,%ld,%s,%ld,%s,onsite,S%02ld,2.5,%ld,approved,"
		    "นิเทศติดตามการจัดการเรียนการสอน ครั้งที่ %ld,%ld,\n", r, 2014 + (r % 365 > 90), 1 + r % 12,
		    1 + r % 28, 93020000L + r % 117, name, 1 + r % 6, r % 2 ? "การอ่าน" : "การเขียน", r % 20, 5 + r % 20, r,
		    1 + r % 3);
	}
	n += (size_t)snprintf(sheet + n, cap - n, "</sheetData></worksheet>");
	fclose(c);
	const char *sst = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>บ้านนา</t>"
	    "</si><si><t>วัดควนขนุน</t></si><si><t>บ้านกงหรา</t></si><si><t>ชุมชนบ้านป่าบอน</t></si><si><t>บ้านทุ่งยาว</t>"
	    "</si><si><t>onsite</t></si><si><t>approved</t></si><si><t>การอ่าน</t></si><si><t>การเขียน</t></si></sst>";
	const char *styles = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs>"
	    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
	const char *book = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
	    "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"visits\" "
	    "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	const char *rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
	    "Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"x/styles\" "
	    "Target=\"styles.xml\"/></Relationships>";
	remove(xlsx);
	int err;
	zip_t *z = zip_open(xlsx, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (z == NULL)
		exit(1);
	zip_file_add(z, "xl/workbook.xml", zip_source_buffer(z, book, strlen(book), 0), 0);
	zip_file_add(z, "xl/_rels/workbook.xml.rels", zip_source_buffer(z, rels, strlen(rels), 0), 0);
	zip_file_add(z, "xl/sharedStrings.xml", zip_source_buffer(z, sst, strlen(sst), 0), 0);
	zip_file_add(z, "xl/styles.xml", zip_source_buffer(z, styles, strlen(styles), 0), 0);
	zip_file_add(z, "xl/worksheets/sheet1.xml", zip_source_buffer(z, sheet, n, 1), 0);
	if (zip_close(z) != 0)
		exit(1);
}

/* One read in a child: its seconds and peak memory come back through a pipe. */
static void
read_once(const char *path, int xlsx, long rows, double *secs, long *kb)
{
	int fd[2];
	if (pipe(fd) != 0)
		exit(1);
	pid_t pid = fork();
	if (pid == 0) {
		static const ReadLimits lim = { 2147483647L, 1 << 20, 64, 100000000 };
		Diag *d = diag_new(NULL);
		long got = 0;
		double t0 = bench_now();
		int rc = xlsx ? xlsx_read_rows(path, &lim, 32, NULL, bench_count_row, &got, d) :
		    csvread_file(path, &lim, bench_count_row, &got, NULL, d);
		double t = bench_now() - t0;
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		double out[2] = { rc == 0 && got == rows + !xlsx ? t : -1, (double)ru.ru_maxrss };   /* the CSV has a header */
		if (write(fd[1], out, sizeof out) != sizeof out)
			_exit(1);
		_exit(0);
	}
	double in[2] = { -1, 0 };
	if (read(fd[0], in, sizeof in) != sizeof in)
		in[0] = -1;
	waitpid(pid, NULL, 0);
	close(fd[0]);
	close(fd[1]);
	*secs = in[0];
	*kb = (long)in[1];
}


int
main(int argc, char **argv)
{
	int runs = 5, k = 1;
	if (argc > 2 && !strcmp(argv[1], "-n")) {
		runs = (int)strtol(argv[2], NULL, 10);
		k = 3;
	}
	long sizes[8] = { 100000, 1000000 };
	int nsizes = 2;
	if (k < argc) {
		nsizes = 0;
		for (; k < argc && nsizes < 8; k++)
			sizes[nsizes++] = strtol(argv[k], NULL, 10);
	}
	char dir[] = "/tmp/bench-xlsx.XXXXXX";
	if (mkdtemp(dir) == NULL || runs < 1 || runs > 50)
		return 1;
	for (int s = 0; s < nsizes; s++) {
		char x[64], c[64];
		snprintf(x, sizeof x, "%s/visits.xlsx", dir);
		snprintf(c, sizeof c, "%s/visits.csv", dir);
		write_set(sizes[s], x, c);
		double tx[50], tc[50];
		long kx = 0, kc = 0, kb;
		for (int r = 0; r < runs; r++) {
			read_once(x, 1, sizes[s], &tx[r], &kb);
			kx = kb > kx ? kb : kx;
			read_once(c, 0, sizes[s], &tc[r], &kb);
			kc = kb > kc ? kb : kc;
		}
		qsort(tx, (size_t)runs, sizeof *tx, bench_cmp_double);
		qsort(tc, (size_t)runs, sizeof *tc, bench_cmp_double);
		double mx = tx[runs / 2], mc = tc[runs / 2];
		if (mx <= 0 || mc <= 0) {
			printf("%ld rows: a read failed (%s)\n", sizes[s], mx <= 0 ? x : c);
			continue;
		}
		printf("%8ld rows: .xlsx %.0f rows/s (median of %d, %.2f s), peak %ld KB; CSV %.0f rows/s, peak %ld KB; "
		    "xlsx/CSV time %.2f\n", sizes[s], sizes[s] / mx, runs, mx, kx, sizes[s] / mc, kc, mx / mc);
		if (getenv("BENCH_KEEP") == NULL) {
			remove(x);
			remove(c);
		}
	}
	if (getenv("BENCH_KEEP") == NULL)
		rmdir(dir);
	else
		printf("kept in %s\n", dir);
	return 0;
}
