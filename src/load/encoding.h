/* encoding.h - detect a text file's encoding and convert it to UTF-8.
 *
 *: a BOM selects UTF-8 or UTF-16LE/BE; otherwise bytes that
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

/* Detect the encoding of data[0..len) (the whole file). */
Encoding encoding_detect(const char *data, size_t len);

/* What a file's first bytes announce by a byte-order mark: ENC_UTF8_BOM,
 * ENC_UTF16LE or ENC_UTF16BE; ENC_UTF8 when there is none (the rest of the
 * file then decides between UTF-8 and Windows-874). */
Encoding encoding_detect_bom(const char *data, size_t len);

/* Bytes of e's byte-order mark at the start of a file: 3, 2 or 0. */
size_t encoding_bom_length(Encoding e);

/* Streaming conversion of Windows-874 or UTF-16 text (BOM excluded) to
 * UTF-8, chunk by chunk, so that a big file is never held whole. */
typedef struct EncodingConverter EncodingConverter;

typedef enum EncodingStatus {
	ENC_CONV_OK,            /* all the input was converted */
	ENC_CONV_FULL,          /* the output is full; call again with more room */
	ENC_CONV_INCOMPLETE,    /* the input ends inside a character (UTF-16) */
	ENC_CONV_INVALID,       /* a byte valid in no supported encoding */
} EncodingStatus;

/* A converter from e (ENC_WINDOWS874, ENC_UTF16LE, ENC_UTF16BE). NULL after
 * reporting (DIAG_INTERNAL, naming file) that the system cannot convert.
 * Free with encoding_converter_free. */
EncodingConverter *encoding_converter_new(Encoding e, const char *file, Diag *d);
void encoding_converter_free(EncodingConverter *cv);

/* Convert in[0..inlen) into out[0..outlen). *in_used and *out_used say how
 * much was consumed and written; on ENC_CONV_INCOMPLETE and
 * ENC_CONV_INVALID, in[*in_used] is where it stopped. */
EncodingStatus encoding_convert(EncodingConverter *cv, const char *in, size_t inlen,
	size_t *in_used, char *out, size_t outlen, size_t *out_used);

/* Report (DIAG_INPUT) the failure st of cv at line, col of file; byte is
 * the byte where the conversion stopped. */
void encoding_report(const EncodingConverter *cv, EncodingStatus st, unsigned char byte,
	const char *file, long line, long col, Diag *d);

#endif
