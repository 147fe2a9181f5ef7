/* test_calendar.c - dates, BE/CE, fiscal and academic years, Thai date text and parsing. */
#include "test.h"

#include <stdlib.h>

#include "core/calendar.h"
#include "core/utf8.h"

static CalDate
D(int y, int m, int d)
{
	return (CalDate){ y, m, d };
}

#define CHECK_DATE(got, y, m, d) do { CalDate g__ = (got); \
	if (g__.year != (y) || g__.month != (m) || g__.day != (d)) \
		test_fail(__FILE__, __LINE__, "%s = %04d-%02d-%02d, want %04d-%02d-%02d", #got, \
			g__.year, g__.month, g__.day, (y), (m), (d)); } while (0)

/* The parsers get an exact-size heap copy with no NUL after it, so that
 * AddressSanitizer catches any read past len. */
static CalStatus
parse(const char *text, CalDate *out)
{
	size_t len = strlen(text);
	char *buf = malloc(len ? len : 1);
	memcpy(buf, text, len);
	CalStatus st = cal_parse_date(buf, len, CAL_BE_THRESHOLD, out);
	free(buf);
	return st;
}

static CalStatus
parse_dt(const char *text, CalDateTime *out)
{
	size_t len = strlen(text);
	char *buf = malloc(len ? len : 1);
	memcpy(buf, text, len);
	CalStatus st = cal_parse_datetime(buf, len, CAL_BE_THRESHOLD, out);
	free(buf);
	return st;
}

static CalStatus
parse_iso(const char *text, CalDate *out)
{
	size_t len = strlen(text);
	char *buf = malloc(len ? len : 1);
	memcpy(buf, text, len);
	CalStatus st = cal_parse_iso(buf, len, out);
	free(buf);
	return st;
}

static const char *
fmt(CalDate d, CalFormat f, unsigned flags)
{
	static char buf[256];
	size_t n = cal_format(d, f, flags, buf, sizeof buf);
	CHECK_INT(n, strlen(buf));
	return buf;
}

TEST(cal_leap_years_and_month_lengths)
{
	CHECK(cal_is_leap(2016));
	CHECK(cal_is_leap(2000));
	CHECK(!cal_is_leap(1900));
	CHECK(!cal_is_leap(2015));
	CHECK(!cal_is_leap(2100));
	CHECK_INT(cal_days_in_month(2016, 2), 29);
	CHECK_INT(cal_days_in_month(2015, 2), 28);
	CHECK_INT(cal_days_in_month(2015, 4), 30);
	CHECK_INT(cal_days_in_month(2015, 12), 31);
	CHECK_INT(cal_days_in_month(2015, 13), 0);
	CHECK_INT(cal_days_in_month(2015, 0), 0);
	CHECK(cal_valid(D(2016, 2, 29)));
	CHECK(!cal_valid(D(2015, 2, 29)));
	CHECK(!cal_valid(D(2015, 2, 31)));
	CHECK(!cal_valid(D(2015, 4, 31)));
	CHECK(!cal_valid(D(2015, 0, 1)));
	CHECK(!cal_valid(D(2015, 1, 0)));
	CHECK(!cal_valid(D(0, 1, 1)));
	CHECK(!cal_valid(D(10000, 1, 1)));
	CHECK(cal_valid(D(9999, 12, 31)));
	CHECK(cal_valid(D(1, 1, 1)));
}

TEST(cal_day_numbers_round_trip)
{
	CHECK_INT(cal_days(D(1970, 1, 1)), 0);
	CHECK_INT(cal_days(D(1969, 12, 31)), -1);
	CHECK_INT(cal_days(D(2000, 3, 1)), 11017);
	CHECK_INT(cal_days(D(2015, 9, 30)) - cal_days(D(2014, 10, 1)), 364);
	CHECK_INT(cal_days(D(2016, 9, 30)) - cal_days(D(2015, 10, 1)), 365); /* leap FY 2559 */
	/* Every day from 0001-01-01 to 9999-12-31 maps back to itself and
	 * follows the previous one. */
	long first = cal_days(D(1, 1, 1)), last = cal_days(D(9999, 12, 31));
	CalDate prev = cal_from_days(first);
	CHECK_DATE(prev, 1, 1, 1);
	int bad = 0;
	for (long n = first + 1; n <= last; n++) {
		CalDate d = cal_from_days(n);
		/* The calendar's own successor of prev, computed by hand. */
		CalDate want = prev;
		if (++want.day > cal_days_in_month(want.year, want.month)) {
			want.day = 1;
			if (++want.month > 12) {
				want.month = 1;
				want.year++;
			}
		}
		if (!cal_valid(d) || cal_days(d) != n || cal_compare(want, d) != 0)
			bad++;
		prev = d;
	}
	CHECK_INT(bad, 0);
	CHECK_DATE(cal_from_days(last), 9999, 12, 31);
	CHECK_DATE(cal_add_days(D(2014, 12, 31), 1), 2015, 1, 1);
	CHECK_DATE(cal_add_days(D(2016, 2, 28), 1), 2016, 2, 29);
	CHECK_DATE(cal_add_days(D(2015, 3, 1), -1), 2015, 2, 28);
	CHECK_DATE(cal_add_days(D(2014, 10, 1), 364), 2015, 9, 30);
	CHECK(cal_compare(D(2014, 12, 31), D(2015, 1, 1)) < 0);
	CHECK(cal_compare(D(2015, 1, 1), D(2014, 12, 31)) > 0);
	CHECK(cal_compare(D(2015, 1, 1), D(2015, 1, 1)) == 0);
}

TEST(cal_weekdays)
{
	CHECK_INT(cal_weekday(D(1970, 1, 1)), CAL_THURSDAY);
	CHECK_INT(cal_weekday(D(1969, 12, 28)), CAL_SUNDAY);
	CHECK_INT(cal_weekday(D(2014, 10, 1)), CAL_WEDNESDAY);
	CHECK_INT(cal_weekday(D(2014, 12, 2)), CAL_TUESDAY);
	CHECK_INT(cal_weekday(D(2014, 12, 15)), CAL_MONDAY);
	CHECK_INT(cal_weekday(D(2015, 9, 30)), CAL_WEDNESDAY);
	CHECK_INT(cal_weekday(D(2000, 2, 29)), CAL_TUESDAY);
	CHECK_INT(cal_weekday(D(2026, 8, 22)), CAL_SATURDAY);
	CHECK_INT(cal_weekday(D(1, 1, 1)), CAL_MONDAY);
}

TEST(cal_be_ce_both_ways)
{
	CHECK_INT(cal_be_from_ce(2014), 2557);
	CHECK_INT(cal_be_from_ce(2015), 2558);
	CHECK_INT(cal_ce_from_be(2558), 2015);
	CHECK_INT(cal_ce_from_be(2557), 2014);
	CHECK_INT(cal_ce_from_be(cal_be_from_ce(1999)), 1999);
	CHECK_INT(cal_year_to_ce(2557, CAL_BE_THRESHOLD), 2014);
	CHECK_INT(cal_year_to_ce(2014, CAL_BE_THRESHOLD), 2014);
	CHECK_INT(cal_year_to_ce(2400, CAL_BE_THRESHOLD), 1857);
	CHECK_INT(cal_year_to_ce(2399, CAL_BE_THRESHOLD), 2399);
	CHECK_INT(cal_year_to_ce(2557, 2600), 2557);
	CHECK_INT(cal_year_to_ce(2557, 0), 2557);
	CHECK_INT(cal_year_to_ce(2014, 1), 1471);
}

TEST(cal_fiscal_year_2558)
{
	CHECK_DATE(cal_fy_first(2558), 2014, 10, 1);
	CHECK_DATE(cal_fy_last(2558), 2015, 9, 30);
	CHECK_DATE(cal_fy_first(2559), 2015, 10, 1);
	CHECK_DATE(cal_fy_last(2559), 2016, 9, 30);
	CHECK_INT(cal_fiscal_year(D(2014, 9, 30)), 2557);
	CHECK_INT(cal_fiscal_year(D(2014, 10, 1)), 2558);
	CHECK_INT(cal_fiscal_year(D(2014, 12, 31)), 2558);
	CHECK_INT(cal_fiscal_year(D(2015, 1, 1)), 2558);
	CHECK_INT(cal_fiscal_year(D(2015, 9, 30)), 2558);
	CHECK_INT(cal_fiscal_year(D(2015, 10, 1)), 2559);
	CHECK(cal_in_fy(D(2015, 6, 15), 2558));
	CHECK(!cal_in_fy(D(2015, 10, 1), 2558));
	CHECK(!cal_in_fy(D(2014, 9, 30), 2558));
	/* Every day of FY 2558 and only those. */
	int inside = 0;
	for (long n = cal_days(D(2014, 1, 1)); n <= cal_days(D(2016, 12, 31)); n++)
		inside += cal_in_fy(cal_from_days(n), 2558);
	CHECK_INT(inside, 365);
}

TEST(cal_fiscal_quarters_and_months)
{
	static const int fy_month[13] = { 0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3 };
	static const int quarter[13] = { 0, 2, 2, 2, 3, 3, 3, 4, 4, 4, 1, 1, 1 };
	for (int m = 1; m <= 12; m++) {
		CHECK_INT(cal_fy_month(D(2015, m, 10)), fy_month[m]);
		CHECK_INT(cal_fy_quarter(D(2015, m, 10)), quarter[m]);
	}
	CHECK_DATE(cal_fy_month_first(2558, 1), 2014, 10, 1);
	CHECK_DATE(cal_fy_month_first(2558, 3), 2014, 12, 1);
	CHECK_DATE(cal_fy_month_first(2558, 4), 2015, 1, 1);
	CHECK_DATE(cal_fy_month_first(2558, 12), 2015, 9, 1);
	for (int i = 1; i <= 12; i++) {
		CalDate d = cal_fy_month_first(2558, i);
		CHECK_INT(cal_fy_month(d), i);
		CHECK_INT(cal_fiscal_year(d), 2558);
	}
}

TEST(cal_fy_2558_has_52_tuesdays)
{
	CalDate t[60];
	size_t n = cal_fy_weekdays(2558, CAL_TUESDAY, t, 60);
	CHECK_INT(n, 52);
	CHECK_DATE(t[0], 2014, 10, 7);
	CHECK_DATE(t[51], 2015, 9, 29);
	int per_month[13] = { 0 };
	for (size_t i = 0; i < n && i < 60; i++) {
		CHECK_INT(cal_weekday(t[i]), CAL_TUESDAY);
		CHECK(cal_in_fy(t[i], 2558));
		if (i > 0)
			CHECK_INT(cal_days(t[i]) - cal_days(t[i - 1]), 7);
		per_month[t[i].month]++;
	}
	for (int m = 1; m <= 12; m++) {
		int five = m == 12 || m == 3 || m == 6 || m == 9;
		CHECK_INT(per_month[m], five ? 5 : 4);
	}
	/* FY 2558 starts and ends on a Wednesday: 53 of those. */
	CHECK_INT(cal_fy_weekdays(2558, CAL_WEDNESDAY, NULL, 0), 53);
	/* A short output array is filled and the full count returned. */
	CalDate few[3] = { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
	CHECK_INT(cal_fy_weekdays(2558, CAL_TUESDAY, few, 2), 52);
	CHECK_DATE(few[1], 2014, 10, 14);
	CHECK_DATE(few[2], 0, 0, 0);
	CHECK_INT(cal_weekdays_between(D(2014, 12, 1), D(2014, 12, 31), CAL_TUESDAY, NULL, 0), 5);
	CHECK_INT(cal_weekdays_between(D(2014, 12, 2), D(2014, 12, 2), CAL_TUESDAY, NULL, 0), 1);
	CHECK_INT(cal_weekdays_between(D(2014, 12, 3), D(2014, 12, 8), CAL_TUESDAY, NULL, 0), 0);
	CHECK_INT(cal_weekdays_between(D(2015, 1, 1), D(2014, 1, 1), CAL_TUESDAY, NULL, 0), 0);
	/* Every FY has 52 or 53 of each weekday. */
	for (int fy = 2540; fy <= 2600; fy++)
		for (int w = 0; w < 7; w++) {
			size_t k = cal_fy_weekdays(fy, w, NULL, 0);
			CHECK(k == 52 || k == 53);
		}
}

TEST(cal_academic_years_and_terms)
{
	CHECK_INT(cal_academic_year(D(2015, 5, 15)), 2557);
	CHECK_INT(cal_academic_year(D(2015, 5, 16)), 2558);
	CHECK_INT(cal_academic_year(D(2014, 10, 1)), 2557);
	CHECK_INT(cal_academic_year(D(2015, 1, 15)), 2557);
	CHECK_INT(cal_academic_term(D(2014, 10, 11)), 1);
	CHECK_INT(cal_academic_term(D(2014, 10, 12)), 0);
	CHECK_INT(cal_academic_term(D(2014, 10, 31)), 0);
	CHECK_INT(cal_academic_term(D(2014, 11, 1)), 2);
	CHECK_INT(cal_academic_term(D(2015, 1, 15)), 2);
	CHECK_INT(cal_academic_term(D(2015, 4, 1)), 2);
	CHECK_INT(cal_academic_term(D(2015, 4, 2)), 0);
	CHECK_INT(cal_academic_term(D(2015, 5, 15)), 0);
	CHECK_INT(cal_academic_term(D(2015, 5, 16)), 1);
	CHECK_DATE(cal_term_first(2557, 2), 2014, 11, 1);
	CHECK_DATE(cal_term_last(2557, 2), 2015, 4, 1);
	CHECK_DATE(cal_term_first(2558, 1), 2015, 5, 16);
	CHECK_DATE(cal_term_last(2558, 1), 2015, 10, 11);
	/* FY 2558 spans term 2/2557 and term 1/2558 */
	CalDate mid_t2 = D(2015, 1, 20), mid_t1 = D(2015, 7, 1);
	CHECK(cal_in_fy(mid_t2, 2558) && cal_academic_term(mid_t2) == 2 &&
	    cal_academic_year(mid_t2) == 2557);
	CHECK(cal_in_fy(mid_t1, 2558) && cal_academic_term(mid_t1) == 1 &&
	    cal_academic_year(mid_t1) == 2558);
}

TEST(cal_thai_names)
{
	static const char *const lng[12] = {
		"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
		"กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"
	};
	static const char *const shrt[12] = {
		"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
		"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."
	};
	for (int m = 1; m <= 12; m++) {
		CHECK_STR(cal_month_name(m, CAL_NAME_LONG), lng[m - 1]);
		CHECK_STR(cal_month_name(m, CAL_NAME_SHORT), shrt[m - 1]);
	}
	CHECK_STR(cal_month_name(0, CAL_NAME_LONG), "?");
	CHECK_STR(cal_month_name(13, CAL_NAME_SHORT), "?");
	CHECK_STR(cal_weekday_name(CAL_SUNDAY, CAL_NAME_LONG), "อาทิตย์");
	CHECK_STR(cal_weekday_name(CAL_TUESDAY, CAL_NAME_LONG), "อังคาร");
	CHECK_STR(cal_weekday_name(CAL_THURSDAY, CAL_NAME_LONG), "พฤหัสบดี");
	CHECK_STR(cal_weekday_name(CAL_SATURDAY, CAL_NAME_LONG), "เสาร์");
	CHECK_STR(cal_weekday_name(CAL_TUESDAY, CAL_NAME_SHORT), "อ.");
	CHECK_STR(cal_weekday_name(CAL_THURSDAY, CAL_NAME_SHORT), "พฤ.");
	CHECK_STR(cal_weekday_name(7, CAL_NAME_SHORT), "?");
	CHECK_STR(cal_weekday_name(-1, CAL_NAME_LONG), "?");
}

TEST(cal_format_styles)
{
	CalDate d = D(2014, 12, 15);
	CHECK_STR(fmt(d, CAL_FORMAT_ISO, 0), "2014-12-15");
	CHECK_STR(fmt(d, CAL_FORMAT_LONG, 0), "15 ธันวาคม 2557");
	CHECK_STR(fmt(d, CAL_FORMAT_SHORT, 0), "15 ธ.ค. 57");
	CHECK_STR(fmt(d, CAL_FORMAT_FULL, 0), "วันจันทร์ที่ 15 ธันวาคม พ.ศ. 2557");
	CHECK_STR(fmt(d, CAL_FORMAT_MONTH_LONG, 0), "ธันวาคม 2557");
	CHECK_STR(fmt(d, CAL_FORMAT_MONTH_SHORT, 0), "ธ.ค. 57");
	CHECK_STR(fmt(D(2015, 1, 5), CAL_FORMAT_SHORT, 0), "5 ม.ค. 58");
	CHECK_STR(fmt(D(2057, 3, 1), CAL_FORMAT_SHORT, 0), "1 มี.ค. 00");
	CHECK_STR(fmt(D(2015, 9, 30), CAL_FORMAT_LONG, 0), "30 กันยายน 2558");
	CHECK_STR(fmt(D(33, 2, 3), CAL_FORMAT_ISO, 0), "0033-02-03");
	CHECK_STR(fmt(d, CAL_FORMAT_SHORT, CAL_THAI_DIGITS), "๑๕ ธ.ค. ๕๗");
	CHECK_STR(fmt(d, CAL_FORMAT_LONG, CAL_THAI_DIGITS), "๑๕ ธันวาคม ๒๕๕๗");
	CHECK_STR(fmt(d, CAL_FORMAT_ISO, CAL_THAI_DIGITS), "๒๐๑๔-๑๒-๑๕");

	CalDateTime t = { D(2015, 9, 14), 10, 5, 12 };
	char buf[128];
	CHECK_INT(cal_format_datetime(t, CAL_FORMAT_ISO, 0, buf, sizeof buf), 19);
	CHECK_STR(buf, "2015-09-14 10:05:12");
	cal_format_datetime(t, CAL_FORMAT_SHORT, 0, buf, sizeof buf);
	CHECK_STR(buf, "14 ก.ย. 58 เวลา 10:05 น.");
}

TEST(cal_format_truncates_whole_characters)
{
	CalDate d = D(2014, 12, 15);
	const char *want = "15 ธันวาคม 2557";
	size_t full = strlen(want);
	char buf[64];
	for (size_t size = 0; size <= full + 1; size++) {
		memset(buf, 'X', sizeof buf);
		size_t n = cal_format(d, CAL_FORMAT_LONG, 0, buf, size);
		CHECK_INT(n, full);
		if (size == 0) {
			CHECK(buf[0] == 'X');
			continue;
		}
		size_t got = strlen(buf);
		CHECK(got < size);
		CHECK(memcmp(buf, want, got) == 0);
		CHECK_INT(utf8_valid_prefix(buf, got), got);  /* no half character */
		CHECK(buf[size] == 'X' || size == sizeof buf);   /* nothing past size */
		CHECK(size > full ? got == full : got + 3 > size - 1);
	}
}

TEST(cal_parse_numeric_forms)
{
	CalDate d = { 0, 0, 0 };
	CHECK_INT(parse("2014-12-15", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 15);
	CHECK_INT(parse("2014-2-5", &d), CAL_OK);
	CHECK_DATE(d, 2014, 2, 5);
	CHECK_INT(parse("2557-12-15", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 15);
	CHECK_INT(parse("15/12/2557", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 15);
	CHECK_INT(parse("15/12/2014", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 15);
	CHECK_INT(parse("1/10/2569", &d), CAL_OK);
	CHECK_DATE(d, 2026, 10, 1);
	CHECK_INT(parse("  5/1/2015\t", &d), CAL_OK);
	CHECK_DATE(d, 2015, 1, 5);
	CHECK_INT(parse("05-01-2015", &d), CAL_OK);
	CHECK_DATE(d, 2015, 1, 5);
	CHECK_INT(parse("5.1.2558", &d), CAL_OK);
	CHECK_DATE(d, 2015, 1, 5);
	CHECK_INT(parse("2015/01/05", &d), CAL_OK);
	CHECK_DATE(d, 2015, 1, 5);
	CHECK_INT(parse("๑๕/๑๒/๒๕๕๗", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 15);
	/* Leap days: 2559 BE = 2016 CE is a leap year, 2558 BE = 2015 is not. */
	CHECK_INT(parse("29/2/2559", &d), CAL_OK);
	CHECK_DATE(d, 2016, 2, 29);
	CHECK_INT(parse("29/2/2016", &d), CAL_OK);
	CHECK_INT(parse("29/2/2558", &d), CAL_ERR_IMPOSSIBLE);
	CHECK_INT(parse("31/2/2015", &d), CAL_ERR_IMPOSSIBLE);
	CHECK_INT(parse("31/4/2015", &d), CAL_ERR_IMPOSSIBLE);
	CHECK_INT(parse("2015-02-29", &d), CAL_ERR_IMPOSSIBLE);
	CHECK_INT(parse("1/13/2015", &d), CAL_ERR_RANGE);
	CHECK_INT(parse("8/22/2026", &d), CAL_ERR_RANGE);   /* month first */
	CHECK_INT(parse("32/1/2015", &d), CAL_ERR_RANGE);
	CHECK_INT(parse("0/1/2015", &d), CAL_ERR_RANGE);
	CHECK_INT(parse("1/0/2015", &d), CAL_ERR_RANGE);
	CHECK_INT(parse("0000-01-01", &d), CAL_ERR_RANGE);
	CHECK_INT(parse("15/12/57", &d), CAL_ERR_YEAR_DIGITS);
	CHECK_INT(parse("15/12/557", &d), CAL_ERR_YEAR_DIGITS);
	CHECK_INT(parse("15/12/25577", &d), CAL_ERR_YEAR_DIGITS);
	CHECK_INT(parse("", &d), CAL_ERR_EMPTY);
	CHECK_INT(parse("   ", &d), CAL_ERR_EMPTY);
	CHECK_INT(parse("abc", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("2014-12-15x", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("2014-12/15", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("15/12", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("15/12/", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("115/12/2557", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("2014-123-1", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("2014-12-15 10:00", &d), CAL_ERR_FORMAT);  /* use cal_parse_datetime */
	CHECK_INT(parse("41988", &d), CAL_ERR_FORMAT);             /* an Excel serial */
	/* A rejected value leaves *out alone. */
	d = D(1, 2, 3);
	CHECK_INT(parse("31/2/2015", &d), CAL_ERR_IMPOSSIBLE);
	CHECK_DATE(d, 1, 2, 3);
}

TEST(cal_parse_threshold_parameter)
{
	CalDate d;
	const char *s = "15/12/2557";
	CHECK_INT(cal_parse_date(s, strlen(s), 0, &d), CAL_OK);     /* heuristic off */
	CHECK_DATE(d, 2557, 12, 15);
	CHECK_INT(cal_parse_date(s, strlen(s), 2600, &d), CAL_OK);
	CHECK_DATE(d, 2557, 12, 15);
	CHECK_INT(cal_parse_date(s, strlen(s), 2500, &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 15);
	s = "1/1/2400";
	CHECK_INT(cal_parse_date(s, strlen(s), 2400, &d), CAL_OK);
	CHECK_DATE(d, 1857, 1, 1);
	s = "1/1/2399";
	CHECK_INT(cal_parse_date(s, strlen(s), 2400, &d), CAL_OK);
	CHECK_DATE(d, 2399, 1, 1);
	/* len bounds the read: the rest of the buffer is not looked at. */
	s = "2014-12-15999";
	CHECK_INT(cal_parse_date(s, 10, CAL_BE_THRESHOLD, &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 15);
	s = "15/12/25571";
	CHECK_INT(cal_parse_date(s, 10, CAL_BE_THRESHOLD, &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 15);
}

TEST(cal_parse_thai_month_names)
{
	CalDate d = { 0, 0, 0 };
	CHECK_INT(parse("10 ธ.ค. 2557", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("10 ธันวาคม 2557", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("10ธ.ค.2557", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("10 ธค 2557", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("10 ธ.ค 2557", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("10 ธันวาคม พ.ศ. 2557", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("วันที่ 10 ธันวาคม พ.ศ.2557", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("10 ธันวาคม ค.ศ. 2014", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("๑๐ ธ.ค. ๒๕๕๗", &d), CAL_OK);
	CHECK_DATE(d, 2014, 12, 10);
	CHECK_INT(parse("1 ม.ค. 2558", &d), CAL_OK);
	CHECK_DATE(d, 2015, 1, 1);
	CHECK_INT(parse("29 กุมภาพันธ์ 2559", &d), CAL_OK);
	CHECK_DATE(d, 2016, 2, 29);
	CHECK_INT(parse("29 ก.พ. 2558", &d), CAL_ERR_IMPOSSIBLE);
	CHECK_INT(parse("31 พ.ย. 2557", &d), CAL_ERR_IMPOSSIBLE);
	CHECK_INT(parse("32 ธ.ค. 2557", &d), CAL_ERR_RANGE);
	CHECK_INT(parse("15 ธ.ค. 57", &d), CAL_ERR_YEAR_DIGITS);
	CHECK_INT(parse("15 ธันวา 2557", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("15 December 2014", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("ธ.ค. 2557", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse("15 ธ.ค.", &d), CAL_ERR_FORMAT);
	/* Every month in every spelling, and the formatter's output reads back. */
	for (int m = 1; m <= 12; m++) {
		CalDate want = D(2015, m, 28);
		char text[80], got_buf[80];
		const char *forms[2] = { cal_month_name(m, CAL_NAME_LONG), cal_month_name(m, CAL_NAME_SHORT) };
		for (int f = 0; f < 2; f++) {
			snprintf(text, sizeof text, "28 %s 2558", forms[f]);
			CHECK_INT(parse(text, &d), CAL_OK);
			CHECK_DATE(d, 2015, m, 28);
		}
		cal_format(want, CAL_FORMAT_LONG, CAL_THAI_DIGITS, got_buf, sizeof got_buf);
		CHECK_INT(parse(got_buf, &d), CAL_OK);
		CHECK(cal_compare(d, want) == 0);
	}
}

TEST(cal_parse_timestamps)
{
	CalDateTime t;
	CHECK_INT(parse_dt("22/8/2026, 16:53:50", &t), CAL_OK);
	CHECK_DATE(t.date, 2026, 8, 22);
	CHECK(t.hour == 16 && t.minute == 53 && t.second == 50);
	CHECK_INT(parse_dt("14/9/2558, 9:05:02", &t), CAL_OK);
	CHECK_DATE(t.date, 2015, 9, 14);
	CHECK(t.hour == 9 && t.minute == 5 && t.second == 2);
	CHECK_INT(parse_dt("14/9/2015 10:05", &t), CAL_OK);
	CHECK(t.hour == 10 && t.minute == 5 && t.second == 0);
	CHECK_INT(parse_dt("2015-09-14 10:05:12", &t), CAL_OK);
	CHECK_DATE(t.date, 2015, 9, 14);
	CHECK(t.hour == 10 && t.minute == 5 && t.second == 12);
	CHECK_INT(parse_dt("2015-09-14T10:05:12.000", &t), CAL_OK);
	CHECK(t.hour == 10 && t.minute == 5 && t.second == 12);
	/* UTC (Forms API createTime) becomes Bangkok time, across midnight. */
	CHECK_INT(parse_dt("2015-09-14T20:05:12Z", &t), CAL_OK);
	CHECK_DATE(t.date, 2015, 9, 15);
	CHECK(t.hour == 3 && t.minute == 5 && t.second == 12);
	CHECK_INT(parse_dt("2014-12-31T17:00:00.5Z", &t), CAL_OK);
	CHECK_DATE(t.date, 2015, 1, 1);
	CHECK_INT(t.hour, 0);
	CHECK_INT(parse_dt("15/12/2557", &t), CAL_OK);
	CHECK_DATE(t.date, 2014, 12, 15);
	CHECK(t.hour == 0 && t.minute == 0 && t.second == 0);
	CHECK_INT(parse_dt("15 ธ.ค. 2557 เวลา 10:05 น.", &t), CAL_OK);
	CHECK_DATE(t.date, 2014, 12, 15);
	CHECK(t.hour == 10 && t.minute == 5);
	CHECK_INT(parse_dt("22/8/2026, 24:00:00", &t), CAL_ERR_RANGE);
	CHECK_INT(parse_dt("22/8/2026, 23:60:00", &t), CAL_ERR_RANGE);
	CHECK_INT(parse_dt("22/8/2026, 23:59:60", &t), CAL_ERR_RANGE);
	CHECK_INT(parse_dt("8/22/2026, 16:53:50", &t), CAL_ERR_RANGE);
	CHECK_INT(parse_dt("31/9/2015, 16:53:50", &t), CAL_ERR_IMPOSSIBLE);
	CHECK_INT(parse_dt("22/8/2026, 16:5", &t), CAL_ERR_FORMAT);
	CHECK_INT(parse_dt("22/8/2026, 16", &t), CAL_ERR_FORMAT);
	CHECK_INT(parse_dt("22/8/2026,", &t), CAL_ERR_FORMAT);
	CHECK_INT(parse_dt("22/8/2026, 4:53:50 PX", &t), CAL_ERR_FORMAT);
	CHECK_INT(parse_dt("22/8/202616:53:50", &t), CAL_ERR_YEAR_DIGITS);
	CHECK_INT(parse_dt("2015-09-14 10:05:12.", &t), CAL_ERR_FORMAT);
	CHECK_INT(parse_dt("", &t), CAL_ERR_EMPTY);
	/* 9999 with the heuristic is BE (9456 CE); without it, +7 h leaves year 9999. */
	CHECK_INT(parse_dt("9999-12-31T23:00:00Z", &t), CAL_OK);
	CHECK_DATE(t.date, 9457, 1, 1);
	const char *last = "9999-12-31T23:00:00Z";
	CHECK_INT(cal_parse_datetime(last, strlen(last), 0, &t), CAL_ERR_RANGE);

	/* Google Forms' "Download responses (.csv)": a 12-hour clock and the
	 * zone, made Bangkok time. */
	CHECK_INT(parse_dt("2015/08/05 10:54:43 AM GMT+7", &t), CAL_OK);
	CHECK_DATE(t.date, 2015, 8, 5);
	CHECK(t.hour == 10 && t.minute == 54 && t.second == 43);
	CHECK_INT(parse_dt("2015/08/05 12:04:43 PM UTC+7", &t), CAL_OK);
	CHECK(t.hour == 12 && t.minute == 4);
	CHECK_INT(parse_dt("2015/08/05 12:04:43 AM GMT+7", &t), CAL_OK);
	CHECK(t.hour == 0 && t.minute == 4);
	CHECK_INT(parse_dt("2015/08/05 11:30:00 PM GMT+07:00", &t), CAL_OK);
	CHECK(t.hour == 23 && t.minute == 30);
	CHECK_INT(parse_dt("2015/08/05 11:30:00 PM GMT", &t), CAL_OK);
	CHECK_DATE(t.date, 2015, 8, 6);
	CHECK(t.hour == 6 && t.minute == 30);
	CHECK_INT(parse_dt("2015/08/05 9:00:00 PM UTC-0500", &t), CAL_OK);
	CHECK_DATE(t.date, 2015, 8, 6);
	CHECK(t.hour == 9 && t.minute == 0);
	CHECK_INT(parse_dt("5/8/2558, 10:54:43 หลังเที่ยง", &t), CAL_OK);
	CHECK_DATE(t.date, 2015, 8, 5);
	CHECK_INT(t.hour, 22);
	CHECK_INT(parse_dt("2015/08/05 13:00:00 PM GMT+7", &t), CAL_ERR_RANGE);
	CHECK_INT(parse_dt("2015/08/05 0:10:00 AM GMT+7", &t), CAL_ERR_RANGE);
	CHECK_INT(parse_dt("2015/08/05 10:00:00 AM GMT+99", &t), CAL_ERR_RANGE);
	CHECK_INT(parse_dt("2015/08/05 10:00:00 AM GMT+", &t), CAL_ERR_FORMAT);
	CHECK_INT(parse_dt("2015/08/05 10:00:00 AM GMT+7 x", &t), CAL_ERR_FORMAT);

	/* Our own output reads back. */
	CalDateTime w = { D(2015, 9, 14), 10, 5, 12 }, r;
	char buf[80];
	cal_format_datetime(w, CAL_FORMAT_ISO, 0, buf, sizeof buf);
	CHECK_INT(parse_dt(buf, &r), CAL_OK);
	CHECK_INT(cal_datetime_seconds(r), cal_datetime_seconds(w));
}

TEST(cal_datetime_seconds_round_trip)
{
	CalDateTime t = { D(1970, 1, 1), 0, 0, 0 };
	CHECK_INT(cal_datetime_seconds(t), 0);
	t = (CalDateTime){ D(1969, 12, 31), 23, 59, 59 };
	CHECK_INT(cal_datetime_seconds(t), -1);
	for (long long s = -200000; s < 200000; s += 997) {
		CalDateTime u = cal_datetime_from_seconds(s * 1009);
		CHECK_INT(cal_datetime_seconds(u), s * 1009);
		CHECK(u.hour >= 0 && u.hour < 24 && u.minute >= 0 && u.minute < 60 &&
		    u.second >= 0 && u.second < 60);
	}
}

TEST(cal_parse_iso_is_strict)
{
	CalDate d;
	CHECK_INT(parse_iso("2015-09-30", &d), CAL_OK);
	CHECK_DATE(d, 2015, 9, 30);
	CHECK_INT(parse_iso("2558-09-30", &d), CAL_OK);   /* no BE guessing here */
	CHECK_DATE(d, 2558, 9, 30);
	CHECK_INT(parse_iso("2015-9-30", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse_iso(" 2015-09-30", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse_iso("30/09/2015", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse_iso("2015-0a-30", &d), CAL_ERR_FORMAT);
	CHECK_INT(parse_iso("2015-13-01", &d), CAL_ERR_RANGE);
	CHECK_INT(parse_iso("2015-02-29", &d), CAL_ERR_IMPOSSIBLE);
	CHECK_INT(parse_iso("", &d), CAL_ERR_EMPTY);
}

TEST(cal_status_messages)
{
	for (int st = CAL_OK; st <= CAL_ERR_IMPOSSIBLE; st++) {
		CHECK(strlen(cal_status_text((CalStatus)st)) > 0);
		CHECK(st == CAL_OK || strlen(cal_status_hint((CalStatus)st)) > 0);
	}
	CHECK(strcmp(cal_status_text(CAL_ERR_RANGE), cal_status_text(CAL_ERR_IMPOSSIBLE)) != 0);
}
