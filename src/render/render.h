/* render.h - the glue from a Doc to a PDF file: typeset, then pdf.
 *
 * Fonts are loaded on first use and kept for the life of the process (a
 * cache keyed by the font files and scales), so rendering 117 reports loads
 * them once; typesetting contexts (libthai breaker, shaping buffer) are kept
 * in a pool, one per concurrent caller. Thread-safe. */
#ifndef NITHET_RENDER_H
#define NITHET_RENDER_H

#include <stdio.h>

#include "config/settings.h"
#include "core/diag.h"
#include "doc/doc.h"

/* Typeset doc in its fonts (doc->thai_font, latin_font; else s's) and
 * return the PDF bytes in memory, created at created (seconds since 1970,
 * the caller's clock or SOURCE_DATE_EPOCH): *out is malloc'd (caller
 * frees), *len its size; the caller writes them where it wants (cli/run.c,
 * core/file.h's file_write_atomic). Returns an exit code of the README's
 * table (0; 2 when the fonts cannot be loaded or the config's PDF/A cannot
 * be made; 3 an image; 70 internal) after reporting problems through d. */
int render_to_memory(const Doc *doc, const Settings *s, long long created, unsigned char **out, size_t *len,
	Diag *d);

/* render_to_memory in two halves, for documents written together that
 * share their font subsets: render_begin lays doc out and writes its
 * pages (0 and *out, or an exit code as render_to_memory's, reported);
 * render_share gives each of n begun documents the glyphs all of them
 * show (pdf_share_glyphs), one subset then serving them all; render_finish
 * embeds the fonts and hands the PDF over as render_to_memory does, and
 * frees the Rendering, as render_abandon does unfinished. */
typedef struct Rendering Rendering;
int render_begin(const Doc *doc, const Settings *s, long long created, Rendering **out, Diag *d);
void render_share(Rendering *const *r, size_t n);
int render_finish(Rendering *r, unsigned char **out, size_t *len, Diag *d);
void render_abandon(Rendering *r);

/* Typeset doc and write its display list as text to out instead of a PDF
 * (--dump-layout; the format is typeset/dlist.h's). Returns an exit code
 * as render_to_memory, or 4 when out cannot be written. */
int render_dump_layout(const Doc *doc, const Settings *s, long long created, FILE *out, Diag *d);

/* Load and check s's fonts once, before any report: open them (regular
 * files only), shape a Thai line in each weight and embed it as a PDF
 * would. Returns 0, or EXIT_USAGE after one message per problem naming the
 * font file (a damaged or truncated .ttf included). Later renders reuse
 * the fonts loaded here. */
int render_check_fonts(const Settings *s, Diag *d);

/* Load s's fonts, `contexts` typesetting contexts (each its own copy of
 * the word-break dictionary: one for each worker of a build) and the
 * archival colour profile into the caches, reporting nothing: what
 * render_check_fonts and the first reports would load. For a thread that
 * does it while the inputs load; render_check_fonts after it says what
 * failed. */
void render_preload(const Settings *s, size_t contexts);

/* Make ahead what a PDF embeds of an image's bytes (pdf_prepare_image), as
 * s's reports will embed it. Returns 1 when no more would be kept. */
int render_prepare_image(const Settings *s, const unsigned char *data, size_t len, int jpeg);

/* Free the font cache and the context pool (end of the process; optional). */
void render_release(void);

#endif
