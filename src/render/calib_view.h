/*
 * calib_view.h - `crmroi track --calibration`: how good were the estimates,
 * in every format (crmroi/calibrate.h), and the scenario with each owner's
 * ranges widened (--calibrated-out).
 */
#ifndef CRMROI_CALIB_VIEW_H
#define CRMROI_CALIB_VIEW_H

#include "render.h"

/* The calibration c of sc's estimates to fp in fmt. */
void calib_view_write(const crm_scenario *sc, const crm_calibration *c, out_format fmt, FILE *fp);

/*
 * A variant of sc with each owner's ranges widened by its factor, as a
 * scenario file: setting base names the scenario by base_path (as the
 * variant's folder reaches it), and each widened input's row replaces the
 * base's, its note saying by how much and why. Owners whose factor is at
 * most 1 (their ranges held enough) keep their ranges.
 */
void calib_view_scenario(const crm_scenario *sc, const crm_calibration *c, const char *base_path,
			 FILE *fp);

#endif
