/* calendar.c - Gregorian day arithmetic, BE years, fiscal/academic years, Thai date text (see calendar.h). */
#include "calendar.h"
#include "core/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "core/numfmt.h"
#include "core/utf8.h"

/* ---- validity and arithmetic ---- */

int
cal_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
cal_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && cal_is_leap(year));
}

int
cal_valid(CalDate d)
{
	return d.year >= CAL_YEAR_MIN && d.year <= CAL_YEAR_MAX &&
	    d.month >= 1 && d.month <= 12 &&
	    d.day >= 1 && d.day <= cal_days_in_month(d.year, d.month);
}

/* Day numbers use the civil-from-days method: count years from 1 March so
 * that the leap day is the last day of a "year", and work in 400-year eras
 * of 146097 days. 719468 is the day number of 1970-01-01 counted from
 * 0000-03-01. */
long
cal_days(CalDate d)
{
	long y = (long)d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;                              /* 0..399 */
	long mp = d.month > 2 ? d.month - 3 : d.month + 9;     /* March = 0 */
	long doy = (153 * mp + 2) / 5 + d.day - 1;             /* 0..365 */
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;      /* 0..146096 */
	return era * 146097 + doe - 719468;
}

CalDate
cal_from_days(long n)
{
	long z = n + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long day = doy - (153 * mp + 2) / 5 + 1;
	long month = mp < 10 ? mp + 3 : mp - 9;
	long year = yoe + era * 400 + (month <= 2);
	return (CalDate){ (int)year, (int)month, (int)day };
}

CalDate
cal_add_days(CalDate d, long n)
{
	return cal_from_days(cal_days(d) + n);
}

int
cal_compare(CalDate a, CalDate b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

int
cal_weekday(CalDate d)
{
	/* 1970-01-01 was a Thursday. */
	long w = (cal_days(d) % 7 + 7 + CAL_THURSDAY) % 7;
	return (int)w;
}

/* ---- Buddhist Era ---- */

int
cal_be_from_ce(int year_ce)
{
	return year_ce + CAL_BE_OFFSET;
}

int
cal_ce_from_be(int year_be)
{
	return year_be - CAL_BE_OFFSET;
}

int
cal_year_to_ce(int year, int be_threshold)
{
	if (be_threshold > 0 && year >= be_threshold)
		return year - CAL_BE_OFFSET;
	return year;
}

/* ---- fiscal year ---- */

int
cal_fiscal_year(CalDate d)
{
	return d.year + CAL_BE_OFFSET + (d.month >= 10);
}

CalDate
cal_fy_first(int fy_be)
{
	return (CalDate){ fy_be - CAL_BE_OFFSET - 1, 10, 1 };
}

CalDate
cal_fy_last(int fy_be)
{
	return (CalDate){ fy_be - CAL_BE_OFFSET, 9, 30 };
}

int
cal_in_fy(CalDate d, int fy_be)
{
	return cal_fiscal_year(d) == fy_be;
}

int
cal_fy_month(CalDate d)
{
	return (d.month + 2) % 12 + 1;
}

int
cal_fy_quarter(CalDate d)
{
	return (cal_fy_month(d) - 1) / 3 + 1;
}

CalDate
cal_fy_month_first(int fy_be, int fy_month)
{
	assert(fy_month >= 1 && fy_month <= 12);
	int month = (fy_month + 8) % 12 + 1;
	int year = fy_be - CAL_BE_OFFSET - (fy_month <= 3);
	return (CalDate){ year, month, 1 };
}

/* ---- academic year ---- */

int
cal_academic_year(CalDate d)
{
	int started = d.month > 5 || (d.month == 5 && d.day >= 16);
	return d.year + CAL_BE_OFFSET - !started;
}

int
cal_academic_term(CalDate d)
{
	int md = d.month * 100 + d.day;
	if (md >= 516 && md <= 1011)
		return 1;
	if (md >= 1101 || md <= 401)
		return 2;
	return 0;
}

CalDate
cal_term_first(int year_be, int term)
{
	assert(term == 1 || term == 2);
	int y = year_be - CAL_BE_OFFSET;
	return term == 1 ? (CalDate){ y, 5, 16 } : (CalDate){ y, 11, 1 };
}

CalDate
cal_term_last(int year_be, int term)
{
	assert(term == 1 || term == 2);
	int y = year_be - CAL_BE_OFFSET;
	return term == 1 ? (CalDate){ y, 10, 11 } : (CalDate){ y + 1, 4, 1 };
}

/* ---- enumeration ---- */

size_t
cal_weekdays_between(CalDate first, CalDate last, int weekday, CalDate *out, size_t max)
{
	assert(weekday >= CAL_SUNDAY && weekday <= CAL_SATURDAY);
	long from = cal_days(first), to = cal_days(last);
	long day = from + (weekday - cal_weekday(first) + 7) % 7;
	size_t count = 0;
	for (; day <= to; day += 7) {
		if (count < max)
			out[count] = cal_from_days(day);
		count++;
	}
	return count;
}

size_t
cal_fy_weekdays(int fy_be, int weekday, CalDate *out, size_t max)
{
	return cal_weekdays_between(cal_fy_first(fy_be), cal_fy_last(fy_be), weekday,
		out, max);
}

/* ---- names ---- */

static const char *const month_long[12] = {
	"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
	"กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"
};
static const char *const month_short[12] = {
	"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
	"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."
};
static const char *const weekday_long[7] = {
	"อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"
};
static const char *const weekday_short[7] = {
	"อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."
};

const char *
cal_month_name(int month, CalNameStyle style)
{
	if (month < 1 || month > 12)
		return "?";
	return style == CAL_NAME_SHORT ? month_short[month - 1] : month_long[month - 1];
}

const char *
cal_weekday_name(int weekday, CalNameStyle style)
{
	if (weekday < CAL_SUNDAY || weekday > CAL_SATURDAY)
		return "?";
	return style == CAL_NAME_SHORT ? weekday_short[weekday] : weekday_long[weekday];
}

/* ---- formatting ---- */

/* Copies the NUL-terminated UTF-8 text into (out, size) one whole character
 * at a time, turning 0-9 into ๐-๙ when CAL_THAI_DIGITS is set; stops at the
 * first character that does not fit but keeps counting. Returns the full
 * length. */
static size_t
put_text(const char *text, unsigned flags, char *out, size_t size)
{
	size_t need = 0, written = 0, len = strlen(text);
	int stopped = 0;
	for (size_t i = 0; i < len;) {
		char buf[4];
		uint32_t cp;
		size_t in = utf8_decode(text + i, len - i, &cp);
		size_t n;
		if (in == 0)
			in = 1; /* our own text is valid UTF-8; never loop forever */
		if ((flags & CAL_THAI_DIGITS) && cp >= '0' && cp <= '9') {
			n = utf8_encode(0x0E50 + (cp - '0'), buf);
		} else {
			memcpy(buf, text + i, in);
			n = in;
		}
		if (!stopped && need + n < size) {
			memcpy(out + need, buf, n);
			written = need + n;
		} else {
			stopped = 1;
		}
		need += n;
		i += in;
	}
	if (size > 0)
		out[written] = '\0';
	return need;
}

/* Writes the date in fmt into buf (large enough for any style). */
static void
format_date(CalDate d, CalFormat fmt, char *buf, size_t size)
{
	int be = cal_be_from_ce(d.year);
	switch (fmt) {
	case CAL_FORMAT_ISO:
		snprintf(buf, size, "%04d-%02d-%02d", d.year, d.month, d.day);
		return;
	case CAL_FORMAT_LONG:
		snprintf(buf, size, "%d %s %d", d.day, cal_month_name(d.month, CAL_NAME_LONG), be);
		return;
	case CAL_FORMAT_SHORT:
		snprintf(buf, size, "%d %s %02d", d.day, cal_month_name(d.month, CAL_NAME_SHORT),
			be % 100);
		return;
	case CAL_FORMAT_FULL:
		snprintf(buf, size, "วัน%sที่ %d %s พ.ศ. %d",
			cal_weekday_name(cal_weekday(d), CAL_NAME_LONG), d.day,
			cal_month_name(d.month, CAL_NAME_LONG), be);
		return;
	case CAL_FORMAT_MONTH_LONG:
		snprintf(buf, size, "%s %d", cal_month_name(d.month, CAL_NAME_LONG), be);
		return;
	case CAL_FORMAT_MONTH_SHORT:
		snprintf(buf, size, "%s %02d", cal_month_name(d.month, CAL_NAME_SHORT), be % 100);
		return;
	}
	snprintf(buf, size, "?");
}

size_t
cal_format(CalDate d, CalFormat fmt, unsigned flags, char *out, size_t size)
{
	char buf[160];
	format_date(d, fmt, buf, sizeof buf);
	return put_text(buf, flags, out, size);
}

size_t
cal_format_datetime(CalDateTime t, CalFormat fmt, unsigned flags, char *out, size_t size)
{
	char date[160], buf[256];
	format_date(t.date, fmt, date, sizeof date);
	if (fmt == CAL_FORMAT_ISO)
		snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", date, t.hour, t.minute, t.second);
	else
		snprintf(buf, sizeof buf, "%s เวลา %02d:%02d น.", date, t.hour, t.minute);
	return put_text(buf, flags, out, size);
}

/* ---- parsing ---- */

/* A read position inside (s, len); nothing reads at or past len. */
typedef struct Cur {
	const char *s;
	size_t len, pos;
} Cur;

static int
cur_is(const Cur *c, char ch)
{
	return c->pos < c->len && c->s[c->pos] == ch;
}

static void
cur_skip_spaces(Cur *c)
{
	while (c->pos < c->len && (c->s[c->pos] == ' ' || c->s[c->pos] == '\t'))
		c->pos++;
}

/* Consumes the literal when it comes next. */
static int
cur_take(Cur *c, const char *lit)
{
	size_t n = strlen(lit);
	if (c->len - c->pos >= n && memcmp(c->s + c->pos, lit, n) == 0) {
		c->pos += n;
		return 1;
	}
	return 0;
}

/* Reads a run of Arabic or Thai digits; returns how many. The value stops
 * growing after 9 digits (callers reject such lengths anyway). */
static size_t
cur_number(Cur *c, int *value)
{
	size_t count = 0;
	int v = 0, dg;
	size_t used;
	while ((used = num_digit(c->s + c->pos, c->len - c->pos, &dg)) > 0) {
		if (count < 9)
			v = v * 10 + dg;
		c->pos += used;
		count++;
	}
	*value = v;
	return count;
}

/* Length of the input at the cursor that spells name[0..n), where a '.'
 * in name may be absent from the input when skip_dots is set; 0 when it
 * does not match. */
static size_t
cur_match(const Cur *c, const char *name, size_t n, int skip_dots)
{
	size_t k = c->pos;
	for (size_t i = 0; i < n; i++) {
		if (skip_dots && name[i] == '.')
			continue;
		if (k >= c->len || c->s[k] != name[i])
			return 0;
		k++;
	}
	return k - c->pos;
}

/* Longest Thai month name at the cursor, in any accepted spelling: long,
 * short (ธ.ค.), short without its last dot (ธ.ค) or without dots (ธค).
 * Returns the month 1..12 and consumes it, or 0. */
static int
cur_month(Cur *c)
{
	int best = 0;
	size_t best_len = 0;
	for (int m = 1; m <= 12; m++) {
		const char *lg = month_long[m - 1], *sh = month_short[m - 1];
		size_t shn = strlen(sh);
		size_t found[4] = {
			cur_match(c, lg, strlen(lg), 0),
			cur_match(c, sh, shn, 0),
			cur_match(c, sh, shn - 1, 0),
			cur_match(c, sh, shn, 1)
		};
		for (int v = 0; v < 4; v++)
			if (found[v] > best_len) {
				best = m;
				best_len = found[v];
			}
	}
	c->pos += best_len;
	return best;
}

enum { ERA_GUESS, ERA_BE, ERA_CE };

/* Checks the fields and builds the date: ranges first (so month 13 reads
 * "out of range", not "no such day"), then the day within its month. */
static CalStatus
make_date(int year, size_t year_digits, int month, int day, int era, int be_threshold,
	CalDate *out)
{
	if (year_digits != 4)
		return CAL_ERR_YEAR_DIGITS;
	if (era == ERA_BE)
		year = cal_ce_from_be(year);
	else if (era == ERA_GUESS)
		year = cal_year_to_ce(year, be_threshold);
	if (month < 1 || month > 12 || day < 1 || day > 31 ||
	    year < CAL_YEAR_MIN || year > CAL_YEAR_MAX)
		return CAL_ERR_RANGE;
	if (day > cal_days_in_month(year, month))
		return CAL_ERR_IMPOSSIBLE;
	*out = (CalDate){ year, month, day };
	return CAL_OK;
}

/* One date in any accepted form at the cursor (see cal_parse_date). */
static CalStatus
parse_date_at(Cur *c, int be_threshold, CalDate *out)
{
	if (cur_take(c, "วันที่"))
		cur_skip_spaces(c);
	int a, b, y;
	size_t na = cur_number(c, &a);
	if (na == 0)
		return CAL_ERR_FORMAT;
	if (cur_is(c, '/') || cur_is(c, '-') || cur_is(c, '.')) {
		/* Numeric forms: year first (2014-12-15, 2014/12/15) or day first
		 * (15/12/2557, 15-12-2557, 15.12.2557), one separator throughout. */
		char sep = c->s[c->pos++];
		size_t nb = cur_number(c, &b);
		if (nb == 0 || nb > 2 || !cur_is(c, sep))
			return CAL_ERR_FORMAT;
		c->pos++;
		int z;
		size_t nz = cur_number(c, &z);
		if (nz == 0)
			return CAL_ERR_FORMAT;
		if (na == 4) {
			if (nz > 2)
				return CAL_ERR_FORMAT;
			return make_date(a, na, b, z, ERA_GUESS, be_threshold, out);
		}
		if (na > 2)
			return CAL_ERR_FORMAT;
		return make_date(z, nz, b, a, ERA_GUESS, be_threshold, out);
	}
	/* d MONTH [พ.ศ.|ค.ศ.] yyyy */
	if (na > 2)
		return CAL_ERR_FORMAT;
	cur_skip_spaces(c);
	int month = cur_month(c);
	if (month == 0)
		return CAL_ERR_FORMAT;
	cur_skip_spaces(c);
	int era = ERA_GUESS;
	if (cur_take(c, "พ.ศ.") || cur_take(c, "พ.ศ") || cur_take(c, "พศ"))
		era = ERA_BE;
	else if (cur_take(c, "ค.ศ.") || cur_take(c, "ค.ศ") || cur_take(c, "คศ"))
		era = ERA_CE;
	cur_skip_spaces(c);
	size_t ny = cur_number(c, &y);
	if (ny == 0)
		return CAL_ERR_FORMAT;
	return make_date(y, ny, month, a, era, be_threshold, out);
}

/* Trims spaces and tabs from both ends of (s, len) into a cursor. */
static Cur
cur_trimmed(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	Cur c = { s, len, 0 };
	cur_skip_spaces(&c);
	return c;
}

CalStatus
cal_parse_iso(const char *s, size_t len, CalDate *out)
{
	if (len == 0)
		return CAL_ERR_EMPTY;
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return CAL_ERR_FORMAT;
	int f[3] = { 0, 0, 0 };
	static const size_t at[3] = { 0, 5, 8 }, width[3] = { 4, 2, 2 };
	for (int i = 0; i < 3; i++)
		for (size_t j = at[i]; j < at[i] + width[i]; j++) {
			if (s[j] < '0' || s[j] > '9')
				return CAL_ERR_FORMAT;
			f[i] = f[i] * 10 + (s[j] - '0');
		}
	return make_date(f[0], 4, f[1], f[2], ERA_CE, 0, out);
}

CalStatus
cal_parse_date(const char *s, size_t len, int be_threshold, CalDate *out)
{
	Cur c = cur_trimmed(s, len);
	if (c.pos == c.len)
		return CAL_ERR_EMPTY;
	CalDate d;
	CalStatus st = parse_date_at(&c, be_threshold, &d);
	if (st != CAL_OK)
		return st;
	if (c.pos != c.len)
		return CAL_ERR_FORMAT;
	*out = d;
	return CAL_OK;
}

long long
cal_datetime_seconds(CalDateTime t)
{
	return (long long)cal_days(t.date) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

CalDateTime
cal_datetime_from_seconds(long long s)
{
	long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
	long long rem = s - days * 86400;
	CalDateTime t;
	t.date = cal_from_days((long)days);
	t.hour = (int)(rem / 3600);
	t.minute = (int)(rem / 60 % 60);
	t.second = (int)(rem % 60);
	return t;
}

enum { BANGKOK_UTC_OFFSET = 7 * 3600 };

CalStatus
cal_parse_datetime(const char *s, size_t len, int be_threshold, CalDateTime *out)
{
	Cur c = cur_trimmed(s, len);
	if (c.pos == c.len)
		return CAL_ERR_EMPTY;
	CalDateTime t = { { 0, 0, 0 }, 0, 0, 0 };
	CalStatus st = parse_date_at(&c, be_threshold, &t.date);
	if (st != CAL_OK)
		return st;
	if (c.pos == c.len) {
		*out = t;
		return CAL_OK;
	}

	/* The separator: ", " (Google Forms), "T" (ISO, SpreadsheetML) or
	 * spaces, optionally with the word เวลา as cal_format_datetime writes. */
	size_t before = c.pos;
	if (!cur_take(&c, "T")) {
		cur_take(&c, ",");
		cur_skip_spaces(&c);
		if (cur_take(&c, "เวลา"))
			cur_skip_spaces(&c);
	}
	if (c.pos == before)
		return CAL_ERR_FORMAT;

	int h, m, sec = 0;
	size_t nh = cur_number(&c, &h);
	if (nh == 0 || nh > 2 || !cur_take(&c, ":"))
		return CAL_ERR_FORMAT;
	if (cur_number(&c, &m) != 2)
		return CAL_ERR_FORMAT;
	if (cur_take(&c, ":")) {
		if (cur_number(&c, &sec) != 2)
			return CAL_ERR_FORMAT;
		if (cur_take(&c, ".")) {
			int frac;
			if (cur_number(&c, &frac) == 0)
				return CAL_ERR_FORMAT;
		}
	}
	/* Google Forms' downloads: "10:54:43 AM GMT+7", "… PM UTC+7"; a
	 * Thai-language form "ก่อนเที่ยง"/"หลังเที่ยง". */
	cur_skip_spaces(&c);
	int half = 0;              /* 1 before noon, 2 after */
	if (cur_take(&c, "AM") || cur_take(&c, "am") || cur_take(&c, "A.M.") || cur_take(&c, "ก่อนเที่ยง"))
		half = 1;
	else if (cur_take(&c, "PM") || cur_take(&c, "pm") || cur_take(&c, "P.M.") || cur_take(&c, "หลังเที่ยง"))
		half = 2;
	cur_skip_spaces(&c);
	/* The zone: Z, or GMT/UTC with an offset of hours (+7, +07, +07:00,
	 * +0700) or none. The result is Bangkok time. */
	int zoned = 0;
	long offset = 0;
	if (cur_take(&c, "Z")) {
		zoned = 1;
	} else if (cur_take(&c, "GMT") || cur_take(&c, "UTC")) {
		zoned = 1;
		int sign = cur_take(&c, "+") ? 1 : cur_take(&c, "-") || cur_take(&c, "\xE2\x88\x92") ? -1 : 0;
		if (sign) {
			int oh, om = 0;
			size_t n = cur_number(&c, &oh);
			if (n == 4) {
				om = oh % 100;
				oh /= 100;
			} else if (n == 0 || n > 2 || (cur_take(&c, ":") && cur_number(&c, &om) != 2)) {
				return CAL_ERR_FORMAT;
			}
			if (oh > 14 || om > 59)
				return CAL_ERR_RANGE;
			offset = sign * (oh * 3600L + om * 60L);
		}
	}
	cur_skip_spaces(&c);
	if (!zoned && cur_take(&c, "น."))
		cur_skip_spaces(&c);
	if (c.pos != c.len)
		return CAL_ERR_FORMAT;
	if (half) {
		/* 12:30 AM is half past midnight, 12:30 PM half past noon. */
		if (h < 1 || h > 12)
			return CAL_ERR_RANGE;
		h = h % 12 + (half == 2 ? 12 : 0);
	}
	if (h > 23 || m > 59 || sec > 59)
		return CAL_ERR_RANGE;
	t.hour = h;
	t.minute = m;
	t.second = sec;
	if (zoned && offset != BANGKOK_UTC_OFFSET) {
		t = cal_datetime_from_seconds(cal_datetime_seconds(t) - offset + BANGKOK_UTC_OFFSET);
		if (t.date.year > CAL_YEAR_MAX || t.date.year < 1)
			return CAL_ERR_RANGE;
	}
	*out = t;
	return CAL_OK;
}

const char *
cal_status_text(CalStatus st)
{
	switch (st) {
	case CAL_OK:              return _("a valid date");
	case CAL_ERR_EMPTY:       return _("the date is empty");
	case CAL_ERR_FORMAT:      return _("not a date in a known form");
	case CAL_ERR_YEAR_DIGITS: return _("the year does not have 4 digits");
	case CAL_ERR_RANGE:       return _("the month, day, time or year is out of range");
	case CAL_ERR_IMPOSSIBLE:  return _("no such day in that month");
	}
	return _("unknown date status");
}

const char *
cal_status_hint(CalStatus st)
{
	switch (st) {
	case CAL_OK:              return "";
	case CAL_ERR_EMPTY:
	case CAL_ERR_FORMAT:      return _("write a date such as 2014-12-15, 15/12/2557 or 15 ธ.ค. 2557");
	case CAL_ERR_YEAR_DIGITS: return _("write the year in full: 2557 (BE) or 2014 (CE)");
	case CAL_ERR_RANGE:       return _("write day/month/year (day first) with a month of 1-12 and a time of 0:00-23:59");
	case CAL_ERR_IMPOSSIBLE:  return _("check the day and the month (29 February exists only in leap years)");
	}
	return "";
}
