/* subset.c - fonts embedded once per glyph set and process: the subset
 * (hb-subset), its tag, /W array and ToUnicode CMap, and the cache of them.
 *
 * Subsetting a font with hb-subset, deflating it and writing its ToUnicode
 * CMap and /W array is made once per glyph set and process (a small table
 * per font, least recently used set replaced): a later document with the
 * same set copies the deflated bytes.
 *
 * Each document gets a subset of exactly its glyphs, or, written together
 * with others (a build's schools, eight at a time: pdf_share_glyphs), of
 * the glyphs of all of them: school reports show nearly the same glyphs
 * (all 117 together 71 bold and 104 regular, each 60 and 93), so a batch's
 * subset holds a few glyphs more and is made once, not eight times (131
 * subsets made a bundled build -> 43; the year's folder 4.40 -> 4.52 MB).
 * Measured against the other alternatives (make bench, the bundled build):
 * one subset per font for the
 * whole build, of the glyphs of Thai, ASCII and common punctuation with
 * their positional variants (223 glyphs of Laksaman's 526, 28 KB before
 * deflating), would spare the workers their subsets (131 made for the 250
 * fonts of 125 documents: 200 million instructions of the build's 1,580
 * then)
 * but makes the year's folder 58 % larger (7.1 MB against 4.5 MB): a
 * school report uses 60 bold and 95 regular glyphs. Rounding a set up to
 * the Thai block, as pdf.c once did, shared nothing either: nearly
 * every school report has a Latin letter or a quotation mark of its own. */
#include "pdf/internal.h"
#include "pdf/flate.h"

#include <hb-subset.h>
#include <pthread.h>
#include <stdlib.h>

#include "core/hash.h"
#include "core/mem.h"
#include "core/phase.h"

enum { PDF_CACHE_FONTS = 16, PDF_CACHE_SETS = 48 };

/* A font's sets: embeds holds them (the one least recently used is
 * replaced when it is full), sets finds one by its glyph set's hash. The
 * fonts themselves are a handful (two a report, PDF_CACHE_FONTS at most):
 * font_rec finds one by a scan. */
typedef struct FontRec {
	const DlFont *font;
	Embed *embeds[PDF_CACHE_SETS];
	size_t n;
	HashTable sets;               /* embeds[], by hash_done(Embed.hash) */
} FontRec;

/* Process-wide; the lock guards the table and the counts. An entry is freed
 * when it has left the table and no writer holds it. */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static FontRec cache[PDF_CACHE_FONTS];
static size_t ncache;
static unsigned long long cache_clock;

/* The cache record of f, made on first use; NULL when the table is full. */
static FontRec *
font_rec(const DlFont *f)
{
	for (size_t i = 0; i < ncache; i++)
		if (cache[i].font == f)
			return &cache[i];
	if (ncache == PDF_CACHE_FONTS)
		return NULL;
	FontRec *r = &cache[ncache++];
	memset(r, 0, sizeof *r);
	r->font = f;
	return r;
}

static void
embed_free(Embed *e)
{
	if (e == NULL)
		return;
	free(e->set);
	free(e->file);
	free(e->tu);
	free(e->w);
	free(e);
}

void
embed_release(void)
{
	pthread_mutex_lock(&cache_lock);
	for (size_t i = 0; i < ncache; i++) {
		for (size_t k = 0; k < cache[i].n; k++)
			embed_free(cache[i].embeds[k]);
		hash_free(&cache[i].sets);
	}
	memset(cache, 0, sizeof cache);
	ncache = 0;
	pthread_mutex_unlock(&cache_lock);
}

/* FNV-1a over the ids of the glyphs in set, each id one step whatever its
 * size (so not hash_more over bytes). Its value makes the subset tag, which
 * is in every PDF: it must not change. */
static uint64_t
set_hash(const uint8_t *set, unsigned n)
{
	uint64_t h = HASH_SEED;
	for (unsigned g = 0; g < n; g++) {
		if (set[g]) {
			h ^= g;
			h *= 1099511628211ULL;
		}
	}
	return h;
}

/* The subset tag: six capitals derived from the glyph set, so that equal
 * input gives equal bytes (SOURCE_DATE_EPOCH reproducibility). */
static void
subset_tag(const DlFont *f, uint64_t h, char tag[7])
{
	h = hash_more(h, f->ps_name, strlen(f->ps_name));
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

/* /W: runs of consecutive glyph ids share one array. */
static void
widths_text(const DlFont *f, const uint8_t *set, Buf *b)
{
	buf_str(b, "/W [");
	for (unsigned g = 0; g < f->nglyphs;) {
		if (!set[g]) {
			g++;
			continue;
		}
		buf_int(b, (long)g);
		buf_str(b, " [");
		for (int first = 1; g < f->nglyphs && set[g]; g++, first = 0) {
			if (!first)
				buf_str(b, " ");
			buf_int(b, to1000(f, f->advance[g]));
		}
		buf_str(b, "]");
	}
	buf_str(b, "]\012");
}

/* Whether every table of a TrueType file lies inside it. HarfBuzz reads a
 * table cut off by the end of the file as far as it goes, and would subset
 * a truncated font into one of broken glyphs without complaint. */
static int
sfnt_whole(const unsigned char *p, size_t n)
{
	if (n < 12)
		return 0;
	size_t ntables = (size_t)p[4] << 8 | p[5];
	if (12 + 16 * ntables > n)
		return 0;
	for (size_t i = 0; i < ntables; i++) {
		const unsigned char *r = p + 12 + 16 * i;
		uint32_t off = (uint32_t)r[8] << 24 | (uint32_t)r[9] << 16 | (uint32_t)r[10] << 8 | r[11];
		uint32_t len = (uint32_t)r[12] << 24 | (uint32_t)r[13] << 16 | (uint32_t)r[14] << 8 | r[15];
		if (off > n || len > n - off)
			return 0;
	}
	return 1;
}

/* The subset of set, glyph ids kept (so CIDToGIDMap /Identity stays true).
 * Returns the font file (caller frees it with hb_blob_destroy) or NULL. */
static hb_blob_t *
subset_font(const DlFont *f, const uint8_t *set)
{
	hb_blob_t *blob = hb_blob_create((const char *)f->data, (unsigned)f->len,
		HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_t *face = hb_face_create(blob, 0);
	int whole = sfnt_whole(f->data, f->len);
	hb_subset_input_t *in = whole ? hb_subset_input_create_or_fail() : NULL;
	hb_face_t *sub = NULL;
	if (in != NULL) {
		hb_set_t *gs = hb_subset_input_glyph_set(in);
		for (unsigned i = 0; i < f->nglyphs; i++)
			if (set[i])
				hb_set_add(gs, i);
		hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
		/* What a PDF never reads of an embedded CIDFontType2: layout (we
		 * shaped already), and cmap, name and post — glyphs are reached by
		 * id through /CIDToGIDMap /Identity, the name is /BaseFont, text
		 * comes from ToUnicode and ActualText. Dropping the last three made
		 * the bundled build's folder 3 % smaller and its subsetting 10 %
		 * cheaper; Preflight accepts the files. */
		hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
		static const char *const tables[] = { "GSUB", "GPOS", "GDEF", "kern", "morx", "BASE",
			"JSTF", "MATH", "DSIG", "FFTM", "meta", "cmap", "name", "post" };
		for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
			hb_set_add(drop, hb_tag_from_string(tables[i], 4));
		sub = hb_subset_or_fail(face, in);
		hb_subset_input_destroy(in);
	}
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	if (sub == NULL)
		return NULL;
	hb_blob_t *out = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	return out;
}

/* Make everything set embeds (no lock held: this is the slow part). The
 * Embed owns set. */
static Embed *
embed_make(const DlFont *f, uint8_t *set, uint64_t h, int strict)
{
	Embed *e = mem_alloc(sizeof *e);
	e->hash = h;
	e->set = set;
	e->strict = strict;
	subset_tag(f, h, e->tag);
	Buf b = { 0 };
	widths_text(f, set, &b);
	e->w = b.p;
	e->w_len = b.n;
	Buf cm = { 0 };
	tounicode_text(f, set, strict, &cm, &e->unmapped);
	e->tu = flate_copy(cm.p, cm.n, &e->tu_len);
	free(cm.p);
	hb_blob_t *sub = subset_font(f, set);
	unsigned olen = 0;
	const char *odata = sub ? hb_blob_get_data(sub, &olen) : NULL;
	if (olen > 0) {
		e->file = flate_copy(odata, olen, &e->file_len);
		e->file_len1 = olen;
	}
	hb_blob_destroy(sub);
	if (e->tu == NULL || e->file == NULL) {
		embed_free(e);
		return NULL;
	}
	return e;
}

/* The embedding of set (n glyphs, strict or not) in r, or NULL. */
static Embed *
embed_find(const FontRec *r, uint64_t h, int strict, const uint8_t *set, unsigned n)
{
	HashProbe pr = hash_probe(&r->sets, hash_done(h));
	Embed *e;
	while ((e = hash_next(&r->sets, &pr)) != NULL)
		if (e->strict == strict && memcmp(e->set, set, n) == 0)
			return e;
	return NULL;
}

/* The embedding of pf's glyphs (with a strict ToUnicode when pf is): from
 * the cache, or made and put in the cache (replacing the least recently
 * used set of the font when full). Give it back with embed_put. NULL when
 * subsetting failed. */
Embed *
embed_get(const PdfFont *pf)
{
	const DlFont *f = pf->src;
	uint8_t *set = mem_alloc(f->nglyphs + 1);
	memcpy(set, pf->used, f->nglyphs);
	uint64_t h = set_hash(set, f->nglyphs);
	Embed *e = NULL;
	pthread_mutex_lock(&cache_lock);
	FontRec *r = font_rec(f);
	if (r)
		e = embed_find(r, h, pf->strict, set, f->nglyphs);
	if (e) {
		e->refs++;
		e->stamp = ++cache_clock;
		pthread_mutex_unlock(&cache_lock);
		free(set);
		return e;
	}
	pthread_mutex_unlock(&cache_lock);

	Phase was = phase_enter(PHASE_SUBSET);
	e = embed_make(f, set, h, pf->strict);
	phase_enter(was);
	if (e == NULL)
		return NULL;
	Embed *gone = NULL;
	pthread_mutex_lock(&cache_lock);
	e->refs = 1;
	e->stamp = ++cache_clock;
	r = font_rec(f);
	/* Not when another writer put the same set in meanwhile: this one is
	 * then freed by embed_put. */
	if (r && embed_find(r, h, pf->strict, set, f->nglyphs) == NULL) {
		if (r->n == PDF_CACHE_SETS) {
			size_t slot = 0;
			for (size_t i = 1; i < r->n; i++)
				if (r->embeds[i]->stamp < r->embeds[slot]->stamp)
					slot = i;
			gone = r->embeds[slot];
			gone->cached = 0;
			if (gone->refs > 0)
				gone = NULL;      /* its last writer frees it */
			/* The table removes nothing: made again without it. */
			r->embeds[slot] = e;
			hash_clear(&r->sets);
			for (size_t i = 0; i < r->n; i++)
				hash_put(&r->sets, hash_done(r->embeds[i]->hash), r->embeds[i]);
		} else {
			r->embeds[r->n++] = e;
			hash_put(&r->sets, hash_done(h), e);
		}
		e->cached = 1;
	}
	pthread_mutex_unlock(&cache_lock);
	embed_free(gone);
	return e;
}

void
embed_put(Embed *e)
{
	if (e == NULL)
		return;
	pthread_mutex_lock(&cache_lock);
	int last = --e->refs == 0 && !e->cached;
	pthread_mutex_unlock(&cache_lock);
	if (last)
		embed_free(e);
}
