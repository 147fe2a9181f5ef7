/* encoding.c - encoding detection and conversion to UTF-8 (see encoding.h). */
#include "load/encoding.h"
#include "core/i18n.h"

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
encoding_detect_bom(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return ENC_UTF8_BOM;
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return ENC_UTF16LE;
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return ENC_UTF16BE;
	return ENC_UTF8;
}

size_t
encoding_bom_length(Encoding e)
{
	switch (e) {
	case ENC_UTF8_BOM: return 3;
	case ENC_UTF16LE: case ENC_UTF16BE: return 2;
	case ENC_UTF8: case ENC_WINDOWS874: return 0;
	}
	return 0;
}

Encoding
encoding_detect(const char *data, size_t len)
{
	Encoding e = encoding_detect_bom(data, len);
	if (e != ENC_UTF8)
		return e;
	return utf8_valid_prefix(data, len) == len ? ENC_UTF8 : ENC_WINDOWS874;
}

struct EncodingConverter {
	Encoding enc;
	const char *from;
	iconv_t cd;
};

EncodingConverter *
encoding_converter_new(Encoding e, const char *file, Diag *d)
{
	const char *from = e == ENC_WINDOWS874 ? "CP874" : e == ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE";
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		diag_report(d, DIAG_INTERNAL, file, 0, 0, "this system's iconv cannot convert from %s", from);
		return NULL;
	}
	EncodingConverter *cv = mem_alloc(sizeof(*cv));
	cv->enc = e;
	cv->from = from;
	cv->cd = cd;
	return cv;
}

void
encoding_converter_free(EncodingConverter *cv)
{
	if (cv == NULL)
		return;
	iconv_close(cv->cd);
	free(cv);
}

EncodingStatus
encoding_convert(EncodingConverter *cv, const char *in, size_t inlen, size_t *in_used,
    char *out, size_t outlen, size_t *out_used)
{
	char *ip = (char *)in, *op = out;
	size_t inleft = inlen, outleft = outlen;
	size_t rc = iconv(cv->cd, &ip, &inleft, &op, &outleft);
	int err = errno;
	*in_used = (size_t)(ip - in);
	*out_used = (size_t)(op - out);
	if (rc != (size_t)-1)
		return ENC_CONV_OK;
	/* Windows-874 leaves a few bytes unassigned; iconv stops there. */
	if (err == E2BIG)
		return ENC_CONV_FULL;
	return err == EINVAL ? ENC_CONV_INCOMPLETE : ENC_CONV_INVALID;
}

void
encoding_report(const EncodingConverter *cv, EncodingStatus st, unsigned char byte,
    const char *file, long line, long col, Diag *d)
{
	if (cv->enc == ENC_WINDOWS874)
		diag_report(d, DIAG_INPUT, file, line, col,
		    "byte 0x%02X is valid neither in UTF-8 nor in Windows-874; "
		    "save the file again as \"CSV UTF-8\" from Excel or Google Sheets", byte);
	else
		diag_report(d, DIAG_INPUT, file, line, col,
		    "invalid %s text (%s); save the file again as \"CSV UTF-8\"", cv->from,
		    st == ENC_CONV_INCOMPLETE ? _("the file ends inside a character") : _("bad code unit"));
}
