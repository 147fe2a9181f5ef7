/* images.c - image XObjects, each embedded once per document however many
 * pages show it: PNGs made here from their rows (png.c) where they can be,
 * else read by libharu, as JPEGs are. */
#include "pdf/internal.h"
#include "pdf/pdf.h"

#include <stdlib.h>

#include "core/mem.h"

/* A PNG as an image XObject made here, not by libharu: a grey or RGB
 * PNG's rows as they are, or (archival, where there may be no
 * transparency) a PNG with alpha laid on white. NULL for any other PNG,
 * which libharu then reads (and names if it cannot). */
static HPDF_Image
png_image(Writer *w, const DlImage *im)
{
	Made m;
	int owned;
	if (made_get(MADE_PNG_ROWS, im->data, im->len, &m, &owned) != 0 &&
	    (!w->dl->archival || made_get(MADE_PNG_ON_WHITE, im->data, im->len, &m, &owned) != 0))
		return NULL;
	HPDF_Dict img = deflated_copy(w, m.data, m.len);
	if (owned)
		free(m.data);
	if (img == NULL)
		return NULL;
	HPDF_Dict_AddName(img, "Type", "XObject");
	HPDF_Dict_AddName(img, "Subtype", "Image");
	HPDF_Dict_AddNumber(img, "Width", (HPDF_INT32)m.w);
	HPDF_Dict_AddNumber(img, "Height", (HPDF_INT32)m.h);
	HPDF_Dict_AddName(img, "ColorSpace", m.colors == 1 ? "DeviceGray" : "DeviceRGB");
	HPDF_Dict_AddNumber(img, "BitsPerComponent", 8);
	if (m.kind == MADE_PNG_ROWS) {
		/* The PNG's own row filters, which PDF's predictor 15 undoes. */
		HPDF_Dict parms = HPDF_Dict_New(w->pdf->mmgr);
		if (parms == NULL)
			return NULL;
		HPDF_Dict_AddNumber(parms, "Predictor", 15);
		HPDF_Dict_AddNumber(parms, "Colors", m.colors);
		HPDF_Dict_AddNumber(parms, "BitsPerComponent", 8);
		HPDF_Dict_AddNumber(parms, "Columns", (HPDF_INT32)m.w);
		HPDF_Dict_Add(img, "DecodeParms", parms);
	}
	return img;
}

/* The image XObject for im's bytes, loaded on first use; NULL (and
 * w->bad_image set) when libharu cannot read them. */
HPDF_Image
pdf_image_of(Writer *w, const DlImage *im)
{
	for (size_t i = 0; i < w->nimages; i++)
		if (w->images[i].data == im->data)
			return w->images[i].image;
	HPDF_Image img = im->jpeg ? NULL : png_image(w, im);
	/* Other PNG pixels are stored deflated by libharu (it would store
	 * them raw). */
	if (img == NULL && !im->jpeg)
		HPDF_SetCompressionMode(w->pdf, HPDF_COMP_IMAGE);
	if (img == NULL)
		img = im->jpeg ? HPDF_LoadJpegImageFromMem(w->pdf, im->data, (HPDF_UINT)im->len) :
		    HPDF_LoadPngImageFromMem(w->pdf, im->data, (HPDF_UINT)im->len);
	if (img == NULL) {
		w->bad_image = im->source ? im->source : "?";
		return NULL;
	}
	/* libharu leaves a PNG's alpha channel (its soft mask) raw: deflate it
	 * too, or a small emblem costs 50 KB in every document. */
	HPDF_Dict smask = HPDF_Dict_GetItem(img, "SMask", HPDF_OCLASS_DICT);
	if (smask != NULL && w->dl->archival)
		HPDF_Dict_RemoveElement(img, "SMask");   /* PDF/A: no transparency (a PNG png_on_white cannot lay on white) */
	else if (smask != NULL)
		smask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	if (w->nimages == w->cap_images) {
		w->cap_images = w->cap_images ? w->cap_images * 2 : 8;
		w->images = mem_grow(w->images, w->cap_images, sizeof *w->images);
	}
	w->images[w->nimages].data = im->data;
	w->images[w->nimages].image = img;
	w->nimages++;
	return img;
}

int
pdf_prepare_image(const unsigned char *data, size_t len, int jpeg, int archival)
{
	if (jpeg || data == NULL)
		return 0;
	Made m;
	int owned = 0;
	if (made_get(MADE_PNG_ROWS, data, len, &m, &owned) != 0 &&
	    (!archival || made_get(MADE_PNG_ON_WHITE, data, len, &m, &owned) != 0))
		return 0;   /* libharu's to read, or damaged: the report says so */
	if (owned)
		free(m.data);
	return owned;
}
