/* render.c - Doc -> typeset -> pdf, with a process-wide font cache and a
 * pool of typesetting contexts, and the atomic write of the result. */
#include "render/render.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/file.h"
#include "core/i18n.h"
#include "core/cnum.h"
#include "core/arena.h"
#include "core/mem.h"
#include "core/phase.h"
#include "pdf/pdf.h"
#include "typeset/typeset.h"

enum { RENDER_MAX_FONTSETS = 8, RENDER_MAX_POOL = 16 };

typedef struct FontSet {
	char *key;
	TsFonts *fonts;
	TsCtx *pool[RENDER_MAX_POOL];
	size_t npool;
} FontSet;

/* Process-wide: fonts are loaded once and shared read-only; the lock guards
 * only the cache and the pool, never the typesetting itself. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The sRGB profile of archival PDFs ([pdf] icc_profile), read once a
 * process: every report of a build embeds the same bytes. Under lock. */
static char *icc_path;
static char *icc_bytes;
static size_t icc_len;
static FontSet sets[RENDER_MAX_FONTSETS];
static size_t nsets;

static char *
font_key(const FontSetting *thai, const FontSetting *latin)
{
	size_t n = 64;
	const char *parts[4] = { thai->regular, thai->bold, latin->regular, latin->bold };
	for (int i = 0; i < 4; i++)
		n += parts[i] ? strlen(parts[i]) + 1 : 1;
	char *k = mem_alloc(n);
	c_snprintf(k, n, "%s|%s|%s|%s|%.4g|%.4g", parts[0] ? parts[0] : "", parts[1] ? parts[1] : "",
		parts[2] ? parts[2] : "", parts[3] ? parts[3] : "", thai->scale, latin->scale);
	return k;
}

/* Borrow a context for these fonts; give it back with put_ctx. */
static TsCtx *
get_ctx(const FontSetting *thai, const FontSetting *latin, FontSet **setp, Diag *d)
{
	char *key = font_key(thai, latin);
	pthread_mutex_lock(&lock);
	FontSet *set = NULL;
	for (size_t i = 0; i < nsets && !set; i++)
		if (strcmp(sets[i].key, key) == 0)
			set = &sets[i];
	if (set == NULL) {
		if (nsets == RENDER_MAX_FONTSETS) {
			pthread_mutex_unlock(&lock);
			free(key);
			diag_report(d, DIAG_INTERNAL, NULL, 0, 0,
				"too many different font settings in one run (limit %d)", RENDER_MAX_FONTSETS);
			return NULL;
		}
		Phase was = phase_enter(PHASE_SETUP);
		TsFonts *f = ts_fonts_load(thai, latin, d);
		phase_enter(was);
		if (f == NULL) {
			pthread_mutex_unlock(&lock);
			free(key);
			return NULL;
		}
		set = &sets[nsets++];
		set->key = key;
		set->fonts = f;
		key = NULL;
	}
	free(key);
	TsCtx *c = set->npool ? set->pool[--set->npool] : NULL;
	pthread_mutex_unlock(&lock);
	if (c == NULL) {
		Phase was = phase_enter(PHASE_SETUP);   /* the word-break dictionary */
		c = ts_ctx_new(set->fonts, d);
		phase_enter(was);
	}
	*setp = set;
	return c;
}

static void
put_ctx(FontSet *set, TsCtx *c)
{
	pthread_mutex_lock(&lock);
	if (set->npool < RENDER_MAX_POOL) {
		set->pool[set->npool++] = c;
		c = NULL;
	}
	pthread_mutex_unlock(&lock);
	ts_ctx_free(c);
}

void
render_release(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nsets; i++) {
		for (size_t k = 0; k < sets[i].npool; k++)
			ts_ctx_free(sets[i].pool[k]);
		ts_fonts_free(sets[i].fonts);
		free(sets[i].key);
		memset(&sets[i], 0, sizeof sets[i]);
	}
	nsets = 0;
	free(icc_path);
	free(icc_bytes);
	icc_path = icc_bytes = NULL;
	icc_len = 0;
	/* The PDF cache is keyed by the fonts just freed. */
	pdf_release();
	pthread_mutex_unlock(&lock);
}

/* An archival display list gets the colour profile its output intent
 * embeds. EXIT_DONE, or the exit status after reporting (a profile that
 * cannot be read is the config's matter). */
static int
attach_icc(DisplayList *dl, const Settings *s, Diag *d)
{
	if (!dl->archival)
		return EXIT_DONE;
	if (s->icc_profile == NULL || *s->icc_profile == '\0') {
		diag_report(d, DIAG_USAGE, NULL, 0, 0, "[pdf] archival needs an sRGB colour profile: set "
		    "[pdf] icc_profile, or install Debian's icc-profiles-free");
		return EXIT_USAGE;
	}
	pthread_mutex_lock(&lock);
	int rc = EXIT_DONE;
	if (icc_path == NULL || strcmp(icc_path, s->icc_profile) != 0) {
		char *bytes;
		size_t n;
		Phase was = phase_enter(PHASE_SETUP);
		int got = file_read_regular(s->icc_profile, 1L << 22, DIAG_USAGE, N_("the colour profile"), 0, &bytes,
		    &n, d);
		phase_enter(was);
		if (got != 0) {
			rc = diag_exit_status(d) ? diag_exit_status(d) : EXIT_USAGE;
		} else {
			free(icc_path);
			free(icc_bytes);
			icc_path = mem_strdup(s->icc_profile);
			icc_bytes = bytes;
			icc_len = n;
		}
	}
	if (rc == EXIT_DONE) {
		dl->icc = (const unsigned char *)icc_bytes;
		dl->icc_len = icc_len;
	}
	pthread_mutex_unlock(&lock);
	return rc;
}

/* Lay doc out in its fonts; with fn, each page handed to fn as it is done
 * (ts_layout_pages). NULL after reporting, *rc the exit status. */
static DisplayList *
layout(const Doc *doc, const Settings *s, long long created, Diag *d, int *rc, DlPageFn fn, void *user,
    int *again)
{
	FontSet *set;
	TsCtx *c = get_ctx(doc->thai_font ? doc->thai_font : &s->thai, doc->latin_font ? doc->latin_font : &s->latin,
	    &set, d);
	*again = 0;
	if (c == NULL) {
		*rc = diag_exit_status(d) ? diag_exit_status(d) : EXIT_INTERNAL;
		return NULL;
	}
	Phase was = phase_enter(PHASE_LAYOUT);
	DisplayList *dl = fn ? ts_layout_pages(c, doc, s, created, d, fn, user, again) : ts_layout(c, doc, s, created, d);
	phase_enter(was);
	put_ctx(set, c);
	*rc = dl ? EXIT_DONE : EXIT_INTERNAL;
	if (dl != NULL && (*rc = attach_icc(dl, s, d)) != EXIT_DONE) {
		dl_free(dl);
		return NULL;
	}
	return dl;
}

/* The exit status of a PDF pdf/ refused: what it reported decides (a
 * font that cannot make the PDF/A the config asks is the config's matter,
 * exit 2; an image it cannot embed the input's, 3), else an internal
 * error. A run stops at anything worse than a rejected row, so a status
 * of 2 to 4 here is this PDF's. */
static int
pdf_failed(Diag *d)
{
	int st = diag_exit_status(d);
	return st >= EXIT_USAGE && st <= EXIT_OUTPUT ? st : EXIT_INTERNAL;
}

/* The PDF writer, fed each page as the layout finishes it: a long report
 * is never held whole, as its display list or as anything else. */
typedef struct Feed {
	PdfOut *out;
	Diag *d;
	int failed;                 /* pdf_begin failed, reported */
} Feed;

static void
feed_page(void *user, const DisplayList *dl, size_t p)
{
	Feed *f = user;
	Phase was = phase_enter(PHASE_PDF);
	if (f->out == NULL && !f->failed && (f->out = pdf_begin(dl, f->d)) == NULL)
		f->failed = 1;
	if (f->out != NULL)
		pdf_page(f->out, p);
	phase_enter(was);
}

/* A document laid out, its pages written, its fonts not yet embedded. */
struct Rendering {
	Feed f;
	DisplayList *dl;
};

int
render_begin(const Doc *doc, const Settings *s, long long created, Rendering **out, Diag *d)
{
	int rc, again;
	*out = NULL;
	Feed f = { .d = d };
	DisplayList *dl = layout(doc, s, created, d, &rc, feed_page, &f, &again);
	if (dl != NULL && again) {
		/* The pages handed on were not the document's: once more, whole. */
		pdf_abandon(f.out);
		f = (Feed){ .d = d };
		dl_free(dl);
		dl = layout(doc, s, created, d, &rc, NULL, NULL, &again);
		for (size_t p = 0; dl != NULL && p < dl->npages; p++)
			feed_page(&f, dl, p);
	}
	if (dl == NULL || f.failed) {
		pdf_abandon(f.out);
		dl_free(dl);
		return dl == NULL ? rc : pdf_failed(d);
	}
	if (f.out == NULL) {
		Phase was = phase_enter(PHASE_PDF);
		f.out = pdf_begin(dl, d);  /* no page was handed on: not expected */
		phase_enter(was);
		if (f.out == NULL) {
			dl_free(dl);
			return pdf_failed(d);
		}
	}
	Rendering *r = mem_alloc(sizeof *r);
	r->f = f;
	r->dl = dl;
	*out = r;
	return EXIT_DONE;
}

void
render_share(Rendering *const *r, size_t n)
{
	PdfOut **docs = mem_array(n, sizeof *docs);
	for (size_t i = 0; i < n; i++)
		docs[i] = r[i] ? r[i]->f.out : NULL;
	pdf_share_glyphs(docs, n);
	free(docs);
}

int
render_finish(Rendering *r, unsigned char **out, size_t *len, Diag *d)
{
	*out = NULL;
	*len = 0;
	Phase was = phase_enter(PHASE_PDF);
	int rc = pdf_finish(r->f.out, out, len, d) == 0 ? EXIT_DONE : pdf_failed(d);
	phase_enter(was);
	dl_free(r->dl);
	free(r);
	return rc;
}

void
render_abandon(Rendering *r)
{
	if (r == NULL)
		return;
	pdf_abandon(r->f.out);
	dl_free(r->dl);
	free(r);
}

int
render_to_memory(const Doc *doc, const Settings *s, long long created, unsigned char **out, size_t *len,
    Diag *d)
{
	*out = NULL;
	*len = 0;
	Rendering *r;
	int rc = render_begin(doc, s, created, &r, d);
	return rc != EXIT_DONE ? rc : render_finish(r, out, len, d);
}

int
render_check_fonts(const Settings *s, Diag *d)
{
	FontSet *set;
	TsCtx *c = get_ctx(&s->thai, &s->latin, &set, d);
	if (c == NULL)
		return EXIT_USAGE;
	put_ctx(set, c);
	/* A line in both weights, Thai and Latin, through the PDF writer: a
	 * truncated font loads but fails to subset, and would otherwise fail
	 * in every report. */
	Arena *a = arena_new();
	Doc *doc = doc_new(a);
	DocBlock *p = doc_para(doc, "ตรวจสอบฟอนต์ ผู้อำนวยการ น้ำ ญี่ปุ่น 0123456789 ABC");
	doc_text_add(doc, &p->u.para.text, " ตัวหนา Bold", 1);
	unsigned char *pdf = NULL;
	size_t len = 0;
	Diag *quiet = diag_new(NULL);
	int rc = render_to_memory(doc, s, 0, &pdf, &len, quiet);   /* thrown away: any date */
	diag_free(quiet);
	free(pdf);
	arena_free(a);
	if (rc != EXIT_DONE) {
		diag_report(d, DIAG_USAGE, s->thai.regular, 0, 0, "the fonts of [fonts] load but cannot be embedded "
		    "in a PDF (%s%s%s): a damaged or truncated .ttf? copy the font files again or name others",
		    s->thai.regular, s->thai.bold && *s->thai.bold ? ", " : "", s->thai.bold ? s->thai.bold : "");
		return EXIT_USAGE;
	}
	return EXIT_DONE;
}

void
render_preload(const Settings *s, size_t contexts)
{
	Diag *quiet = diag_new(NULL);
	FontSet *set = NULL;
	TsCtx *c[RENDER_MAX_POOL];
	size_t n = 0;
	if (contexts > RENDER_MAX_POOL)
		contexts = RENDER_MAX_POOL;
	while (n < (contexts ? contexts : 1) && (c[n] = get_ctx(&s->thai, &s->latin, &set, quiet)) != NULL)
		n++;
	while (n > 0)
		put_ctx(set, c[--n]);
	if (s->pdf_archival) {
		DisplayList dl = { 0 };
		dl.archival = 1;
		(void)attach_icc(&dl, s, quiet);
	}
	diag_free(quiet);
}

int
render_prepare_image(const Settings *s, const unsigned char *data, size_t len, int jpeg)
{
	Phase was = phase_enter(PHASE_PDF);
	int full = pdf_prepare_image(data, len, jpeg, s->pdf_archival);
	phase_enter(was);
	return full;
}

int
render_dump_layout(const Doc *doc, const Settings *s, long long created, FILE *out, Diag *d)
{
	int rc, again;
	DisplayList *dl = layout(doc, s, created, d, &rc, NULL, NULL, &again);
	if (dl == NULL)
		return rc;
	if (dl_dump(dl, out) != 0 || fflush(out) != 0) {
		diag_report(d, DIAG_OUTPUT, NULL, 0, 0,
			"cannot write the layout dump (write error); check the output stream");
		rc = EXIT_OUTPUT;
	}
	dl_free(dl);
	return rc;
}
