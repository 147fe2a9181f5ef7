/* fuzz_file.h - for the targets whose reader takes a path (a workbook):
 * the input written to a file of this process, and a row callback that
 * takes every row and keeps none. */
#ifndef NITHET_FUZZ_FILE_H
#define NITHET_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "load/rows.h"

/* data as /tmp/fuzz-<stem>-<pid>.<ext>; its path, or NULL. */
static inline const char *
fuzz_to_file(const uint8_t *data, size_t size, const char *stem, const char *ext)
{
	static char path[96];
	snprintf(path, sizeof path, "/tmp/fuzz-%s-%ld.%s", stem, (long)getpid(), ext);
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return NULL;
	fwrite(data, 1, size, f);
	fclose(f);
	return path;
}

static inline int
fuzz_each_row(void *ctx, const SourceRow *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

#endif
