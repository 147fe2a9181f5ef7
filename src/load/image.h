/* image.h - image files an office attaches: the emblem on covers and the
 * photos of activities. Only PNG and JPEG, the two a PDF can carry as they
 * are; the header is read for the size in pixels, the bytes are kept whole
 * for the PDF writer. */
#ifndef NITHET_IMAGE_H
#define NITHET_IMAGE_H

#include "core/arena.h"
#include "core/diag.h"
#include "model/model.h"

/* Read path into *out (bytes in a, valid until a is freed). max_bytes bounds
 * the file. Returns 0, or -1 after a DIAG_INPUT that names the file, says
 * what is wrong with it (not PNG or JPEG, truncated, a PNG kind the PDF
 * cannot carry) and how to fix it. */
int image_load(const char *path, Arena *a, long max_bytes, ImageFile *out, Diag *d);

/* Whether name ends in .png, .jpg or .jpeg (any case). */
int image_name_ok(const char *name);

/* The photos of the activities: dir/<N>/ (or dir/กิจกรรมที่ N/) holds
 * activity N's pictures, each captioned with its file name without the
 * extension. At most PHOTOS_PER_ACTIVITY per activity, in name order (a
 * warning names the ones left out). No dir: no photos, nothing said. A
 * folder that is not an activity of the plan, a file that is not a PNG or
 * JPEG, or an unreadable image is a warning and is skipped: photos never
 * stop a build. Fills m->photos (in a). */
enum { PHOTOS_PER_ACTIVITY = 6 };
void photos_load(Model *m, Arena *a, const char *dir, long max_bytes, Diag *d);

#endif
