/* test_csvread.c - CSV dialects, line numbers, encodings and limits. */
#include "test.h"

#include <stdlib.h>

#include "core/utf8.h"
#include "load/csvread.h"
#include "load/csvread_internal.h"
#include "load/encoding.h"

typedef struct Rows {
	long line[16];
	size_t nfields[16];
	char text[16][8][64];
	int n;
} Rows;

static int
collect(void *ctx, const SourceRow *row)
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

static const ReadLimits big = { 1 << 20, 4096, 64, 1000 };
static const ReadLimits big_limits_for_huge = { 1 << 30, 4096, 64, 1000 };

static int
parse(const char *data, Rows *rows, Diag **d, const ReadLimits *lim)
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

/* A quoted field's line breaks at its ends are trimmed as a spreadsheet
 * cell's are (cells_clean); one inside stays. */
TEST(csv_trims_line_breaks_at_a_quoted_fields_ends)
{
	Rows r;
	Diag *d;
	CHECK_INT(parse("h1,h2\n\"\r\nx\ny\r\n\",\"\n z \t\"\n", &r, &d, NULL), 0);
	CHECK_INT(r.n, 2);
	CHECK_STR(r.text[1][0], "x\ny");
	CHECK_STR(r.text[1][1], "z");
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

	/* A stray quote inside an unquoted field: that row is rejected, the
	 * rows after it are read. */
	CsvInfo info;
	memset(&r, 0, sizeof(r));
	d = diag_new(NULL);
	const char *stray = "a,b\n1,2\nx,ab\"c\n3,4\n\"ok\",\"y\"z\n5,\"six\"\n";
	CHECK_INT(csvread_buffer("t.csv", stray, strlen(stray), &big, collect, &r, &info, d), 0);
	CHECK_INT(r.n, 4);
	CHECK_STR(r.text[2][0], "3");
	CHECK_STR(r.text[3][1], "six");
	CHECK_INT(r.line[3], 6);
	CHECK_INT(info.rows, 6);
	CHECK_INT(info.rows_rejected, 2);
	CHECK_INT(diag_nrecords(d), 2);
	CHECK_INT(diag_record(d, 0)->severity, DIAG_ROW);
	CHECK_INT(diag_record(d, 0)->line, 3);
	CHECK_INT(diag_record(d, 0)->col, 2);
	CHECK(strstr(diag_record(d, 0)->text, "row rejected") != NULL);
	CHECK_INT(diag_record(d, 1)->line, 5);
	CHECK_INT(diag_record(d, 1)->col, 2);
	diag_free(d);

	/* In a row that began on an earlier line, the message says so. */
	memset(&r, 0, sizeof(r));
	d = diag_new(NULL);
	const char *multi = "a,b\n\"two\nlines\"x,1\nlast,2\n";
	CHECK_INT(csvread_buffer("t.csv", multi, strlen(multi), &big, collect, &r, &info, d), 0);
	CHECK_INT(r.n, 2);
	CHECK_STR(r.text[1][0], "last");
	CHECK_INT(diag_record(d, 0)->line, 3);
	CHECK(strstr(diag_record(d, 0)->text, "began on line 2") != NULL);
	diag_free(d);

	/* In the header, the file cannot be read. */
	CHECK_INT(parse("a,b\"c\n1,2\n", &r, &d, NULL), -1);
	CHECK_INT(diag_record(d, 0)->line, 1);
	CHECK_INT(diag_record(d, 0)->col, 2);
	CHECK(strstr(diag_record(d, 0)->text, "malformed quotes") != NULL);
	diag_free(d);

	ReadLimits tight = { 1 << 20, 8, 3, 2 };
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

/* ---- streaming: chunk boundaries, the split of quote-free lines ---- */

typedef struct Tally {
	long rows, last_line;
	size_t rows_max;
	char last[4][64];
	size_t nfields;
} Tally;

static int
tally(void *ctx, const SourceRow *row)
{
	Tally *t = ctx;
	t->rows++;
	t->last_line = row->line;
	t->rows_max = row->rows_max;
	t->nfields = row->nfields;
	for (size_t i = 0; i < 4; i++)
		snprintf(t->last[i], sizeof(t->last[i]), "%s", i < row->nfields ? row->fields[i] : "");
	return 0;
}

TEST(csv_quote_free_lines_split_as_libcsv_does)
{
	/* The same fields once on a line of their own (split here) and once
	 * after a quoted field that began on the line before (fed to libcsv):
	 * spaces and tabs around fields, U+200B and a stray U+FEFF, empty
	 * fields, a trailing comma. */
	const char *fields = " a b ,\tc\t, \xE2\x80\x8B" "d\xEF\xBB\xBF ,,e,";
	char data[256];
	snprintf(data, sizeof(data), "%s\n\"x\ny\",%s\n", fields, fields);
	Rows r;
	Diag *d;
	CHECK_INT(parse(data, &r, &d, NULL), 0);
	CHECK_INT(r.n, 2);
	CHECK_INT(r.nfields[0], 6);
	CHECK_INT(r.nfields[1], 7);
	for (int i = 0; i < 6; i++)
		CHECK_STR(r.text[0][i], r.text[1][i + 1]);
	CHECK_STR(r.text[0][0], "a b");
	CHECK_STR(r.text[0][1], "c");
	CHECK_STR(r.text[0][2], "d");
	CHECK_STR(r.text[0][5], "");
	CHECK_INT(r.line[1], 2);
	diag_free(d);

	/* A line of spaces holds no row: the next row keeps its own line. */
	CHECK_INT(parse("h\n   \t\nrow\n", &r, &d, NULL), 0);
	CHECK_INT(r.n, 2);
	CHECK_INT(r.line[1], 3);
	diag_free(d);

	/* The limits count a field without its surrounding spaces, as libcsv. */
	ReadLimits tight = { 1 << 20, 3, 3, 10 };
	CHECK_INT(parse("abc ,  xyz  \n", &r, &d, &tight), 0);
	diag_free(d);
	CHECK_INT(parse("a,b\n1,2,3,4\n", &r, &d, &tight), -1);
	CHECK_INT(diag_record(d, 0)->line, 2);
	CHECK_INT(diag_record(d, 0)->col, 4);
	diag_free(d);
}

/* Lines of every ending, Thai text and quotes over several chunks: every
 * row arrives whole with its line, whatever falls on a chunk boundary. */
TEST(csv_rows_across_chunks)
{
	size_t cap = 6 << 20, n = 0;
	char *data = malloc(cap);
	n += (size_t)snprintf(data, cap, "id,text,note\r\n");
	long lines = 1;
	for (long i = 1; n + 200 < cap - 200; i++) {
		const char *end = i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r";
		if (i % 7 == 0) {
			n += (size_t)snprintf(data + n, cap - n, "V%ld,\"ก\"\"ข\r\nค\",q%s", i, end);
			lines += 2;
		} else {
			n += (size_t)snprintf(data + n, cap - n, "V%ld, โรงเรียนบ้านควน %ld ,%s", i, i, end);
			lines++;
		}
	}
	n += (size_t)snprintf(data + n, cap - n, "last,ท้าย,x");
	lines++;
	Tally t;
	memset(&t, 0, sizeof(t));
	Diag *d = diag_new(NULL);
	CsvInfo info;
	ReadLimits lim = { 1 << 30, 4096, 64, 1 << 20 };
	CHECK_INT(csvread_buffer("big.csv", data, n, &lim, tally, &t, &info, d), 0);
	CHECK_INT(diag_nrecords(d), 0);
	CHECK_INT(info.encoding, ENC_UTF8);
	CHECK_INT(t.last_line, lines);
	CHECK_STR(t.last[0], "last");
	CHECK_STR(t.last[1], "ท้าย");
	CHECK(t.rows_max >= (size_t)t.rows);
	CHECK_INT(info.rows, t.rows);
	diag_free(d);

	/* A bad byte far into a file with a BOM: the line and column (lines
	 * counted by their LF bytes, columns in bytes). */
	memcpy(data, "\xEF\xBB\xBF", 3);
	size_t bad = n - 5;
	data[bad] = (char)0xFF;
	long want_line = 1, want_col = 1;
	for (size_t i = 0; i < bad; i++) {
		want_col++;
		if (data[i] == '\n') {
			want_line++;
			want_col = 1;
		}
	}
	d = diag_new(NULL);
	CHECK_INT(csvread_buffer("big.csv", data, n, &lim, tally, &t, &info, d), -1);
	CHECK_INT(diag_record(d, 0)->line, want_line);
	CHECK_INT(diag_record(d, 0)->col, want_col);
	CHECK(strstr(diag_record(d, 0)->text, "0xFF") != NULL);
	diag_free(d);
	free(data);
}

/* A Windows-874 file bigger than a chunk, and one whose only bad byte comes
 * after the first chunk: nothing is handed out before the error. */
TEST(csv_windows874_across_chunks)
{
	size_t cap = 3 << 20, n = 0;
	char *data = malloc(cap);
	long lines = 0;
	while (n + 64 < cap) {
		n += (size_t)snprintf(data + n, cap - n, "ABC \xA1\xA2\xA4,%ld\r\n", lines);
		lines++;
	}
	Tally t;
	memset(&t, 0, sizeof(t));
	Diag *d = diag_new(NULL);
	CsvInfo info;
	ReadLimits lim = { 1 << 30, 4096, 64, 1 << 20 };
	CHECK_INT(csvread_buffer("w.csv", data, n, &lim, tally, &t, &info, d), 0);
	CHECK_INT(info.encoding, ENC_WINDOWS874);
	CHECK_INT(t.rows, lines);
	CHECK_STR(t.last[0], "ABC กขค");
	diag_free(d);

	data[n - 4] = (char)0xDB; /* unassigned in Windows-874 */
	long want_col = 1;
	for (size_t i = n - 4; data[i - 1] != '\n'; i--)
		want_col++;
	memset(&t, 0, sizeof(t));
	d = diag_new(NULL);
	CHECK_INT(csvread_buffer("w.csv", data, n, &lim, tally, &t, &info, d), -1);
	CHECK_INT(t.rows, 0);
	CHECK_INT(diag_record(d, 0)->line, lines);
	CHECK_INT(diag_record(d, 0)->col, want_col);
	CHECK(strstr(diag_record(d, 0)->text, "0xDB") != NULL);
	diag_free(d);
	free(data);
}

/* A field far longer than a chunk is still measured whole against the
 * limit, at the line its row starts on. */
TEST(csv_huge_field_over_chunks)
{
	size_t huge = 5 << 20;
	char *data = malloc(huge + 64);
	size_t n = (size_t)snprintf(data, 64, "h\nok\n\"");
	memset(data + n, 'x', huge);
	n += huge;
	memcpy(data + n, "\"\n", 2);
	n += 2;
	Rows r;
	memset(&r, 0, sizeof(r));
	Diag *d = diag_new(NULL);
	CHECK_INT(csvread_buffer("long.csv", data, n, &big_limits_for_huge, collect, &r, NULL, d), -1);
	CHECK_INT(r.n, 2);
	CHECK_INT(diag_record(d, 0)->line, 3);
	CHECK(strstr(diag_record(d, 0)->text, "longer than the limit") != NULL);
	diag_free(d);

	/* The same without quotes: one line of 5 MB, no line break at all. */
	memset(data, 'y', huge);
	memset(&r, 0, sizeof(r));
	d = diag_new(NULL);
	CHECK_INT(csvread_buffer("long.csv", data, huge, &big_limits_for_huge, collect, &r, NULL, d),
	    -1);
	CHECK_INT(diag_record(d, 0)->line, 1);
	diag_free(d);
	free(data);
}

TEST(csv_utf16_across_chunks)
{
	/* "a,ก\n" repeated in UTF-16BE past a chunk, then a lone high byte. */
	size_t reps = 300000, n = 2;
	char *data = malloc(reps * 8 + 3);
	memcpy(data, "\xFE\xFF", 2);
	for (size_t i = 0; i < reps; i++) {
		memcpy(data + n, "\0a\0,\x0E\x01\0\n", 8);
		n += 8;
	}
	Tally t;
	memset(&t, 0, sizeof(t));
	Diag *d = diag_new(NULL);
	CsvInfo info;
	ReadLimits lim = { 1 << 30, 4096, 64, 1 << 20 };
	CHECK_INT(csvread_buffer("u.csv", data, n, &lim, tally, &t, &info, d), 0);
	CHECK_INT(info.encoding, ENC_UTF16BE);
	CHECK_INT(t.rows, (long)reps);
	CHECK_INT(t.last_line, (long)reps);
	CHECK_STR(t.last[1], "ก");
	diag_free(d);

	data[n++] = 'z';
	d = diag_new(NULL);
	CHECK_INT(csvread_buffer("u.csv", data, n, &lim, tally, &t, &info, d), -1);
	CHECK(strstr(diag_record(d, 0)->text, "ends inside a character") != NULL);
	diag_free(d);
	free(data);
}

/* A bad unit's line and column count UTF-16 code units: the byte 0x0A in
 * ช (U+0E0A) is not a line end, in either byte order. */
TEST(csv_utf16_position_counts_units)
{
	for (int be = 0; be <= 1; be++) {
		size_t reps = 40000, n = 2;
		char *data = malloc(reps * 8 + 16);
		memcpy(data, be ? "\xFE\xFF" : "\xFF\xFE", 2);
		for (size_t i = 0; i < reps; i++) {
			memcpy(data + n, be ? "\0a\0,\x0E\x0A\0\n" : "a\0,\0\x0A\x0E\n\0", 8);
			n += 8;
		}
		/* "a," then a low surrogate alone: column 3 of line reps + 1. */
		memcpy(data + n, be ? "\0a\0,\xDC\x00" : "a\0,\0\x00\xDC", 6);
		n += 6;
		Tally t;
		memset(&t, 0, sizeof(t));
		Diag *d = diag_new(NULL);
		CsvInfo info;
		ReadLimits lim = { 1 << 30, 4096, 64, 1 << 20 };
		CHECK_INT(csvread_buffer("u.csv", data, n, &lim, tally, &t, &info, d), -1);
		CHECK_INT(diag_record(d, 0)->line, (long)reps + 1);
		CHECK_INT(diag_record(d, 0)->col, 3);
		diag_free(d);
		free(data);
	}
}

/* The fast validator against a reference built on utf8_decode, over random
 * mixes of ASCII, Thai, other sequences and bad bytes. */
static size_t
valid_prefix_reference(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			break;
		i += k;
	}
	return i;
}

TEST(utf8_valid_prefix_matches_decode)
{
	static const char *const pieces[] = { "a", " ", "abcdefghij", "ก", "น้ำ", "\xC3\xA9",
		"\xE2\x80\x8B", "\xF0\x9F\x98\x80", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
		"\xC0\xAF", "\x80", "\xFF", "\xE0\xB8", "\xF0\x9F", "\xEF\xBB\xBF", "\xF4\x8F\xBF\xBF" };
	unsigned seed = 12345;
	char buf[256];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		int k = (int)(seed % 12);
		for (int j = 0; j < k; j++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
			size_t pl = strlen(p);
			if (n + pl > sizeof(buf))
				break;
			memcpy(buf + n, p, pl);
			n += pl;
		}
		seed = seed * 1103515245u + 12345u;
		size_t cut = n ? (seed >> 16) % (n + 1) : 0;
		CHECK_INT(utf8_valid_prefix(buf, cut), valid_prefix_reference(buf, cut));
	}
}

/* Long strings, so the sixteen-byte blocks of the SIMD path are used: every
 * kind of error at every offset, in and across blocks, agrees with the
 * scalar loop. */
TEST(utf8_valid_prefix_simd_matches_scalar)
{
	static const char *const pieces[] = { "a", " ", "abcdefghijklmnopq", "ก", "น้ำ", "ที่",
		"\xC3\xA9", "\xE2\x80\x8B", "\xF0\x9F\x98\x80", "\xE0\x80\x80", "\xED\xA0\x80",
		"\xED\x9F\xBF", "\xF4\x90\x80\x80", "\xF0\x8F\xBF\xBF", "\xF5\x80\x80\x80",
		"\xC0\xAF", "\xC1\xBF", "\xC2\x80", "\x80", "\xBF", "\xFF", "\xE0\xB8", "\xF0\x9F",
		"\xF0\x9F\x98", "\xEF\xBB\xBF", "\xF4\x8F\xBF\xBF", "\xE0\xA0\x80",
		"\xEE\x80\x80", "\xF1\x80\x80\x80" };
	const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
	unsigned seed = 777;
	char buf[1024];
	long simd_used = 0;
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		/* Mostly valid text with at most one bad piece, as in real files. */
		seed = seed * 1103515245u + 12345u;
		int k = 20 + (int)((seed >> 16) % 200);
		seed = seed * 1103515245u + 12345u;
		int bad_at = (int)((seed >> 16) % (unsigned)(k + 1));
		for (int j = 0; j < k; j++) {
			seed = seed * 1103515245u + 12345u;
			size_t pick = (seed >> 16) % npieces;
			if (j != bad_at && round % 3 != 0)
				pick = (seed >> 16) % 6;
			const char *p = pieces[pick];
			size_t pl = strlen(p);
			if (n + pl > sizeof(buf))
				break;
			memcpy(buf + n, p, pl);
			n += pl;
		}
		seed = seed * 1103515245u + 12345u;
		size_t cut = round % 2 ? n : (seed >> 16) % (n + 1);
		size_t got = utf8_valid_prefix(buf, cut);
		CHECK_INT(got, utf8_valid_prefix_scalar(buf, cut));
		if (got != valid_prefix_reference(buf, cut)) {
			CHECK_INT(got, valid_prefix_reference(buf, cut));
			break;
		}
		simd_used += cut >= 64;
	}
	CHECK(simd_used > 5000);
}

/* ---- the reader's own splitting of quoted lines against libcsv ---- */

typedef struct Transcript {
	char *s;
	size_t n, cap;
} Transcript;

static void
transcript_add(Transcript *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		t->cap = (t->n + n + 1) * 2;
		t->s = realloc(t->s, t->cap);
	}
	memcpy(t->s + t->n, s, n);
	t->n += n;
	t->s[t->n] = '\0';
}

static int
transcribe(void *ctx, const SourceRow *row)
{
	char head[64];
	int k = snprintf(head, sizeof(head), "@%ld:%zu", row->line, row->nfields);
	transcript_add(ctx, head, (size_t)k);
	for (size_t i = 0; i < row->nfields; i++) {
		transcript_add(ctx, "|", 1);
		transcript_add(ctx, row->fields[i], row->lens[i]);
		if (strlen(row->fields[i]) != row->lens[i])
			transcript_add(ctx, "!len", 4);
	}
	transcript_add(ctx, "\n", 1);
	return 0;
}

/* Everything a reading of data yields: rows, fields, status, diagnostics. */
static char *
read_transcript(const char *data, size_t len, const ReadLimits *lim, int libcsv_only)
{
	Transcript t = { 0 };
	Diag *d = diag_new(NULL);
	csvread_libcsv_only = libcsv_only;
	int rc = csvread_buffer("q.csv", data, len, lim, transcribe, &t, NULL, d);
	csvread_libcsv_only = 0;
	char buf[512];
	int k = snprintf(buf, sizeof(buf), "rc %d\n", rc);
	transcript_add(&t, buf, (size_t)k);
	for (size_t i = 0; i < diag_nrecords(d); i++) {
		diag_format(diag_record(d, i), buf, sizeof(buf));
		transcript_add(&t, buf, strlen(buf));
		transcript_add(&t, "\n", 1);
	}
	diag_free(d);
	return t.s;
}

/* Lines built from pieces of every shape a quoted field can take, well or
 * badly formed, read both ways: the same rows, fields and messages. */
TEST(csv_quoted_lines_split_as_libcsv_does)
{
	static const char *const pieces[] = { "\"abc\"", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"\"",
		"\"\"\"\"", " \"sp\" ", "\t\"tab\"\t", "plain", " pl ain ", "", "\"ก,ข\"",
		"\"\xE2\x80\x8B" "zw\"", "\"  inner  \"", "\"two\nlines\"", "\"cr\r\nlf\"", "a\"b",
		"\"open", "\"x\"y", "\"x\" y", "\"x\"\"", "\xEF\xBB\xBF\"bom\"", "\"\"\"a\"\"\"", "\"ค\"" };
	const size_t np = sizeof(pieces) / sizeof(pieces[0]);
	static const char *const ends[] = { "\n", "\r\n", "\r", ",\n", "" };
	ReadLimits lim = { 1 << 20, 12, 6, 50 };
	unsigned seed = 4242;
	char data[2048];
	int differ = 0;
	for (int round = 0; round < 4000 && !differ; round++) {
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		int lines = 1 + (int)((seed >> 16) % 6);
		for (int l = 0; l < lines; l++) {
			seed = seed * 1103515245u + 12345u;
			int fields = 1 + (int)((seed >> 16) % 7);
			for (int f = 0; f < fields; f++) {
				seed = seed * 1103515245u + 12345u;
				/* Mostly well-formed pieces, so whole lines take the fast path. */
				size_t pick = (seed >> 16) % np;
				if (round % 2 && pick >= 15)
					pick %= 13;
				n += (size_t)snprintf(data + n, sizeof(data) - n, "%s%s", f ? "," : "",
				    pieces[pick]);
			}
			seed = seed * 1103515245u + 12345u;
			n += (size_t)snprintf(data + n, sizeof(data) - n, "%s", ends[(seed >> 16) % 5]);
		}
		char *fast = read_transcript(data, n, &lim, 0);
		char *slow = read_transcript(data, n, &lim, 1);
		if (strcmp(fast, slow) != 0) {
			fprintf(stderr, "input: [%.*s]\nsplit here:\n%s\nlibcsv:\n%s\n", (int)n, data, fast, slow);
			differ = 1;
		}
		free(fast);
		free(slow);
	}
	CHECK(!differ);
}

/* A NUL would cut a field without a word (fields are C strings): the file
 * is refused, naming where; UTF-16 without its BOM is the usual cause. */
TEST(csv_nul_byte_is_an_error)
{
	static const char data[] = "a,b\n1,x\0y\n";
	Rows r;
	memset(&r, 0, sizeof(r));
	Diag *d = diag_new(NULL);
	CHECK_INT(csvread_buffer("n.csv", data, sizeof(data) - 1, &big, collect, &r, NULL, d), -1);
	CHECK_INT(r.n, 0);
	CHECK_INT(diag_nrecords(d), 1);
	CHECK_INT(diag_record(d, 0)->line, 2);
	CHECK_INT(diag_record(d, 0)->col, 4);
	CHECK(strstr(diag_record(d, 0)->text, "NUL") != NULL);
	diag_free(d);

	/* "a,b" in UTF-16LE without a BOM. */
	static const char u16[] = "a\0,\0b\0\n\0";
	d = diag_new(NULL);
	CHECK_INT(csvread_buffer("u.csv", u16, sizeof(u16) - 1, &big, collect, &r, NULL, d), -1);
	CHECK(strstr(diag_record(d, 0)->text, "UTF-16") != NULL);
	diag_free(d);

	/* With its BOM, zero bytes are UTF-16's; a NUL character is not. */
	static const char bom[] = "\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0\0\0\n\0";
	d = diag_new(NULL);
	CHECK_INT(csvread_buffer("b.csv", bom, sizeof(bom) - 1, &big, collect, &r, NULL, d), -1);
	CHECK(strstr(diag_record(d, 0)->text, "NUL") != NULL);
	diag_free(d);
	static const char ok[] = "\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0";
	memset(&r, 0, sizeof(r));
	d = diag_new(NULL);
	CHECK_INT(csvread_buffer("b.csv", ok, sizeof(ok) - 1, &big, collect, &r, NULL, d), 0);
	CHECK_INT(r.n, 2);
	CHECK_STR(r.text[1][1], "2");
	diag_free(d);
}

/* Pass 1's line count skips text with memchr; the byte loop is the rule.
 * Random texts of CR, LF and letters, cut into random chunks (a CR at one
 * chunk's end and its LF at the next's start included): the same count,
 * state and all. */
TEST(csv_count_breaks_agrees_with_the_byte_loop)
{
	unsigned x = 7;
	int bad = 0;
	char text[600];
	for (int round = 0; round < 3000 && !bad; round++) {
		size_t n = (size_t)(round % 599) + 1;
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			unsigned k = (x >> 16) % (round % 3 == 0 ? 4 : 40);
			text[i] = k == 0 ? '\r' : k == 1 ? '\n' : k == 2 ? ' ' : 'a';
		}
		Scan fast = { 0 }, slow = { 0 };
		for (size_t at = 0; at < n;) {
			x = x * 1103515245u + 12345u;
			size_t len = 1 + (x >> 16) % 97;
			if (len > n - at)
				len = n - at;
			csv_count_breaks(text + at, len, &fast);
			csv_count_breaks_scalar(text + at, len, &slow);
			at += len;
		}
		bad = fast.breaks != slow.breaks || fast.in_line != slow.in_line || fast.cr_last != slow.cr_last;
	}
	CHECK(!bad);
}
