/* places.h - where an installed or a built nithet finds its own files: the
 * data folder (config/plan.xsd, fonts/) and the config used when -c is not
 * given. Read from the running program's own path, so the same binary works
 * from its build folder and installed anywhere (make install PREFIX=...,
 * the Debian package), from any current folder. */
#ifndef NITHET_PLACES_H
#define NITHET_PLACES_H

typedef struct Places {
	char *data_dir;            /* holds config/plan.xsd and fonts/ */
	char *config;              /* the default config file */
	char *locale_dir;          /* the message catalogues (core/i18n.h) */
	const char *config_from;   /* why that one: for a message */
} Places;

/* Find them. In a source tree (config/plan.xsd and src/main.c in the
 * program's folder, or one or two above it: build/, build/asan/) the data
 * and config are the tree's. Installed as PREFIX/bin/nithet,
 * the data is PREFIX/share/nithet and the config PREFIX/etc/nithet/
 * nithet.ini, or /etc/nithet/nithet.ini when PREFIX is /usr (DESTDIR/etc
 * for a staged DESTDIR/usr). NITHET_CONFIG
 * in the environment names another config; NITHET_DATA another data
 * folder. Free with places_free. */
void places_find(Places *p);
void places_free(Places *p);

#endif
