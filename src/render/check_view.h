/*
 * check_view.h - what `crmroi check` shows of a good scenario: its size, its
 * inputs with the values that use them, where an inheriting scenario's rows
 * come from, and its phases with their criteria.
 */
#ifndef CRMROI_CHECK_VIEW_H
#define CRMROI_CHECK_VIEW_H

#include "render.h"

/*
 * "FILE: ok: ..." with the counts of inputs and lines, the readiness line,
 * and a table of the inputs (value, unit, range, what uses each one) and the
 * rank correlations. Borrows sc; writes only to fp.
 */
void check_view_scenario(const crm_scenario *sc, FILE *fp);
/* For a scenario that inherits: every row, the file and line it comes from, what it replaces. */
void check_view_origins(const crm_scenario *sc, FILE *fp);
/* Each phase with a table of its criteria. */
void check_view_phases(const crm_scenario *sc, FILE *fp);

#endif
