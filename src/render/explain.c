/*
 * explain.c - the sentences that explain a result, written once for every
 * output: which benefit classes the metrics count, what a gate decides, what
 * the readiness factor does. Renderers of every format call these; nothing
 * here computes a figure, it only words what the core computed.
 */
#define _POSIX_C_SOURCE 200809L
#include "explain.h"

#include <stdio.h>
#include <string.h>

/*
 * The names of the classes in set, in their canonical order, sep between
 * them; each class of absent followed by a note that no benefit has it.
 */
static void class_names(unsigned set, unsigned absent, const char *sep, char *buf, size_t len)
{
	if (!len)
		return;
	buf[0] = '\0';
	for (int c = 0; c < CRM_NCLASSES; c++)
		if (set & CRM_CLASS_BIT(c))
			crm_appendf(buf, len, "%s%s%s", buf[0] ? sep : "", crm_class_name((crm_class)c),
				    absent & CRM_CLASS_BIT(c) ? " (no benefit of this class in the "
				    "scenario)" : "");
}

/* The classes some benefit line of sc has. */
static unsigned classes_present(const crm_scenario *sc)
{
	unsigned present = 0;

	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].kind == CRM_BENEFIT)
			present |= CRM_CLASS_BIT(sc->lines[l].cls);
	return present;
}

void explain_class_list(const crm_scenario *sc, int only_given, int counted, char *buf, size_t len)
{
	explain_classes rc;

	explain_classes_of(sc, only_given, 0, &rc);
	snprintf(buf, len, "%s", counted ? rc.counted : rc.left_out);
}

void explain_class_set(unsigned classes, char *buf, size_t len)
{
	class_names(classes, 0, ",", buf, len);
}

void explain_classes_of(const crm_scenario *sc, int only_given, int shown_apart, explain_classes *rc)
{
	unsigned in = sc->settings.classes;

	memset(rc, 0, sizeof *rc);
	rc->present = classes_present(sc);
	/* A class --only names that no benefit has is listed, and said to be absent. */
	rc->absent = only_given ? in & ~rc->present : 0;
	class_names((in & rc->present) | rc->absent, rc->absent, ", ", rc->counted,
		    sizeof rc->counted);
	class_names(~in & rc->present, 0, ", ", rc->left_out, sizeof rc->left_out);
	/* As run's report: when some benefit is not cash (so may be left out), or with --only. */
	rc->shown = only_given || (rc->present & ~CRM_CLASS_BIT(CRM_CLASS_CASH));
	snprintf(rc->sentence, sizeof rc->sentence,
		 "Benefit classes in the metrics: %s%s; costs always count%s%s%s",
		 rc->counted[0] ? rc->counted : "none", only_given ? " (--only)" : "",
		 !rc->left_out[0] ? "" : shown_apart ? ". Left out, shown apart: " : ". Left out: ",
		 rc->left_out,
		 ~in & rc->present & CRM_CLASS_BIT(CRM_CLASS_FLEXIBILITY) ? " (flexibility is never "
		 "in the metrics unless --only names it)" : "");
}

int explain_classes_warning(const crm_scenario *sc, int only_given, char *buf, size_t len)
{
	explain_classes rc;
	char names[EXPLAIN_CLASSES_LEN] = "";

	explain_classes_of(sc, only_given, 0, &rc);
	if (!rc.absent)
		return 0;
	for (int c = 0, k = 0; c < CRM_NCLASSES; c++)
		if (rc.absent & CRM_CLASS_BIT(c)) {
			unsigned later = rc.absent & ~(CRM_CLASS_BIT(c + 1) - 1);
			crm_appendf(names, sizeof names, "%s%s", !k++ ? "" : later ? ", " : " or ",
				    crm_class_name((crm_class)c));
		}
	snprintf(buf, len, "%s: --only: no benefit has class%s %s; the metrics count %s", sc->file,
		 rc.absent & (rc.absent - 1) ? "es" : "", names,
		 sc->settings.classes & rc.present ? "the other classes named" : "costs only");
	return 1;
}

void explain_gate(const crm_scenario *sc, size_t g, char *buf, size_t len)
{
	const crm_group *grp = &sc->groups[g];
	char p[32], q[32], when[64];
	size_t k = 0;

	fmt_percent(p, sizeof p, grp->probability);
	fmt_percent(q, sizeof q, 1 - grp->probability);
	if (grp->first_month == 0)
		snprintf(when, sizeof when, "month 0 (the Initial column)");
	else
		snprintf(when, sizeof when, "month %d", grp->first_month);
	buf[0] = '\0';
	crm_appendf(buf, len, "%s: %s chance, decided at %s, the first month of its lines (",
		    grp->name, p, when);
	size_t ncost = 0, nbenefit = 0;
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].group == (int)g) {
			crm_appendf(buf, len, "%s%s", k++ ? ", " : "", sc->lines[l].label);
			if (sc->lines[l].kind == CRM_COST)
				ncost++;
			else if (sc->lines[l].kind == CRM_BENEFIT)
				nbenefit++;
		}
	/* Say what the group holds: a group of benefits alone gates no cost. */
	if (grp->probability < 1 && ncost && nbenefit)
		crm_appendf(buf, len, "). They count at %s of their amounts here; a "
			    "simulation draws them together, so with %s chance none of their costs "
			    "or benefits happen.", p, q);
	else if (grp->probability < 1 && nbenefit)
		crm_appendf(buf, len, "). They count at %s of their amounts here; a "
			    "simulation draws them together, so with %s chance none of their "
			    "benefits happen. The group holds no costs, so no cost depends on "
			    "it.", p, q);
	else if (grp->probability < 1)
		crm_appendf(buf, len, "). They count at %s of their amounts here; a "
			    "simulation draws them together, so with %s chance none of their "
			    "costs happen. The group holds no benefits.", p, q);
	else
		crm_appendf(buf, len, "). No probability is given, so they happen for "
			    "sure.");
}


void explain_readiness(const crm_settings *s, char *buf, size_t len)
{
	char pts[32], f[32];

	fmt_points(pts, sizeof pts, s->readiness_score);
	fmt_factor(f, sizeof f, s->readiness_factor);
	snprintf(buf, len, "Execution readiness %s/1000 (%s): benefits x %s, on top of the risk "
		 "adjustment; a judgement from the self-assessment, not a calibrated estimate.",
		 pts, s->readiness, f);
}
