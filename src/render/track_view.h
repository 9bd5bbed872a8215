/*
 * track_view.h - `crmroi track` shown in every format: the approved plan
 * against actuals, the indexes, the re-forecast and the phases' gates.
 */
#ifndef CRMROI_TRACK_VIEW_H
#define CRMROI_TRACK_VIEW_H

#include "render.h"

/*
 * The comparison t (crm_track_compute) of the actuals a to fp in fmt: text or
 * markdown for people, CSV (one row per figure) or JSON. Borrows t and a;
 * writes only to fp, and computes nothing that t does not hold.
 */
void track_view_write(const crm_track *t, const crm_actuals *a, out_format fmt, FILE *fp);

#endif
