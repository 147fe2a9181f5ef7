/* test_csvread.c - CSV dialects, line numbers, encodings and limits. */
#include "test.h"

#include <stdlib.h>

#include "load/csvread.h"
#include "load/encoding.h"

typedef struct Rows {
	long line[16];
	size_t nfields[16];
	char text[16][8][64];
	int n;
} Rows;

static int
collect(void *ctx, const CsvRow *row)
{
	Rows *r = ctx;
	if (r->n == 16)
		return 1;
	r->line[r->n] = row->line;
	r->nfields[r->n] = row->nfields;
	for (size_t i = 0; i < row->nfields && i < 8; i++)
		snprintf(r->text[r->n][i], 64, "%s", row->fields[i]);
	r->n++;
	return 0;
}

static const CsvLimits big = { 1 << 20, 4096, 64, 1000 };

static int
parse(const char *data, Rows *rows, Diag **d, const CsvLimits *lim)
{
	memset(rows, 0, sizeof(*rows));
	*d = diag_new(NULL);
	return csvread_buffer("t.csv", data, strlen(data), lim ? lim : &big, collect, rows, NULL, *d);
}

TEST(csv_line_numbers_count_quoted_newlines)
{
	Rows r;
	Diag *d;
	const char *data = "a,b\r\n\"x\r\ny\",2\r\n\r\n3,\"q\"\"uote\"\r\nlast,row";
	CHECK_INT(parse(data, &r, &d, NULL), 0);
	CHECK_INT(r.n, 4);
	CHECK_INT(r.line[0], 1);
	CHECK_INT(r.line[1], 2);
	CHECK_STR(r.text[1][0], "x\r\ny");
	CHECK_INT(r.line[2], 5);          /* after a quoted newline and a blank line */
	CHECK_STR(r.text[2][1], "q\"uote");
	CHECK_INT(r.line[3], 6);          /* a last row without a newline */
	CHECK_STR(r.text[3][1], "row");
	diag_free(d);
}

TEST(csv_lone_cr_and_lf_endings)
{
	Rows r;
	Diag *d;
	CHECK_INT(parse("a,b\rc,d\re,f", &r, &d, NULL), 0);
	CHECK_INT(r.n, 3);
	CHECK_INT(r.line[2], 3);
	diag_free(d);
	CHECK_INT(parse("a,b\nc,d\n", &r, &d, NULL), 0);
	CHECK_INT(r.n, 2);
	CHECK_INT(r.line[1], 2);
	diag_free(d);
}

TEST(csv_trims_spaces_and_zero_width_and_skips_empty_rows)
{
	Rows r;
	Diag *d;
	/* U+200B inside a name, spaces around fields, Excel's ",,," blank rows,
	 * trailing empty columns. */
	CHECK_INT(parse("\xEF\xBB\xBFh1,h2,,\n  บ้าน\xE2\x80\x8Bควน , \" 7 \",,\n,,,\n", &r, &d, NULL), 0);
	CHECK_INT(r.n, 2);
	CHECK_STR(r.text[0][0], "h1");     /* BOM gone */
	CHECK_STR(r.text[1][0], "บ้านควน");
	CHECK_STR(r.text[1][1], "7");
	CHECK_INT(r.nfields[1], 4);
	diag_free(d);
}

TEST(csv_windows874_is_converted)
{
	Rows r;
	Diag *d;
	CsvInfo info;
	/* "ABC กขค" in Windows-874. */
	const char data[] = "name\r\nABC \xA1\xA2\xA4\r\n";
	Rows *rows = &r;
	memset(rows, 0, sizeof(*rows));
	d = diag_new(NULL);
	CHECK_INT(csvread_buffer("t.csv", data, sizeof(data) - 1, &big, collect, rows, &info, d), 0);
	CHECK_INT(info.encoding, ENC_WINDOWS874);
	CHECK_STR(r.text[1][0], "ABC กขค");
	diag_free(d);
}

TEST(csv_utf16le_with_bom)
{
	/* "a,ก\n" in UTF-16LE with a BOM. */
	const char data[] = "\xFF\xFE" "a\0,\0\x01\x0E\n\0";
	Rows r;
	memset(&r, 0, sizeof(r));
	Diag *d = diag_new(NULL);
	CsvInfo info;
	CHECK_INT(csvread_buffer("t.csv", data, sizeof(data) - 1, &big, collect, &r, &info, d), 0);
	CHECK_INT(info.encoding, ENC_UTF16LE);
	CHECK_STR(r.text[0][1], "ก");
	diag_free(d);
}

TEST(csv_errors_say_where)
{
	Rows r;
	Diag *d;
	/* Unterminated quote: reported at the line the row starts on. */
	CHECK_INT(parse("a,b\n1,\"open\n2,3\n", &r, &d, NULL), -1);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	CHECK_INT(diag_record(d, 0)->line, 2);
	CHECK(strstr(diag_record(d, 0)->text, "never closed") != NULL);
	diag_free(d);

	/* A UTF-8 file (BOM) with a bad byte: line and column. */
	CHECK_INT(parse("\xEF\xBB\xBFh\nok\nab\xFF\n", &r, &d, NULL), -1);
	CHECK_INT(diag_record(d, 0)->line, 3);
	CHECK_INT(diag_record(d, 0)->col, 3);
	diag_free(d);

	/* Bytes valid in neither UTF-8 nor Windows-874 (0xDB is unassigned). */
	CHECK_INT(parse("h\n\xA1\xDB\n", &r, &d, NULL), -1);
	CHECK_INT(diag_record(d, 0)->line, 2);
	CHECK_INT(diag_record(d, 0)->col, 2);
	diag_free(d);

	/* A stray quote inside an unquoted field. */
	CHECK_INT(parse("a,b\n1,2\nx,ab\"c\n", &r, &d, NULL), -1);
	CHECK_INT(diag_record(d, 0)->line, 3);
	CHECK(strstr(diag_record(d, 0)->text, "malformed quotes") != NULL);
	diag_free(d);

	CsvLimits tight = { 1 << 20, 8, 3, 2 };
	CHECK_INT(parse("a,b,c,d\n", &r, &d, &tight), -1);
	CHECK(strstr(diag_record(d, 0)->text, "more than 3 columns") != NULL);
	diag_free(d);
	CHECK_INT(parse("a\n123456789\n", &r, &d, &tight), -1);
	CHECK(strstr(diag_record(d, 0)->text, "longer than the limit") != NULL);
	CHECK_INT(diag_record(d, 0)->line, 2);
	diag_free(d);
	CHECK_INT(parse("a\n1\n2\n", &r, &d, &tight), -1);
	CHECK(strstr(diag_record(d, 0)->text, "more than 2 rows") != NULL);
	diag_free(d);
}

TEST(encoding_detect_rules)
{
	CHECK_INT(encoding_detect("abc", 3), ENC_UTF8);
	CHECK_INT(encoding_detect("\xEF\xBB\xBF" "a", 4), ENC_UTF8_BOM);
	CHECK_INT(encoding_detect("\xFE\xFF", 2), ENC_UTF16BE);
	CHECK_INT(encoding_detect("ก", strlen("ก")), ENC_UTF8);
	CHECK_INT(encoding_detect("\xA1", 1), ENC_WINDOWS874);
	CHECK_STR(encoding_name(ENC_WINDOWS874), "Windows-874");
}
