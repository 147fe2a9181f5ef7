/* gen-xlsx.c - write the workbooks of the hostile cases (tests/sheets/run.sh):
 * a small valid .xlsx, or one with a single thing wrong. Test tooling only:
 * it writes zips with libzip's writing calls, which nithet itself never
 * uses (load/archive.c only reads).
 *   gen-xlsx ok|bomb|many|doctype|entity|sst|rows|docx|encrypted|ods-encrypted FILE
 * ods-encrypted: an OpenDocument spreadsheet whose parts a password has
 * encrypted, as LibreOffice writes one (the manifest says so). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static const char *content_types =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char *workbook =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
    "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"networks\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char *rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
    "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/></Relationships>";
static const char *strings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\" count=\"2\" uniqueCount=\"2\"><si><t>network_code</t></si><si><t>name</t></si></sst>";
static const char *sheet_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
    "spreadsheetml/2006/main\"><sheetData>";

static void
add(zip_t *z, const char *name, const char *data, size_t len, int owned)
{
	zip_source_t *s = zip_source_buffer(z, data, len, owned);
	if (s == NULL || zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0) {
		fprintf(stderr, "gen-xlsx: %s: %s\n", name, zip_strerror(z));
		exit(1);
	}
}

static char *
text(size_t cap)
{
	char *b = malloc(cap);
	if (b == NULL)
		exit(1);
	return b;
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen-xlsx ok|bomb|many|doctype|entity|sst|rows|docx|encrypted|ods-encrypted FILE\n");
		return 2;
	}
	const char *kind = argv[1];
	if (!strcmp(kind, "encrypted")) {
		/* What Excel writes for a workbook with a password: an OLE2
		 * compound file holding the encrypted package. Its signature is
		 * what tells it. */
		FILE *f = fopen(argv[2], "wb");
		if (f == NULL)
			return 1;
		static const unsigned char ole[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
		fwrite(ole, 1, 8, f);
		for (int i = 0; i < 4088; i++)
			fputc(0, f);
		return fclose(f) != 0;
	}
	remove(argv[2]);
	int err;
	zip_t *z = zip_open(argv[2], ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (z == NULL)
		return 1;
	if (!strcmp(kind, "ods-encrypted")) {
		const char *manifest = "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
		    "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"content.xml\" "
		    "manifest:media-type=\"text/xml\"><manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>"
		    "</manifest:file-entry></manifest:manifest>";
		add(z, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 46, 0);
		add(z, "content.xml", "\x8f\x12\x00\xfe encrypted bytes", 20, 0);
		add(z, "META-INF/manifest.xml", manifest, strlen(manifest), 0);
		return zip_close(z) != 0;
	}
	add(z, "[Content_Types].xml", content_types, strlen(content_types), 0);
	if (!strcmp(kind, "docx")) {
		const char *doc = "<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:body/></w:document>";
		add(z, "word/document.xml", doc, strlen(doc), 0);
		return zip_close(z) != 0;
	}
	add(z, "xl/workbook.xml", workbook, strlen(workbook), 0);
	add(z, "xl/_rels/workbook.xml.rels", rels, strlen(rels), 0);
	add(z, "xl/sharedStrings.xml", strings, strlen(strings), 0);
	const char *row1 = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>";
	size_t cap = 1 << 20, n = 0;
	char *sheet = text(cap);
	if (!strcmp(kind, "doctype") || !strcmp(kind, "entity"))
		n += (size_t)snprintf(sheet, cap, "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY e SYSTEM "
		    "\"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
		    "main\"><sheetData>%s<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>%s</t></is></c></row>", row1,
		    !strcmp(kind, "entity") ? "&e;" : "x");
	else
		n += (size_t)snprintf(sheet, cap, "%s%s", sheet_head, row1);
	if (!strcmp(kind, "sst"))
		n += (size_t)snprintf(sheet + n, cap - n, "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c>"
		    "<c r=\"B2\" t=\"s\"><v>1</v></c></row>");
	else if (!strcmp(kind, "ok") || !strcmp(kind, "many"))
		n += (size_t)snprintf(sheet + n, cap - n, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>NW01</t>"
		    "</is></c><c r=\"B2\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
	if (!strcmp(kind, "rows")) {
		/* Every row Excel allows, past the case's max_rows. */
		cap = 120u * 1048576u + 4096;
		sheet = realloc(sheet, cap);
		for (long r = 2; r <= 1048576; r++)
			n += (size_t)snprintf(sheet + n, cap - n, "<row r=\"%ld\"><c r=\"A%ld\"><v>%ld</v></c><c r=\"B%ld\" "
			    "t=\"s\"><v>1</v></c></row>", r, r, r, r);
	}
	if (!strcmp(kind, "bomb")) {
		/* 30 MB of spaces between two rows: deflated about 1000 to 1. */
		size_t spaces = 30u << 20;
		sheet = realloc(sheet, n + spaces + 4096);
		memset(sheet + n, ' ', spaces);
		n += spaces;
	}
	n += (size_t)snprintf(sheet + n, 4096, "</sheetData></worksheet>");
	add(z, "xl/worksheets/sheet1.xml", sheet, n, 1);
	if (!strcmp(kind, "many"))
		for (int i = 0; i < 100000; i++) {
			char name[32];
			snprintf(name, sizeof name, "xl/media/x%d.bin", i);
			add(z, name, "", 0, 0);
		}
	return zip_close(z) != 0;
}
