/*
 * html_options.c - the document's deployment options, like with like: each
 * option expected (risk-adjusted, gates at their probability) and before any
 * risk (the case's unrisked plan), its risk range from a simulation with the
 * same seed, MIRR, the benefit-cost ratio and NPV on hard benefits, peak
 * funding by month in every view and for each gate's two outcomes, the NPV
 * of each difference, their cumulative cash flows, what each alternative
 * changes in settings and lines, and the recommendation the figures
 * support: on the proposal, and when another option leads, what its lead
 * rests on (for options with the same benefits, the part that is
 * contingency and the part that is costs as planned).
 *
 * Not the comparison's arithmetic: the difference's NPV comes from the core
 * (crm_incremental) in the html_case, every other figure from the cases and
 * simulations the front end handed over. The probability that an option has
 * the highest NPV comes from the options simulated on common draws
 * (crmroi/joint.h), in html_case.p_best.
 */
#include "html_priv.h"
#include "explain.h"
#include "headline.h"

#include <math.h>
#include <string.h>

static const crm_line *find_line(const crm_scenario *sc, const char *label)
{
	for (size_t l = 0; l < sc->nlines; l++)
		if (!strcmp(sc->lines[l].label, label))
			return &sc->lines[l];
	return NULL;
}

/* What differs between the proposal's lines and an alternative's. */
static const char *group_of(const crm_scenario *sc, const crm_line *ln)
{
	return ln->group >= 0 ? sc->groups[ln->group].name : "none";
}

/* A line's group for people: "in the gate Rollout", "in the group Pilot", "in no group". */
static void group_words(FILE *fp, const crm_scenario *sc, const crm_line *ln)
{
	char name[128];

	if (ln->group < 0) {
		fputs("in no group", fp);
		return;
	}
	explain_name(sc->groups[ln->group].name, name, sizeof name);
	fputs(sc->groups[ln->group].probability < 1 ? "in the gate " : "in the group ", fp);
	html_text(fp, name);
}

static void line_changes(FILE *fp, const crm_scenario *xs, const crm_line *x,
			 const crm_scenario *ys, const crm_line *y)
{
	const char *sep = ":";
	char a[32], b[32];

#define CHANGE(cond, ...) do { if (cond) { fprintf(fp, "%s ", sep); __VA_ARGS__; sep = ";"; } } while (0)
	CHANGE(strcmp(x->value_text, y->value_text), fputs("value ", fp);
	       html_formula_words(fp, xs, x->value_text); fputs(" instead of ", fp);
	       html_formula_words(fp, ys, y->value_text));
	CHANGE(x->timing != y->timing, fprintf(fp, "%s instead of %s", crm_timing_name(x->timing),
					       crm_timing_name(y->timing)));
	CHANGE(x->start != y->start, fprintf(fp, "from month %d instead of %d", x->start, y->start));
	CHANGE(x->end_given != y->end_given, fprintf(fp, "to month %d instead of %d", x->end,
						     y->end));
	CHANGE(x->ramp != y->ramp || (x->ramp && x->curve != y->curve),
	       fprintf(fp, "full effect over %d months (%s) instead of %d (%s)", x->ramp,
		       crm_curve_name(x->curve), y->ramp, crm_curve_name(y->curve)));
	fmt_share(a, sizeof a, x->growth);
	fmt_share(b, sizeof b, y->growth);
	CHANGE(x->growth != y->growth, fprintf(fp, "growth %s instead of %s", a, b));
	fmt_share(a, sizeof a, x->risk);
	fmt_share(b, sizeof b, y->risk);
	CHANGE((x->risk_given || y->risk_given) && x->risk != y->risk,
	       fprintf(fp, "risk %s instead of %s", a, b));
	fmt_share(a, sizeof a, x->probability);
	fmt_share(b, sizeof b, y->probability);
	CHANGE(x->probability != y->probability, fprintf(fp, "probability %s instead of %s", a, b));
	char cx[64], cy[64];
	snprintf(cx, sizeof cx, "%s", crm_class_name(x->cls));
	snprintf(cy, sizeof cy, "%s", crm_class_name(y->cls));
	explain_words_of_names(cx);
	explain_words_of_names(cy);
	CHANGE(x->kind == CRM_BENEFIT && x->cls != y->cls,
	       fprintf(fp, "class %s instead of %s", cx, cy));
	CHANGE(strcmp(group_of(xs, x), group_of(ys, y)), group_words(fp, xs, x); fputs(" instead of ", fp);
	       group_words(fp, ys, y));
#undef CHANGE
}

static int line_differs(const crm_scenario *xs, const crm_line *x, const crm_scenario *ys,
			const crm_line *y)
{
	return strcmp(x->value_text, y->value_text) || x->timing != y->timing ||
	       (x->kind == CRM_BENEFIT && x->cls != y->cls) ||
	       strcmp(group_of(xs, x), group_of(ys, y)) ||
	       x->start != y->start || x->end_given != y->end_given || x->ramp != y->ramp ||
	       (x->ramp && x->curve != y->curve) || x->growth != y->growth ||
	       ((x->risk_given || y->risk_given) && x->risk != y->risk) ||
	       x->probability != y->probability;
}

static void setting_change(FILE *fp, const char *what, double x, double y, int *any)
{
	char a[32], b[32];

	if (x == y)
		return;
	fmt_share(a, sizeof a, x);
	fmt_share(b, sizeof b, y);
	fprintf(fp, "<li>%s: %s instead of %s.</li>\n", what, a, b);
	*any = 1;
}

static void differences(FILE *fp, const html_case *p, const html_case *a)
{
	const crm_scenario *ps = p->r.sc, *as = a->r.sc;
	const crm_settings *x = &as->settings, *y = &ps->settings;
	int any = 0;

	fputs("<ul class=\"diff\">\n", fp);
	if (x->horizon_years != y->horizon_years) {
		fprintf(fp, "<li>Horizon: %d years instead of %d.</li>\n", x->horizon_years,
			y->horizon_years);
		any = 1;
	}
	setting_change(fp, "Discount rate", x->discount_rate, y->discount_rate, &any);
	setting_change(fp, "Default benefit risk", x->benefit_risk, y->benefit_risk, &any);
	setting_change(fp, "Default cost risk", x->cost_risk, y->cost_risk, &any);
	for (size_t l = 0; l < as->nlines; l++) {
		const crm_line *xl = &as->lines[l];
		const crm_line *yl = find_line(ps, xl->label);
		if (yl && !line_differs(as, xl, ps, yl))
			continue;
		any = 1;
		fputs(yl ? "<li>Changes <b>" : "<li>Adds <b>", fp);
		html_text(fp, xl->label);
		fputs("</b>", fp);
		if (yl) {
			line_changes(fp, as, xl, ps, yl);
		} else {
			fputs(": ", fp);
			html_formula_words(fp, as, xl->value_text);
			fputs(", ", fp);
			html_timing_words(fp, xl, 12 * x->horizon_years);
		}
		fputs(".</li>\n", fp);
	}
	for (size_t l = 0; l < ps->nlines; l++)
		if (!find_line(as, ps->lines[l].label)) {
			fputs("<li>Leaves out <b>", fp);
			html_text(fp, ps->lines[l].label);
			fputs("</b>.</li>\n", fp);
			any = 1;
		}
	if (!any)
		fputs("<li>No setting or line differs from the proposal.</li>\n", fp);
	fputs("</ul>\n", fp);
}

/* ------------------------------------------------------- recommendation */

/* Whether the options are compared after tax: when every one has a tax rate. */
static int all_taxed(const html_doc *d)
{
	for (size_t k = 0; k < d->ncases; k++)
		if (!d->cases[k].r.c->has_tax)
			return 0;
	return 1;
}

static const crm_metrics *expected(const html_doc *d, size_t k)
{
	const crm_case *c = d->cases[k].r.c;
	return all_taxed(d) ? &c->at.metrics : &c->m;
}

/*
 * The simulated NPV an option's risk range is read from: after tax when the
 * options are compared after tax, and its probability of a loss.
 */
static const crm_sim_metric *risk_npv(const html_doc *d, size_t k)
{
	return &d->cases[k].sim.metric[all_taxed(d) ? CRM_SIM_AFTER_TAX_NPV : CRM_SIM_NPV];
}

static double risk_loss(const html_doc *d, size_t k)
{
	return all_taxed(d) ? d->cases[k].sim.p_after_tax_negative : d->cases[k].sim.p_npv_negative;
}

/* Tolerance for "the same present value of benefits": half a cent. */
#define SAME_PV_CENTS 0.005

/*
 * Whether options a and b have the same benefit lines: the same labels, and
 * the same present value of benefits before the risk adjustment.
 */
static int same_benefits(const html_case *a, const html_case *b)
{
	const crm_scenario *as = a->r.sc, *bs = b->r.sc;
	size_t na = 0, nb = 0;

	for (size_t l = 0; l < as->nlines; l++) {
		const crm_line *x = &as->lines[l], *y;
		if (x->kind != CRM_BENEFIT)
			continue;
		na++;
		if (!(y = find_line(bs, x->label)) || y->kind != CRM_BENEFIT)
			return 0;
	}
	for (size_t l = 0; l < bs->nlines; l++)
		nb += bs->lines[l].kind == CRM_BENEFIT;
	return na == nb && na > 0 &&
	       fabs(a->r.c->unadjusted.pv_benefits - b->r.c->unadjusted.pv_benefits) <= SAME_PV_CENTS;
}

/* Whether every cost line of sc takes the scenario's default cost risk. */
static int default_cost_risk(const crm_scenario *sc)
{
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].kind == CRM_COST && sc->lines[l].risk_given)
			return 0;
	return 1;
}

/*
 * The cost lines an alternative leaves out of the proposal's, or changes:
 * "it leaves out Go-live support and changes Change management"; "" when none.
 */
static void cost_changes(const crm_scenario *ps, const crm_scenario *as, char *buf, size_t len)
{
	char out[512] = "", changed[512] = "", added[512] = "";
	size_t nout = 0, nchanged = 0, nadded = 0;

	for (size_t l = 0; l < ps->nlines; l++) {
		const crm_line *x = &ps->lines[l], *y = find_line(as, x->label);
		if (x->kind != CRM_COST)
			continue;
		if (!y)
			crm_appendf(out, sizeof out, "%s%s", nout++ ? ", " : "", x->label);
		else if (line_differs(as, y, ps, x))
			crm_appendf(changed, sizeof changed, "%s%s", nchanged++ ? ", " : "", x->label);
	}
	for (size_t l = 0; l < as->nlines; l++)
		if (as->lines[l].kind == CRM_COST && !find_line(ps, as->lines[l].label))
			crm_appendf(added, sizeof added, "%s%s", nadded++ ? ", " : "",
				    as->lines[l].label);
	const char *part[3];
	size_t n = 0;
	char p0[600], p1[600], p2[600];
	if (nout) {
		snprintf(p0, sizeof p0, "leaves out %s", out);
		part[n++] = p0;
	}
	if (nchanged) {
		snprintf(p1, sizeof p1, "changes %s", changed);
		part[n++] = p1;
	}
	if (nadded) {
		snprintf(p2, sizeof p2, "adds %s", added);
		part[n++] = p2;
	}
	buf[0] = '\0';
	for (size_t k = 0; k < n; k++)
		crm_appendf(buf, len, "%s%s", k == 0 ? "it " : k + 1 == n ? " and " : ", ", part[k]);
}

/*
 * What the expected NPV of option b (higher) over the proposal p rests on,
 * in sentences from the two cases' figures: for options with the same
 * benefits, the part that is contingency, the part that is the costs as
 * planned and the part that is the benefits' risk adjustment; otherwise the
 * present values of benefits and costs side by side, and the plan before
 * any risk.
 */
static void rests_on(const html_doc *d, size_t b, char *buf, size_t len)
{
	const html_case *pc = &d->cases[0], *bc = &d->cases[b];
	const crm_case *p = pc->r.c, *q = bc->r.c;
	const char *cur = html_currency(pc);
	char np[128], nb[128], x[96], y[96], z[96];

	html_short_name(np, sizeof np, pc);
	html_short_name(nb, sizeof nb, bc);
	if (same_benefits(pc, bc)) {
		/* Before tax: the split is of the present values the metrics before tax use. */
		double adv = bc->has_inc ? bc->inc.npv : q->m.npv - p->m.npv;
		double cont = (p->m.pv_costs - p->unadjusted.pv_costs) -
			      (q->m.pv_costs - q->unadjusted.pv_costs);
		double planned = p->unadjusted.pv_costs - q->unadjusted.pv_costs;
		double brisk = q->m.pv_benefits - p->m.pv_benefits;
		char part[3][600], cc[512];
		size_t n = 0;
		explain_money(x, sizeof x, cur, adv);
		if (fabs(cont) >= 0.5) {
			explain_money(y, sizeof y, cur, fabs(cont));
			snprintf(part[n], sizeof part[n], "%s of its %s advantage is a %s contingency", y, x,
				 cont > 0 ? "lower" : "higher");
			if (default_cost_risk(pc->r.sc) && default_cost_risk(bc->r.sc) &&
			    pc->r.sc->settings.cost_risk != bc->r.sc->settings.cost_risk) {
				char r1[32], r2[32];
				fmt_share(r1, sizeof r1, bc->r.sc->settings.cost_risk);
				fmt_share(r2, sizeof r2, pc->r.sc->settings.cost_risk);
				crm_appendf(part[n], sizeof part[n], " (%s against %s)", r1, r2);
			}
			n++;
		}
		if (fabs(planned) >= 0.5) {
			explain_money(y, sizeof y, cur, fabs(planned));
			cost_changes(pc->r.sc, bc->r.sc, cc, sizeof cc);
			snprintf(part[n], sizeof part[n], n ? "%s is %s costs as planned%s%s%s" :
				 "%s of its advantage is %s costs as planned%s%s%s", y,
				 planned > 0 ? "lower" : "higher", cc[0] ? " (" : "", cc, cc[0] ? ")" : "");
			n++;
		}
		if (fabs(brisk) >= 0.5) {
			explain_money(y, sizeof y, cur, fabs(brisk));
			snprintf(part[n], sizeof part[n], n ? "%s is %s risk adjustment of the benefits" :
				 "%s of its advantage is %s risk adjustment of the benefits", y,
				 brisk > 0 ? "a lower" : "a higher");
			n++;
		}
		char parts[2000] = "";
		for (size_t k = 0; k < n; k++)
			crm_appendf(parts, sizeof parts, "%s%s", k == 0 ? "" : k + 1 == n ? ", and " : ", ",
				    part[k]);
		buf[0] = '\0';   /* names of any length: appended, cut at len */
		crm_appendf(buf, len, "%s differs from %s only in its costs and risk settings: %s.", nb,
			    np, parts);
		if (d->ncases > 0 && pc->has_p_best && pc->p_best == 0) {
			html_sim_share(z, sizeof z, pc->p_best, pc->p_best_draws);
			crm_appendf(buf, len, " %s has the highest NPV in %s as a consequence: on common "
				    "draws the two share their benefits, and %s's costs are the higher.",
				    np, z, np);
		}
		return;
	}
	explain_money(x, sizeof x, cur, q->m.pv_benefits);
	explain_money(y, sizeof y, cur, p->m.pv_benefits);
	snprintf(buf, len, "The difference rests on benefits and costs alike: %s has benefits of %s "
		 "in present value against %s", nb, x, y);
	explain_money(x, sizeof x, cur, q->m.pv_costs);
	explain_money(y, sizeof y, cur, p->m.pv_costs);
	crm_appendf(buf, len, ", and costs of %s against %s (risk-adjusted, before tax)", x, y);
	explain_money(x, sizeof x, cur, q->unrisked.npv);
	explain_money(y, sizeof y, cur, p->unrisked.npv);
	crm_appendf(buf, len, "; before any risk its NPV is %s against %s%s.", x, y,
		    q->unrisked.npv > p->unrisked.npv ? "" : ", so its lead rests on the risk "
		    "adjustments and gates");
}

void html_options_recommendation(const html_doc *d, char *buf, size_t len)
{
	const char *cur = html_currency(&d->cases[0]);
	const char *after = all_taxed(d) ? " after tax" : "";
	size_t best = 0, second = d->ncases, safest = d->ncases, first_unrisked = 0;
	char nb[128], n2[128], np[128], a[96], b[96], p[64], q[64];

	for (size_t k = 1; k < d->ncases; k++) {
		if (expected(d, k)->npv > expected(d, best)->npv)
			best = k;
		if (d->cases[k].r.c->unrisked.npv > d->cases[first_unrisked].r.c->unrisked.npv)
			first_unrisked = k;
	}
	for (size_t k = 0; k < d->ncases; k++) {
		if (k != best && (second == d->ncases || expected(d, k)->npv > expected(d, second)->npv))
			second = k;
		const html_case *hc = &d->cases[k];
		if (hc->simulated && (safest == d->ncases || risk_loss(d, k) < risk_loss(d, safest)))
			safest = k;
	}
	const html_case *bc = &d->cases[best];
	html_short_name(nb, sizeof nb, bc);
	html_short_name(np, sizeof np, &d->cases[0]);
	explain_money(a, sizeof a, cur, expected(d, best)->npv);
	if (!(expected(d, best)->npv > 0)) {
		snprintf(buf, len, "Do not approve %s (the proposal): none of the options creates value "
			 "in expectation; the least negative, %s, has an expected NPV%s of %s. Rework the "
			 "options before approving one.", np, nb, after, a);
		return;
	}
	if (best == 0) {
		snprintf(buf, len, "Approve %s (the proposal): it has the highest expected NPV%s, %s", nb,
			 after, a);
		if (second < d->ncases) {
			html_short_name(n2, sizeof n2, &d->cases[second]);
			explain_money(b, sizeof b, cur, expected(d, second)->npv);
			crm_appendf(buf, len, ", against %s for %s", b, n2);
		}
	} else {
		/* The decision requested is the proposal's: say why another option leads, and what to do. */
		explain_money(b, sizeof b, cur, expected(d, 0)->npv);
		snprintf(buf, len, "Do not approve %s (the proposal) as it stands: %s has a higher "
			 "expected NPV%s, %s against %s", np, nb, after, a, b);
	}
	/* A tie with the best option is no lower probability. */
	if (safest < d->ncases && bc->simulated && !(risk_loss(d, safest) < risk_loss(d, best)))
		safest = best;
	if (safest < d->ncases && bc->simulated) {
		html_sim_share(p, sizeof p, risk_loss(d, best), risk_npv(d, best)->defined);
		int tie = 0;
		for (size_t k = 0; k < d->ncases; k++)
			tie |= k != best && d->cases[k].simulated && risk_loss(d, k) == risk_loss(d, best);
		if (safest == best && tie) {
			crm_appendf(buf, len, ", and no option has a lower probability of a loss%s (%s)",
				    after, p);
		} else if (safest == best) {
			crm_appendf(buf, len, ", and the lowest probability of a loss%s, %s", after, p);
		} else {
			const html_case *sc = &d->cases[safest];
			html_short_name(n2, sizeof n2, sc);
			html_sim_share(q, sizeof q, risk_loss(d, safest), risk_npv(d, safest)->defined);
			crm_appendf(buf, len, "; %s has a lower probability of a loss%s (%s against %s)",
				    n2, after, q, p);
		}
	}
	if (bc->has_p_best && !(best != 0 && same_benefits(&d->cases[0], bc))) {
		html_sim_share(p, sizeof p, bc->p_best, bc->p_best_draws);
		crm_appendf(buf, len, "; on common random draws (the same uncertain values for every "
			    "option) %s has the highest NPV %s in %s%s", nb,
			    all_taxed(d) ? "after tax" : "before tax", p,
			    strstr(p, "draws") ? "" : " of them");
	}
	crm_appendf(buf, len, ".");
	if (best != 0) {
		char why[2048];
		rests_on(d, best, why, sizeof why);
		crm_appendf(buf, len, " %s", why);
		explain_money(b, sizeof b, cur, bc->r.c->m.total_costs);
		if (same_benefits(&d->cases[0], bc))
			crm_appendf(buf, len, " Approve %s only if the costs and the risk it carries "
				    "beyond %s are needed; otherwise put %s (%s of spending) to the board "
				    "instead.", np, nb, nb, b);
		else
			crm_appendf(buf, len, " Put %s (%s of spending) to the board instead, unless "
				    "%s has a merit the figures do not show.", nb, b, np);
	}
	for (size_t g = 0; g < bc->r.c->ngates; g++) {
		const crm_case_gate *gt = &bc->r.c->gates[g];
		char name[128], pr[32];
		explain_name(bc->r.sc->groups[gt->group].name, name, sizeof name);
		html_pct(pr, sizeof pr, gt->probability);
		explain_money(a, sizeof a, cur, gt->go.npv);
		explain_money(b, sizeof b, cur, gt->stop.npv);
		crm_appendf(buf, len, " Its expected NPV counts the gate %s at %s: if it goes ahead "
			    "NPV is %s, if it stops %s (before tax).", name, pr, a, b);
	}
	if (first_unrisked != best) {
		html_short_name(n2, sizeof n2, &d->cases[first_unrisked]);
		explain_money(a, sizeof a, cur, d->cases[first_unrisked].r.c->unrisked.npv);
		crm_appendf(buf, len, " Before any risk %s would lead (NPV %s before tax): the choice "
			    "rests on the risk adjustments and gates.", n2, a);
	}
}

/* ------------------------------------------------------------ the section */

enum {
	O_NPV, O_NPV_AT, O_HARD, O_ROI, O_IRR, O_MIRR, O_PAYBACK, O_PVB, O_PVC, O_BCR, O_COSTS,
	O_PEAK, O_PEAK_MONTH,
	U_NPV, U_ROI, U_PVC, U_COSTS, U_PEAK, U_PEAK_MONTH,
	S_P10, S_P50, S_P90, S_LOSS, S_BEST,
	D_NPV, NROWS
};

static void option_cell(char *b, size_t len, const html_doc *d, size_t k, int row)
{
	const html_case *hc = &d->cases[k];
	const crm_case *c = hc->r.c;
	const crm_metrics *m = &c->m, *u = &c->unrisked;
	const crm_sim_metric *s = risk_npv(d, k);

	b[0] = '\0';
	switch (row) {
	case O_NPV: html_figure(b, len, HEADLINE_MONEY, 1, m->npv); break;
	case O_NPV_AT: html_figure(b, len, HEADLINE_MONEY, c->has_tax, c->at.metrics.npv); break;
	case O_HARD: html_figure(b, len, HEADLINE_MONEY, 1, c->npv_hard); break;
	case O_ROI: html_figure(b, len, HEADLINE_PERCENT, m->roi_ok, m->roi); break;
	case O_IRR: html_figure(b, len, HEADLINE_PERCENT, m->irr_ok, m->irr_value); break;
	case O_MIRR: html_figure(b, len, HEADLINE_PERCENT, m->mirr_ok, m->mirr); break;
	case O_BCR: html_figure(b, len, HEADLINE_RATIO, m->bcr_ok, m->bcr); break;
	case O_PAYBACK:
		html_payback_cell(b, len, c->sc, &m->payback);
		break;
	case O_PVB: html_figure(b, len, HEADLINE_MONEY, 1, m->pv_benefits); break;
	case O_PVC: html_figure(b, len, HEADLINE_MONEY, 1, m->pv_costs); break;
	case O_COSTS: html_figure(b, len, HEADLINE_MONEY, 1, m->total_costs); break;
	case O_PEAK: html_figure(b, len, HEADLINE_MONEY, 1, -c->peak_funding); break;
	case O_PEAK_MONTH:
		if (c->peak_funding < 0)
			snprintf(b, len, "month %d", c->peak_month);
		break;
	case U_NPV: html_figure(b, len, HEADLINE_MONEY, 1, u->npv); break;
	case U_ROI: html_figure(b, len, HEADLINE_PERCENT, u->roi_ok, u->roi); break;
	case U_PVC: html_figure(b, len, HEADLINE_MONEY, 1, u->pv_costs); break;
	case U_COSTS: html_figure(b, len, HEADLINE_MONEY, 1, u->total_costs); break;
	case U_PEAK: html_figure(b, len, HEADLINE_MONEY, 1, -c->unrisked_peak.funding); break;
	case U_PEAK_MONTH:
		if (c->unrisked_peak.funding < 0)
			snprintf(b, len, "month %d", c->unrisked_peak.month);
		break;
	case S_P10: case S_P50: case S_P90:
		if (hc->simulated)
			html_figure(b, len, HEADLINE_MONEY, 1, s->pct[row == S_P10 ? 1 : row == S_P50
								   ? 3 : 5]);
		break;
	case S_LOSS:
		if (hc->simulated)
			html_sim_share(b, len, risk_loss(d, k), s->defined);
		break;
	case S_BEST:
		if (hc->has_p_best)
			html_sim_share(b, len, hc->p_best, hc->p_best_draws);
		break;
	default:
		if (k > 0)
			html_figure(b, len, HEADLINE_MONEY, hc->has_inc, hc->inc.npv);
		break;
	}
}

static void group_row(FILE *fp, const html_doc *d, const char *title)
{
	fprintf(fp, "<tr class=\"group\"><th colspan=\"%zu\">", d->ncases + 1);
	html_text(fp, title);
	fputs("</th></tr>\n", fp);
}

static void options_table(FILE *fp, const html_doc *d)
{
	static const char *const labels[NROWS] = {
		"NPV", "NPV after tax", "NPV, hard benefits only", "ROI (TEI)", "IRR", "MIRR",
		"Payback", "PV of benefits", "PV of costs", "Benefit-cost ratio", "Total costs",
		"Peak funding", "Peak funding reached in",
		"NPV", "ROI (TEI)", "PV of costs", "Total costs", "Peak funding",
		"Peak funding reached in",
		"P10", "P50 (median)", "P90", "P(NPV < 0)", "Probability of the highest NPV",
		"NPV of the difference",
	};
	int any_tax = 0, any_sim = 0, any_best = 0;
	char b[96], title[256];

	for (size_t k = 0; k < d->ncases; k++) {
		any_tax |= d->cases[k].r.c->has_tax;
		any_sim |= d->cases[k].simulated;
		any_best |= d->cases[k].has_p_best;
	}
	fputs("<table class=\"num options\">\n<thead><tr><th></th>", fp);
	for (size_t k = 0; k < d->ncases; k++) {
		html_short_name(b, sizeof b, &d->cases[k]);
		fputs("<th class=\"n\">", fp);
		html_text(fp, b);
		if (k == 0)
			fputs("<span class=\"src\">the proposal</span>", fp);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (int row = 0; row < NROWS; row++) {
		if (row == O_NPV)
			group_row(fp, d, "Expected: risk-adjusted, each gate and risk event at its "
				  "probability");
		if (row == U_NPV)
			group_row(fp, d, "Before any risk: no risk adjustment, every gate going ahead "
				  "(before tax)");
		if (row == S_P10) {
			if (!any_sim)
				row = D_NPV;
			else {
				fmt_money(b, sizeof b, (double)d->draws, 0);
				snprintf(title, sizeof title, "Risk range of NPV %s: %s draws with "
					 "seed %llu for every option", all_taxed(d) ? "after tax" :
					 "before tax", b, (unsigned long long)d->seed);
				group_row(fp, d, title);
			}
		}
		if (row == D_NPV)
			group_row(fp, d, "Compared with the proposal");
		if ((row == O_NPV_AT && !any_tax) || (row == S_BEST && !any_best))
			continue;
		fprintf(fp, "<tr%s><th>", row == O_NPV || row == U_NPV ? " class=\"key\"" : "");
		html_text(fp, labels[row]);
		fputs("</th>", fp);
		for (size_t k = 0; k < d->ncases; k++) {
			option_cell(b, sizeof b, d, k, row);
			fprintf(fp, "<td class=\"n\">%s</td>", b);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
	fputs("<p class=\"small\">Expected figures weight a gate or risk event by its probability, "
	      "as the proposal's first page does; before any risk, every gate and event goes ahead "
	      "and no risk adjustment applies, so options with and without gates compare like "
	      "with like. Peak funding is the lowest point of the cumulative net cash flow month "
	      "by month, in every view and for each gate's outcomes alike. NPV on hard benefits "
	      "counts cash and cost reduction alone against all the costs. The difference is the "
	      "option's cash flows minus the proposal's, period by period.", fp);
	if (all_taxed(d))
		fputs(" NPV after tax, the risk range and the probability of the highest NPV after "
		      "tax, each option with its own tax rate; every other figure before tax.", fp);
	else if (any_tax)
		fputs(" NPV after tax where an option has a tax rate; every other figure before tax, "
		      "the risk range too, since not every option has a tax rate.", fp);
	fputs("</p>\n", fp);
}

/*
 * Which option is better in (nearly) every world, in words: each pair where
 * one dominates the other on the common draws, and how much worse it can
 * still be in one draw.
 */
static void dominance_para(FILE *fp, const html_doc *d)
{
	const crm_joint_result *j = &d->joint;
	const char *cur = html_currency(&d->cases[0]);
	char x[128], y[128], a[96], p[64];
	int any = 0;

	if (!d->has_joint || j->ns != d->ncases)
		return;
	for (size_t s = 0; s < j->ns; s++)
		for (size_t t = 0; t < j->ns; t++) {
			size_t k = s * j->ns + t;
			if (s == t || !(j->fsd[k] || j->ssd[k]) || !isfinite(j->worst_shortfall[k]))
				continue;
			fputs(any++ ? " " : "<p><b>In the same draws.</b> ", fp);
			html_short_name(x, sizeof x, &d->cases[s]);
			html_short_name(y, sizeof y, &d->cases[t]);
			explain_money(a, sizeof a, cur, fabs(j->worst_shortfall[k]));
			html_sim_share(p, sizeof p, j->p_beats[k], j->n);
			html_text(fp, x);
			fputs(j->fsd[k] ? " is the better bet than " : " is the safer bet than ", fp);
			html_text(fp, y);
			fputs(j->fsd[k] ? " at every level of outcome (it dominates at first order)" :
			      " for anyone averse to risk (it dominates at second order)", fp);
			if (j->worst_shortfall[k] <= 0) {
				fputs(": it is never worse, and better by at least ", fp);
				html_text(fp, a);
				fputs(".", fp);
			} else {
				fputs(": it has the higher NPV in ", fp);
				html_text(fp, p);
				fputs(" of the draws and is never worse by more than ", fp);
				html_text(fp, a);
				fputs(".", fp);
			}
		}
	if (any)
		fprintf(fp, " (%s on common draws; dominance is read at each percentile and each mean "
			"of the worst draws, within Monte Carlo noise.)</p>\n", all_taxed(d) ?
			"NPV after tax" : "NPV before tax");
}

/* Each gate of each option: its two outcomes. */
static void gates_table(FILE *fp, const html_doc *d)
{
	int any = 0;
	char b[96];

	for (size_t k = 0; k < d->ncases; k++)
		any |= d->cases[k].r.c->ngates > 0;
	if (!any)
		return;
	fputs("<table class=\"num gated\">\n<caption>Gated options: each gate if it goes ahead and if it "
	      "stops (risk-adjusted, before tax; peak funding by month)</caption>\n<thead><tr>"
	      "<th>Option and gate</th><th class=\"n\">Chance</th><th class=\"n\">NPV if it goes "
	      "ahead</th><th class=\"n\">Total costs</th><th class=\"n\">Peak funding</th>"
	      "<th class=\"n\">NPV if it stops</th><th class=\"n\">Total costs</th><th class=\"n\">"
	      "Peak funding</th></tr></thead>\n<tbody>\n", fp);
	for (size_t k = 0; k < d->ncases; k++) {
		const html_case *hc = &d->cases[k];
		for (size_t g = 0; g < hc->r.c->ngates; g++) {
			const crm_case_gate *gt = &hc->r.c->gates[g];
			char name[128], when[64];
			html_short_name(b, sizeof b, hc);
			explain_name(hc->r.sc->groups[gt->group].name, name, sizeof name);
			html_in_month(when, sizeof when, hc->r.sc,
				      hc->r.sc->groups[gt->group].first_month);
			fputs("<tr><th>", fp);
			html_text(fp, b);
			fputs(": ", fp);
			html_text(fp, name);
			fputs("<span class=\"src\">decided ", fp);
			html_text(fp, when);
			fputs("</span></th>", fp);
			fmt_share(b, sizeof b, gt->probability);
			fprintf(fp, "<td class=\"n\">%s</td>", b);
			const crm_metrics *ms[2] = { &gt->go, &gt->stop };
			const crm_peak *pk[2] = { &gt->go_peak, &gt->stop_peak };
			for (int i = 0; i < 2; i++) {
				html_figure(b, sizeof b, HEADLINE_MONEY, 1, ms[i]->npv);
				fprintf(fp, "<td class=\"n\">%s</td>", b);
				html_figure(b, sizeof b, HEADLINE_MONEY, 1, ms[i]->total_costs);
				fprintf(fp, "<td class=\"n\">%s</td>", b);
				html_figure(b, sizeof b, HEADLINE_MONEY, 1, -pk[i]->funding);
				fprintf(fp, "<td class=\"n\">%s</td>", b);
			}
			fputs("</tr>\n", fp);
		}
	}
	fputs("</tbody></table>\n", fp);
}

int html_sec_options(const html_doc *d, FILE *fp)
{
	char b[128], buf[2048];

	if (d->ncases < 2)
		return 0;
	html_section_open(fp, "options", "Options compared like with like");
	fputs("<p>The first option is the proposal; the others are the alternatives it is "
	      "compared with.</p>\n<dl class=\"options\">\n", fp);
	for (size_t k = 0; k < d->ncases; k++) {
		html_short_name(b, sizeof b, &d->cases[k]);
		fputs("<dt>", fp);
		html_text(fp, b);
		fputs(k ? "</dt><dd>" : " (proposal)</dt><dd>", fp);
		html_text(fp, html_case_title(&d->cases[k]));
		fputs("</dd>\n", fp);
	}
	fputs("</dl>\n", fp);
	html_options_recommendation(d, buf, sizeof buf);
	fputs("<p class=\"recommend\"><b>Recommendation:</b> ", fp);
	html_text(fp, buf);
	fputs("</p>\n", fp);
	options_table(fp, d);
	dominance_para(fp, d);
	gates_table(fp, d);
	html_voi(fp, d);
	html_chart_cumulative(fp, d, 1, "Cumulative net cash flow of each option (expected)");
	for (size_t k = 1; k < d->ncases; k++) {
		html_short_name(b, sizeof b, &d->cases[k]);
		fputs("<div class=\"keep\"><h3>", fp);
		html_text(fp, b);
		fputs(" compared with the proposal</h3>\n", fp);
		differences(fp, &d->cases[0], &d->cases[k]);
		fputs("</div>\n", fp);
		if (d->cases[k].r.sc->ngroups) {
			char title[160];
			snprintf(title, sizeof title, "Gates of %s", b);
			html_gates(fp, &d->cases[k], title);
		}
	}
	fputs("</section>\n", fp);
	return 1;
}
