/*
 * aftertax_view.h - the after-tax section of `crmroi run` in every format.
 */
#ifndef CRMROI_AFTERTAX_VIEW_H
#define CRMROI_AFTERTAX_VIEW_H

#include "render.h"

/* Text (md 0) or markdown (md 1): conventions, the tax by year, metrics before and after. */
void aftertax_people(const crm_scenario *sc, const crm_metrics *before, const crm_after_tax *at,
		     FILE *fp, int md);
/* The JSON member "after_tax": {...}, starting with its key (the caller writes the comma). */
void aftertax_json(const crm_scenario *sc, const crm_after_tax *at, FILE *fp);
/* One sentence on how tax is computed, for every format. */
void aftertax_convention(const crm_scenario *sc, const crm_after_tax *at, char *buf, size_t len);

#endif
