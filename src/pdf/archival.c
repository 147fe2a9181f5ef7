/* archival.c - what a document says about itself: the Info dictionary
 * (every document), and for PDF/A (1b, 2u, 3u) the XMP metadata agreeing
 * with it, the sRGB output intent and the trailer's /ID. */
#include "pdf/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/hash.h"

static void
set_info(Writer *w, const char *key, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	HPDF_Dict_Add(w->pdf->info, key, pdf_text_string(w->pdf->mmgr, value));
}

/* Fills xmp_date (size >= 32) with the dates' XMP form, "" when none. */
void
pdf_put_info(Writer *w, char *xmp_date)
{
	const DisplayList *dl = w->dl;
	xmp_date[0] = '\0';
	/* HPDF_SetInfoAttr creates the Info dictionary; the Thai values are then
	 * replaced by UTF-16BE strings (libharu would write them as PDFDocEncoding). */
	HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, "nithet");
	HPDF_SetInfoAttr(w->pdf, HPDF_INFO_PRODUCER, PDF_PRODUCER);
	set_info(w, "Title", dl->title);
	set_info(w, "Author", dl->author);
	set_info(w, "Subject", dl->subject);
	set_info(w, "Keywords", dl->keywords);
	set_info(w, "Creator", dl->creator);
	time_t t = (time_t)dl->created;
	struct tm tm;
	if (gmtime_r(&t, &tm) == NULL)
		return;
	/* D:YYYYMMDDHHmmSSZ, written here: libharu adds 00'00' after the Z,
	 * which PDF/A validators read as a date other than the XMP's. */
	char pdfdate[32];
	strftime(pdfdate, sizeof pdfdate, "D:%Y%m%d%H%M%SZ", &tm);
	HPDF_Dict_Add(w->pdf->info, "CreationDate", HPDF_String_New(w->pdf->mmgr, pdfdate, NULL));
	HPDF_Dict_Add(w->pdf->info, "ModDate", HPDF_String_New(w->pdf->mmgr, pdfdate, NULL));
	strftime(xmp_date, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- PDF/A: 1b, 2u, 3u (the /CIDSet of part 1 is in fonts.c) ---- */

/* Text for XML: & < > " escaped. */
static void
xml_text(Buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_str(b, "&amp;"); break;
		case '<': buf_str(b, "&lt;"); break;
		case '>': buf_str(b, "&gt;"); break;
		case '"': buf_str(b, "&quot;"); break;
		default: buf_put(b, s, 1);
		}
	}
}

/* An optional XMP element: open, value as XML text, close; nothing when
 * value is empty. */
static void
xmp_field(Buf *b, const char *open, const char *value, const char *close)
{
	if (value == NULL || *value == '\0')
		return;
	buf_str(b, open);
	xml_text(b, value);
	buf_str(b, close);
}

/* The XMP packet: the same title, author, subject, keywords, creator tool,
 * producer and dates as the Info dictionary (PDF/A wants both to agree),
 * in UTF-8, and the claim: pdfaid part 1 and conformance B, or part 2 or 3
 * and conformance U. */
void
pdf_put_metadata(Writer *w, const char *producer, const char *date)
{
	const DisplayList *dl = w->dl;
	Buf b = { 0 };
	buf_str(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:format>application/pdf</dc:format>\n");
	xmp_field(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", dl->title,
	    "</rdf:li></rdf:Alt></dc:title>\n");
	xmp_field(&b, "<dc:creator><rdf:Seq><rdf:li>", dl->author, "</rdf:li></rdf:Seq></dc:creator>\n");
	xmp_field(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", dl->subject,
	    "</rdf:li></rdf:Alt></dc:description>\n");
	buf_str(&b, "</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
	    "<pdf:Producer>");
	xml_text(&b, producer);
	buf_str(&b, "</pdf:Producer>\n");
	xmp_field(&b, "<pdf:Keywords>", dl->keywords, "</pdf:Keywords>\n");
	buf_str(&b, "</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
	    "<xmp:CreatorTool>");
	xml_text(&b, dl->creator && *dl->creator ? dl->creator : "nithet");
	buf_str(&b, "</xmp:CreatorTool>\n");
	if (date) {
		buf_str(&b, "<xmp:CreateDate>");
		buf_str(&b, date);
		buf_str(&b, "</xmp:CreateDate>\n<xmp:ModifyDate>");
		buf_str(&b, date);
		buf_str(&b, "</xmp:ModifyDate>\n");
	}
	char claim[160];
	snprintf(claim, sizeof claim, "<pdfaid:part>%d</pdfaid:part>\n<pdfaid:conformance>%s</pdfaid:conformance>\n",
	    dl->archival, dl->archival == 1 ? "B" : "U");
	buf_str(&b, "</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
	buf_str(&b, claim);
	buf_str(&b, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	HPDF_Dict md = plain_stream(w, b.p, b.n, 1);
	free(b.p);
	if (md == NULL)
		return;
	HPDF_Dict_AddName(md, "Type", "Metadata");
	HPDF_Dict_AddName(md, "Subtype", "XML");
	HPDF_Dict_Add(w->pdf->catalog, "Metadata", md);
}

/* The output intent: colours are sRGB, by the profile render/ attached
 * (a version 2 profile, as PDF/A-1 wants). 0, or -1 after reporting. */
int
pdf_put_output_intent(Writer *w, Diag *d)
{
	if (w->dl->icc == NULL || w->dl->icc_len == 0) {
		diag_report(d, DIAG_INTERNAL, NULL, 0, 0, "an archival PDF was asked without its colour profile");
		return -1;
	}
	Made m;
	int owned;
	HPDF_Dict profile = NULL;
	if (made_get(MADE_PROFILE, w->dl->icc, w->dl->icc_len, &m, &owned) == 0) {
		profile = deflated_copy(w, m.data, m.len);
		if (owned)
			free(m.data);
	}
	HPDF_Dict intent = HPDF_Dict_New(w->pdf->mmgr);
	HPDF_Array intents = HPDF_Array_New(w->pdf->mmgr);
	if (profile == NULL || intent == NULL || intents == NULL)
		return -1;
	HPDF_Dict_AddNumber(profile, "N", 3);
	HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(w->pdf->mmgr, "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(intent, "Info", HPDF_String_New(w->pdf->mmgr, "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(intent, "DestOutputProfile", profile);
	HPDF_Array_Add(intents, intent);
	HPDF_Dict_Add(w->pdf->catalog, "OutputIntents", intents);
	return 0;
}

/* The trailer's /ID: two equal 16-byte strings made from what the file
 * says (title, date, pages, fonts), so the same report has the same ID and
 * a rebuild stays byte-identical. */
void
pdf_put_id(Writer *w)
{
	const DisplayList *dl = w->dl;
	/* FNV-1a from two seeds; the values are in the files: keep them. */
	uint64_t h[2] = { HASH_SEED, 7809847782465536322ULL };
	const char *parts[3] = { dl->title, dl->author, dl->subject };
	for (int k = 0; k < 2; k++) {
		for (int i = 0; i < 3; i++)
			if (parts[i])
				h[k] = hash_more(h[k], parts[i], strlen(parts[i]));
		h[k] = (h[k] ^ (uint64_t)dl->created) * 1099511628211ULL;
		h[k] = (h[k] ^ (uint64_t)dl->npages) * 1099511628211ULL;
		for (size_t i = 0; i < dl->nfonts; i++)
			if (w->fonts[i].embed)
				h[k] = hash_more(h[k], w->fonts[i].embed->tag, strlen(w->fonts[i].embed->tag));
	}
	HPDF_BYTE id[16];
	for (int i = 0; i < 16; i++)
		id[i] = (HPDF_BYTE)(h[i / 8] >> (8 * (i % 8)));
	HPDF_Array a = HPDF_Array_New(w->pdf->mmgr);
	if (a == NULL)
		return;
	HPDF_Array_Add(a, HPDF_Binary_New(w->pdf->mmgr, id, 16));
	HPDF_Array_Add(a, HPDF_Binary_New(w->pdf->mmgr, id, 16));
	HPDF_Dict_Add(w->pdf->trailer, "ID", a);
}
