/*
 * track_view.h - `crmroi track` shown in every format: the approved plan
 * against actuals, the indexes, the re-forecast and the phases' gates.
 */
#ifndef CRMROI_TRACK_VIEW_H
#define CRMROI_TRACK_VIEW_H

#include "render.h"

/*
 * The comparison t (crm_track_compute) of the actuals a to fp in fmt: text or
 * markdown for people, CSV (one row per figure) or JSON, with cal (the
 * calibration of the estimates from realised inputs and events; NULL: none)
 * after it (a section, a CSV block, JSON's key calibration). Borrows t and a;
 * writes only to fp, and computes nothing that t and cal do not hold.
 */
void track_view_write(const crm_track *t, const crm_actuals *a, const crm_calibration *cal,
		      out_format fmt, FILE *fp);

#endif
