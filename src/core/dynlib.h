/* dynlib.h - a shared library loaded when it is first needed, not when
 * nithet starts, and the functions a module calls found in it by name.
 *
 * The spreadsheet libraries (libzip, and libcrypto behind it; libfreexl;
 * libxlsxwriter) cost every run of nithet about 3.5 ms of loading and
 * relocating when linked, though most runs read CSV files only: more than
 * a bundled build's measuring and composing put together. The module that
 * uses one (load/archive.c, load/xls.c, export/template.c) lists the
 * functions it calls in a table of typed pointers and calls them through
 * it once dynlib_load has filled it. */
#ifndef NITHET_DYNLIB_H
#define NITHET_DYNLIB_H

#include <stddef.h>

typedef struct DynLib {
	const char *soname;        /* "libzip.so.4" */
	const char *package;       /* the Debian package that installs it, for the message */
	const char *const *names;  /* the functions, in the order of the table's members */
	size_t n;
	void *table;               /* a struct of n function pointers, filled by dynlib_load */
	int state;                 /* 0: not tried; 1: loaded; -1: failed (why says why) */
	char why[256];
} DynLib;

/* A module's table of a library's functions and the DynLib that fills it,
 * from a list macro of the functions it calls:
 *   #define LIBZIP_FUNCTIONS(X) X(zip_fdopen) X(zip_discard)
 *   DYNLIB_TABLE(lz, libzip, LIBZIP_FUNCTIONS, "libzip.so.4", "libzip4");
 * declares `lz`, one pointer of each function's own type (called as
 * lz.zip_fdopen(...) once dynlib_load(&libzip) has succeeded), and
 * `libzip`. */
#define DYNLIB_MEMBER(f) __typeof__(f) *f;
#define DYNLIB_NAME(f) #f,
#define DYNLIB_TABLE(table, lib, FUNCS, soname, package) \
	static struct { FUNCS(DYNLIB_MEMBER) } table; \
	static const char *const table##_names[] = { FUNCS(DYNLIB_NAME) }; \
	static DynLib lib = { soname, package, table##_names, \
		sizeof table##_names / sizeof table##_names[0], &table, 0, "" }; \
	_Static_assert(sizeof table == sizeof table##_names / sizeof table##_names[0] * sizeof(void *), \
	    "one pointer per function")

/* Load lib and find each of its functions, once per process (later calls
 * return at once; safe from several threads). 0 when the table is filled,
 * -1 when the library or one of its functions is missing: lib->why holds
 * the system's words. */
int dynlib_load(DynLib *lib);

#endif
