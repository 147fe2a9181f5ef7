/* csvread_internal.h - what the files of the CSV reader share, and its
 * test hook: not for other users (csvread.h is the reader's interface).
 * csvsource.c holds the bytes (a file or a buffer, read in chunks), their
 * decoding and pass 1 (the encoding, the line breaks); csvread.c pass 2's
 * row loop (lines cut, rows checked and handed out) and the libcsv path;
 * csvsplit.c the direct splitter, which splits most lines without libcsv. */
#ifndef NITHET_CSVREAD_INTERNAL_H
#define NITHET_CSVREAD_INTERNAL_H

#include <stddef.h>

#include "core/diag.h"
#include "load/csvread.h"
#include "load/encoding.h"

/* Bytes read at a time. A line longer than this is either parsed in pieces
 * (CSV_PARTIAL) or held until it ends. The text buffer keeps CSV_SLACK
 * readable bytes after its sentinel for the 16-byte loads of csv_scan_line. */
enum { CSV_CHUNK = 1 << 20, CSV_PARTIAL = 4 * CSV_CHUNK, CSV_SLACK = 16 };

/* ---- the bytes: a file or a buffer, read in chunks, rewound between passes ---- */

typedef struct Source {
	const char *name;
	int fd;                    /* -1: mem */
	const char *mem;
	size_t len;                /* bytes in the source (a file's size when opened) */
	size_t pos;
	int changed;               /* the file shrank while being read */
	Encoding enc;              /* once scanned: positions count UTF-16 code units */
} Source;

typedef struct Scan {
	Encoding enc;
	size_t breaks;             /* line ends (LF, CR LF, CR) of lines not blank */
	int cr_last;               /* the chunk before ended in CR */
	int in_line;               /* a character since the last line end */
} Scan;

/* Back to the first byte, for the next pass. 0, or -1 when the file
 * cannot be rewound. */
int csv_src_rewind(Source *s);

/* Up to n bytes into buf, never past s->len. Returns the count (0 at the
 * end, and when the file has shrunk: s->changed), or -1 on a read error. */
long csv_src_read(Source *s, char *buf, size_t n);

/* Line and column (1-based, in bytes of the original) of byte off: lines
 * are counted by their LF bytes. Reads the source again from its start;
 * only ever called to word an error. */
void csv_src_position(Source *s, size_t off, long *line, long *col);

/* The messages (DIAG_INPUT) of a file that changed between or during the
 * passes, of a NUL byte at line:col, of a read error. */
void csv_report_changed(Source *s, Diag *d);
void csv_report_nul(Source *s, long line, long col, Diag *d);
void csv_report_read_error(Source *s, Diag *d);

/* Convert the raw bytes in[0..*inlen) into *out from *olen, growing it as
 * needed (*ocap usable bytes, one kept spare, CSV_SLACK more allocated). Bytes
 * of a character cut by the end of the chunk stay in in (moved to its
 * start, *inlen their count) unless eof. Returns 0, or -1 after reporting
 * the first invalid byte (at file offset base + its index). */
int csv_decode_chunk(EncodingConverter *cv, Source *s, size_t base, char *in, size_t *inlen,
	int eof, char **out, size_t *ocap, size_t *olen, Diag *d);

/* Pass 1 over the whole source (buf: CSV_CHUNK bytes of scratch): sc->enc
 * the encoding decided, sc->breaks the line breaks counted. 0, or -1 after
 * reporting (DIAG_INPUT) why the file cannot be read. */
int csv_scan(Source *s, char *buf, Scan *sc, Diag *d);

/* Line ends in p[0..n), the bytes after those counted before: every LF
 * and every CR not followed by LF, but only those that end a line with
 * something on it. Each row holds at least one such line, so the count is
 * still an upper bound of the rows; blank lines, which hold none, do not
 * make the reservation (a file of blank lines reserved gigabytes). The
 * scalar one, byte by byte, is what the other must always agree with
 * (tests compare them). */
void csv_count_breaks(const char *p, size_t n, Scan *sc);
void csv_count_breaks_scalar(const char *p, size_t n, Scan *sc);

/* ---- pass 2: the state of the row loop, shared by both ways of splitting ---- */

typedef struct Reader {
	const char *name;
	const ReadLimits *lim;
	RowFn fn;
	void *ctx;
	Diag *d;
	CsvInfo *info;
	size_t rows_max;

	char **fields;
	size_t *lens;
	size_t *offs;        /* libcsv rows: field starts in rowbuf */
	size_t nfields, cap;
	char *rowbuf;        /* libcsv rows: the fields end to end, each NUL-terminated */
	size_t rowlen, rowcap;
	size_t *commas;      /* quote-free lines: where the commas are */
	size_t ncommas, capcommas;

	long line;           /* physical line being read */
	long row_line;       /* line the current row started on */
	int between_rows;
	int partial;         /* the current line has been fed to libcsv in part */
	int skip_line;       /* a row was rejected: drop the rest of this physical line */
	int stop;            /* callback's value, or -1 on an error */
} Reader;

/* Grow fields, lens and offs (the Reader frees them). */
void csv_grow_fields(Reader *r);

/* The limits on one more field of len bytes (as libcsv counts them: an
 * unquoted field without its surrounding spaces). 0, or -1 after
 * reporting (r->stop is then -1). */
int csv_check_field(Reader *r, size_t len);

/* The row in r->fields[0..r->nfields) is complete: hand it out unless
 * blank; the Reader is between rows again. */
void csv_end_row(Reader *r);

/* Does a row start in s[0..n)? libcsv skips spaces, tabs and line breaks
 * before a row; anything else begins one (r->row_line is then r->line). */
void csv_note_row_start(Reader *r, const char *s, size_t n);

/* ---- pass 2: the direct splitter (csvsplit.c) ---- */

/* From u[pos], find the line break (a sentinel guarantees one), noting the
 * commas in r->commas (offsets from pos) and whether a quote or a possible
 * zero-width character comes before it. Returns the break's index. */
size_t csv_scan_line(Reader *r, const unsigned char *u, size_t pos, int *quote, int *zw);

/* A line without quotes, starting between rows: s[0..n) without its line
 * break, s[n] writable, its commas found by csv_scan_line. Fields are
 * cleaned where they lie and point into s; the row is handed out. */
void csv_split_line(Reader *r, char *s, size_t n, int zw);

/* A line with quotes, starting between rows, every field either free of
 * quotes or wholly quoted and closed on this line: split like
 * csv_split_line, unescaping "" in place. Returns 0 when split, -1 when the
 * line is not of that shape (its bytes then untouched, for libcsv). */
int csv_split_quoted_line(Reader *r, char *s, size_t n, int zw);

/* For tests and fuzzing only: when set, every line with a quote goes to
 * libcsv, so that the reader's own splitting can be compared with it. */
extern int csvread_libcsv_only;

#endif
