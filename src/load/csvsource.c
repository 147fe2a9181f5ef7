/* csvsource.c - the CSV reader's bytes (see csvread_internal.h): a file or
 * a buffer read in chunks and rewound between the passes, positions worded
 * for messages, Windows-874 and UTF-16 decoded through encoding.h, and
 * pass 1, which decides the encoding and counts the line breaks before any
 * row is handed out. */
#include "load/csvread_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"
#include "core/utf8.h"

int csvread_libcsv_only;

/* ---- the bytes: a file or a buffer, read in chunks, rewound between passes ---- */

int
csv_src_rewind(Source *s)
{
	s->pos = 0;
	return s->fd >= 0 && lseek(s->fd, 0, SEEK_SET) != 0 ? -1 : 0;
}

/* Up to n bytes into buf, never past s->len. Returns the count (0 at the
 * end, and when the file has shrunk: s->changed), or -1 on a read error. */
long
csv_src_read(Source *s, char *buf, size_t n)
{
	if (n > s->len - s->pos)
		n = s->len - s->pos;
	if (n == 0)
		return 0;
	if (s->fd < 0) {
		memcpy(buf, s->mem + s->pos, n);
		s->pos += n;
		return (long)n;
	}
	size_t got = 0;
	while (got < n) {
		ssize_t k = read(s->fd, buf + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0) {
			s->changed = 1;
			break;
		}
		got += (size_t)k;
	}
	s->pos += got;
	return (long)got;
}

/* Line and column (1-based, in bytes of the original) of byte off: lines
 * are counted by their LF bytes. Reads the source again from its start;
 * only ever called to word an error. */
void
csv_src_position(Source *s, size_t off, long *line, long *col)
{
	/* In UTF-16 a line ends at the code unit 0x000A, at an even offset
	 * after the byte order mark; a byte 0x0A alone may be half of a Thai
	 * letter (ช is U+0E0A). Columns are counted in code units too. */
	int unit = s->enc == ENC_UTF16LE || s->enc == ENC_UTF16BE ? 2 : 1;
	size_t lf = s->enc == ENC_UTF16BE ? 1 : 0;   /* where 0x0A sits in a unit */
	*line = 1;
	size_t start = unit == 2 ? 2 : 0, base = 0;
	char *buf = mem_alloc_raw(CSV_CHUNK);
	if (csv_src_rewind(s) == 0) {
		long got;
		while (base < off && (got = csv_src_read(s, buf, CSV_CHUNK)) > 0) {
			size_t n = (size_t)got < off - base ? (size_t)got : off - base;
			for (const char *p = buf; (p = memchr(p, '\n', n - (size_t)(p - buf))) != NULL; p++) {
				size_t at = base + (size_t)(p - buf);
				if (unit == 2) {
					/* The unit's other byte may be in the next chunk:
					 * CSV_CHUNK is even, so a unit never straddles. */
					size_t k = (size_t)(p - buf);
					if (at % 2 != lf || (lf == 0 ? k + 1 >= (size_t)got || p[1] != 0 : k == 0 || p[-1] != 0))
						continue;
				}
				(*line)++;
				start = at - lf + (size_t)unit;
			}
			base += (size_t)got;
		}
	}
	free(buf);
	*col = (long)((off - start) / (size_t)unit) + 1;
}

void
csv_report_changed(Source *s, Diag *d)
{
	diag_report(d, DIAG_INPUT, s->name, 0, 0, "the file changed while being read; try again");
}

void
csv_report_nul(Source *s, long line, long col, Diag *d)
{
	diag_report(d, DIAG_INPUT, s->name, line, col, "a NUL character (byte 0x00): this is not "
	    "a text CSV file, or it is UTF-16 without its byte order mark; export it again as "
	    "\"CSV UTF-8\"");
}

void
csv_report_read_error(Source *s, Diag *d)
{
	diag_report(d, DIAG_INPUT, s->name, 0, 0, "read error; check the disk and the file");
}

/* ---- decoding Windows-874 and UTF-16 (iconv, through encoding.h) ---- */

/* Convert the raw bytes in[0..*inlen) into *out from *olen, growing it as
 * needed (*ocap usable bytes, one kept spare, CSV_SLACK more allocated). Bytes
 * of a character cut by the end of the chunk stay in in (moved to its
 * start, *inlen their count) unless eof. Returns 0, or -1 after reporting
 * the first invalid byte (at file offset base + its index). */
int
csv_decode_chunk(EncodingConverter *cv, Source *s, size_t base, char *in, size_t *inlen, int eof,
    char **out, size_t *ocap, size_t *olen, Diag *d)
{
	size_t used = 0;
	for (;;) {
		if (*ocap - *olen < 4 * (*inlen - used) + 16) {
			*ocap = *olen + 4 * (*inlen - used) + 16 + *ocap / 2;
			*out = mem_grow(*out, *ocap + CSV_SLACK, 1);
		}
		size_t room = *ocap - *olen - 1;
		size_t in_used, out_used;
		EncodingStatus st = encoding_convert(cv, in + used, *inlen - used, &in_used,
		    *out + *olen, room, &out_used);
		used += in_used;
		*olen += out_used;
		if (st == ENC_CONV_OK)
			break;
		if (st == ENC_CONV_FULL)
			continue;
		if (st == ENC_CONV_INCOMPLETE && !eof)
			break;
		long line, col;
		size_t off = base + used;
		unsigned char bad = (unsigned char)in[used];
		csv_src_position(s, off, &line, &col);
		encoding_report(cv, st, bad, s->name, line, col, d);
		return -1;
	}
	memmove(in, in + used, *inlen - used);
	*inlen -= used;
	return 0;
}

/* ---- pass 1: the encoding and the line breaks ---- */


/* Where to stop validating a chunk that is not the file's last: before a
 * lead byte in the last 4 whose character may continue in the next chunk. */
static size_t
utf8_cut(const unsigned char *u, size_t n)
{
	for (size_t k = 1; k <= 4 && k <= n; k++) {
		if (u[n - k] < 0x80)
			return n;
		if (u[n - k] >= 0xC0)
			return n - k;
	}
	return n;
}

/* Line ends in a chunk (csvread_internal.h). */
void
csv_count_breaks_scalar(const char *p, size_t n, Scan *sc)
{
	for (size_t i = 0; i < n; i++) {
		char ch = p[i];
		if (ch != '\n' && ch != '\r') {
			sc->in_line = 1;
			continue;
		}
		/* LF after CR: the CR ended that line already. */
		if (ch == '\n' && (i > 0 ? p[i - 1] == '\r' : sc->cr_last))
			continue;
		sc->breaks += sc->in_line;
		sc->in_line = 0;
	}
	sc->cr_last = n > 0 && p[n - 1] == '\r';
}

/* The same, the text between line ends skipped with memchr: pass 1 goes
 * over every byte of every file, a national visits.csv's gigabyte too,
 * and byte by byte this was a fifth of loading the bundled input. */
void
csv_count_breaks(const char *p, size_t n, Scan *sc)
{
	const char *at = p, *end = p + n, *lf = NULL;
	int lf_known = 0, in_line = sc->in_line, after_cr = sc->cr_last;
	size_t breaks = sc->breaks;
	while (at < end) {
		/* The next LF, looked for again only once passed (a file of CR
		 * line ends would otherwise scan to the chunk's end per line). */
		if (!lf_known || (lf != NULL && lf < at)) {
			lf = memchr(at, '\n', (size_t)(end - at));
			lf_known = 1;
		}
		const char *stop = lf ? lf : end;
		const char *cr = memchr(at, '\r', (size_t)(stop - at));
		const char *e = cr ? cr : stop;
		if (e > at) {
			in_line = 1;
			after_cr = 0;
		}
		if (e == end)
			break;
		if (!(*e == '\n' && after_cr)) {
			breaks += (size_t)in_line;
			in_line = 0;
		}
		after_cr = *e == '\r';
		at = e + 1;
	}
	sc->breaks = breaks;
	sc->in_line = in_line;
	sc->cr_last = n > 0 && p[n - 1] == '\r';
}

/* Validate a whole non-UTF-8 file by converting it into nothing. */
static int
check_converted(Source *s, Encoding enc, char *buf, Diag *d)
{
	if (csv_src_rewind(s) != 0) {
		csv_report_read_error(s, d);
		return -1;
	}
	EncodingConverter *cv = encoding_converter_new(enc, s->name, d);
	if (cv == NULL)
		return -1;
	size_t carry = 0, base = 0, ocap = CSV_CHUNK, olen;
	char *out = mem_alloc_raw(ocap);
	int rc = 0, first = 1;
	for (;;) {
		long got = csv_src_read(s, buf + carry, CSV_CHUNK - carry);
		if (got < 0 || s->changed) {
			if (got < 0)
				csv_report_read_error(s, d);
			else
				csv_report_changed(s, d);
			rc = -1;
			break;
		}
		size_t n = carry + (size_t)got;
		int eof = s->pos == s->len;
		size_t skip = first ? encoding_bom_length(enc) : 0;
		if (skip > n)
			skip = n;
		first = 0;
		size_t inlen = n - skip;
		olen = 0;
		if (csv_decode_chunk(cv, s, base + skip, buf + skip, &inlen, eof, &out, &ocap, &olen,
		    d) != 0) {
			rc = -1;
			break;
		}
		if (memchr(out, '\0', olen) != NULL) {
			csv_report_nul(s, 0, 0, d);
			rc = -1;
			break;
		}
		memmove(buf, buf + skip, inlen);
		base += n - inlen;
		carry = inlen;
		if (eof)
			break;
	}
	free(out);
	encoding_converter_free(cv);
	return rc;
}

int
csv_scan(Source *s, char *buf, Scan *sc, Diag *d)
{
	memset(sc, 0, sizeof(*sc));
	sc->enc = ENC_UTF8;
	if (csv_src_rewind(s) != 0) {
		csv_report_read_error(s, d);
		return -1;
	}
	size_t carry = 0, base = 0;
	int first = 1, utf8 = 1;
	for (;;) {
		long got = csv_src_read(s, buf + carry, CSV_CHUNK - carry);
		if (got < 0) {
			csv_report_read_error(s, d);
			return -1;
		}
		if (s->changed) {
			csv_report_changed(s, d);
			return -1;
		}
		csv_count_breaks(buf + carry, (size_t)got, sc);
		size_t n = carry + (size_t)got;
		int eof = s->pos == s->len;
		size_t start = 0;
		if (first) {
			sc->enc = encoding_detect_bom(buf, n);
			if (sc->enc == ENC_UTF8_BOM)
				start = 3;
			else if (sc->enc != ENC_UTF8)
				utf8 = 0;
			first = 0;
		}
		/* A NUL would end every C string it is in: a field would be cut
		 * without a word. In UTF-16 zero bytes are normal (checked after
		 * conversion instead). */
		const char *nul = sc->enc == ENC_UTF16LE || sc->enc == ENC_UTF16BE ? NULL :
		    memchr(buf + carry, '\0', (size_t)got);
		if (nul != NULL) {
			long line, col;
			csv_src_position(s, base + (size_t)(nul - buf), &line, &col);
			csv_report_nul(s, line, col, d);
			return -1;
		}
		size_t cut = n;
		if (utf8) {
			const unsigned char *u = (const unsigned char *)buf;
			cut = eof ? n : utf8_cut(u, n);
			if (cut < start)
				cut = start;
			size_t v = start + utf8_valid_prefix(buf + start, cut - start);
			if (v < cut) {
				if (sc->enc == ENC_UTF8_BOM) {
					long line, col;
					unsigned char bad = u[v];
					csv_src_position(s, base + v, &line, &col);
					diag_report(d, DIAG_INPUT, s->name, line, col,
					    "invalid UTF-8 (byte 0x%02X) in a file marked UTF-8 by its BOM; "
					    "save the file again as \"CSV UTF-8\"", bad);
					return -1;
				}
				sc->enc = ENC_WINDOWS874;
				utf8 = 0;
				cut = n;
			}
		}
		carry = n - cut;
		memmove(buf, buf + cut, carry);
		base += cut;
		if (eof)
			break;
	}
	s->enc = sc->enc;          /* positions from here on count its units */
	if (sc->enc == ENC_UTF8 || sc->enc == ENC_UTF8_BOM)
		return 0;
	return check_converted(s, sc->enc, buf, d);
}
