/* fuzz_config.c - libFuzzer target: the config reader (line scan, iniparser,
 * value parsers) over arbitrary files. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* iniparser reads only from files, so the input goes through one. */
	static char path[64];
	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/nithet-fuzz-config-%ld.ini", (long)getpid());
	FILE *fp = fopen(path, "wb");
	if (fp == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	Diag *d = diag_new(NULL);
	Settings *s = settings_load(path, NULL, d);
	settings_free(s);
	diag_free(d);
	return 0;
}
