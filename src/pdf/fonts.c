/* fonts.c - a font's PDF objects: our own Type0 dictionary over a
 * CIDFontType2 with Identity-H and its descriptor, made when a page first
 * draws with the font, and filled in from its subset (subset.c) when the
 * pages are done; the PDF/A-1 /CIDSet. libharu's own font calls are never
 * used (see pdf.c). */
#include "pdf/internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/mem.h"

void
pdf_font_create(Writer *w, PdfFont *pf)
{
	HPDF_MMgr mmgr = w->pdf->mmgr;
	HPDF_Xref xref = w->pdf->xref;
	const DlFont *f = pf->src;
	pf->used = mem_alloc(f->nglyphs);
	pf->used[0] = 1;
	pf->w1000 = mem_array(f->nglyphs, sizeof *pf->w1000);
	for (unsigned g = 0; g < f->nglyphs; g++)
		pf->w1000[g] = (int16_t)to1000(f, f->advance[g]);

	pf->type0 = HPDF_Dict_New(mmgr);
	HPDF_Xref_Add(xref, pf->type0);
	HPDF_Dict_AddName(pf->type0, "Type", "Font");
	HPDF_Dict_AddName(pf->type0, "Subtype", "Type0");
	HPDF_Dict_AddName(pf->type0, "Encoding", "Identity-H");

	pf->cid = HPDF_Dict_New(mmgr);
	HPDF_Xref_Add(xref, pf->cid);
	HPDF_Dict_AddName(pf->cid, "Type", "Font");
	HPDF_Dict_AddName(pf->cid, "Subtype", "CIDFontType2");
	HPDF_Dict info = HPDF_Dict_New(mmgr);
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);
	HPDF_Dict_Add(pf->cid, "CIDSystemInfo", info);
	HPDF_Dict_AddName(pf->cid, "CIDToGIDMap", "Identity");
	HPDF_Dict_AddNumber(pf->cid, "DW", 0);
	HPDF_Array desc_fonts = HPDF_Array_New(mmgr);
	HPDF_Array_Add(desc_fonts, pf->cid);
	HPDF_Dict_Add(pf->type0, "DescendantFonts", desc_fonts);

	pf->desc = HPDF_Dict_New(mmgr);
	HPDF_Xref_Add(xref, pf->desc);
	HPDF_Dict_AddName(pf->desc, "Type", "FontDescriptor");
	HPDF_Dict_AddNumber(pf->desc, "Flags", 4);
	HPDF_Array bbox = HPDF_Array_New(mmgr);
	for (int i = 0; i < 4; i++)
		HPDF_Array_AddNumber(bbox, (HPDF_INT32)to1000(f, f->bbox[i]));
	HPDF_Dict_Add(pf->desc, "FontBBox", bbox);
	HPDF_Dict_AddNumber(pf->desc, "ItalicAngle", 0);
	HPDF_Dict_AddNumber(pf->desc, "Ascent", (HPDF_INT32)to1000(f, f->ascent));
	HPDF_Dict_AddNumber(pf->desc, "Descent", (HPDF_INT32)to1000(f, f->descent));
	HPDF_Dict_AddNumber(pf->desc, "CapHeight", (HPDF_INT32)to1000(f, f->cap_height));
	HPDF_Dict_AddNumber(pf->desc, "StemV", f->bold ? 120 : 80);
	HPDF_Dict_Add(pf->cid, "FontDescriptor", pf->desc);
}

/* Dictionary hook: libharu has no raw-text object for /W. */
static HPDF_STATUS
write_widths(HPDF_Dict d, HPDF_Stream out)
{
	const Embed *e = d->attr;
	return HPDF_Stream_Write(out, (const HPDF_BYTE *)e->w, (HPDF_UINT)e->w_len);
}

int
pdf_font_finish(Writer *w, PdfFont *pf)
{
	Embed *e = embed_get(pf);
	if (e == NULL)
		return -1;
	pf->embed = e;
	char name[128];
	snprintf(name, sizeof name, "%s+%s", e->tag, pf->src->ps_name);
	HPDF_Dict_AddName(pf->type0, "BaseFont", name);
	HPDF_Dict_AddName(pf->cid, "BaseFont", name);
	HPDF_Dict_AddName(pf->desc, "FontName", name);
	pf->cid->attr = e;
	pf->cid->write_fn = write_widths;
	pf->raw[0] = (RawSrc){ e->tu, e->tu_len, 0 };
	pf->raw[1] = (RawSrc){ e->file, e->file_len, 0 };
	HPDF_Dict tu = deflated_stream(w, &pf->raw[0]);
	HPDF_Dict ff = deflated_stream(w, &pf->raw[1]);
	if (tu == NULL || ff == NULL)
		return -1;
	HPDF_Dict_Add(pf->type0, "ToUnicode", tu);
	HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)e->file_len1);
	HPDF_Dict_Add(pf->desc, "FontFile2", ff);
	return 0;
}

/* /CIDSet: one bit per CID (= glyph id) the subset holds. PDF/A-1 only:
 * optional in parts 2 and 3, where veraPDF judges it against every glyph
 * id below the program's count of metrics, and a subset that keeps the
 * glyph ids holds empty glyphs in between that a set of the glyphs used
 * leaves out. */
void
pdf_put_cidset(Writer *w, PdfFont *pf)
{
	const Embed *e = pf->embed;
	size_t n = pf->src->nglyphs, last = 0;
	for (size_t g = 0; g < n; g++)
		if (e->set[g])
			last = g;
	size_t bytes = last / 8 + 1;
	unsigned char *bits = mem_alloc(bytes);
	for (size_t g = 0; g <= last; g++)
		if (e->set[g])
			bits[g / 8] |= (unsigned char)(0x80 >> (g % 8));
	HPDF_Dict cs = plain_stream(w, bits, bytes, 0);
	free(bits);
	if (cs != NULL)
		HPDF_Dict_Add(pf->desc, "CIDSet", cs);
}
