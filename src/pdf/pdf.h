/* pdf.h - writing a display list as a PDF (libharu's object layer and
 * hb-subset live behind this header; nothing else includes them).
 *
 * Fonts are embedded as Type0/CIDFontType2 with Identity-H, subset with the
 * glyph ids kept, a /W array of the glyphs used and a ToUnicode CMap; each
 * typeset line is one /ActualText span so copy and search give back exactly
 * its text. */
#ifndef NITHET_PDF_H
#define NITHET_PDF_H

#include <stddef.h>

#include "core/diag.h"
#include "typeset/dlist.h"

/* Render dl into a new PDF held in memory. On success returns 0 and sets
 * *out (caller frees with free()) and *len. On failure reports through d
 * (DIAG_INTERNAL) and returns -1 with *out NULL. */
int pdf_render(const DisplayList *dl, unsigned char **out, size_t *len, Diag *d);

#endif
