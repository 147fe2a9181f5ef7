/* numfmt.h - numbers as Thai reports print them, and money parsed from text.
 *
 * Money is integer satang (1 baht = 100 satang) in a long long, never a
 * floating value, so sums and the 500,000-baht limit are exact.
 *
 * Formatters write into (out, size) like snprintf: at most size bytes
 * including the NUL (nothing when size is 0), never a split UTF-8 character,
 * and return the full length needed, so a caller whose buffer was too small
 * can retry with the returned length + 1. They never depend on the C locale.
 *
 * Parsers take (s, len), never read past len (s need not be NUL-terminated),
 * and return a NumStatus saying why a value was rejected, for diag messages. */
#ifndef NITHET_NUMFMT_H
#define NITHET_NUMFMT_H

#include <stddef.h>

/* Formatter flags. */
enum {
	NUM_THAI_DIGITS  = 1,  /* ๐-๙ instead of 0-9 */
	NUM_NO_GROUPING  = 2,  /* 500000 instead of 500,000 */
	NUM_TRIM_SATANG  = 4   /* money: 500,000 instead of 500,000.00 when satang = 0 */
};

/* Why a parser rejected a value. The numbering is stable. */
typedef enum NumStatus {
	NUM_OK = 0,
	NUM_ERR_EMPTY,       /* nothing but spaces */
	NUM_ERR_FORMAT,      /* not a number: "12a", "1..2", "-" */
	NUM_ERR_GROUPING,    /* thousands separator misplaced: "1,00", "12,3456" */
	NUM_ERR_EXPONENT,    /* scientific notation from Excel: "9.30E+07" */
	NUM_ERR_PRECISION,   /* more decimals than allowed: "1.234" as money, "2.5" as a count */
	NUM_ERR_RANGE        /* too large for the type, or outside the caller's min..max */
} NumStatus;

/* 500,000 / -1,250; flags NUM_THAI_DIGITS, NUM_NO_GROUPING. */
size_t num_format_int(long long v, unsigned flags, char *out, size_t size);

/* The n-th (from 1) in Thai letter order, as front-matter pages and
 * appendices are labelled: ก ข ค ง จ … ฮ (ฃ ฅ ฆ and the vowels ฤ ฦ
 * skipped: 39 letters), then กก กข …. Writes at most size bytes with a NUL; returns the length. */
size_t num_thai_letter(long n, char *out, size_t size);

/* Money from satang: 21235050 -> "212,350.50", -125050 -> "-1,250.50".
 * flags: NUM_THAI_DIGITS, NUM_NO_GROUPING, NUM_TRIM_SATANG. */
size_t num_format_money(long long satang, unsigned flags, char *out, size_t size);

/* The exact value num / den x 10^scale10, rounded half away from zero to
 * `decimals` places (0..9) by integer long division, so a value that is
 * exactly ...5 at the first dropped place always rounds away from zero
 * (no binary floating point is involved). den = 0 prints "-" (a
 * percentage of an approved amount of 0). scale10 is 0..9.
 * Example: num_format_quotient(901, 200, 0, 2, ...) = "4.51" (4.505). */
size_t num_format_quotient(long long num, long long den, int scale10, int decimals,
	unsigned flags, char *out, size_t size);

/* A percentage to 2 decimals: num / den x 100, exactly as
 * num_format_quotient(num, den, 2, 2, ...); 38 of 39 -> "97.44", den 0 -> "-". */
size_t num_format_percent(long long num, long long den, unsigned flags,
	char *out, size_t size);

/* A double rounded half away from zero to `decimals` places (0..9). The
 * double is read as the shortest decimal that converts back to it (the
 * number a person or a decimal computation meant: 4.505, not
 * 4.50499999999999989...), and that decimal is rounded exactly, so 4.505 ->
 * "4.51" and 2.675 -> "2.68" where printf's %.2f gives 4.50 and 2.67.
 * NaN and infinities print "-". */
size_t num_format_double(double v, int decimals, unsigned flags, char *out, size_t size);

/* Baht in words exactly as Excel's BAHTTEXT writes them:
 * 0 -> ศูนย์บาทถ้วน, 21 -> ยี่สิบเอ็ดบาทถ้วน, 101 -> หนึ่งร้อยหนึ่งบาทถ้วน,
 * 50 satang -> ห้าสิบสตางค์, 1e12 baht -> หนึ่งล้านล้านบาทถ้วน, negative -> ลบ...
 * Digits are read in groups of six (ล้าน between groups); in each group a
 * units 1 after a non-zero tens digit is เอ็ด, tens 1 is สิบ and tens 2 ยี่สิบ.
 * Any long long is accepted. */
size_t num_baht_text(long long satang, char *out, size_t size);

/* Money as offices type it, to exact satang: "7,500.00", "3600",
 * "210,000 บาท", " 12,000 ", "-1,250.50", "฿1,500", "1,500.-", Thai digits.
 * At most 2 decimals; commas, when present, must group by threes.
 * Rejects "1.234", "9.30E+07", "12a", "" and values beyond LLONG_MAX satang.
 * On success stores *satang; otherwise leaves it untouched. */
NumStatus num_parse_money(const char *s, size_t len, long long *satang);

/* A whole number (counts, participants) in min..max: "1,234", " 12 ",
 * "12.00" (a zero fraction from Excel is accepted), Thai digits.
 * NUM_ERR_PRECISION for a non-zero fraction, NUM_ERR_RANGE outside min..max. */
NumStatus num_parse_int(const char *s, size_t len, long long min, long long max,
	long long *out);

/* One decimal digit at s: ASCII 0-9 (1 byte) or Thai ๐-๙ (3 bytes). Returns the
 * bytes used and stores the digit's value, or returns 0 when s (len bytes)
 * does not start with a digit. */
size_t num_digit(const char *s, size_t len, int *digit);

/* What a status means ("more than 2 decimal places") and what to write
 * instead. Static strings. */
const char *num_status_text(NumStatus st);
const char *num_status_hint(NumStatus st);

#endif
