/* fields.h - typed values from table cells, with messages that say where.
 *
 * Each function checks one cell of a Record and, when the value is wrong,
 * reports it as DIAG_ROW at FILE:LINE:COL naming the column, what was found
 * and what to write instead, and returns -1 (the caller rejects the row). */
#ifndef NITHET_FIELDS_H
#define NITHET_FIELDS_H

#include "core/calendar.h"
#include "core/diag.h"
#include "load/table.h"

/* Whole number in [min, max]. A blank cell gives fallback when optional. */
int field_int(const Record *r, const TableSpec *spec, int c, long min, long max, int optional,
	long fallback, long *out, Diag *d);

/* A code kept as text: digits only, length in [minlen, maxlen] (school codes
 * are 8 or 10 digits). Scientific notation (9.30E+07) is rejected with advice
 * to format the column as text. */
int field_code(const Record *r, const TableSpec *spec, int c, int minlen, int maxlen, Diag *d);

/* A non-blank value. */
int field_required(const Record *r, const TableSpec *spec, int c, Diag *d);

/* One of a list of words ("ดำ|แดง|เหลือง|เขียว|ฟ้า"); blank allowed when
 * optional. Returns the index in the list, or -1 after reporting. A blank
 * optional cell returns -2. */
int field_choice(const Record *r, const TableSpec *spec, int c, const char *choices, int optional,
	Diag *d);

/* A date as offices write it (cal_parse_date: ISO, d/m/yyyy in CE or BE,
 * Thai month names; a trailing time such as SpreadsheetML's T00:00:00.000 is
 * accepted and dropped). A blank optional cell gives year 0 and returns 0. */
int field_date(const Record *r, const TableSpec *spec, int c, int optional, CalDate *out,
	Diag *d);

/* Money to exact satang (num_parse_money: "7,500.00", "210,000 บาท"). A blank
 * optional cell gives 0. */
int field_money(const Record *r, const TableSpec *spec, int c, int optional, long long *out,
	Diag *d);

/* A number with at most 2 decimals ("38.45", "๔๐.๒"), in hundredths, in
 * [min, max] hundredths: a mean score. Exact: no binary floating point. */
int field_hundredths(const Record *r, const TableSpec *spec, int c, long long min, long long max,
	long long *out, Diag *d);

#endif
