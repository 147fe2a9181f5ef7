/* streams.c - stream objects of a document holding bytes we made: already
 * deflated (read from our memory or copied), or deflated here, with the
 * /Filter libharu would not write for them. */
#include "pdf/internal.h"
#include "pdf/flate.h"

/* Dictionary hook: libharu writes no /Filter for a stream it does not
 * compress itself. */
HPDF_STATUS
write_flate_name(HPDF_Dict d, HPDF_Stream out)
{
	(void)d;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Bytes libharu reads straight from our memory (a RawSrc). */
static HPDF_STATUS
raw_read(HPDF_Stream s, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
	RawSrc *r = s->attr;
	size_t k = r->n - r->at;
	if (k > *siz)
		k = *siz;
	memcpy(ptr, r->p + r->at, k);
	r->at += k;
	int eof = k < *siz;
	*siz = (HPDF_UINT)k;
	return eof ? HPDF_STREAM_EOF : HPDF_OK;
}

static HPDF_STATUS
raw_seek(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode)
{
	RawSrc *r = s->attr;
	long at = mode == HPDF_SEEK_CUR ? (long)r->at + pos : mode == HPDF_SEEK_END ? (long)r->n - pos : pos;
	if (at < 0 || (size_t)at > r->n)
		return HPDF_STREAM_EOF;
	r->at = (size_t)at;
	return HPDF_OK;
}

static HPDF_INT32
raw_tell(HPDF_Stream s)
{
	return (HPDF_INT32)((RawSrc *)s->attr)->at;
}

static HPDF_UINT32
raw_size(HPDF_Stream s)
{
	return (HPDF_UINT32)((RawSrc *)s->attr)->n;
}

/* A stream object holding bytes already deflated, read from src (which
 * must live until the document is saved). */
HPDF_Dict
deflated_stream(Writer *w, RawSrc *src)
{
	HPDF_Dict s = HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
	if (s == NULL)
		return NULL;
	HPDF_Stream raw = HPDF_CallbackReader_New(w->pdf->mmgr, raw_read, raw_seek, raw_tell,
		raw_size, src);
	if (raw == NULL)
		return NULL;
	HPDF_Stream_Free(s->stream);
	s->stream = raw;
	s->filter = HPDF_STREAM_FILTER_NONE;
	s->write_fn = write_flate_name;
	return s;
}

/* Below this many bytes a stream is stored as it is: deflated it comes
 * out no smaller (a font's CIDSet, 66 bytes, took 77) and each call of
 * the compressor costs about 4 microseconds before its first byte. */
#define DEFLATE_FROM 128

/* A stream object holding n bytes, deflated here unless plain (PDF/A
 * wants the metadata readable as it is) or short. */
HPDF_Dict
plain_stream(Writer *w, const void *bytes, size_t n, int plain)
{
	HPDF_Dict s = HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
	if (s == NULL)
		return NULL;
	size_t zn = plain || n < DEFLATE_FROM ? 0 : flate_compress(bytes, n, &w->zout, &w->zout_cap);
	s->filter = HPDF_STREAM_FILTER_NONE;
	if (zn > 0) {
		s->write_fn = write_flate_name;
		bytes = w->zout;
		n = zn;
	}
	if (n > 0 && HPDF_Stream_Write(s->stream, bytes, (HPDF_UINT)n) != HPDF_OK)
		return NULL;
	return s;
}

/* A stream object holding n bytes already deflated (copied). */
HPDF_Dict
deflated_copy(Writer *w, const unsigned char *bytes, size_t n)
{
	HPDF_Dict s = HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
	if (s == NULL || HPDF_Stream_Write(s->stream, bytes, (HPDF_UINT)n) != HPDF_OK)
		return NULL;
	s->filter = HPDF_STREAM_FILTER_NONE;
	s->write_fn = write_flate_name;
	return s;
}

/* libharu copies every byte it writes into its memory stream, and so
 * every byte of every PDF, one at a time (HPDF_MemCpy in hpdf_utils.c:
 * a loop of single bytes, 3.5 % of a build's instructions). Its own calls
 * to HPDF_MemCpy go through the dynamic linker (the function is public,
 * hpdf_utils.h), which binds them to the program's definition when the
 * program has one: this one, with the same contract — n bytes from in to
 * out, the end of what was written returned — in one memcpy. A libharu
 * built to bind its calls to itself would simply keep its own loop. */
HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (n > 0)
		memcpy(out, in, n);
	return out + n;
}

/* The same for libharu's other byte loops that its objects' writing
 * calls tens of thousands of times a build (names looked up, copied and
 * measured, buffers cleared: 17 million instructions), each with the
 * contract of hpdf_utils.c's: */

/* the length of s up to its NUL, at most maxlen when maxlen >= 0; 0 for
 * NULL */
HPDF_UINT
HPDF_StrLen(const char *s, HPDF_INT maxlen)
{
	if (s == NULL)
		return 0;
	return (HPDF_UINT)(maxlen < 0 ? strlen(s) : strnlen(s, (size_t)maxlen));
}

/* in copied to out while out is before eptr (NULL: nothing), then a NUL;
 * returns where the NUL went */
HPDF_BYTE *
HPDF_StrCpy(char *out, const char *in, char *eptr)
{
	size_t n = in != NULL && eptr > out ? strnlen(in, (size_t)(eptr - out)) : 0;
	if (n > 0)
		memcpy(out, in, n);
	out[n] = '\0';
	return (HPDF_BYTE *)out + n;
}

/* s1 against s2 as unsigned bytes, 0 when equal; a NULL s1 sorts before
 * a string, a NULL s2 after one, and two NULLs differ */
HPDF_INT
HPDF_StrCmp(const char *s1, const char *s2)
{
	if (s1 == NULL || s2 == NULL)
		return s1 == NULL && s2 != NULL ? -1 : 1;
	return strcmp(s1, s2);
}

/* n bytes of c from s; returns the end */
void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n > 0)
		memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}
