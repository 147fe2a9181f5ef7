/* pdf.h - writing a display list as a PDF (libharu's object layer,
 * libdeflate, zlib and hb-subset live behind this header; nothing else
 * includes them). The files of src/pdf/ are listed in pdf/internal.h.
 *
 * Fonts are embedded as Type0/CIDFontType2 with Identity-H, subset with the
 * glyph ids kept, a /W array of the glyphs embedded and a ToUnicode CMap; each
 * typeset line is one /ActualText span so copy and search give back exactly
 * its text. A subset is made once per glyph set and kept for the process
 * (48 sets a font at most, the least recently used replaced; pdf_release
 * frees them); the bytes of a document never depend on what was made
 * before it. */
#ifndef NITHET_PDF_H
#define NITHET_PDF_H

#include <stddef.h>

#include "core/diag.h"
#include "typeset/dlist.h"

/* Render dl into a new PDF held in memory. On success returns 0 and sets
 * *out (caller frees with free()) and *len. On failure reports through d
 * and returns -1 with *out NULL: DIAG_INPUT for an image that cannot be
 * embedded, DIAG_USAGE for a glyph PDF/A level u cannot map to Unicode,
 * else DIAG_INTERNAL. Thread-safe: concurrent calls share the caches under
 * their locks. */
int pdf_render(const DisplayList *dl, unsigned char **out, size_t *len, Diag *d);

/* The same, page by page, for a display list that drops its pages as they
 * are laid (dlist.h): pdf_begin when the first page is done (dl's fonts,
 * archival level and information are set; dl must outlive the writer),
 * pdf_page for each page in order while its items are there, pdf_finish
 * when the layout has ended (dl's marks, labels and colour profile final),
 * which writes the rest, returns as pdf_render does and frees the writer;
 * or pdf_abandon to throw it away. pdf_begin returns NULL after reporting.
 * A writer is used by one thread; several may run at once. */
typedef struct PdfOut PdfOut;
PdfOut *pdf_begin(const DisplayList *dl, Diag *d);
void pdf_page(PdfOut *o, size_t p);
int pdf_finish(PdfOut *o, unsigned char **out, size_t *len, Diag *d);
void pdf_abandon(PdfOut *o);

/* Free the process-wide caches: of font subsets, and of streams made once
 * from the same bytes (colour profile, images). The first is keyed by the
 * DlFont records' addresses: call it when those fonts are freed, before
 * others are loaded. No pdf_render may be running. */
/* Make ahead, into the process's cache, what embedding a PNG of these bytes
 * makes (its rows, or for an archival PDF its pixels laid on white), so
 * that the reports showing it copy it: for a thread with nothing else to
 * do. Returns 1 when the cache is full (the rest would not be kept), else
 * 0. A JPEG is embedded as it is: nothing to make. */
int pdf_prepare_image(const unsigned char *data, size_t len, int jpeg, int archival);

/* Documents written together (a build's school reports, a few at a time):
 * each font's glyphs shown in any of them added to the glyphs each shows
 * with it, before pdf_finish, so that one subset serves them all (made
 * once and copied) where each would have had its own. Their pages are the
 * same; their font programs hold the few glyphs more. Not for PDF/A-2u and
 * -3u, whose documents are left as they are: a glyph there must be one
 * the document maps to Unicode itself. */
void pdf_share_glyphs(PdfOut *const *docs, size_t n);

void pdf_release(void);

#endif
