/* fuzz_money.c - libFuzzer target: money and integer parsing, checking that an
 * accepted amount formats and parses back to the same satang. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/numfmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	long long v, back, i;
	char buf[64];
	if (num_parse_money(s, size, &v) == NUM_OK) {
		size_t n = num_format_money(v, 0, buf, sizeof(buf));
		if (n >= sizeof(buf) || num_parse_money(buf, n, &back) != NUM_OK || back != v)
			abort();
	}
	if (num_parse_int(s, size, -1000000, 1000000, &i) == NUM_OK && (i < -1000000 || i > 1000000))
		abort();
	return 0;
}
