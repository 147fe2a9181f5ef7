/* fuzz_xml.c - libFuzzer target: the secure XML parser into our own tree
 * (DOCTYPE refusal, depth limit, error capture), without a schema. */
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	xml_parse_memory(a, (const char *)data, size, "fuzz.xml", 32, NULL, d);
	diag_free(d);
	arena_free(a);
	return 0;
}
