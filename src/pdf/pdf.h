/* pdf.h - writing a display list as a PDF (libharu's object layer, zlib and
 * hb-subset live behind this header; nothing else includes them).
 *
 * Fonts are embedded as Type0/CIDFontType2 with Identity-H, subset with the
 * glyph ids kept, a /W array of the glyphs embedded and a ToUnicode CMap; each
 * typeset line is one /ActualText span so copy and search give back exactly
 * its text. A subset is made once per glyph set and kept for the process
 * (pdf_release frees it); the bytes of a document never depend on what was
 * made before it. */
#ifndef NITHET_PDF_H
#define NITHET_PDF_H

#include <stddef.h>

#include "core/diag.h"
#include "typeset/dlist.h"

/* Render dl into a new PDF held in memory. On success returns 0 and sets
 * *out (caller frees with free()) and *len. On failure reports through d
 * (DIAG_INTERNAL) and returns -1 with *out NULL. Thread-safe: concurrent
 * calls share the subset cache under a lock. */
int pdf_render(const DisplayList *dl, unsigned char **out, size_t *len, Diag *d);

/* Free the process-wide cache of font subsets. It is keyed by the DlFont
 * records' addresses: call it when those fonts are freed, before others are
 * loaded. No pdf_render may be running. */
void pdf_release(void);

#endif
