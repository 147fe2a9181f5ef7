/* image.c - PNG and JPEG files read whole, their size taken from the header
 * (see image.h). No image library: the PDF carries JPEG as it is and
 * libharu decodes PNG; all we need here is to refuse, with the file's name,
 * what it would refuse later without one. */
#include "load/image.h"
#include "core/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/file.h"
#include "core/mem.h"
#include "load/loaders.h"

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* The PNG header chunk: width, height, and what libharu can embed (8-bit
 * samples, no interlacing; palette, grey and colour with or without
 * alpha). Returns NULL or why not. */
static const char *
png_size(const unsigned char *b, size_t n, int *w, int *h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	if (n < 33 || memcmp(b, sig, 8) != 0 || memcmp(b + 12, "IHDR", 4) != 0)
		return "not a PNG file (its first bytes are wrong)";
	unsigned long pw = be32(b + 16), ph = be32(b + 20);
	int depth = b[24], interlace = b[28];
	if (pw == 0 || ph == 0 || pw > 20000 || ph > 20000)
		return "its size in pixels is 0 or above 20000";
	if (depth != 8 && !(b[25] == 3 && depth <= 8))
		return "it has 16-bit or under-8-bit samples; save it as an 8-bit PNG";
	if (interlace != 0)
		return "it is interlaced; save it again without interlacing";
	*w = (int)pw;
	*h = (int)ph;
	return NULL;
}

/* The JPEG frame header (SOF0..SOF15 but DHT, JPG and DAC) carries the
 * size; markers before it are skipped by their lengths. Progressive JPEG
 * (SOF2) is fine in a PDF. */
static const char *
jpeg_size(const unsigned char *b, size_t n, int *w, int *h)
{
	if (n < 4 || b[0] != 0xFF || b[1] != 0xD8)
		return "not a JPEG file (its first bytes are wrong)";
	size_t i = 2;
	while (i + 4 <= n) {
		if (b[i] != 0xFF)
			return "a damaged JPEG file (a marker is missing)";
		unsigned m = b[i + 1];
		if (m == 0xFF) {
			i++;
			continue;
		}
		if (m == 0xD9 || m == 0xDA)
			break;
		size_t len = (size_t)b[i + 2] << 8 | b[i + 3];
		if (len < 2 || i + 2 + len > n)
			return "a truncated JPEG file";
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (len < 7)
				return "a damaged JPEG file (its frame header is short)";
			int ph = b[i + 5] << 8 | b[i + 6], pw = b[i + 7] << 8 | b[i + 8];
			int comps = len >= 8 ? b[i + 9] : 0;
			if (pw == 0 || ph == 0)
				return "its size in pixels is 0";
			if (comps != 1 && comps != 3)
				return "it is not grey or colour (CMYK?); save it as an RGB JPEG";
			*w = pw;
			*h = ph;
			return NULL;
		}
		i += 2 + len;
	}
	return "a JPEG file without a frame header";
}

int
image_name_ok(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (!strcasecmp(dot, ".png") || !strcasecmp(dot, ".jpg") || !strcasecmp(dot, ".jpeg"));
}

int
image_load(const char *path, Arena *a, long max_bytes, ImageFile *out, Diag *d)
{
	memset(out, 0, sizeof *out);
	char *raw;
	size_t n;
	if (file_read_regular(path, max_bytes, DIAG_INPUT, N_("the image"), 0, &raw, &n, d) != 0)
		return -1;
	unsigned char *buf = arena_alloc(a, n + 1);
	memcpy(buf, raw, n);
	free(raw);
	int w = 0, h = 0;
	const char *why;
	int jpeg = n >= 2 && buf[0] == 0xFF && buf[1] == 0xD8;
	why = jpeg ? jpeg_size(buf, n, &w, &h) : png_size(buf, n, &w, &h);
	if (why != NULL) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "this image cannot be used: %s; use a PNG or "
		    "JPEG file", why);
		return -1;
	}
	out->data = buf;
	out->len = n;
	out->jpeg = jpeg;
	out->px_w = w;
	out->px_h = h;
	out->path = arena_strdup(a, path);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir other than . and .., sorted; NULL when dir cannot be
 * opened. *n their count. Freed with free_names. */
static char **
sorted_names(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	*n = 0;
	if (d == NULL)
		return NULL;
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			names = mem_grow(names, cap, sizeof *names);
		}
		names[(*n)++] = mem_strdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

static void
free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

void
photos_load(Model *m, Arena *a, const char *dir, long max_bytes, Diag *d)
{
	size_t nf;
	char **folders = sorted_names(dir, &nf);
	if (folders == NULL)
		return;
	size_t cap = 0;
	for (size_t i = 0; i < nf; i++) {
		char *path = arena_printf(a, "%s/%s", dir, folders[i]);
		struct stat st;
		if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
			diag_report(d, DIAG_WARNING, path, 0, 0, "not a folder: photos go into a folder per activity "
			    "(photos/1/, photos/2/ …); the file is left out");
			continue;
		}
		int no = load_activity_word(folders[i], 1);
		if (no == 0 || (m->plan && plan_activity(m->plan, no) == NULL)) {
			diag_report(d, DIAG_WARNING, path, 0, 0, "the folder is not an activity of the plan; name it "
			    "by the activity's number (1 to %zu); its photos are left out", m->plan ? m->plan->nactivities : 0);
			continue;
		}
		size_t np;
		char **files = sorted_names(path, &np);
		size_t taken = 0;
		for (size_t k = 0; files && k < np; k++) {
			const char *file = arena_printf(a, "%s/%s", path, files[k]);
			if (!image_name_ok(files[k])) {
				diag_report(d, DIAG_WARNING, file, 0, 0, "not a .jpg, .jpeg or .png file; it is left out "
				    "of the photos");
				continue;
			}
			if (taken == PHOTOS_PER_ACTIVITY) {
				diag_report(d, DIAG_WARNING, file, 0, 0, "activity %d has more than %d photos; the report "
				    "shows the first %d by file name, this one is left out", no, PHOTOS_PER_ACTIVITY,
				    PHOTOS_PER_ACTIVITY);
				continue;
			}
			Photo ph = { 0 };
			/* A bad photo is said and skipped: the report is still built. */
			Diag *quiet = diag_new(NULL);
			int bad = image_load(file, a, max_bytes, &ph.image, quiet);
			if (bad) {
				char msg[1024];
				diag_format(diag_record(quiet, diag_nrecords(quiet) - 1), msg, sizeof msg);
				const char *why = strstr(msg, ": error: ");
				diag_report(d, DIAG_WARNING, file, 0, 0, "%s; the photo is left out", why ? why + 9 : msg);
			}
			diag_free(quiet);
			if (bad)
				continue;
			ph.activity = no;
			const char *dot = strrchr(files[k], '.');
			ph.caption = arena_strndup(a, files[k], (size_t)(dot - files[k]));
			if (m->nphotos == cap) {
				Photo *grown = arena_array(a, cap ? 2 * cap : 16, sizeof *grown);
				if (m->nphotos)
					memcpy(grown, m->photos, m->nphotos * sizeof *grown);
				m->photos = grown;
				cap = cap ? 2 * cap : 16;
			}
			m->photos[m->nphotos++] = ph;
			taken++;
		}
		free_names(files, np);
	}
	free_names(folders, nf);
}
