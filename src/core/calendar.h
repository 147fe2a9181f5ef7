/* calendar.h - Gregorian dates, the Thai Buddhist Era, fiscal and academic years.
 *
 * A CalDate is a plain struct holding the Christian-Era (CE) year, month 1..12
 * and day 1..31 of the proleptic Gregorian calendar; it is copied by value and
 * owns nothing. The Buddhist Era (BE, พ.ศ.) only renames the year (BE = CE + 543),
 * so every computation is done in CE and BE appears only at the edges: parsing,
 * formatting and fiscal/academic year names, which are BE as Thai offices use them.
 * A day number (days since 1970-01-01, negative before) serves arithmetic.
 *
 * Valid dates have years CAL_YEAR_MIN..CAL_YEAR_MAX. Functions that take a
 * CalDate assert nothing about it unless they say so; pass dates that
 * cal_valid() accepts (every parser here returns only such dates).
 *
 * Parsers take (s, len), never read past len (s need not be NUL-terminated)
 * and return a CalStatus that says why a value was rejected, for diag messages.
 * Formatters write into (out, size) like snprintf: at most size bytes including
 * the NUL, never a split UTF-8 character, and return the full length needed. */
#ifndef NITHET_CALENDAR_H
#define NITHET_CALENDAR_H

#include <stdint.h>

#include <stddef.h>

enum {
	CAL_YEAR_MIN = 1,        /* CE */
	CAL_YEAR_MAX = 9999,     /* CE */
	CAL_BE_OFFSET = 543,     /* BE = CE + 543 */
	CAL_BE_THRESHOLD = 2400  /* a parsed year >= 2400 is BE */
};

/* Four bytes: a date is in every visit (three million at national scale).
 * Every date is checked before it is made (CAL_YEAR_MIN..CAL_YEAR_MAX,
 * the clock's up to 9999), so the year fits; read the fields as ints. */
typedef struct CalDate {
	int16_t year;   /* CE */
	int8_t month;   /* 1..12 */
	int8_t day;     /* 1..31 */
} CalDate;
_Static_assert(sizeof(CalDate) == 4, "CalDate is four bytes");

/* A wall-clock time in Asia/Bangkok (UTC+7, no daylight saving), 1 s resolution. */
typedef struct CalDateTime {
	CalDate date;
	int hour, minute, second;   /* 0..23, 0..59, 0..59 */
} CalDateTime;

/* Weekdays as cal_weekday returns them. */
enum {
	CAL_SUNDAY, CAL_MONDAY, CAL_TUESDAY, CAL_WEDNESDAY, CAL_THURSDAY,
	CAL_FRIDAY, CAL_SATURDAY
};

/* Why a parser rejected a value. The numbering is stable. */
typedef enum CalStatus {
	CAL_OK = 0,
	CAL_ERR_EMPTY,        /* nothing but spaces */
	CAL_ERR_FORMAT,       /* none of the accepted forms */
	CAL_ERR_YEAR_DIGITS,  /* year not written with 4 digits (15/12/57) */
	CAL_ERR_RANGE,        /* a field outside its range: month 13, day 32, hour 24, year */
	CAL_ERR_IMPOSSIBLE    /* fields in range, but no such day: 31/4, 29/2/2558 */
} CalStatus;

typedef enum CalFormat {
	CAL_FORMAT_ISO,         /* 2014-12-15 (CE) */
	CAL_FORMAT_LONG,        /* 15 ธันวาคม 2557 */
	CAL_FORMAT_SHORT,       /* 15 ธ.ค. 57 */
	CAL_FORMAT_FULL,        /* วันจันทร์ที่ 15 ธันวาคม พ.ศ. 2557 */
	CAL_FORMAT_MONTH_LONG,  /* ธันวาคม 2557 */
	CAL_FORMAT_MONTH_SHORT  /* ธ.ค. 57 */
} CalFormat;

/* Flags for the formatters. */
enum { CAL_THAI_DIGITS = 1 };  /* write ๐-๙ instead of 0-9 */

typedef enum CalNameStyle { CAL_NAME_LONG, CAL_NAME_SHORT } CalNameStyle;

/* ---- validity and arithmetic ---- */

/* 1 when year (CE) is a Gregorian leap year. */
int cal_is_leap(int year);
/* Days in month 1..12 of year (CE); 0 for a month outside 1..12. */
int cal_days_in_month(int year, int month);
/* 1 when d is a real date with year in CAL_YEAR_MIN..CAL_YEAR_MAX. */
int cal_valid(CalDate d);

/* Days since 1970-01-01 (negative before). d must be valid. */
long cal_days(CalDate d);
/* Inverse of cal_days; n must map into the valid year range. */
CalDate cal_from_days(long n);
/* d shifted by n days. */
CalDate cal_add_days(CalDate d, long n);
/* <0, 0, >0 as a is before, equal to, after b. */
int cal_compare(CalDate a, CalDate b);
/* CAL_SUNDAY..CAL_SATURDAY. */
int cal_weekday(CalDate d);

/* ---- Buddhist Era ---- */

int cal_be_from_ce(int year_ce);   /* year + 543 */
int cal_ce_from_be(int year_be);   /* year - 543 */
/* The year heuristic: a year >= be_threshold is BE and is
 * returned as CE; a smaller year is returned unchanged. be_threshold <= 0
 * turns the heuristic off (every year is CE). */
int cal_year_to_ce(int year, int be_threshold);

/* ---- fiscal year (ปีงบประมาณ): 1 Oct .. 30 Sep, named by the later BE year ---- */

/* BE fiscal year of d: 2014-10-01 and 2015-09-30 are both in FY 2558. */
int cal_fiscal_year(CalDate d);
CalDate cal_fy_first(int fy_be);    /* FY 2558 -> 2014-10-01 */
CalDate cal_fy_last(int fy_be);     /* FY 2558 -> 2015-09-30 */
/* 1 when d falls in fiscal year fy_be. */
int cal_in_fy(CalDate d, int fy_be);
/* ไตรมาส 1..4: ต.ค.-ธ.ค. = 1, ม.ค.-มี.ค. = 2, เม.ย.-มิ.ย. = 3, ก.ค.-ก.ย. = 4. */
int cal_fy_quarter(CalDate d);
/* Month of the fiscal year 1..12: ต.ค. = 1 .. ก.ย. = 12. */
int cal_fy_month(CalDate d);
/* First day of fiscal month 1..12 of fy_be (index 3 of FY 2558 -> 2014-12-01). */
CalDate cal_fy_month_first(int fy_be, int fy_month);

/* ---- academic year (ปีการศึกษา): 16 May .. 15 May, named by the BE
 * year in which it starts; term 1 = 16 May..11 Oct, term 2 = 1 Nov..1 Apr. ---- */

/* BE academic year of d (2015-05-15 -> 2557, 2015-05-16 -> 2558). */
int cal_academic_year(CalDate d);
/* Term 1 or 2 containing d, or 0 between terms (12-31 Oct, 2 Apr-15 May). */
int cal_academic_term(CalDate d);
/* First and last day of term 1 or 2 of academic year year_be. */
CalDate cal_term_first(int year_be, int term);
CalDate cal_term_last(int year_be, int term);

/* ---- enumeration ---- */

/* The dates from first to last inclusive that fall on weekday (CAL_SUNDAY..),
 * in order. Writes at most max of them to out (out may be NULL when max is 0)
 * and returns how many there are in all. */
size_t cal_weekdays_between(CalDate first, CalDate last, int weekday,
	CalDate *out, size_t max);
/* The same over fiscal year fy_be (FY 2558 has 52 Tuesdays). */
size_t cal_fy_weekdays(int fy_be, int weekday, CalDate *out, size_t max);

/* ---- names ---- */

/* Thai month name: long มกราคม..ธันวาคม, short ม.ค...ธ.ค.; month 1..12.
 * Returns a static string, or "?" for a month outside 1..12. */
const char *cal_month_name(int month, CalNameStyle style);
/* Thai weekday name: long อาทิตย์..เสาร์ (without วัน), short อา...ส.;
 * weekday CAL_SUNDAY..CAL_SATURDAY. Static string, "?" when out of range. */
const char *cal_weekday_name(int weekday, CalNameStyle style);

/* ---- formatting (snprintf convention, see the top of this file) ---- */

/* d in one of the CalFormat styles; flags: CAL_THAI_DIGITS. BE years in all
 * Thai styles, CE in ISO. */
size_t cal_format(CalDate d, CalFormat fmt, unsigned flags, char *out, size_t size);
/* ISO: "2015-09-14 10:05:12"; any other style: the date as cal_format writes
 * it, then " เวลา 10:05 น.". */
size_t cal_format_datetime(CalDateTime t, CalFormat fmt, unsigned flags,
	char *out, size_t size);

/* ---- parsing ---- */

/* Strict ISO yyyy-mm-dd, CE, nothing else (not even spaces): for config
 * values and --as-of. */
CalStatus cal_parse_iso(const char *s, size_t len, CalDate *out);

/* A date as offices write it, with surrounding spaces ignored:
 *   yyyy-m-d (ISO, month and day with 1 or 2 digits)
 *   d/m/yyyy (day first)
 *   d MONTH yyyy, MONTH long (ธันวาคม) or short with or without dots (ธ.ค., ธค),
 *     spaces optional, optionally "พ.ศ." (the year is BE) or "ค.ศ." (CE) before the year.
 * Digits may be Arabic or Thai (๐-๙). Years must have 4 digits; a year
 * >= be_threshold is BE (see cal_year_to_ce) unless marked พ.ศ./ค.ศ.
 * On success *out is a valid date; otherwise *out is untouched. */
CalStatus cal_parse_date(const char *s, size_t len, int be_threshold, CalDate *out);

/* A date (any form of cal_parse_date) optionally followed by a time:
 *   "22/8/2026, 16:53:50"   (Google Forms: d/M/yyyy, H:mm:ss)
 *   "2015-09-14 10:05:12", "2015-09-14T10:05:12.000" (SpreadsheetML)
 *   "2015-09-14T03:05:12Z"  (UTC, converted to Bangkok time, UTC+7)
 *   "2015/08/05 10:54:43 AM GMT+7", "… PM UTC+7" (Google Forms' CSV
 *     download: 12-hour clock, the zone's offset; Thai ก่อนเที่ยง/หลังเที่ยง
 *     too), converted to Bangkok time
 * The time is H:mm or H:mm:ss, after ",", spaces or "T", with an optional
 * fraction of a second (dropped) and an optional trailing "น.". Without a
 * time the result is 00:00:00. */
CalStatus cal_parse_datetime(const char *s, size_t len, int be_threshold,
	CalDateTime *out);

/* Seconds since 1970-01-01 00:00:00 of the same wall clock (Bangkok local
 * time, not UTC): for ordering and duplicate checks. */
long long cal_datetime_seconds(CalDateTime t);
CalDateTime cal_datetime_from_seconds(long long s);

/* What a status means, in words for the "what is wrong" part of a diagnostic
 * ("no such day in that month"), and what to write instead. Static strings. */
const char *cal_status_text(CalStatus st);
const char *cal_status_hint(CalStatus st);

#endif
