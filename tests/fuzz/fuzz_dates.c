/* fuzz_dates.c - libFuzzer target: the date and date-time parsers, checking
 * that whatever they accept is a valid date that formats and reads back. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	CalDate d;
	CalDateTime t;
	char buf[64];
	if (cal_parse_date(s, size, CAL_BE_THRESHOLD, &d) == CAL_OK) {
		if (!cal_valid(d))
			abort();
		size_t n = cal_format(d, CAL_FORMAT_ISO, 0, buf, sizeof(buf));
		CalDate back;
		if (n >= sizeof(buf) || cal_parse_iso(buf, n, &back) != CAL_OK ||
		    cal_compare(back, d) != 0)
			abort();
	}
	if (cal_parse_datetime(s, size, CAL_BE_THRESHOLD, &t) == CAL_OK) {
		if (!cal_valid(t.date) || t.hour < 0 || t.hour > 23 || t.minute < 0 ||
		    t.minute > 59 || t.second < 0 || t.second > 59)
			abort();
		if (cal_datetime_seconds(cal_datetime_from_seconds(cal_datetime_seconds(t))) !=
		    cal_datetime_seconds(t))
			abort();
	}
	return 0;
}
