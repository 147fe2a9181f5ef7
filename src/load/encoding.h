/* encoding.h - detect a text file's encoding and convert it to UTF-8.
 *
 * DOMAIN.md 2.1: a BOM selects UTF-8 or UTF-16LE/BE; otherwise bytes that
 * are valid UTF-8 are UTF-8; otherwise Windows-874 (Thai Excel's "CSV").
 * The only file that uses iconv. */
#ifndef NITHET_ENCODING_H
#define NITHET_ENCODING_H

#include <stddef.h>

#include "core/diag.h"

typedef enum Encoding {
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_WINDOWS874,
} Encoding;

/* "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "Windows-874". */
const char *encoding_name(Encoding e);

/* Detect the encoding of data[0..len). */
Encoding encoding_detect(const char *data, size_t len);

/* Convert data (of encoding e, BOM included) to UTF-8 without a BOM.
 * Returns a NUL-terminated buffer the caller frees with free(), its length in
 * *out_len, or NULL after reporting through d (DIAG_INPUT) the line and column
 * of the first byte that is valid in no supported encoding. */
char *encoding_to_utf8(const char *data, size_t len, Encoding e, const char *file,
	size_t *out_len, Diag *d);

#endif
