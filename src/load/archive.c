/* archive.c - see archive.h. */
#include "load/archive.h"
#include "core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "core/dynlib.h"
#include "core/file.h"
#include "core/mem.h"

/* libzip, loaded when the first workbook is opened (core/dynlib.h): the
 * functions this file calls, each through lz. */
#define LIBZIP_FUNCTIONS(X) X(zip_fdopen) X(zip_discard) X(zip_stat_index) X(zip_name_locate) \
	X(zip_strerror) X(zip_get_num_entries) X(zip_fread) X(zip_fopen_index) X(zip_file_strerror) \
	X(zip_fclose)
#ifndef LIBZIP_SONAME
#define LIBZIP_SONAME "libzip.so.4"   /* the Makefile says which, from the linker */
#endif
DYNLIB_TABLE(lz, libzip, LIBZIP_FUNCTIONS, LIBZIP_SONAME, "libzip4");

struct Archive {
	zip_t *zip;
	const char *path;
	Diag *d;
};

struct ArchiveMember {
	Archive *ar;
	zip_file_t *file;
	char *label;               /* "visits.xlsx (xl/worksheets/sheet1.xml)" */
	zip_uint64_t size, got;    /* declared, read so far */
	long max_bytes;
};

static ArchiveKind
sniff(const unsigned char *b, size_t n)
{
	if (n >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7))
		return ARCHIVE_ZIP;
	if (n >= 8 && !memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return ARCHIVE_OLE;
	size_t i = n >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3) ? 3 : 0;
	while (i < n && strchr(" \t\r\n", b[i]))
		i++;
	return i < n && b[i] == '<' ? ARCHIVE_XML : ARCHIVE_OTHER;
}

static unsigned long long
le(const unsigned char *p, int n)
{
	unsigned long long v = 0;
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* The number of members the zip's end record declares, read before libzip
 * builds its table of them (which for 100,000 members takes half a
 * second): -1 when the record cannot be found (libzip then says why). */
static long long
declared_members(int fd, off_t size)
{
	enum { EOCD = 22, TAIL = EOCD + 65535 };   /* the record and its longest comment */
	size_t n = (size_t)(size < TAIL ? size : TAIL);
	unsigned char *b = mem_alloc(n ? n : 1);
	long long count = -1;
	if (n >= EOCD && pread(fd, b, n, size - (off_t)n) == (ssize_t)n) {
		for (size_t i = n - EOCD + 1; i-- > 0;) {
			if (memcmp(b + i, "PK\5\6", 4) != 0)
				continue;
			count = (long long)le(b + i + 10, 2);
			/* 0xFFFF: the count is in the zip64 end record, which the
			 * locator just before this record points to. */
			if (count == 0xFFFF && i >= 20 && !memcmp(b + i - 20, "PK\6\7", 4)) {
				unsigned char z[56];
				off_t at = (off_t)le(b + i - 20 + 8, 8);
				if (at >= 0 && at < size && pread(fd, z, sizeof z, at) == (ssize_t)sizeof z &&
				    !memcmp(z, "PK\6\6", 4))
					count = (long long)le(z + 32, 8);
			}
			break;
		}
	}
	free(b);
	return count;
}

static Archive *
too_many(const char *path, long long count, Diag *d)
{
	diag_report(d, DIAG_INPUT, path, 0, 0, "the zip package lists %lld members (a workbook has a few dozen; "
	    "at most %d are read); this is not a workbook nithet can read", count, ARCHIVE_MAX_MEMBERS);
	return NULL;
}

Archive *
archive_open(const char *path, long max_bytes, ArchiveKind *kind, Diag *d)
{
	struct stat st;
	int fd = file_open_regular(path, max_bytes, DIAG_INPUT, N_("the workbook"), &st, d);
	if (fd < 0)
		return NULL;
	unsigned char head[16];
	ssize_t n = pread(fd, head, sizeof head, 0);
	ArchiveKind k = sniff(head, n > 0 ? (size_t)n : 0);
	if (kind)
		*kind = k;
	if (k != ARCHIVE_ZIP) {
		close(fd);
		if (k == ARCHIVE_OLE)
			diag_report(d, DIAG_INPUT, path, 0, 0, "the workbook is protected by a password, or is an "
			    "old Excel 97-2003 file under a new name; open it in Excel, remove the password "
			    "(File > Info > Protect Workbook) and save it as an Excel Workbook (.xlsx)");
		else if (k == ARCHIVE_XML)
			diag_report(d, DIAG_INPUT, path, 0, 0, "the file is XML text, not an Excel workbook; "
			    "give it the extension .xml (an Excel XML Spreadsheet) or save it as .xlsx");
		else
			diag_report(d, DIAG_INPUT, path, n == 0 ? 0 : 0, 0, "%s; save the table from Excel or "
			    "LibreOffice Calc as an Excel Workbook (.xlsx)", n == 0 ? _("the file is empty") :
			    _("the file is not a workbook (it is not a zip package)"));
		return NULL;
	}
	long long declared = declared_members(fd, st.st_size);
	if (declared > ARCHIVE_MAX_MEMBERS) {
		close(fd);
		return too_many(path, declared, d);
	}
	if (dynlib_load(&libzip) != 0) {
		close(fd);
		diag_report(d, DIAG_INPUT, path, 0, 0, "cannot read the workbook: the library that reads .xlsx and "
		    ".ods files cannot be loaded (%s); install the package %s (apt-get install %s), or save "
		    "the table as CSV", libzip.why, libzip.package, libzip.package);
		return NULL;
	}
	int err = 0;
	zip_t *z = lz.zip_fdopen(fd, ZIP_RDONLY, &err);
	if (z == NULL) {
		close(fd);
		diag_report(d, DIAG_INPUT, path, 0, 0, "the workbook is damaged or incomplete (%s); copy or "
		    "download it again, or open it in Excel and save it again",
		    err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS ? _("its zip directory is missing or does not "
		    "match its contents") : _("its zip structure cannot be read"));
		return NULL;
	}
	zip_int64_t count = lz.zip_get_num_entries(z, 0);
	if (count < 0 || count > ARCHIVE_MAX_MEMBERS) {
		lz.zip_discard(z);
		return too_many(path, (long long)count, d);
	}
	for (zip_int64_t i = 0; i < count; i++) {
		zip_stat_t zs;
		if (lz.zip_stat_index(z, (zip_uint64_t)i, 0, &zs) == 0 && (zs.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    zs.encryption_method != ZIP_EM_NONE) {
			diag_report(d, DIAG_INPUT, path, 0, 0, "the workbook is encrypted (its member %s); "
			    "remove the password and save it again", zs.name ? zs.name : "?");
			lz.zip_discard(z);
			return NULL;
		}
	}
	Archive *ar = mem_alloc(sizeof *ar);
	ar->zip = z;
	ar->path = path;
	ar->d = d;
	return ar;
}

void
archive_close(Archive *ar)
{
	if (ar == NULL)
		return;
	lz.zip_discard(ar->zip);
	free(ar);
}

int
archive_has(Archive *ar, const char *name)
{
	return lz.zip_name_locate(ar->zip, name, ZIP_FL_NOCASE) >= 0;
}

ArchiveMember *
archive_member_open(Archive *ar, const char *name, long max_bytes, int required, Diag *d)
{
	zip_int64_t i = lz.zip_name_locate(ar->zip, name, ZIP_FL_NOCASE);
	if (i < 0) {
		if (required)
			diag_report(d, DIAG_INPUT, ar->path, 0, 0, "the workbook has no part %s; open it in Excel "
			    "or LibreOffice Calc and save it again as .xlsx", name);
		return NULL;
	}
	zip_stat_t zs;
	if (lz.zip_stat_index(ar->zip, (zip_uint64_t)i, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_SIZE)) {
		diag_report(d, DIAG_INPUT, ar->path, 0, 0, "the part %s cannot be read (damaged zip); copy "
		    "the workbook again", name);
		return NULL;
	}
	if ((zs.valid & ZIP_STAT_COMP_SIZE) && zs.size > (1u << 20) &&
	    zs.size / (zs.comp_size ? zs.comp_size : 1) > ARCHIVE_MAX_RATIO) {
		diag_report(d, DIAG_INPUT, ar->path, 0, 0, "the part %s inflates %llu times (%llu bytes to "
		    "%llu): a zip bomb, not a table; nothing was read", name,
		    (unsigned long long)(zs.size / (zs.comp_size ? zs.comp_size : 1)),
		    (unsigned long long)zs.comp_size, (unsigned long long)zs.size);
		return NULL;
	}
	if (zs.size > (zip_uint64_t)max_bytes) {
		diag_report(d, DIAG_INPUT, ar->path, 0, 0, "the part %s inflates to %llu bytes, over the limit "
		    "of %ld; split the table, or raise [limits] max_file_bytes", name, (unsigned long long)zs.size,
		    max_bytes);
		return NULL;
	}
	zip_file_t *f = lz.zip_fopen_index(ar->zip, (zip_uint64_t)i, 0);
	if (f == NULL) {
		diag_report(d, DIAG_INPUT, ar->path, 0, 0, "the part %s cannot be opened (%s); save the workbook "
		    "again as .xlsx", name, lz.zip_strerror(ar->zip));
		return NULL;
	}
	ArchiveMember *m = mem_alloc(sizeof *m);
	m->ar = ar;
	m->file = f;
	m->size = zs.size;
	m->max_bytes = max_bytes;
	size_t n = strlen(name) + 1;
	m->label = mem_alloc(n);
	memcpy(m->label, name, n);
	return m;
}

long
archive_member_read(void *vm, char *buf, size_t n)
{
	ArchiveMember *m = vm;
	/* One byte past the declared size is asked for: a member that
	 * inflates to more than the zip says is caught here, not trusted. */
	zip_uint64_t room = m->size - m->got + 1;
	if (n > room)
		n = (size_t)room;
	zip_int64_t got = lz.zip_fread(m->file, buf, n);
	if (got < 0) {
		diag_report(m->ar->d, DIAG_INPUT, m->ar->path, 0, 0, "the part %s is damaged (%s); copy or download "
		    "the workbook again", m->label, lz.zip_file_strerror(m->file));
		return -1;
	}
	m->got += (zip_uint64_t)got;
	if (m->got > m->size) {
		diag_report(m->ar->d, DIAG_INPUT, m->ar->path, 0, 0, "the part %s holds more than the %llu bytes "
		    "its zip directory declares; the workbook is damaged or forged, nothing of it is used",
		    m->label, (unsigned long long)m->size);
		return -1;
	}
	return (long)got;
}

void
archive_member_close(ArchiveMember *m)
{
	if (m == NULL)
		return;
	lz.zip_fclose(m->file);
	free(m->label);
	free(m);
}

char *
archive_member_slurp(Archive *ar, const char *name, long max_bytes, int required, size_t *len, Diag *d)
{
	*len = 0;
	ArchiveMember *m = archive_member_open(ar, name, max_bytes, required, d);
	if (m == NULL)
		return NULL;
	char *buf = mem_alloc((size_t)m->size + 2);
	size_t at = 0;
	long got;
	while ((got = archive_member_read(m, buf + at, (size_t)m->size + 1 - at)) > 0)
		at += (size_t)got;
	archive_member_close(m);
	if (got < 0) {
		free(buf);
		return NULL;
	}
	buf[at] = '\0';
	*len = at;
	return buf;
}
