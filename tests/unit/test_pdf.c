/* test_pdf.c - the PDF writer: embedding, ActualText, reproducibility, and
 * the atomic write of render/. */
#include "test.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/arena.h"
#include "doc/doc.h"
#include "pdf/internal.h"
#include "pdf/png.h"
#include "pdf/pdf.h"
#include "core/file.h"
#include "render/render.h"
#include "typeset/typeset.h"
#include "core/utf8.h"

static int
has(const unsigned char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(p + i, needle, k) == 0)
			return 1;
	return 0;
}

static void
settings_laksaman(Settings *s)
{
	memset(s, 0, sizeof *s);
	s->thai.regular = access("fonts/Laksaman.ttf", R_OK) == 0 ? "fonts/Laksaman.ttf" :
		"/usr/share/fonts/truetype/tlwg/Laksaman.ttf";
	s->thai.bold = access("fonts/Laksaman-Bold.ttf", R_OK) == 0 ? "fonts/Laksaman-Bold.ttf" :
		"/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf";
	s->thai.scale = 0.66;
	s->body_size = 16;
	s->line_spacing = 1.2;
}

static Doc *
small_doc(Arena *a)
{
	Doc *d = doc_new(a);
	d->title = "รายงานทดสอบ";
	d->author = "ศึกษานิเทศก์";
	doc_heading(d, 1, "1", "หลักการและเหตุผล");
	doc_para(d, "น้ำ ปี่ ฟ้า ญี่ปุ่น ผู้อำนวยการ ศึกษานิเทศก์");
	return d;
}

TEST(pdf_embeds_subset_with_actualtext_and_is_reproducible)
{
	Settings s;
	settings_laksaman(&s);
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	setenv("SOURCE_DATE_EPOCH", "1443571200", 1);  /* 2015-09-30 */
	unsigned char *p1, *p2;
	size_t n1, n2;
	CHECK_INT(render_to_memory(small_doc(a), &s, 1443571200, &p1, &n1, d), 0);
	CHECK_INT(render_to_memory(small_doc(a), &s, 1443571200, &p2, &n2, d), 0);
	unsetenv("SOURCE_DATE_EPOCH");
	CHECK(p1 && p2);
	if (p1 && p2) {
		CHECK(n1 > 1000 && n1 < 100000);
		CHECK(memcmp(p1, "%PDF-", 5) == 0);
		CHECK_INT(n1, n2);
		CHECK(n1 == n2 && memcmp(p1, p2, n1) == 0);
		CHECK(has(p1, n1, "/Subtype /Type0"));
		CHECK(has(p1, n1, "/Identity-H"));
		CHECK(has(p1, n1, "/CIDToGIDMap /Identity"));
		CHECK(has(p1, n1, "/FontFile2"));
		CHECK(has(p1, n1, "/ToUnicode"));
		CHECK(has(p1, n1, "D:20150930"));
		CHECK(has(p1, n1, "+Laksaman-Bold"));
		/* regular Laksaman is used by the paragraph; Laksaman-Bold by the heading */
		CHECK(has(p1, n1, "+Laksaman\n") || has(p1, n1, "+Laksaman\r") || has(p1, n1, "+Laksaman "));
	}
	free(p1);
	free(p2);
	diag_free(d);
	arena_free(a);
}

/* The six-letter tag of the regular Laksaman subset in a PDF ("" if none). */
static void
regular_tag(const unsigned char *p, size_t n, char tag[7])
{
	tag[0] = '\0';
	static const char name[] = "+Laksaman";
	size_t k = sizeof name - 1;
	for (size_t i = 6; i + k < n; i++)
		if (memcmp(p + i, name, k) == 0 && p[i + k] != '-') {
			memcpy(tag, p + i - 6, 6);
			tag[6] = '\0';
			return;
		}
}

static Doc *
para_doc(Arena *a, const char *text)
{
	Doc *d = doc_new(a);
	d->title = "รายงานทดสอบ";
	doc_para(d, text);
	return d;
}

/* Documents written together share one subset of each font: the glyphs
 * of all of them (the tag, made from the glyph set, is the same), where
 * each alone gets its own; their pages do not change. A PDF/A-2u
 * document keeps its own. */
TEST(pdf_documents_written_together_share_their_subsets)
{
	Settings s;
	settings_laksaman(&s);
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	const char *texts[2] = { "กขค ผู้อำนวยการ", "ฮฬอ ศึกษานิเทศก์" };
	char alone[2][7], together[2][7];
	unsigned char *p;
	size_t n;
	for (int i = 0; i < 2; i++) {
		CHECK_INT(render_to_memory(para_doc(a, texts[i]), &s, 1443571200, &p, &n, d), 0);
		regular_tag(p, n, alone[i]);
		free(p);
	}
	CHECK(alone[0][0] && alone[1][0] && strcmp(alone[0], alone[1]) != 0);
	for (int archival = 0; archival <= 2; archival += 2) {
		s.pdf_archival = archival ? PDF_ARCHIVAL_2U : PDF_ARCHIVAL_NO;
		s.icc_profile = archival ? "/usr/share/color/icc/sRGB.icc" : NULL;
		Rendering *r[2] = { NULL, NULL };
		int begun = 1;
		for (int i = 0; i < 2; i++)
			begun &= render_begin(para_doc(a, texts[i]), &s, 1443571200, &r[i], d) == 0;
		CHECK(begun);
		if (!begun) {
			render_abandon(r[0]);
			render_abandon(r[1]);
			break;
		}
		render_share(r, 2);
		for (int i = 0; i < 2; i++) {
			CHECK_INT(render_finish(r[i], &p, &n, d), 0);
			regular_tag(p, n, together[i]);
			free(p);
		}
		if (archival == 0)
			CHECK(together[0][0] && strcmp(together[0], together[1]) == 0 &&
			    strcmp(together[0], alone[0]) != 0);
		else
			CHECK(strcmp(together[0], together[1]) != 0);
	}
	pdf_release();
	diag_free(d);
	arena_free(a);
}

TEST(pdf_atomic_write_keeps_old_file_on_failure)
{
	char dir[] = "/tmp/nithet-pdf-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	Diag *d = diag_new(NULL);
	char path[256];
	snprintf(path, sizeof path, "%s/out.pdf", dir);
	CHECK_INT(file_write_atomic(path, (const unsigned char *)"first", 5, d), 0);
	CHECK_INT(file_write_atomic(path, (const unsigned char *)"second", 6, d), 0);
	struct stat st;
	CHECK(stat(path, &st) == 0 && st.st_size == 6);
	/* a directory in the way: rename fails, the temp file is removed */
	char sub[256];
	snprintf(sub, sizeof sub, "%s/sub", dir);
	CHECK(mkdir(sub, 0755) == 0);
	char inner[300];
	snprintf(inner, sizeof inner, "%s/keep", sub);
	FILE *f = fopen(inner, "w");
	CHECK(f != NULL);
	if (f)
		fclose(f);
	CHECK_INT(file_write_atomic(sub, (const unsigned char *)"x", 1, d), 4);
	CHECK(diag_count(d, DIAG_OUTPUT) == 1);
	CHECK(stat(inner, &st) == 0);
	/* missing folder */
	char missing[300];
	snprintf(missing, sizeof missing, "%s/no/such/out.pdf", dir);
	CHECK_INT(file_write_atomic(missing, (const unsigned char *)"x", 1, d), 4);
	DIR *dd = opendir(dir);
	int entries = 0;
	struct dirent *e;
	while (dd && (e = readdir(dd)) != NULL)
		if (e->d_name[0] != '.')
			entries++;
	if (dd)
		closedir(dd);
	CHECK_INT(entries, 2);  /* out.pdf and sub: no .tmp leftovers */
	unlink(inner);
	rmdir(sub);
	unlink(path);
	rmdir(dir);
	diag_free(d);
}

TEST(pdf_missing_font_is_a_config_error)
{
	Settings s;
	settings_laksaman(&s);
	s.thai.regular = "/nonexistent/font.ttf";
	s.thai.bold = "/nonexistent/font-bold.ttf";
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	unsigned char *p;
	size_t n;
	CHECK_INT(render_to_memory(small_doc(a), &s, 1443571200, &p, &n, d), 2);
	CHECK(p == NULL);
	CHECK(diag_count(d, DIAG_USAGE) >= 1);
	diag_free(d);
	arena_free(a);
}

/* Whether any stream of the PDF, inflated, holds needle (a ToUnicode CMap
 * is deflated). */
static int
inflated_has(const unsigned char *p, size_t n, const char *needle)
{
	static unsigned char out[1 << 20];
	for (size_t i = 0; i + 8 < n; i++) {
		if (memcmp(p + i, "stream\r\n", 8) != 0)
			continue;
		z_stream z = { 0 };
		if (inflateInit(&z) != Z_OK)
			return 0;
		z.next_in = (unsigned char *)(uintptr_t)(p + i + 8);
		z.avail_in = (uInt)(n - i - 8);
		z.next_out = out;
		z.avail_out = sizeof out;
		int rc = inflate(&z, Z_FINISH);
		size_t got = sizeof out - z.avail_out;
		inflateEnd(&z);
		if (rc == Z_STREAM_END && has(out, got, needle))
			return 1;
	}
	return 0;
}

/* A display list of one line drawing glyphs gids[] of font, at archival. */
static int
render_glyphs(const DlFont *font, const unsigned *gids, size_t n, int archival, unsigned char **out,
	size_t *len, Diag *d)
{
	static const unsigned char icc[128] = { 0 };
	DisplayList *dl = dl_new(&font, 1);
	dl->archival = archival;
	dl->icc = icc;
	dl->icc_len = sizeof icc;
	dl->title = "ทดสอบ";
	size_t pg = dl_add_page(dl, 595, 842);
	DlGlyph *g = arena_alloc(dl->arena, n * sizeof *g);
	for (size_t i = 0; i < n; i++)
		g[i] = (DlGlyph){ gids[i], 500, 0, 0 };
	DlRun *run = arena_alloc(dl->arena, sizeof *run);
	*run = (DlRun){ 0, 16, 72, 700, g, n };
	DlItem *it = dl_add_item(dl, pg, DL_TEXT);
	it->u.text = (DlText){ "ฤๅ น่ำ", "p1", 72, 700, 100, run, 1 };
	int rc = pdf_render(dl, out, len, d);
	dl_free(dl);
	return rc;
}

static const DlFont *
font_named(TsFonts *f, const char *ps_name)
{
	for (size_t i = 0; f && i < ts_fonts_count(f); i++)
		if (strcmp(ts_fonts_dl(f)[i]->ps_name, ps_name) == 0)
			return ts_fonts_dl(f)[i];
	return NULL;
}

/* PDF/A level u: every glyph drawn maps to Unicode, none to a private use
 * code point. Laksaman's mark below a letter (uni0E48.low) is in its cmap
 * only as U+F70A: its name gives U+0E48. Noto Sans Thai's ligature of
 * mai ek and nikhahit (น่ำ) has no code point and a name that is no
 * uniXXXX: GSUB gives its two parts in the order it joins them, the text's,
 * and its narrow form's, made of it by a single substitution, too; ฤๅ's
 * ligature spells both in its name. PDF/A-1b's map
 * stays as it was. A glyph nothing maps refuses level u. */
TEST(pdf_level_u_maps_every_glyph_drawn)
{
	FontSetting thai = { "fonts/NotoSansThai-Regular.ttf", "fonts/NotoSansThai-Bold.ttf", 0.66 };
	FontSetting latin = { "fonts/Laksaman.ttf", "fonts/Laksaman-Bold.ttf", 0.66 };
	Diag *d = diag_new(NULL);
	TsFonts *f = ts_fonts_load(&thai, &latin, d);
	const DlFont *noto = font_named(f, "NotoSansThai-Regular");
	const DlFont *laksaman = font_named(f, "Laksaman");
	CHECK(noto != NULL && laksaman != NULL);
	if (noto == NULL || laksaman == NULL) {
		ts_fonts_free(f);
		diag_free(d);
		return;
	}
	unsigned char *p = NULL;
	size_t n = 0;
	static const unsigned noto_gids[] = { 84, 71, 63, 64, 86 };
	CHECK_INT(render_glyphs(noto, noto_gids, 5, 2, &p, &n, d), 0);
	CHECK(p != NULL && memcmp(p, "%PDF-1.7", 8) == 0);
	CHECK(inflated_has(p, n, "<0054> <0E240E45>"));
	CHECK(inflated_has(p, n, "<003F> <0E480E4D>"));
	CHECK(inflated_has(p, n, "<0040> <0E480E4D>"));
	CHECK(inflated_has(p, n, "<0047> <0E19>"));
	CHECK(has(p, n, "<pdfaid:part>2</pdfaid:part>") && has(p, n, "<pdfaid:conformance>U</pdfaid:conformance>"));
	CHECK(!has(p, n, "/CIDSet"));
	free(p);

	static const unsigned low[] = { 267, 485 };
	CHECK_INT(render_glyphs(laksaman, low, 2, 3, &p, &n, d), 0);
	CHECK(inflated_has(p, n, "<01E5> <0E48>"));
	CHECK(has(p, n, "<pdfaid:part>3</pdfaid:part>"));
	free(p);
	CHECK_INT(render_glyphs(laksaman, low, 2, 1, &p, &n, d), 0);
	CHECK(inflated_has(p, n, "<01E5> <F70A>"));
	CHECK(memcmp(p, "%PDF-1.3", 8) == 0 && has(p, n, "/CIDSet"));
	CHECK(has(p, n, "<pdfaid:part>1</pdfaid:part>") && has(p, n, "<pdfaid:conformance>B</pdfaid:conformance>"));
	free(p);
	CHECK_INT(diag_count(d, DIAG_USAGE), 0);

	/* Laksaman's glyph 520, "PSK": no code point, name or substitution */
	static const unsigned psk[] = { 267, 520 };
	CHECK_INT(render_glyphs(laksaman, psk, 2, 2, &p, &n, d), -1);
	CHECK(p == NULL);
	CHECK_INT(diag_count(d, DIAG_USAGE), 1);
	CHECK_INT(render_glyphs(laksaman, psk, 2, 1, &p, &n, d), 0);
	free(p);
	ts_fonts_free(f);
	diag_free(d);
}

/* The subset cache keeps PDF_CACHE_SETS (48) glyph sets a font, the least
 * recently used replaced: past it, a set made again and a set still held
 * give the same bytes as the first time. */
TEST(pdf_subset_cache_replaces_the_least_recently_used)
{
	FontSetting thai = { "fonts/Laksaman.ttf", "fonts/Laksaman-Bold.ttf", 0.66 };
	Diag *d = diag_new(NULL);
	TsFonts *f = ts_fonts_load(&thai, &thai, d);
	const DlFont *laksaman = font_named(f, "Laksaman");
	CHECK(laksaman != NULL);
	if (laksaman == NULL) {
		ts_fonts_free(f);
		diag_free(d);
		return;
	}
	pdf_release();
	unsigned char *first = NULL, *last = NULL, *p = NULL;
	size_t first_n = 0, last_n = 0, n = 0;
	unsigned gids[2] = { 3, 3 };
	CHECK_INT(render_glyphs(laksaman, gids, 1, 0, &first, &first_n, d), 0);
	for (unsigned i = 0; i < 60; i++) {
		gids[1] = 4 + i;
		free(last);
		last = NULL;
		CHECK_INT(render_glyphs(laksaman, gids, 2, 0, &last, &last_n, d), 0);
	}
	CHECK_INT(render_glyphs(laksaman, gids, 1, 0, &p, &n, d), 0);
	CHECK(p != NULL && first != NULL && n == first_n && memcmp(p, first, n) == 0);
	free(p);
	p = NULL;
	CHECK_INT(render_glyphs(laksaman, gids, 2, 0, &p, &n, d), 0);
	CHECK(p != NULL && last != NULL && n == last_n && memcmp(p, last, n) == 0);
	free(p);
	free(first);
	free(last);
	pdf_release();
	ts_fonts_free(f);
	diag_free(d);
}

/* The ActualText writer's inline decoding (ASCII, the Thai block) gives
 * the bytes the general path gives (utf8_decode, then each UTF-16 unit as
 * buf_lit16 writes it): escaped delimiters and line ends, Thai letters
 * whose low byte is one (ศ U+0E28 is "(", ช U+0E0A a line feed), other
 * scripts, a surrogate pair, and bytes that are not UTF-8. */
TEST(pdf_actualtext_inline_decoding_matches_the_general_path)
{
	static const char *const texts[] = {
		"ผู้อำนวยการ ศึกษานิเทศก์ (ศษ) ช่วย ญี่ปุ่น น้ำ",
		"a(b)c\\d\re\nf", "café “quoted” ๑๒๓", "clef \xF0\x9D\x84\x9E!",
		"bad \xFF\xC3 tail \xE0\xB8", "\xE0\xB8\x28\xE0\xB9\xBF\xE0\xBA\x81", "",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *s = texts[t];
		size_t len = strlen(s);
		Buf fast = { 0 }, slow = { 0 };
		buf_utf16_lit(&fast, s, len);
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t k = utf8_decode(s + i, len - i, &cp);
			i += k ? k : 1;
			buf_cp16(&slow, cp, buf_lit16);
		}
		CHECK(fast.n == slow.n && (fast.n == 0 || memcmp(fast.p, slow.p, fast.n) == 0));
		free(fast.p);
		free(slow.p);
	}
}

/* A PNG chunk: length, type, data, CRC. */
static size_t
png_chunk(unsigned char *o, const char *type, const unsigned char *data, size_t n)
{
	o[0] = (unsigned char)(n >> 24);
	o[1] = (unsigned char)(n >> 16);
	o[2] = (unsigned char)(n >> 8);
	o[3] = (unsigned char)n;
	memcpy(o + 4, type, 4);
	if (n > 0)
		memcpy(o + 8, data, n);
	uLong crc = crc32(0L, o + 4, (uInt)(n + 4));
	o[8 + n] = (unsigned char)(crc >> 24);
	o[9 + n] = (unsigned char)(crc >> 16);
	o[10 + n] = (unsigned char)(crc >> 8);
	o[11 + n] = (unsigned char)crc;
	return n + 12;
}

/* An RGBA image whose every row is filtered with each of PNG's five
 * filters in turn (None, Sub, Up, Average, Paeth) comes out as the same
 * pixels laid on white, whatever the filter: the decoder undoes each. */
TEST(pdf_png_on_white_undoes_every_row_filter)
{
	enum { W = 5, H = 10, CH = 4, STRIDE = W * CH };
	unsigned char px[H][STRIDE], prev[STRIDE] = { 0 };
	unsigned x = 99;
	for (int y = 0; y < H; y++)
		for (int i = 0; i < STRIDE; i++) {
			x = x * 1103515245u + 12345u;
			px[y][i] = (unsigned char)(x >> 16);
		}
	unsigned char filtered[H * (STRIDE + 1)];
	for (int y = 0; y < H; y++) {
		int f = y % 5;
		unsigned char *o = filtered + y * (STRIDE + 1);
		o[0] = (unsigned char)f;
		for (int i = 0; i < STRIDE; i++) {
			int a = i >= CH ? px[y][i - CH] : 0, b = y > 0 ? px[y - 1][i] : 0,
			    c = i >= CH && y > 0 ? px[y - 1][i - CH] : 0;
			int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
			int pred = f == 0 ? 0 : f == 1 ? a : f == 2 ? b : f == 3 ? (a + b) / 2 :
			    (pa <= pb && pa <= pc) ? a : pb <= pc ? b : c;
			o[1 + i] = (unsigned char)(px[y][i] - pred);
		}
		memcpy(prev, px[y], STRIDE);
	}
	unsigned char z[1024];
	uLongf zn = sizeof z;
	CHECK(compress(z, &zn, filtered, sizeof filtered) == Z_OK);
	unsigned char png[2048];
	size_t n = 0;
	memcpy(png, "\x89PNG\r\n\x1a\n", 8);
	n = 8;
	unsigned char ihdr[13] = { 0, 0, 0, W, 0, 0, 0, H, 8, 6, 0, 0, 0 };
	n += png_chunk(png + n, "IHDR", ihdr, sizeof ihdr);
	n += png_chunk(png + n, "IDAT", z, zn);
	n += png_chunk(png + n, "IEND", NULL, 0);
	unsigned w = 0, h = 0;
	unsigned char *rgb = png_on_white(png, n, &w, &h);
	CHECK(rgb != NULL && w == W && h == H);
	int bad = rgb == NULL;
	for (int y = 0; y < H && !bad; y++)
		for (int i = 0; i < W; i++) {
			unsigned alpha = px[y][i * CH + 3];
			for (int k = 0; k < 3; k++) {
				unsigned v = px[y][i * CH + k];
				bad |= rgb[(y * W + i) * 3 + k] != (unsigned char)((v * alpha + 255 * (255 - alpha) + 127) / 255);
			}
		}
	CHECK(!bad);
	free(rgb);
}

/* A 2 x 2 RGB PNG, its pixels from seed; its length. */
static size_t
tiny_png(unsigned char *png, unsigned seed)
{
	unsigned char rows[2 * (1 + 2 * 3)] = { 0 };
	for (size_t i = 0; i < sizeof rows; i++)
		if (i % 7 != 0)
			rows[i] = (unsigned char)(seed * 31 + i);
	unsigned char z[256];
	uLongf zn = sizeof z;
	if (compress(z, &zn, rows, sizeof rows) != Z_OK)
		return 0;
	size_t n = 8;
	memcpy(png, "\x89PNG\r\n\x1a\n", 8);
	unsigned char ihdr[13] = { 0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0 };
	n += png_chunk(png + n, "IHDR", ihdr, sizeof ihdr);
	n += png_chunk(png + n, "IDAT", z, zn);
	n += png_chunk(png + n, "IEND", NULL, 0);
	return n;
}

/* Images made ahead (a build's helper thread) are kept until the cache of
 * made things (16) is full, which the caller is told so that it stops; one
 * already kept is found, not made again; a JPEG and no image need nothing. */
TEST(pdf_prepare_image_says_when_the_cache_is_full)
{
	pdf_release();
	unsigned char png[512];
	int full_at = -1;
	for (unsigned k = 0; k < 40 && full_at < 0; k++) {
		size_t n = tiny_png(png, k);
		CHECK(n > 0);
		if (pdf_prepare_image(png, n, 0, 1))
			full_at = (int)k;
	}
	CHECK_INT(full_at, 16);
	size_t n = tiny_png(png, 3);
	CHECK_INT(pdf_prepare_image(png, n, 0, 1), 0);
	CHECK_INT(pdf_prepare_image(png, n, 1, 1), 0);
	CHECK_INT(pdf_prepare_image(NULL, 0, 0, 1), 0);
	pdf_release();
}

/* Inflate the zlib stream at p (n bytes) into out (cap bytes); its length,
 * 0 when it is not one. */
static size_t
inflate_stream(const unsigned char *p, size_t n, unsigned char *out, size_t cap)
{
	z_stream z = { 0 };
	if (inflateInit(&z) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap - 1;
	int rc = inflate(&z, Z_FINISH);
	size_t got = rc == Z_STREAM_END ? z.total_out : 0;
	inflateEnd(&z);
	out[got] = '\0';
	return got;
}

/* The page keeps its graphics state, so a table's header cells filled
 * with a colour must not leave the text after them in that colour: every
 * text object is drawn with the fill set back to black (or never changed). */
TEST(pdf_text_after_a_filled_cell_is_black)
{
	Settings s;
	settings_laksaman(&s);
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Doc *doc = doc_new(a);
	doc_para(doc, "ก่อนตาราง");
	DocBlock *t = doc_table(doc, 2);
	DocRow *h = doc_table_row(doc, t, DOC_ROW_HEADER);
	doc_row_cell(doc, h, "กิจกรรม");
	doc_row_cell(doc, h, "ครั้ง");
	DocRow *r = doc_table_row(doc, t, DOC_ROW_BODY);
	doc_row_cell(doc, r, "การนิเทศ");
	doc_row_cell(doc, r, "12");
	doc_para(doc, "หลังตาราง ผู้อำนวยการ");
	unsigned char *pdf = NULL;
	size_t n = 0;
	CHECK_INT(render_to_memory(doc, &s, 1443571200, &pdf, &n, d), 0);
	static unsigned char page[1 << 20];
	int texts = 0, coloured = 0;
	for (size_t i = 0; pdf && i + 7 < n; i++) {
		if (memcmp(pdf + i, "stream", 6) != 0 || (i > 0 && pdf[i - 1] == 'd'))
			continue;
		size_t at = i + 6 + (pdf[i + 6] == '\r') + 1;
		size_t got = inflate_stream(pdf + at, n - at, page, sizeof page);
		if (got == 0 || !has(page, got, "BT\n"))
			continue;
		/* Walk the page (glyph strings hold any byte): the last fill
		 * colour set when each text begins. */
		int black = 1;
		for (size_t k = 0; k + 3 <= got; k++) {
			const unsigned char *c = page + k;
			if (memcmp(c, " rg", 3) == 0 && k + 3 < got && (c[3] == ' ' || c[3] == '\n')) {
				size_t b = k;
				int spaces = 0;
				while (b > 0 && spaces < 3)
					spaces += page[--b] == ' ' || page[b] == '\n';
				size_t from = b + (b > 0 || page[0] == ' ' || page[0] == '\n');
				black = k - from == 5 && memcmp(page + from, "0 0 0", 5) == 0;
				coloured += !black;
			} else if (memcmp(c, "BT\n", 3) == 0 && (k == 0 || c[-1] == '\n')) {
				texts++;
				CHECK(black);
			}
		}
	}
	CHECK(texts >= 6);
	CHECK(coloured > 0);          /* the header cells are filled */
	free(pdf);
	diag_free(d);
	arena_free(a);
}
