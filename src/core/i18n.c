/* i18n.c - the messages' language (see i18n.h). */
#include "core/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

void
i18n_start(const char *localedir)
{
	/* Only the messages and the character set follow the environment:
	 * LC_NUMERIC and the rest stay "C", so a number is read and written
	 * with a point in every locale. */
	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
	bindtextdomain("nithet", localedir);
	bind_textdomain_codeset("nithet", "UTF-8");
	textdomain("nithet");
}

int
i18n_language(const char *language)
{
	if (language == NULL || *language == '\0')
		return 0;
	if (strcmp(language, "en") == 0) {
		setlocale(LC_MESSAGES, "C");
		return 0;
	}
	if (strcmp(language, "th") != 0)
		return -2;
	/* gettext reads LANGUAGE only when LC_MESSAGES is not C: a Thai
	 * locale if the system has one, else C.UTF-8 with LANGUAGE. */
	setenv("LANGUAGE", language, 1);
	if (setlocale(LC_MESSAGES, "th_TH.UTF-8") != NULL)
		return 0;
	return setlocale(LC_MESSAGES, "C.UTF-8") != NULL ? 0 : -1;
}
