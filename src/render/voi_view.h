/*
 * voi_view.h - `crmroi voi` shown in every format: the decision, its
 * options' expected NPVs, the EVPI and each uncertain value's (and group's)
 * EVPPI with its standard error, and the sentence that says what is worth
 * resolving before deciding.
 */
#ifndef CRMROI_VOI_VIEW_H
#define CRMROI_VOI_VIEW_H

#include "render.h"

typedef struct voi_view_opts {
	out_format fmt;
	uint64_t seed;
	int after_tax;
	int only_given;        /* --only chose the benefit classes */
} voi_view_opts;

/* The value of information r of the ns scenarios scs to fp in o->fmt. */
void voi_view_write(const voi_view_opts *o, const crm_scenario *const *scs, size_t ns,
		    const crm_voi_result *r, FILE *fp);

/*
 * The sentence a board reads: "Resolving golive before deciding is worth up
 * to USD 120,000; nothing else is worth more than USD 5,000." Into buf,
 * each value named by name (NULL: voi_view_name).
 */
typedef void (*voi_view_namer)(char *buf, size_t len, const crm_scenario *const *scs,
			       const crm_voi_value *v);
void voi_view_sentence(char *buf, size_t len, const crm_scenario *const *scs,
		       const crm_voi_result *r, voi_view_namer name);

/* Value v's name for people: an input's label when it has one, its name otherwise. */
const char *voi_view_name(const crm_scenario *const *scs, const crm_voi_value *v);

/* The values (not groups) in order of EVPPI, the largest first: into order, returns how many. */
size_t voi_view_order(const crm_voi_result *r, size_t *order);

#endif
