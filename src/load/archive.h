/* archive.h - the members of a zip file (the package of .xlsx and .ods),
 * read within bounds: the only door to libzip.
 *
 * A spreadsheet package is a zip of XML members. A zip can lie: a small
 * file may inflate to gigabytes (a zip bomb), list a hundred thousand
 * members, be cut short by a download, or be encrypted. Every member is
 * read through a reader that stops at the size the zip declared for it, at
 * the caller's byte limit and at a compression ratio no spreadsheet has;
 * the checksum is checked at its end. */
#ifndef NITHET_ARCHIVE_H
#define NITHET_ARCHIVE_H

#include <stddef.h>

#include "core/diag.h"

/* No spreadsheet package has more members than this; a zip that lists
 * more is refused before any is read. */
enum { ARCHIVE_MAX_MEMBERS = 10000 };

/* Inflated to more than this many times its compressed size (and more than
 * a megabyte): a zip bomb, not a table. A sheet's XML compresses 5 to 30
 * to 1, rows all alike about 100 to 1; deflate cannot pass about 1030. */
enum { ARCHIVE_MAX_RATIO = 500 };

typedef struct Archive Archive;
typedef struct ArchiveMember ArchiveMember;

/* What the first bytes of a file say it is. */
typedef enum ArchiveKind {
	ARCHIVE_ZIP,               /* a zip: .xlsx, .ods, .docx, ... */
	ARCHIVE_OLE,               /* an OLE2 compound file: .xls, or an encrypted .xlsx */
	ARCHIVE_XML,               /* text starting with '<': an XML spreadsheet */
	ARCHIVE_OTHER
} ArchiveKind;

/* Open path (a regular file of at most max_bytes) as a zip. what names the
 * file for messages ("a workbook"). Returns NULL after reporting
 * (DIAG_INPUT): not a zip, *kind says what it looks like instead (may be
 * NULL); damaged or cut short; too many members; an encrypted member. */
Archive *archive_open(const char *path, long max_bytes, ArchiveKind *kind, Diag *d);
void archive_close(Archive *ar);   /* NULL is fine */

/* Whether the zip has the member name (its case ignored, as in OOXML). */
int archive_has(Archive *ar, const char *name);

/* Open the member name for reading at most max_bytes of it. NULL after
 * reporting: missing (when required), bigger than max_bytes, or inflating
 * past ARCHIVE_MAX_RATIO. *missing set (no message) when it is not there
 * and !required. */
ArchiveMember *archive_member_open(Archive *ar, const char *name, long max_bytes, int required, Diag *d);

/* Read up to n bytes (an XmlReadFn for xml_stream_read): the number read,
 * 0 at the member's end (its checksum checked), -1 after reporting. */
long archive_member_read(void *member, char *buf, size_t n);
void archive_member_close(ArchiveMember *m);  /* NULL is fine */

/* The whole member in a malloc'd buffer with a NUL after it (for the small
 * parts: workbook, relationships, styles). NULL after reporting, or with
 * *len 0 and no message when it is absent and !required. */
char *archive_member_slurp(Archive *ar, const char *name, long max_bytes, int required, size_t *len,
	Diag *d);

#endif
