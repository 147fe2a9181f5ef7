/* i18n.h - messages in the user's language (GNU gettext, from glibc).
 *
 * Every message nithet prints - diagnostics, usage, help, the progress
 * line - is written in English in the source and looked up in the
 * catalogue of the language the user reads: Thai with a Thai locale
 * (LANG=th_TH.UTF-8) or with [messages] language = th in the config,
 * English otherwise. The catalogues are po/<lang>.po, compiled into
 * <localedir>/<lang>/LC_MESSAGES/nithet.mo. diag_report looks up its
 * format itself, so a call needs no marking; strings that reach a message
 * by other ways are marked _() where used, N_() where stored.
 * Only the messages' language changes: numbers, dates and the reports
 * are the same in every locale. */
#ifndef NITHET_I18N_H
#define NITHET_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* A message's singular and plural for ngettext, marked for xgettext where
 * they are two initialisers of a table (cli/reports.c). */
#define NP_(one, many) (one), (many)

/* The user's language from the environment (LC_ALL, LC_MESSAGES, LANG,
 * LANGUAGE) and the catalogues in localedir. Call once, first. */
void i18n_start(const char *localedir);

/* The config's choice: "th", "en", or "" for the environment's. 0; -1
 * when the system can show no Thai (no UTF-8 locale); -2 for another
 * language. The messages stay as they were when it fails. */
int i18n_language(const char *language);

#endif
