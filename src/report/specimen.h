/* specimen.h - the type specimen: every feature of the typesetter on the
 * plan's real Thai text, in the configured fonts and in Noto Sans Thai. */
#ifndef NITHET_SPECIMEN_H
#define NITHET_SPECIMEN_H

#include <stdio.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/diag.h"
#include "doc/doc.h"
#include "model/plan.h"

/* Writes OUT_DIR/specimen.pdf with the configured fonts (Laksaman by default) and OUT_DIR/specimen-noto.pdf with
 * Noto Sans Thai (+ Noto Sans for Latin), taken from the folder of the configured Thai font. Each quotes the plan's
 * rationale, a table of its activities with budget, charts, lists, a label/value block, headings, a TOC, a landscape
 * page and a long table whose header repeats. If layout_dump is not NULL both layouts are written there as text
 * instead of PDFs. Returns an exit code (DESIGN.md section 4), problems reported through d. */
int specimen_write(const Settings *s, const Plan *plan, const char *out_dir, FILE *layout_dump, Diag *d);

/* The specimen Doc for plan in arena a (exposed for tests). */
Doc *specimen_doc(Arena *a, const Settings *s, const Plan *plan);

#endif
