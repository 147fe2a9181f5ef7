/* specimen.h - the type specimen: every feature of the typesetter on the
 * plan's real Thai text, in the configured fonts and in Noto Sans Thai. */
#ifndef NITHET_SPECIMEN_H
#define NITHET_SPECIMEN_H

#include "config/settings.h"
#include "core/arena.h"
#include "doc/doc.h"
#include "model/plan.h"

/* The specimen in the configured fonts (Laksaman by default): it quotes the
 * plan's rationale, a table of its activities with budget, charts, lists, a
 * label/value block, headings, a TOC, a landscape page and a long table whose
 * header repeats. In arena a; pure. */
Doc *specimen_doc(Arena *a, const Settings *s, const Plan *plan);

/* The same in Noto Sans Thai (+ Noto Sans for Latin), taken from the folder
 * of the configured Thai font: the Doc names them (thai_font, latin_font,
 * in a). */
Doc *specimen_noto_doc(Arena *a, const Settings *s, const Plan *plan);

#endif
