/*
 * explain.c - the sentences that explain a result, written once for every
 * output: which benefit classes the metrics count, what a gate decides, what
 * the readiness factor does, what a break-even means, the discounting
 * convention, what tax does to a case and how much of it rests on soft
 * benefits. Renderers of every format call these; nothing
 * here computes a figure, it only words what the core computed.
 */
#define _POSIX_C_SOURCE 200809L
#include "explain.h"
#include "rtable.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

void explain_area(const crm_scenario *sc, size_t a, char *buf, size_t len)
{
	const crm_plan_area *ar = &sc->areas[a];
	int months = sc->settings.plan_slot_months;
	const char *word = months == 1 ? "month" : months == 6 ? "half" : months == 12 ? "year"
			 : "quarter";
	const char *lines = ar->nlines == 1 ? "line" : "lines";

	buf[0] = '\0';
	if (ar->golive == CRM_GOLIVE_SKIP) {
		crm_appendf(buf, len, "%s: left out by the plan (golive skip): its %zu %s count "
			    "nothing.", ar->name, ar->nlines, lines);
		return;
	}
	if (ar->golive == CRM_GOLIVE_AS_WRITTEN) {
		crm_appendf(buf, len, "%s: as written, going live in month %d (its lines' months); "
			    "crmroi plan chooses its %s from %d to %d.", ar->name, ar->written_month,
			    word, ar->first_slot, ar->last_slot);
		return;
	}
	int m = crm_plan_slot_month(sc, ar->golive), shift = m - ar->written_month;
	crm_appendf(buf, len, "%s: goes live in %s %d (month %d)", ar->name, word, ar->golive, m);
	if (shift)
		crm_appendf(buf, len, ", its %zu %s %d month%s %s than written.", ar->nlines, lines,
			    abs(shift), abs(shift) == 1 ? "" : "s", shift > 0 ? "later" : "earlier");
	else
		crm_appendf(buf, len, ", its %zu %s as written.", ar->nlines, lines);
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

/* ------------------------------------------------ sensitivity and break-even */

void explain_value(char *buf, size_t len, const crm_value *v, int unit)
{
	if (v->ok)
		fmt_unit(buf, len, v->v, unit);
	else
		snprintf(buf, len, "n/a (%s)", v->why);
}

void explain_left_out(unsigned classes, char *buf, size_t len)
{
	char names[EXPLAIN_CLASSES_LEN] = "";

	for (int c = 0, k = 0; c < CRM_NCLASSES; c++)
		if (classes & CRM_CLASS_BIT(c)) {
			unsigned later = classes & ~(CRM_CLASS_BIT(c + 1) - 1);
			crm_appendf(names, sizeof names, "%s%s", !k++ ? "" : later ? ", " : " and ",
				    crm_class_name((crm_class)c));
		}
	snprintf(buf, len, "left out: %s %s not counted", names,
		 classes & (classes - 1) ? "are" : "is");
}

/* The metric's name inside a sentence: "payback", not "Payback (months)". */
static const char *short_label(const crm_metric_info *mi)
{
	switch (mi->unit) {
	case CRM_UNIT_MONTHS: return strcmp(mi->name, "payback") ? "discounted payback" : "payback";
	default: return mi->label;
	}
}

/*
 * A break-even in whole months (an input that moves a line's start, end or
 * ramp): how late (or early) the month can be with the metric still at or
 * above the target, how far that is from the base, and the metric one month
 * further, where it is below.
 */
static void months_meaning(const crm_breakeven *be, const crm_metric_info *mi, double target,
			   char *buf, size_t len)
{
	const crm_param *p = &be->param;
	int month = p->months == CRM_PARAM_MONTH;
	/* A base between whole months is the month it rounds to (halves away from zero). */
	double b = round(p->base);
	int later = be->value > b;
	double d = fabs(be->value - b);
	char t[64], vn[96], base[96], at[64], nb[64];

	fmt_unit(t, sizeof t, target, mi->unit);
	explain_value(vn, sizeof vn, &be->at_neighbour, mi->unit);
	if (b != p->base)
		snprintf(base, sizeof base, month ? "month %.0f, %s = %.15g rounded" :
			 "%.0f months, %s = %.15g rounded", b, param_words(p), p->base);
	else
		snprintf(base, sizeof base, month ? "month %.0f" : "%.0f months", b);
	snprintf(at, sizeof at, month ? "month %.0f" : "%.0f months", be->value);
	snprintf(nb, sizeof nb, month ? "month %.0f" : "%.0f months", be->neighbour);
	if (be->at_base.ok && be->at_base.v >= target) {
		if (d == 0)
			snprintf(buf, len, "%s cannot move %s the base, %s, with %s still >= %s: at %s "
				 "%s is %s", param_words(p), be->neighbour > b ? (month ? "later than"
				 : "above") : (month ? "earlier than" : "below"), base, short_label(mi),
				 t, nb, short_label(mi), vn);
		else
			snprintf(buf, len, "%s can be as %s as %s with %s still >= %s (%.0f month%s %s "
				 "the base, %s); at %s %s is %s", param_words(p), month ? (later ? "late" : "early")
				 : (later ? "long" : "short"), at, short_label(mi), t, d, d == 1 ? "" : "s",
				 month ? (later ? "after" : "before") : (later ? "more than" : "less than"),
				 base, nb, short_label(mi), vn);
	} else {
		snprintf(buf, len, "%s first reaches %s with %s at %s (%.0f month%s %s the base, %s); "
			 "at %s it is %s", short_label(mi), t, param_words(p), at, d, d == 1 ? "" : "s",
			 month ? (later ? "after" : "before") : (later ? "more than" : "less than"), base,
			 nb, vn);
	}
}

/* A value in its unit with `extra` more decimals than fmt_unit gives. */
static void fmt_unit_finer(char *buf, size_t len, double v, int unit, int extra)
{
	char num[FMT_NUM_MAX];

	switch (unit) {
	case CRM_UNIT_MONEY: fmt_money(buf, len, v, extra); break;
	case CRM_UNIT_RATE:
		fmt_money(num, sizeof num, v * 100.0, 2 + extra);
		snprintf(buf, len, "%s%%", num);
		break;
	case CRM_UNIT_RATIO: fmt_money(buf, len, v, 2 + extra); break;
	case CRM_UNIT_MONTHS: snprintf(buf, len, "%.*f", 1 + extra, v); break;
	default: snprintf(buf, len, "%.*g", 10 + extra, v); break;
	}
}

/*
 * The target and the two values a metric jumps between, with as many more
 * decimals as it takes to tell them apart (a small round() step would show
 * "from 208.00% to 208.00%" otherwise).
 */
static void jump_values(const crm_breakeven *be, int unit, double target, char *t, char *lo,
			char *hi, size_t len)
{
	const crm_value *a = &be->at_jump_lo, *b = &be->at_jump_hi;

	for (int extra = 0; extra <= 8; extra++) {
		fmt_unit_finer(t, len, target, unit, extra);
		if (a->ok)
			fmt_unit_finer(lo, len, a->v, unit, extra);
		else
			snprintf(lo, len, "n/a (%s)", a->why);
		if (b->ok)
			fmt_unit_finer(hi, len, b->v, unit, extra);
		else
			snprintf(hi, len, "n/a (%s)", b->why);
		if (strcmp(t, lo) && strcmp(t, hi) && strcmp(lo, hi))
			return;
	}
}

/* A break-even with no single value: why, into buf; 0 when there is a value (CRM_BE_FOUND). */
static int no_breakeven(const crm_breakeven *be, const crm_metric_info *mi, double target,
			unsigned left_out, char *buf, size_t len)
{
	char t[512], lo[64], hi[64], vlo[512], vhi[512];
	const crm_param *p = &be->param;

	fmt_unit(t, sizeof t, target, mi->unit);
	fmt_param(lo, sizeof lo, p, be->lo);
	fmt_param(hi, sizeof hi, p, be->hi);
	switch (be->status) {
	case CRM_BE_NO_BASE:
		snprintf(buf, len, "%s is a formula or a series, with no single value to move "
			 "(vary the inputs it uses)", param_words(p));
		return 1;
	case CRM_BE_FLAT:
		snprintf(buf, len, "%s does not change with %s", mi->label, param_words(p));
		if (left_out) {
			char why[EXPLAIN_CLASSES_LEN + 64];
			explain_left_out(left_out, why, sizeof why);
			crm_appendf(buf, len, " (%s)", why);
		}
		return 1;
	case CRM_BE_NONE: {
		const crm_value *a = &be->at_lo, *b = &be->at_hi;
		const char *how = "does not reach";
		if (a->ok && b->ok && a->v >= target && b->v >= target)
			how = "stays at or above";
		else if (a->ok && b->ok && a->v < target && b->v < target)
			how = "stays below";
		explain_value(vlo, sizeof vlo, a, mi->unit);
		explain_value(vhi, sizeof vhi, b, mi->unit);
		snprintf(buf, len, "%s %s %s for %s from %s to %s: %s at %s, %s at %s", mi->label,
			 how, t, param_words(p), lo, hi, vlo, lo, vhi, hi);
		return 1;
	}
	case CRM_BE_JUMP: {
		char a[64], b[64];
		fmt_param(a, sizeof a, p, be->jump_lo);
		fmt_param(b, sizeof b, p, be->jump_hi);
		jump_values(be, mi->unit, target, t, vlo, vhi, sizeof vlo);
		if (!strcmp(a, b))
			snprintf(buf, len, "%s jumps over %s at %s = %s, from %s to %s: no value of %s "
				 "gives exactly %s", short_label(mi), t, param_words(p), a, vlo, vhi, param_words(p), t);
		else
			snprintf(buf, len, "%s jumps over %s between %s = %s (%s) and %s (%s): no value "
				 "of %s gives exactly %s", short_label(mi), t, param_words(p), a, vlo, b, vhi,
				 param_words(p), t);
		return 1;
	}
	case CRM_BE_FOUND:
		break;
	}
	return 0;
}

void explain_breakeven(const crm_breakeven *be, crm_metric_id metric, double target,
		       unsigned left_out, char *buf, size_t len)
{
	const crm_metric_info *mi = crm_metric_info_of(metric);
	const crm_param *p = &be->param;
	int rate = p->unit == CRM_UNIT_RATE;
	const char *name = param_words(p);
	char t[64], pct[64], to[64], from[64];

	if (no_breakeven(be, mi, target, left_out, buf, len))
		return;
	if (p->months) {
		months_meaning(be, mi, target, buf, len);
		return;
	}
	const char *dir = be->value < p->base ? "fall" : "rise";
	fmt_unit(t, sizeof t, target, mi->unit);
	fmt_param(to, sizeof to, p, be->value);
	fmt_param(from, sizeof from, p, p->base);
	if (isfinite(be->change))
		snprintf(pct, sizeof pct, "%.1f%%", fabs(be->change) * 100);
	if (p->whole) {
		/* The whole value found is at or above the target; its neighbour is below. */
		if (be->at_base.ok && be->at_base.v >= target)
			snprintf(buf, len, "%s is still at or above %s with %s = %.0f, and below it at "
				 "%.0f", short_label(mi), t, name, be->value, be->neighbour);
		else
			snprintf(buf, len, "%s first reaches %s with %s = %.0f (below it at %.0f)",
				 short_label(mi), t, name, be->value, be->neighbour);
	} else {
		/* "X can fall 37% (to ...) before NPV falls to 0": the margin of safety. */
		const char *mdir = be->at_base.ok && be->at_base.v < target ? "rises" : "falls";
		if (rate || !isfinite(be->change))
			snprintf(buf, len, "%s can %s from %s to %s before %s %s to %s", name, dir,
				 from, to, short_label(mi), mdir, t);
		else
			snprintf(buf, len, "%s can %s %s (to %s) before %s %s to %s", name, dir, pct,
				 to, short_label(mi), mdir, t);
	}
	if (be->crossings > 1) {
		size_t n = strlen(buf);
		snprintf(buf + n, len - n, " (%d crossings in the interval; the nearest to the base "
			 "is shown)", be->crossings);
	}
}

/* ------------------------------------------------- the business case in words */

void explain_name(const char *name, char *buf, size_t len)
{
	/* Words people write otherwise than a name in a formula. */
	static const struct { const char *word, *as; } words[] = {
		{ "golive", "go-live" }, { "crm", "CRM" }, { "erp", "ERP" }, { "fte", "FTE" },
		{ "kpi", "KPI" }, { "cpq", "CPQ" }, { "roi", "ROI" }, { "npv", "NPV" },
		{ "sla", "SLA" }, { "pv", "PV" },
	};
	size_t n = 0;

	if (!len)
		return;
	buf[0] = '\0';
	for (const char *p = name; *p;) {
		size_t w = strcspn(p, "_");
		size_t k;
		for (k = 0; k < sizeof words / sizeof *words; k++)
			if (strlen(words[k].word) == w && !strncmp(p, words[k].word, w))
				break;
		if (k < sizeof words / sizeof *words)
			n += (size_t)snprintf(buf + (n < len ? n : len - 1), n < len ? len - n : 1,
					      "%s%s", n ? " " : "", words[k].as);
		else
			n += (size_t)snprintf(buf + (n < len ? n : len - 1), n < len ? len - n : 1,
					      "%s%.*s", n ? " " : "", (int)w, p);
		p += w;
		while (*p == '_')
			p++;
	}
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

void explain_money(char *buf, size_t len, const char *currency, double v)
{
	char n[FMT_NUM_MAX];

	if (fabs(v) >= 1e6)
		snprintf(n, sizeof n, "%.2f million", v / 1e6);
	else
		fmt_money(n, sizeof n, v, 0);
	snprintf(buf, len, "%s %s", currency, n);
}

void explain_discounting(const crm_settings *s, char *buf, size_t len)
{
	char r[32];

	fmt_share(r, sizeof r, s->discount_rate);
	if (s->discounting == CRM_DISCOUNT_DATED)
		snprintf(buf, len, "Dated discounting (XNPV and XIRR, day count ACT/365): every flow "
			 "is discounted to the investment date %04d-%02d-%02d by (1 + %s)^(days/365), "
			 "each period's flows on the day the period ends and a line with a date of its "
			 "own on that day; NPV is the XNPV and IRR the XIRR of those flows, and MIRR "
			 "and the discounted payback follow the same days.", s->start_year,
			 s->start_month, s->start_day ? s->start_day : 1, r);
	else if (s->grid == CRM_GRID_YEAR)
		snprintf(buf, len, "Periodic discounting (the Forrester TEI convention): Initial, "
			 "month 0, is the investment date and is not discounted; Year k is discounted "
			 "at its end by (1 + %s)^k.", r);
	else
		snprintf(buf, len, "Periodic discounting (the Forrester TEI convention): Initial, "
			 "month 0, is the investment date and is not discounted; month m is discounted "
			 "at its end by (1 + %s)^(m/12); IRR and MIRR are annual rates.", r);
}

void explain_tax_basis(const crm_case *c, char *buf, size_t len)
{
	const crm_settings *s = &c->sc->settings;
	char r[32], when[64];

	if (!c->has_tax) {
		snprintf(buf, len, "The figures are before tax: the scenario sets no tax rate.");
		return;
	}
	fmt_share(r, sizeof r, s->tax_rate);
	if (s->tax_lag_years == 0)
		snprintf(when, sizeof when, "at the end of the same year");
	else
		snprintf(when, sizeof when, "%d year%s later", s->tax_lag_years,
			 s->tax_lag_years == 1 ? "" : "s");
	snprintf(buf, len, "The figures come after tax at %s of each year's profit (benefits less "
		 "expensed costs less depreciation), paid %s; the figures before tax are beside "
		 "them.", r, when);
}

void explain_tax_effect(const crm_case *c, char *buf, size_t len)
{
	const crm_metrics *b = &c->m, *a = &c->at.metrics;
	const char *cur = c->sc->settings.currency;
	char r[32], na[96], nb[96], ra[32], rb[32];

	if (!len)
		return;
	buf[0] = '\0';
	if (!c->has_tax)
		return;
	fmt_share(r, sizeof r, c->sc->settings.tax_rate);
	explain_money(na, sizeof na, cur, a->npv);
	explain_money(nb, sizeof nb, cur, b->npv);
	if ((a->npv < 0) != (b->npv < 0)) {
		snprintf(buf, len, "Tax turns the decision: NPV is %s before tax and %s after tax at "
			 "%s.", nb, na, r);
	} else {
		snprintf(buf, len, "Tax at %s takes NPV from %s before tax to %s after tax", r, nb,
			 na);
		if (a->roi_ok && b->roi_ok) {
			snprintf(ra, sizeof ra, "%.1f%%", 100 * a->roi);
			snprintf(rb, sizeof rb, "%.1f%%", 100 * b->roi);
			crm_appendf(buf, len, ", and ROI from %s to %s", rb, ra);
		}
		crm_appendf(buf, len, ".");
	}
}

void explain_hard_soft(const crm_case *c, char *buf, size_t len)
{
	const char *cur = c->sc->settings.currency;
	double all = c->pv_hard + c->pv_soft;
	char h[96], share[32];

	if (!len)
		return;
	buf[0] = '\0';
	if (!(c->pv_soft > 0) || !(all > 0))
		return;
	explain_money(h, sizeof h, cur, c->npv_hard);
	snprintf(share, sizeof share, "%.0f%%", 100 * c->pv_soft / all);
	if (c->npv_hard < 0)
		snprintf(buf, len, "On hard benefits alone (cash and cost reduction) NPV is %s: the "
			 "case rests on productivity and cost avoidance, %s of the benefits' present "
			 "value, which become cash only when the time freed is put to paid work or "
			 "the spending avoided would really have come.", h, share);
	else
		snprintf(buf, len, "Hard benefits alone (cash and cost reduction) pay for the costs: "
			 "NPV on them is %s; productivity and cost avoidance, %s of the benefits' "
			 "present value, come on top.", h, share);
}

/* ------------------------------------------------------- the document's words */

void explain_gate_for_people(const crm_scenario *sc, size_t g, char *buf, size_t len)
{
	const crm_group *grp = &sc->groups[g];
	char name[128], p[32], q[32], when[96], m[64];
	size_t k = 0, ncost = 0, nbenefit = 0;

	explain_name(grp->name, name, sizeof name);
	explain_percent(p, sizeof p, grp->probability);
	explain_percent(q, sizeof q, 1 - grp->probability);
	if (grp->first_month == 0) {
		snprintf(when, sizeof when, "at the start (month 0)");
	} else {
		crm_track_month_label(sc, grp->first_month, m, sizeof m);
		snprintf(when, sizeof when, "in %s", m);
	}
	buf[0] = '\0';
	if (grp->probability < 1)
		crm_appendf(buf, len, "%s: a %s chance, decided %s, the first month of its lines (",
			    name, p, when);
	else
		crm_appendf(buf, len, "%s: lines that happen together, from %s (", name, when);
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].group == (int)g) {
			crm_appendf(buf, len, "%s%s", k++ ? ", " : "", sc->lines[l].label);
			ncost += sc->lines[l].kind == CRM_COST;
			nbenefit += sc->lines[l].kind == CRM_BENEFIT;
		}
	if (grp->probability >= 1)
		crm_appendf(buf, len, "). No probability is given, so they happen for sure.");
	else if (ncost && nbenefit)
		crm_appendf(buf, len, "). The expected figures count them at %s of their amounts; in "
			    "the simulation they are drawn together, so with a %s chance none of their "
			    "costs or benefits happen.", p, q);
	else
		crm_appendf(buf, len, "). The expected figures count them at %s of their amounts; in "
			    "the simulation they are drawn together, so with a %s chance none of them "
			    "happens. The group holds no %s.", p, q, ncost ? "benefits" : "costs");
}

void explain_percent(char *buf, size_t len, double fraction)
{
	char n[32];

	snprintf(n, sizeof n, "%.2f", fraction * 100);
	/* At most two decimals, without the zeros a point leaves at its end: 70%, 12.5%. */
	char *dot = strchr(n, '.');
	if (dot) {
		char *e = n + strlen(n);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
	}
	snprintf(buf, len, "%s%%", strcmp(n, "-0") ? n : "0");
}

void explain_words_of_names(char *s)
{
	for (; *s; s++)
		if (*s == '_')
			*s = ' ';
}
