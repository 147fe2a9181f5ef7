/* csvread_internal.h - what the files of the CSV reader share, and its
 * test hook: not for other users (csvread.h is the reader's interface).
 * csvsource.c holds the bytes (a file or a buffer, read in chunks), their
 * decoding and pass 1 (the encoding, the line breaks); csvread.c pass 2
 * (lines cut, split here or by libcsv, rows handed out). */
#ifndef NITHET_CSVREAD_INTERNAL_H
#define NITHET_CSVREAD_INTERNAL_H

#include <stddef.h>

#include "core/diag.h"
#include "load/csvread.h"
#include "load/encoding.h"

/* Bytes read at a time. A line longer than this is either parsed in pieces
 * (CSV_PARTIAL) or held until it ends. The text buffer keeps CSV_SLACK
 * readable bytes after its sentinel for the 16-byte loads of scan_line. */
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

/* For tests and fuzzing only: when set, every line with a quote goes to
 * libcsv, so that the reader's own splitting can be compared with it. */
extern int csvread_libcsv_only;

#endif
