/* test_xlsx.c - workbooks made by LibreOffice Calc (tests/sheets,
 * make-fixtures.sh says how), as .xlsx and as .ods, read as the text a
 * person sees in each cell: the same from both. */
#include "test.h"

#include <stdlib.h>

#include "load/cells.h"
#include "load/ods.h"
#include "load/xls.h"
#include "load/xlsx.h"

typedef struct Grid {
	long line[8];
	char cell[8][12][96];
	size_t ncols[8];
	int n;
} Grid;

static int
grid_row(void *ctx, const SourceRow *row)
{
	Grid *g = ctx;
	if (g->n == 8)
		return 1;
	g->line[g->n] = row->line;
	g->ncols[g->n] = row->nfields;
	for (size_t i = 0; i < row->nfields && i < 12; i++)
		snprintf(g->cell[g->n][i], 96, "%s", row->fields[i]);
	g->n++;
	return 0;
}

static const ReadLimits lim = { 1 << 24, 4096, 64, 1000 };

typedef int (*Reader)(const char *, const ReadLimits *, int, const char *, RowFn, void *, Diag *);

static void
check_typed(const char *path, Reader read)
{
	Grid g;
	memset(&g, 0, sizeof g);
	Diag *d = diag_new(NULL);
	CHECK_INT(read(path, &lim, 16, NULL, grid_row, &g, d), 0);
	for (int r = 0; getenv("XLSX_SHOW") && r < g.n; r++) {
		fprintf(stderr, "%ld:", g.line[r]);
		for (size_t c = 0; c < g.ncols[r]; c++)
			fprintf(stderr, " [%s]", g.cell[r][c]);
		fprintf(stderr, "\n");
	}
	CHECK_INT(g.n, 3);
	CHECK_STR(g.cell[0][0], "code");
	/* A code formatted 00000000 keeps its zeros; a whole number has no .0. */
	CHECK_STR(g.cell[1][0], "00012345");
	CHECK_STR(g.cell[1][5], "93020001");
	/* A date shown in Thai Buddhist-Era form is the same day. */
	CHECK_STR(g.cell[1][1], "2014-09-30");
	CHECK_STR(g.cell[1][2], "2015-02-18");
	CHECK_STR(g.cell[1][3], "2015-08-05 10:54:43");
	CHECK_STR(g.cell[1][4], "13:30");
	/* Calc saves a true value of no boolean format as the number 1. */
	CHECK_STR(g.cell[1][6], "1");
	CHECK_STR(g.cell[1][7], "โรงเรียนบ้านนา");
	/* A formula's value, not its text. */
	CHECK_STR(g.cell[1][8], "93020002");
	/* Trimmed as a CSV field is. */
	CHECK_STR(g.cell[1][9], "๐๑๒ ผู้อำนวยการ");
	CHECK_STR(g.cell[2][0], "12.5");
	/* Day 61 of the 1900 system is 1 March 1900, after the day that never was. */
	CHECK_STR(g.cell[2][1], "1900-03-01");
	CHECK_STR(g.cell[2][5], "-3");
	CHECK_STR(g.cell[2][6], "0");
	/* The merged block's value in each of its rows. */
	CHECK_STR(g.cell[2][7], "โรงเรียนบ้านนา");
	CHECK_STR(g.cell[2][8], "#DIV/0!");
	CHECK_INT(g.line[2], 3);
	diag_free(d);
}

TEST(xlsx_cells_read_as_shown)
{
	check_typed("tests/sheets/typed.xlsx", xlsx_read_rows);
}

TEST(ods_cells_read_as_shown)
{
	check_typed("tests/sheets/typed.ods", ods_read_rows);
}

static int
read_xls(const char *path, const ReadLimits *l, int depth, const char *sheet, RowFn fn, void *ctx, Diag *d)
{
	(void)depth;
	return xls_read_rows(path, l, sheet, fn, ctx, d);
}

/* Excel 97-2003 through libfreexl, which tells no number formats and no
 * merged cells: what differs from the other forms is said here. */
TEST(xls_cells_read_as_libfreexl_tells)
{
	Grid g;
	memset(&g, 0, sizeof g);
	Diag *d = diag_new(NULL);
	CHECK_INT(read_xls("tests/sheets/typed.xls", &lim, 16, NULL, grid_row, &g, d), 0);
	for (int r = 0; getenv("XLSX_SHOW") && r < g.n; r++) {
		fprintf(stderr, "%ld:", g.line[r]);
		for (size_t c = 0; c < g.ncols[r]; c++)
			fprintf(stderr, " [%s]", g.cell[r][c]);
		fprintf(stderr, "\n");
	}
	CHECK_INT(g.n, 3);
	CHECK_STR(g.cell[1][0], "12345");          /* its format 00000000 is not told */
	CHECK_STR(g.cell[1][1], "2014-09-30");
	CHECK_STR(g.cell[1][2], "2015-02-18");
	CHECK_STR(g.cell[1][3], "2015-08-05 10:54:43");
	CHECK_STR(g.cell[1][5], "93020001");
	CHECK_STR(g.cell[1][7], "โรงเรียนบ้านนา");
	CHECK_STR(g.cell[1][8], "");                /* nor a formula's value */
	CHECK_STR(g.cell[1][9], "๐๑๒ ผู้อำนวยการ");
	CHECK_STR(g.cell[2][0], "12.5");
	CHECK_STR(g.cell[2][1], "1900-03-01");
	CHECK_STR(g.cell[2][7], "");                /* merged cells are not told */
	diag_free(d);
}

/* A sheet named in the config is read instead of the first; a name the
 * workbook does not have is an error that lists the sheets there are. */
TEST(sheets_named_in_the_config)
{
	Reader readers[3] = { xlsx_read_rows, ods_read_rows, read_xls };
	const char *paths[3] = { "tests/sheets/typed.xlsx", "tests/sheets/typed.ods", "tests/sheets/typed.xls" };
	for (int k = 0; k < 3; k++) {
		Grid g;
		memset(&g, 0, sizeof g);
		Diag *d = diag_new(NULL);
		CHECK_INT(readers[k](paths[k], &lim, 16, "second", grid_row, &g, d), 0);
		CHECK_INT(g.n, 1);
		CHECK_STR(g.cell[0][0], "not read");
		diag_free(d);
		d = diag_new(NULL);
		memset(&g, 0, sizeof g);
		CHECK_INT(readers[k](paths[k], &lim, 16, "visits", grid_row, &g, d), -1);
		CHECK_INT(g.n, 0);
		CHECK(strstr(diag_record(d, 0)->text, "no sheet named 'visits'") != NULL);
		CHECK(strstr(diag_record(d, 0)->text, "'ตาราง', 'second'") != NULL);
		diag_free(d);
	}
}

/* A stored number read through core/cnum.h: what strtod read before, in
 * decimal notation (white space before, spaces after), and nothing else. */
TEST(cells_parse_number_reads_decimal_numbers_only)
{
	int ok;
	CHECK(cells_parse_number("93020001", &ok) == 93020001.0 && ok);
	CHECK(cells_parse_number(" 2.5  ", &ok) == 2.5 && ok);
	CHECK(cells_parse_number("\t-1E-3", &ok) == -1e-3 && ok);
	CHECK(cells_parse_number(".5", &ok) == 0.5 && ok);
	CHECK(cells_parse_number("5.", &ok) == 5.0 && ok);
	static const char *const not_numbers[] = { "", " ", "12abc", "1 2", "0x10", "inf", "nan", "1e400", "." };
	for (size_t i = 0; i < sizeof not_numbers / sizeof *not_numbers; i++) {
		cells_parse_number(not_numbers[i], &ok);
		CHECK_INT(ok, 0);
	}
}
