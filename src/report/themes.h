/* themes.h - free-text comments grouped into the config's themes. */
#ifndef NITHET_THEMES_H
#define NITHET_THEMES_H

#include "report/compose.h"

/* Group the n comments of texts (answers that say nothing are left out and
 * not counted) into [themes]: a table of each theme with its count and its
 * most frequent comment, captioned with caption; then the praise, apart,
 * with its count and an example. who names the writers in the sentence
 * that opens the table ("ผู้ตอบแบบสำรวจ"). Nothing but a sentence when
 * no comment is left. */
void compose_themes(Compose *c, const char *const *texts, size_t n, const char *caption, const char *who);

#endif
