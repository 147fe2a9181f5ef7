/* encoding.c - encoding detection and conversion to UTF-8 (see encoding.h). */
#include "load/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

const char *
encoding_name(Encoding e)
{
	switch (e) {
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF8_BOM: return "UTF-8 (BOM)";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	case ENC_WINDOWS874: return "Windows-874";
	}
	return "?";
}

Encoding
encoding_detect(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return ENC_UTF8_BOM;
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return ENC_UTF16LE;
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return ENC_UTF16BE;
	return utf8_valid_prefix(data, len) == len ? ENC_UTF8 : ENC_WINDOWS874;
}

/* Line and column (1-based, in bytes of the original) of offset off. */
static void
position_of(const char *data, size_t off, long *line, long *col)
{
	*line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = (long)(off - start) + 1;
}

char *
encoding_to_utf8(const char *data, size_t len, Encoding e, const char *file,
    size_t *out_len, Diag *d)
{
	if (e == ENC_UTF8 || e == ENC_UTF8_BOM) {
		size_t skip = e == ENC_UTF8_BOM ? 3 : 0;
		size_t valid = skip + utf8_valid_prefix(data + skip, len - skip);
		if (valid != len) {
			long line, col;
			position_of(data, valid, &line, &col);
			diag_report(d, DIAG_INPUT, file, line, col,
			    "invalid UTF-8 (byte 0x%02X) in a file marked UTF-8 by its BOM; "
			    "save the file again as \"CSV UTF-8\"", (unsigned char)data[valid]);
			return NULL;
		}
		*out_len = len - skip;
		return mem_strndup(data + skip, len - skip);
	}

	/* Windows-874 leaves a few bytes unassigned; iconv stops there, and so
	 * do we, naming the position. UTF-16 may grow 1.5x, CP874 3x. */
	const char *from = e == ENC_WINDOWS874 ? "CP874" : e == ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE";
	size_t skip = e == ENC_WINDOWS874 ? 0 : 2;
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		diag_report(d, DIAG_INTERNAL, file, 0, 0, "this system's iconv cannot convert from %s", from);
		return NULL;
	}
	size_t cap = (len - skip) * 3 + 1;
	char *out = mem_alloc(cap);
	char *in = (char *)data + skip, *op = out;
	size_t inleft = len - skip, outleft = cap - 1;
	size_t rc = iconv(cd, &in, &inleft, &op, &outleft);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		size_t off = (size_t)(in - data);
		long line, col;
		position_of(data, off, &line, &col);
		if (e == ENC_WINDOWS874)
			diag_report(d, DIAG_INPUT, file, line, col,
			    "byte 0x%02X is valid neither in UTF-8 nor in Windows-874; "
			    "save the file again as \"CSV UTF-8\" from Excel or Google Sheets",
			    (unsigned char)data[off]);
		else
			diag_report(d, DIAG_INPUT, file, line, col,
			    "invalid %s text (%s); save the file again as \"CSV UTF-8\"", from,
			    errno == EINVAL ? "the file ends inside a character" : "bad code unit");
		free(out);
		return NULL;
	}
	*op = '\0';
	*out_len = (size_t)(op - out);
	return out;
}
