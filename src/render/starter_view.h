/*
 * starter_view.h - what `crmroi new` writes: a starter scenario as CSV, and
 * the list of the library's benefit areas for people.
 */
#ifndef CRMROI_STARTER_VIEW_H
#define CRMROI_STARTER_VIEW_H

#include "render.h"
#include "crmroi/starter.h"

/*
 * The starter s as a scenario file: comments as "# TEXT", rows as CSV with
 * every cell, examples as "# " and the row, lines ending in CRLF. Cells are
 * quoted as RFC 4180 needs and written as they are otherwise: the caller sets
 * csv_set_raw_text(1), since a scenario is read back by crmroi, which takes
 * a cell's text as it is. Borrows s; writes only to fp.
 */
void starter_view_csv(const crm_starter *s, FILE *fp);

/* Every area of the library (crmroi/areas.h): what it models, its benefits and drivers. */
void starter_view_areas(FILE *fp);

#endif
