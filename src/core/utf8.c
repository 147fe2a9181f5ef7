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

/* The loaders validate every byte of every input (a gigabyte at national
 * scale), so this is the hot loop: ASCII eight bytes at a time, and the
 * checks of RFC 3629's table inline, Thai's three-byte E0 sequences first. */
size_t
utf8_valid_prefix(const char *s, size_t len)
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
