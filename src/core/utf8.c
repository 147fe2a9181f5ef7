/* utf8.c - UTF-8 helpers (see utf8.h). */
#include "utf8.h"

#include <string.h>

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	*cp = 0xFFFD;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((u[0] & 0xE0) == 0xC0) {
		n = 2; c = u[0] & 0x1F; min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		n = 3; c = u[0] & 0x0F; min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		n = 4; c = u[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The checks of RFC 3629's table one character at a time: ASCII eight bytes
 * at a time, Thai's three-byte E0 sequences first. Exact: stops at the first
 * byte that does not continue a valid prefix. */
size_t
utf8_valid_prefix_scalar(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned c = u[i];
		if (c < 0x80) {
			i++;
			while (i + 8 <= len) {
				uint64_t w;
				memcpy(&w, u + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			while (i < len && u[i] < 0x80)
				i++;
			continue;
		}
		/* A run of Thai letters: E0 B8..B9 xx, the commonest case first. */
		while (c == 0xE0 && len - i >= 3 && (u[i + 1] & 0xE0) == 0xA0 &&
		    (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
			if (i == len)
				return i;
			c = u[i];
		}
		if (c < 0x80)
			continue;
		if (c >= 0xE0 && c <= 0xEF) {
			if (len - i < 3)
				break;
			unsigned c1 = u[i + 1];
			if ((u[i + 2] & 0xC0) != 0x80)
				break;
			if (c == 0xE0 ? (c1 < 0xA0 || c1 > 0xBF) :
			    c == 0xED ? (c1 < 0x80 || c1 > 0x9F) : (c1 & 0xC0) != 0x80)
				break;
			i += 3;
		} else if (c >= 0xC2 && c <= 0xDF) {
			if (len - i < 2 || (u[i + 1] & 0xC0) != 0x80)
				break;
			i += 2;
		} else if (c >= 0xF0 && c <= 0xF4) {
			if (len - i < 4)
				break;
			unsigned c1 = u[i + 1];
			if ((u[i + 2] & 0xC0) != 0x80 || (u[i + 3] & 0xC0) != 0x80)
				break;
			if (c == 0xF0 ? (c1 < 0x90 || c1 > 0xBF) :
			    c == 0xF4 ? (c1 < 0x80 || c1 > 0x8F) : (c1 & 0xC0) != 0x80)
				break;
			i += 4;
		} else {
			break; /* a continuation byte, C0, C1 or F5..FF */
		}
	}
	return i;
}

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && !defined(NITHET_NO_SIMD)
#include <immintrin.h>
#define UTF8_SSSE3 1

/* Sixteen bytes at a time with SSSE3, after Keiser and Lemire, "Validating
 * UTF-8 in less than one instruction per byte" (2021): every pair of adjacent
 * bytes is classified by three 16-entry tables (high nibble of the first
 * byte, its low nibble, high nibble of the second); each bit of a class names
 * one way a pair can be wrong, so a pair is wrong when some bit is set in all
 * three. Third and fourth bytes of a character are checked by where the lead
 * byte two or three back says they must be. The loaders validate every byte
 * of every input (a gigabyte at national scale), which made the scalar loop
 * a tenth of the loading time.
 *
 * Returns a position at a character boundary such that every byte before it
 * is valid UTF-8; the scalar loop goes on from there, and also finds the
 * exact position of an error in the block where one was seen. */
enum {
	TOO_SHORT = 1 << 0,        /* lead byte followed by no continuation */
	TOO_LONG = 1 << 1,         /* continuation after ASCII */
	OVERLONG_3 = 1 << 2,       /* E0 80..9F */
	TOO_LARGE = 1 << 3,        /* F4 90.., F5.. */
	SURROGATE = 1 << 4,        /* ED A0..BF */
	OVERLONG_2 = 1 << 5,       /* C0, C1 */
	TOO_LARGE_1000 = 1 << 6,   /* F5..FF 80..8F */
	OVERLONG_4 = 1 << 6,       /* F0 80..8F */
	TWO_CONTS = 1 << 7,        /* a continuation after a continuation */
	CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS
};

__attribute__((target("ssse3"))) static size_t
valid_blocks_ssse3(const unsigned char *u, size_t len)
{
	const __m128i byte_1_high = _mm_setr_epi8(TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
	    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, (char)TWO_CONTS, (char)TWO_CONTS,
	    (char)TWO_CONTS, (char)TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
	    TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
	const __m128i byte_1_low = _mm_setr_epi8((char)(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4),
	    (char)(CARRY | OVERLONG_2), (char)CARRY, (char)CARRY, (char)(CARRY | TOO_LARGE),
	    (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
	    (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
	    (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
	    (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
	    (char)(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),
	    (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000));
	const __m128i byte_2_high = _mm_setr_epi8(TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
	    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
	    (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
	    (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
	    (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
	    (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
	    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
	/* A block ending in these would leave a character unfinished. */
	const __m128i incomplete_above = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	    -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
	const __m128i nibble = _mm_set1_epi8(0x0F), high = _mm_set1_epi8((char)0x80);
	const __m128i third = _mm_set1_epi8((char)(0xE0 - 0x80)), fourth = _mm_set1_epi8((char)(0xF0 - 0x80));
	__m128i prev = _mm_setzero_si128(), pending = _mm_setzero_si128();
	size_t i = 0;
	/* Errors of four blocks gathered, then tested: a branch per 64 bytes. */
	for (; i + 64 <= len; i += 64) {
		__m128i err = _mm_setzero_si128();
		for (int b = 0; b < 4; b++) {
			__m128i in = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 16 * b));
			if (_mm_movemask_epi8(in) == 0) {
				/* ASCII: wrong only if the block before left a character open */
				err = _mm_or_si128(err, pending);
			} else {
				__m128i prev1 = _mm_alignr_epi8(in, prev, 15);
				__m128i sc = _mm_and_si128(_mm_and_si128(
				    _mm_shuffle_epi8(byte_1_high, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
				    _mm_shuffle_epi8(byte_1_low, _mm_and_si128(prev1, nibble))),
				    _mm_shuffle_epi8(byte_2_high, _mm_and_si128(_mm_srli_epi16(in, 4), nibble)));
				__m128i must23 = _mm_or_si128(
				    _mm_subs_epu8(_mm_alignr_epi8(in, prev, 14), third),
				    _mm_subs_epu8(_mm_alignr_epi8(in, prev, 13), fourth));
				err = _mm_or_si128(err, _mm_xor_si128(_mm_and_si128(must23, high), sc));
			}
			pending = _mm_subs_epu8(in, incomplete_above);
			prev = in;
		}
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(err, _mm_setzero_si128())) != 0xFFFF)
			break;
	}
	/* Every character that starts four or more bytes before i ends before i
	 * and was checked; back up to the start of one. */
	if (i < 4)
		return 0;
	size_t q = i - 4;
	while (q > 0 && (u[q] & 0xC0) == 0x80)
		q--;
	return q;
}

/* The check reads a variable libgcc fills in before main. */
static int
have_ssse3(void)
{
	return __builtin_cpu_supports("ssse3") != 0;
}
#endif

size_t
utf8_valid_prefix(const char *s, size_t len)
{
	size_t done = 0;
#ifdef UTF8_SSSE3
	if (len >= 64 && have_ssse3())
		done = valid_blocks_ssse3((const unsigned char *)s, len);
#endif
	return done + utf8_valid_prefix_scalar(s + done, len - done);
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t i = 0, count = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		count++;
	}
	return count;
}

int
utf8_is_thai_mark(uint32_t cp)
{
	return cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) ||
	    (cp >= 0x0E47 && cp <= 0x0E4E);
}

size_t
utf8_thai_digits(const char *s, char *out, size_t size)
{
	/* Thai digit ๐ is U+0E50 = E0 B9 90; each digit becomes 3 bytes. */
	size_t need = 0;
	for (const char *p = s; *p; p++) {
		char buf[4];
		size_t n;
		if (*p >= '0' && *p <= '9') {
			n = utf8_encode(0x0E50 + (uint32_t)(*p - '0'), buf);
		} else {
			buf[0] = *p;
			n = 1;
		}
		if (size > 0 && need + n < size)
			memcpy(out + need, buf, n);
		else if (size > 0 && need < size)
			size = need + 1; /* stop writing; keep counting */
		need += n;
	}
	if (size > 0)
		out[need < size ? need : size - 1] = '\0';
	return need;
}
