/* test_numfmt.c - thousands separators, exact rounding, Thai digits, BAHTTEXT, money parsing. */
#include "test.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "core/cnum.h"
#include "core/numfmt.h"
#include "core/utf8.h"

/* Each formatter's result in a static buffer, checking that the returned
 * length is the length written. */
static char out[1024];

#define CHECKED(call) (check_len((call), __FILE__, __LINE__), out)

static void
check_len(size_t n, const char *file, int line)
{
	if (n != strlen(out))
		test_fail(file, line, "returned length %zu, wrote %zu", n, strlen(out));
}

static const char *
fint(long long v, unsigned flags)
{
	return CHECKED(num_format_int(v, flags, out, sizeof out));
}

static const char *
money(long long satang, unsigned flags)
{
	return CHECKED(num_format_money(satang, flags, out, sizeof out));
}

static const char *
pct(long long num, long long den)
{
	return CHECKED(num_format_percent(num, den, 0, out, sizeof out));
}

static const char *
quot(long long num, long long den, int scale, int dec)
{
	return CHECKED(num_format_quotient(num, den, scale, dec, 0, out, sizeof out));
}

static const char *
dbl(double v, int dec)
{
	return CHECKED(num_format_double(v, dec, 0, out, sizeof out));
}

static const char *
baht(long long satang)
{
	return CHECKED(num_baht_text(satang, out, sizeof out));
}

/* Exact-size heap copies without a NUL, so ASan sees any read past len. */
static NumStatus
pmoney(const char *text, long long *v)
{
	size_t len = strlen(text);
	char *buf = malloc(len ? len : 1);
	memcpy(buf, text, len);
	NumStatus st = num_parse_money(buf, len, v);
	free(buf);
	return st;
}

static NumStatus
pint(const char *text, long long min, long long max, long long *v)
{
	size_t len = strlen(text);
	char *buf = malloc(len ? len : 1);
	memcpy(buf, text, len);
	NumStatus st = num_parse_int(buf, len, min, max, v);
	free(buf);
	return st;
}

TEST(num_integers_with_separators)
{
	CHECK_STR(fint(0, 0), "0");
	CHECK_STR(fint(7, 0), "7");
	CHECK_STR(fint(999, 0), "999");
	CHECK_STR(fint(1000, 0), "1,000");
	CHECK_STR(fint(500000, 0), "500,000");
	CHECK_STR(fint(1234567, 0), "1,234,567");
	CHECK_STR(fint(-1250, 0), "-1,250");
	CHECK_STR(fint(-999, 0), "-999");
	CHECK_STR(fint(LLONG_MAX, 0), "9,223,372,036,854,775,807");
	CHECK_STR(fint(LLONG_MIN, 0), "-9,223,372,036,854,775,808");
	CHECK_STR(fint(500000, NUM_NO_GROUPING), "500000");
	CHECK_STR(fint(500000, NUM_THAI_DIGITS), "๕๐๐,๐๐๐");
	CHECK_STR(fint(-1234567890, NUM_THAI_DIGITS), "-๑,๒๓๔,๕๖๗,๘๙๐");
	CHECK_STR(fint(117, NUM_THAI_DIGITS | NUM_NO_GROUPING), "๑๑๗");
}

TEST(num_money_from_satang)
{
	CHECK_STR(money(21235050, 0), "212,350.50");
	CHECK_STR(money(50000000, 0), "500,000.00");
	CHECK_STR(money(50000000, NUM_TRIM_SATANG), "500,000");
	CHECK_STR(money(21235050, NUM_TRIM_SATANG), "212,350.50");
	CHECK_STR(money(-125050, 0), "-1,250.50");
	CHECK_STR(money(0, 0), "0.00");
	CHECK_STR(money(5, 0), "0.05");
	CHECK_STR(money(-5, 0), "-0.05");
	CHECK_STR(money(-100, NUM_TRIM_SATANG), "-1");
	CHECK_STR(money(99, 0), "0.99");
	CHECK_STR(money(100000, NUM_NO_GROUPING), "1000.00");
	CHECK_STR(money(21235050, NUM_THAI_DIGITS), "๒๑๒,๓๕๐.๕๐");
	CHECK_STR(money(LLONG_MAX, 0), "92,233,720,368,547,758.07");
	CHECK_STR(money(LLONG_MIN, 0), "-92,233,720,368,547,758.08");
}

TEST(num_percentages_round_half_away_exactly)
{
	CHECK_STR(pct(38, 39), "97.44");
	CHECK_STR(pct(1, 3), "33.33");
	CHECK_STR(pct(2, 3), "66.67");
	CHECK_STR(pct(117, 117), "100.00");
	CHECK_STR(pct(0, 117), "0.00");
	CHECK_STR(pct(5, 0), "-");
	CHECK_STR(pct(0, 0), "-");
	CHECK_STR(pct(1, 800), "0.13");       /* 0.125 exactly: a tie, away from zero */
	CHECK_STR(pct(-1, 800), "-0.13");
	CHECK_STR(pct(1, -800), "-0.13");
	CHECK_STR(pct(-1, -800), "0.13");
	CHECK_STR(pct(3, 800), "0.38");       /* 0.375 */
	CHECK_STR(pct(1, 80000), "0.00");     /* 0.00125 */
	CHECK_STR(pct(-1, 80000), "0.00");    /* no "-0.00" */
	CHECK_STR(pct(99999, 100000), "100.00");
	CHECK_STR(pct(212350, 500000), "42.47");
	CHECK_STR(pct(1, 2), "50.00");
	CHECK_STR(pct(12345678, 100), "12,345,678.00");
	CHECK_STR(pct(LLONG_MAX, 1), "922,337,203,685,477,580,700.00");
	CHECK_STR(pct(LLONG_MIN, LLONG_MIN), "100.00");
	CHECK_STR(pct(LLONG_MAX - 1, LLONG_MAX), "100.00");
	CHECK_STR(pct(1, LLONG_MAX), "0.00");
	CHECK_STR(CHECKED(num_format_percent(38, 39, NUM_THAI_DIGITS, out, sizeof out)), "๙๗.๔๔");
	/* 4.505 from exact decimal arithmetic prints 4.51; %.2f of the double
	 * 4.505 would print 4.50. */
	CHECK_STR(quot(901, 200, 0, 2), "4.51");
	CHECK_STR(quot(-901, 200, 0, 2), "-4.51");
	CHECK_STR(quot(9009, 2000, 0, 2), "4.50");        /* 4.5045 */
	CHECK_STR(quot(9999995, 1000, 0, 2), "10,000.00"); /* 9999.995: carry through */
	CHECK_STR(quot(5, 10, 0, 0), "1");
	CHECK_STR(quot(-5, 10, 0, 0), "-1");
	CHECK_STR(quot(4, 10, 0, 0), "0");
	CHECK_STR(quot(351, 100, 0, 2), "3.51");
	CHECK_STR(quot(1, 3, 0, 9), "0.333333333");
	CHECK_STR(quot(2, 3, 9, 9), "666,666,666.666666667");
	CHECK_STR(quot(7, 1, 3, 1), "7,000.0");
	/* Against a brute-force rounding of n/d for many small fractions. */
	int bad = 0;
	for (long long d = 1; d <= 300; d++)
		for (long long n = -3 * d; n <= 3 * d; n++) {
			long long scaled = n * 10000;          /* percent x 100 */
			long long q = scaled / d, r = scaled % d;
			if (r != 0 && 2 * llabs(r) >= d)
				q += (scaled < 0) ? -1 : 1;
			char want[64];
			snprintf(want, sizeof want, "%s%lld.%02lld", q < 0 ? "-" : "",
				llabs(q) / 100, llabs(q) % 100);
			if (strcmp(pct(n, d), want) != 0)
				bad++;
		}
	CHECK_INT(bad, 0);
}

TEST(num_doubles_round_as_written)
{
	CHECK_STR(dbl(4.505, 2), "4.51");
	CHECK_STR(dbl(-4.505, 2), "-4.51");
	CHECK_STR(dbl(2.675, 2), "2.68");
	CHECK_STR(dbl(1.005, 2), "1.01");
	CHECK_STR(dbl(0.125, 2), "0.13");
	CHECK_STR(dbl(97.43589743589743, 2), "97.44");
	CHECK_STR(dbl(9.995, 2), "10.00");
	CHECK_STR(dbl(0.5, 0), "1");
	CHECK_STR(dbl(2.5, 0), "3");
	CHECK_STR(dbl(-0.5, 0), "-1");
	CHECK_STR(dbl(1234.5, 1), "1,234.5");
	CHECK_STR(dbl(0, 2), "0.00");
	CHECK_STR(dbl(-0.0, 2), "0.00");
	CHECK_STR(dbl(1e-10, 2), "0.00");
	CHECK_STR(dbl(-1e-10, 2), "0.00");
	CHECK_STR(dbl(0.0049999, 2), "0.00");
	CHECK_STR(dbl(0.005, 2), "0.01");
	CHECK_STR(dbl(1e20, 2), "100,000,000,000,000,000,000.00");
	CHECK_STR(dbl(123456789.125, 2), "123,456,789.13");
	CHECK_STR(dbl(3.51, 2), "3.51");
	CHECK_STR(dbl(NAN, 2), "-");
	CHECK_STR(dbl(INFINITY, 2), "-");
	CHECK_STR(dbl(-INFINITY, 2), "-");
	/* The largest double: 309 integer digits and 102 commas. */
	const char *big = dbl(1.7976931348623157e308, 2);
	CHECK_INT(strlen(big), 309 + 102 + 3);
	CHECK(strncmp(big, "179,769,313,486,231,57", 22) == 0);
	CHECK_STR(CHECKED(num_format_double(4.505, 2, NUM_THAI_DIGITS, out, sizeof out)), "๔.๕๑");
	/* Many x.xx5 values written in decimal round up, as a person expects. */
	int bad = 0;
	for (int i = 0; i < 100000; i++) {
		char text[32], want[32];
		snprintf(text, sizeof text, "%d.%02d5", i / 100, i % 100);
		long long h = (long long)i + 1;
		snprintf(want, sizeof want, "%lld.%02lld", h / 100, h % 100);
		num_format_double(c_strtod(text, NULL), 2, NUM_NO_GROUPING, out, sizeof out);   /* the test reads the C way too */
		if (strcmp(out, want) != 0)
			bad++;
	}
	CHECK_INT(bad, 0);
}

TEST(num_doubles_ignore_the_c_locale)
{
	/* The Makefile runs the suite again with LC_NUMERIC=fr_FR.UTF-8; here
	 * the locale is switched in-process when the machine has one with a
	 * decimal comma (otherwise this runs in "C" and still must pass). */
	const char *names[] = { "fr_FR.UTF-8", "fr_FR.utf8", "de_DE.UTF-8", "de_DE.utf8" };
	char *saved = strdup(setlocale(LC_NUMERIC, NULL));
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (setlocale(LC_NUMERIC, names[i]))
			break;
	CHECK_STR(dbl(4.505, 2), "4.51");
	CHECK_STR(dbl(1234.5, 1), "1,234.5");
	CHECK_STR(dbl(0.125, 2), "0.13");
	CHECK_STR(money(21235050, 0), "212,350.50");
	long long v = 0;
	CHECK_INT(pmoney("7,500.50", &v), NUM_OK);
	CHECK_INT(v, 750050);
	setlocale(LC_NUMERIC, saved);
	free(saved);
}

TEST(num_bahttext_cases)
{
	CHECK_STR(baht(0), "ศูนย์บาทถ้วน");
	CHECK_STR(baht(100), "หนึ่งบาทถ้วน");
	CHECK_STR(baht(200), "สองบาทถ้วน");
	CHECK_STR(baht(1000), "สิบบาทถ้วน");
	CHECK_STR(baht(1100), "สิบเอ็ดบาทถ้วน");
	CHECK_STR(baht(1200), "สิบสองบาทถ้วน");
	CHECK_STR(baht(2000), "ยี่สิบบาทถ้วน");
	CHECK_STR(baht(2100), "ยี่สิบเอ็ดบาทถ้วน");
	CHECK_STR(baht(2500), "ยี่สิบห้าบาทถ้วน");
	CHECK_STR(baht(3100), "สามสิบเอ็ดบาทถ้วน");
	CHECK_STR(baht(9900), "เก้าสิบเก้าบาทถ้วน");
	CHECK_STR(baht(10000), "หนึ่งร้อยบาทถ้วน");
	CHECK_STR(baht(10100), "หนึ่งร้อยหนึ่งบาทถ้วน");
	CHECK_STR(baht(11000), "หนึ่งร้อยสิบบาทถ้วน");
	CHECK_STR(baht(11100), "หนึ่งร้อยสิบเอ็ดบาทถ้วน");
	CHECK_STR(baht(12000), "หนึ่งร้อยยี่สิบบาทถ้วน");
	CHECK_STR(baht(12100), "หนึ่งร้อยยี่สิบเอ็ดบาทถ้วน");
	CHECK_STR(baht(20100), "สองร้อยหนึ่งบาทถ้วน");
	CHECK_STR(baht(100000), "หนึ่งพันบาทถ้วน");
	CHECK_STR(baht(100100), "หนึ่งพันหนึ่งบาทถ้วน");
	CHECK_STR(baht(101100), "หนึ่งพันสิบเอ็ดบาทถ้วน");
	CHECK_STR(baht(1000000), "หนึ่งหมื่นบาทถ้วน");
	CHECK_STR(baht(1200000), "หนึ่งหมื่นสองพันบาทถ้วน");
	CHECK_STR(baht(10000000), "หนึ่งแสนบาทถ้วน");
	CHECK_STR(baht(50000000), "ห้าแสนบาทถ้วน");
	CHECK_STR(baht(21235050), "สองแสนหนึ่งหมื่นสองพันสามร้อยห้าสิบบาทห้าสิบสตางค์");
	CHECK_STR(baht(99999900), "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทถ้วน");
	CHECK_STR(baht(100000000), "หนึ่งล้านบาทถ้วน");
	CHECK_STR(baht(100000100), "หนึ่งล้านหนึ่งบาทถ้วน");
	CHECK_STR(baht(100001100), "หนึ่งล้านสิบเอ็ดบาทถ้วน");
	CHECK_STR(baht(123456789), "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์");
	CHECK_STR(baht(1100000000), "สิบเอ็ดล้านบาทถ้วน");
	CHECK_STR(baht(2100000100), "ยี่สิบเอ็ดล้านหนึ่งบาทถ้วน");
	CHECK_STR(baht(2100002100), "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน");
	CHECK_STR(baht(10100000000), "หนึ่งร้อยหนึ่งล้านบาทถ้วน");
	CHECK_STR(baht(10000000000000), "หนึ่งแสนล้านบาทถ้วน");
	CHECK_STR(baht(100000000000000), "หนึ่งล้านล้านบาทถ้วน");
	CHECK_STR(baht(100000100000000), "หนึ่งล้านหนึ่งล้านบาทถ้วน");
	CHECK_STR(baht(110000000000000), "หนึ่งล้านหนึ่งแสนล้านบาทถ้วน");
	CHECK_STR(baht(1000000000000000), "สิบล้านล้านบาทถ้วน");
	CHECK_STR(baht(2100000000000100), "ยี่สิบเอ็ดล้านล้านหนึ่งบาทถ้วน");
	/* Satang only, and satang after baht. */
	CHECK_STR(baht(50), "ห้าสิบสตางค์");
	CHECK_STR(baht(1), "หนึ่งสตางค์");
	CHECK_STR(baht(10), "สิบสตางค์");
	CHECK_STR(baht(11), "สิบเอ็ดสตางค์");
	CHECK_STR(baht(21), "ยี่สิบเอ็ดสตางค์");
	CHECK_STR(baht(99), "เก้าสิบเก้าสตางค์");
	CHECK_STR(baht(101), "หนึ่งบาทหนึ่งสตางค์");
	CHECK_STR(baht(2125), "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์");
	CHECK_STR(baht(100000001), "หนึ่งล้านบาทหนึ่งสตางค์");
	/* Negatives. */
	CHECK_STR(baht(-100), "ลบหนึ่งบาทถ้วน");
	CHECK_STR(baht(-50), "ลบห้าสิบสตางค์");
	CHECK_STR(baht(-123456789), "ลบหนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์");
	/* The extremes of a long long. */
	CHECK_STR(baht(LLONG_MAX),
		"เก้าหมื่นสองพันสองร้อยสามสิบสามล้าน"
		"เจ็ดแสนสองหมื่นสามร้อยหกสิบแปดล้าน"
		"ห้าแสนสี่หมื่นเจ็ดพันเจ็ดร้อยห้าสิบแปดบาทเจ็ดสตางค์");
	CHECK_STR(baht(LLONG_MIN),
		"ลบเก้าหมื่นสองพันสองร้อยสามสิบสามล้าน"
		"เจ็ดแสนสองหมื่นสามร้อยหกสิบแปดล้าน"
		"ห้าแสนสี่หมื่นเจ็ดพันเจ็ดร้อยห้าสิบแปดบาทแปดสตางค์");
}

/* An independent speller for 1..99,999 baht by the rules, used to check every
 * value below one hundred thousand. */
static void
spell_reference(long long v, char *buf, size_t size)
{
	static const char *const dg[10] = {
		"", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"
	};
	static const char *const place[5] = { "", "สิบ", "ร้อย", "พัน", "หมื่น" };
	buf[0] = '\0';
	int digits[5];
	for (int i = 0; i < 5; i++) {
		digits[i] = (int)(v % 10);
		v /= 10;
	}
	for (int p = 4; p >= 0; p--) {
		int x = digits[p];
		if (x == 0)
			continue;
		const char *word = dg[x];
		if (p == 1 && x == 1)
			word = "";
		else if (p == 1 && x == 2)
			word = "ยี่";
		else if (p == 0 && x == 1 && digits[1] != 0)
			word = "เอ็ด";
		strncat(buf, word, size - strlen(buf) - 1);
		strncat(buf, place[p], size - strlen(buf) - 1);
	}
}

TEST(num_bahttext_every_value_below_100000)
{
	int bad = 0;
	for (long long v = 1; v < 100000; v++) {
		char want[512];
		spell_reference(v, want, sizeof want - 40);
		strncat(want, "บาทถ้วน", sizeof want - strlen(want) - 1);
		if (strcmp(baht(v * 100), want) != 0) {
			if (bad++ < 3)
				test_fail(__FILE__, __LINE__, "%lld: %s, want %s", v, out, want);
		}
	}
	CHECK_INT(bad, 0);
}

TEST(num_bahttext_truncates_whole_characters)
{
	char buf[256];
	size_t full = num_baht_text(123456789, NULL, 0);
	CHECK_INT(full, strlen("หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์"));
	for (size_t size = 1; size < 200; size++) {
		memset(buf, 'X', sizeof buf);
		CHECK_INT(num_baht_text(123456789, buf, size), full);
		size_t got = strlen(buf);
		CHECK(got < size);
		CHECK_INT(utf8_valid_prefix(buf, got), got);
		CHECK(buf[size] == 'X');
	}
	memset(buf, 'X', sizeof buf);
	CHECK_INT(num_format_money(21235050, 0, buf, 5), 10);
	CHECK_STR(buf, "212,");
	CHECK_INT(num_format_int(500000, NUM_THAI_DIGITS, buf, 4), 19);
	CHECK_STR(buf, "๕");
	CHECK_INT(num_format_int(5, 0, buf, 0), 1);
	CHECK_STR(buf, "๕");  /* size 0 writes nothing */
}

TEST(num_parse_money_accepts_office_text)
{
	long long v = 0;
	CHECK_INT(pmoney("7,500.00", &v), NUM_OK);
	CHECK_INT(v, 750000);
	CHECK_INT(pmoney("3600", &v), NUM_OK);
	CHECK_INT(v, 360000);
	CHECK_INT(pmoney("210,000 บาท", &v), NUM_OK);
	CHECK_INT(v, 21000000);
	CHECK_INT(pmoney("210,000บาท", &v), NUM_OK);
	CHECK_INT(v, 21000000);
	CHECK_INT(pmoney(" 12,000 ", &v), NUM_OK);
	CHECK_INT(v, 1200000);
	CHECK_INT(pmoney("-1,250.50", &v), NUM_OK);
	CHECK_INT(v, -125050);
	CHECK_INT(pmoney("+5", &v), NUM_OK);
	CHECK_INT(v, 500);
	CHECK_INT(pmoney("7,500.5", &v), NUM_OK);
	CHECK_INT(v, 750050);
	CHECK_INT(pmoney("0.05", &v), NUM_OK);
	CHECK_INT(v, 5);
	CHECK_INT(pmoney("1,500.-", &v), NUM_OK);
	CHECK_INT(v, 150000);
	CHECK_INT(pmoney("฿1,500", &v), NUM_OK);
	CHECK_INT(v, 150000);
	CHECK_INT(pmoney("๑,๒๐๐.๕๐", &v), NUM_OK);
	CHECK_INT(v, 120050);
	CHECK_INT(pmoney("1,234,567.89", &v), NUM_OK);
	CHECK_INT(v, 123456789);
	CHECK_INT(pmoney("007", &v), NUM_OK);
	CHECK_INT(v, 700);
	CHECK_INT(pmoney("92233720368547758.07", &v), NUM_OK);
	CHECK_INT(v, LLONG_MAX);
	CHECK_INT(pmoney("-92233720368547758.07", &v), NUM_OK);
	CHECK_INT(v, -LLONG_MAX);
	/* len bounds the read. */
	CHECK_INT(num_parse_money("3600xyz", 4, &v), NUM_OK);
	CHECK_INT(v, 360000);
}

TEST(num_parse_money_rejects)
{
	long long v = 42;
	CHECK_INT(pmoney("1.234", &v), NUM_ERR_PRECISION);
	CHECK_INT(pmoney("1.230", &v), NUM_ERR_PRECISION);
	CHECK_INT(pmoney("9.30E+07", &v), NUM_ERR_EXPONENT);
	CHECK_INT(pmoney("1e5", &v), NUM_ERR_EXPONENT);
	CHECK_INT(pmoney("12a", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("12e", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("", &v), NUM_ERR_EMPTY);
	CHECK_INT(pmoney("   ", &v), NUM_ERR_EMPTY);
	CHECK_INT(pmoney("-", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("บาท", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("12.", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney(".5", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("1.2.3", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("12 34", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("12,", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("- 5", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("5 บาท บาท", &v), NUM_ERR_FORMAT);
	CHECK_INT(pmoney("1,00", &v), NUM_ERR_GROUPING);
	CHECK_INT(pmoney("1,0000", &v), NUM_ERR_GROUPING);
	CHECK_INT(pmoney("1234,567", &v), NUM_ERR_GROUPING);
	CHECK_INT(pmoney("92233720368547758.08", &v), NUM_ERR_RANGE);
	CHECK_INT(pmoney("99999999999999999999999", &v), NUM_ERR_RANGE);
	CHECK_INT(pmoney("-99999999999999999999999.99", &v), NUM_ERR_RANGE);
	CHECK_INT(v, 42);   /* untouched by every rejection */
}

TEST(num_parse_int_counts)
{
	long long v = 0;
	CHECK_INT(pint("1,234", 0, 100000, &v), NUM_OK);
	CHECK_INT(v, 1234);
	CHECK_INT(pint(" 12 ", 0, 100, &v), NUM_OK);
	CHECK_INT(v, 12);
	CHECK_INT(pint("12.00", 0, 100, &v), NUM_OK);
	CHECK_INT(v, 12);
	CHECK_INT(pint("๑๑๗", 0, 1000, &v), NUM_OK);
	CHECK_INT(v, 117);
	CHECK_INT(pint("-3", -10, 10, &v), NUM_OK);
	CHECK_INT(v, -3);
	CHECK_INT(pint("9223372036854775807", LLONG_MIN, LLONG_MAX, &v), NUM_OK);
	CHECK_INT(v, LLONG_MAX);
	CHECK_INT(pint("9223372036854775808", LLONG_MIN, LLONG_MAX, &v), NUM_ERR_RANGE);
	CHECK_INT(pint("-3", 0, 10, &v), NUM_ERR_RANGE);
	CHECK_INT(pint("11", 0, 10, &v), NUM_ERR_RANGE);
	CHECK_INT(pint("2.5", 0, 10, &v), NUM_ERR_PRECISION);
	CHECK_INT(pint("1.000", 0, 10000, &v), NUM_ERR_PRECISION);
	CHECK_INT(pint("12 บาท", 0, 100, &v), NUM_ERR_FORMAT);
	CHECK_INT(pint("฿12", 0, 100, &v), NUM_ERR_FORMAT);
	CHECK_INT(pint("9.30E+07", 0, LLONG_MAX, &v), NUM_ERR_EXPONENT);
	CHECK_INT(pint("", 0, 1, &v), NUM_ERR_EMPTY);
}

TEST(num_digit_reader)
{
	int d = -1;
	CHECK_INT(num_digit("7", 1, &d), 1);
	CHECK_INT(d, 7);
	CHECK_INT(num_digit("๙x", 4, &d), 3);
	CHECK_INT(num_digit("๐", 3, &d), 3);
	CHECK_INT(d, 0);
	CHECK_INT(num_digit("๙", 2, &d), 0);     /* cut short by len */
	CHECK_INT(num_digit("ก", 3, &d), 0);
	CHECK_INT(num_digit("a", 1, &d), 0);
	CHECK_INT(num_digit("5", 0, &d), 0);
}

TEST(num_status_messages)
{
	for (int st = NUM_OK; st <= NUM_ERR_RANGE; st++) {
		CHECK(strlen(num_status_text((NumStatus)st)) > 0);
		CHECK(st == NUM_OK || strlen(num_status_hint((NumStatus)st)) > 0);
	}
}
