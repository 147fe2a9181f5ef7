/* utf8.h - decoding, encoding and classifying UTF-8 text.
 *
 * All text inside nithet is UTF-8 (loaders convert Windows-874 and UTF-16 on
 * the way in). These helpers never allocate. */
#ifndef NITHET_UTF8_H
#define NITHET_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s (at most len bytes). Returns the number of
 * bytes used (1..4), or 0 when the bytes are not valid UTF-8 (overlong,
 * surrogate, above U+10FFFF, truncated); *cp is then 0xFFFD. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (at least 4 bytes). Returns the byte count (1..4),
 * 0 for a surrogate or a value above U+10FFFF. */
size_t utf8_encode(uint32_t cp, char *out);

/* Length of the longest valid UTF-8 prefix of s; equal to len when all of
 * s is valid. */
size_t utf8_valid_prefix(const char *s, size_t len);

/* The same, one character at a time without SIMD: what utf8_valid_prefix
 * must always agree with (tests compare them). */
size_t utf8_valid_prefix_scalar(const char *s, size_t len);

/* Number of code points in a valid UTF-8 string (invalid bytes count 1). */
size_t utf8_count(const char *s, size_t len);

/* Thai block U+0E00..U+0E7F. */
static inline int utf8_is_thai(uint32_t cp) { return cp >= 0x0E00 && cp <= 0x0E7F; }

/* Thai marks drawn above or below a base consonant (zero advance): mai han-akat,
 * sara i..uu, phinthu, mai tai khu..yamakkan. They never start a cluster. */
int utf8_is_thai_mark(uint32_t cp);

/* Thai leading vowels (เ แ โ ใ ไ), which must never end a line. */
static inline int utf8_is_thai_leading_vowel(uint32_t cp) { return cp >= 0x0E40 && cp <= 0x0E44; }

/* Convert Arabic digits 0-9 in s to Thai digits ๐-๙ into out (size bytes,
 * NUL-terminated, truncated safely). Returns the full length needed. */
size_t utf8_thai_digits(const char *s, char *out, size_t size);

#endif
