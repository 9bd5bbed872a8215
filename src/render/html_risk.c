/*
 * html_risk.c - the document's risk section: the risks and their mitigations
 * (the largest tornado bars, the gates and the break-even values, each with
 * the owner of its estimate), the gates (groups of lines that happen
 * together), the tornado
 * with the break-even values of the most influential inputs, the simulation
 * with where the base case falls among its draws, and the Sobol indices with
 * their intervals, all before tax and saying so when the case has a tax
 * rate. Also what other sections borrow: a break-even in words, the base
 * case against its simulation, an estimate's owner.
 *
 * Not the analyses themselves: the front end runs them and hands the results
 * over in the html_doc; this only chooses, words and lays them out.
 */
#include "html_priv.h"
#include "explain.h"
#include "headline.h"
#include "simulate_view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Each gate of a case in a sentence (explain_gate), as a list. */
/*
 * A gate that is a decision, in words: on what it is decided, what the
 * option to stop is worth, how often it stops, and NPV with the decision
 * against committing now.
 */
static void gate_decision(FILE *fp, const html_case *hc, const crm_gate_decision *d)
{
	const crm_scenario *sc = hc->r.sc;
	const crm_group *grp = &sc->groups[d->group];
	const char *cur = html_currency(hc);
	char a[96], b[96], c[96], e[96], p[64];

	fputs(" <b>Decided, not only a chance:</b> at its month the roll-out goes ahead only if ", fp);
	for (size_t k = 0; k < grp->ndecide; k++) {
		char lab[256];
		html_input_label(lab, sizeof lab, sc, (size_t)grp->decide[k]);
		if (k)
			fputs(k + 1 == grp->ndecide ? " and " : ", ", fp);
		html_text(fp, lab);
	}
	explain_money(a, sizeof a, cur, d->option);
	explain_money(b, sizeof b, cur, d->option_se);
	explain_money(c, sizeof c, cur, d->decide);
	explain_money(e, sizeof e, cur, d->commit);
	html_sim_share(p, sizeof p, d->p_stop, hc->decide.used);
	fputs(grp->ndecide == 1 ? ", as observed by then, makes" : ", as observed by then, make", fp);
	fputs(" it worth more than stopping. That option to stop is worth ", fp);
	html_text(fp, a);
	fputs(" (give or take ", fp);
	html_text(fp, b);
	fputs("): it stops the roll-out in ", fp);
	html_text(fp, p);
	fputs(" of the draws, and NPV is ", fp);
	html_text(fp, c);
	fputs(" on average with the decision against ", fp);
	html_text(fp, e);
	fputs(" committing now (before tax; estimated by regression across the draws, Longstaff "
	      "and Schwartz 2001).", fp);
}

void html_gates(FILE *fp, const html_case *hc, const char *title)
{
	const crm_scenario *sc = hc->r.sc;
	char buf[2048];

	if (!sc->ngroups)
		return;
	fputs("<h3>", fp);
	html_text(fp, title);
	fputs("</h3>\n<p>Lines of one group happen together: a simulation draws the group once, "
	      "so its costs and its benefits come together or not at all.</p>\n<ul>\n", fp);
	for (size_t g = 0; g < sc->ngroups; g++) {
		explain_gate_for_people(sc, g, buf, sizeof buf);
		fputs("<li>", fp);
		html_text(fp, buf);
		for (size_t k = 0; k < hc->decide.ngates; k++)
			if (hc->decide.gates[k].group == g)
				gate_decision(fp, hc, &hc->decide.gates[k]);
		fputs("</li>\n", fp);
	}
	fputs("</ul>\n", fp);
}

/* ---------------------------------------------------------- break-even words */

void html_breakeven_words(const html_case *hc, const crm_breakeven *be, char *buf, size_t len)
{
	const crm_scenario *sc = hc->r.sc;
	const crm_param *p = &be->param;
	const char *npv = hc->r.c->has_tax ? "NPV (before tax)" : "NPV";
	char lab[256], from[64], to[64];

	html_param_label(lab, sizeof lab, sc, p);
	html_param_value(from, sizeof from, sc, p, p->base);
	html_param_value(to, sizeof to, sc, p, be->value);
	if (p->months) {
		int month = p->months == CRM_PARAM_MONTH;
		/* A base between whole months is the month it rounds to (halves away from zero). */
		double b0 = round(p->base), d = fabs(be->value - b0);
		int later = be->value > b0;
		html_param_value(from, sizeof from, sc, p, b0);
		snprintf(buf, len, "%s can be as %s as %s with %s still at or above zero (%.0f month%s "
			 "%s the base, %s)", lab, month ? (later ? "late" : "early") : (later ? "long"
			 : "short"), to, npv, d, d == 1 ? "" : "s", month ? (later ? "after" : "before")
			 : (later ? "more than" : "less than"), from);
	} else if (html_param_is_percent(sc, p)) {
		char pp[32];
		html_pct(pp, sizeof pp, fabs(be->value - p->base));
		pp[strlen(pp) - 1] = '\0';
		snprintf(buf, len, "%s can %s from %s to %s (%s percentage point%s) before %s reaches "
			 "zero", lab, be->value < p->base ? "fall" : "rise", from, to, pp,
			 !strcmp(pp, "1") ? "" : "s", npv);
	} else if (isfinite(be->change)) {
		snprintf(buf, len, "%s can %s %.0f%%, from %s to %s, before %s reaches zero", lab,
			 be->value < p->base ? "fall" : "rise", fabs(be->change) * 100, from, to, npv);
	} else {
		snprintf(buf, len, "%s can %s from %s to %s before %s reaches zero", lab,
			 be->value < p->base ? "fall" : "rise", from, to, npv);
	}
}

/* ------------------------------------------------ the base against the draws */

/* The base value of a simulated item, when it is a single number. */
static int item_base(const crm_scenario *sc, const crm_uncertain *u, double *out)
{
	const crm_expr *e;

	if (u->kind == CRM_ITEM_INPUT)
		e = sc->inputs[u->index].value;
	else if (u->kind == CRM_ITEM_LINE)
		e = sc->lines[u->index].value;
	else
		return 0;
	if (crm_expr_kind(e) != CRM_VALUE_NUMBER)
		return 0;
	*out = crm_expr_number(e);
	return 1;
}

/* A simulated item's value for a sentence, in its unit. */
static void item_value(char *buf, size_t len, const crm_scenario *sc, const char *cur,
		       const crm_uncertain *u, double v, int mean)
{
	if (u->kind == CRM_ITEM_LINE)          /* a line's amount: money */
		explain_money(buf, len, cur, v);
	else if (u->kind == CRM_ITEM_INPUT && html_input_is_percent(sc, (size_t)u->index))
		html_pct(buf, len, v);
	else if (u->kind == CRM_ITEM_INPUT && (sc->inputs[u->index].timing &
					       (1 << CRM_TIMING_START)))
		snprintf(buf, len, mean ? "%.1f" : "month %.0f", v);
	else if (fabs(v) >= 1000)
		fmt_money(buf, len, v, 0);
	else
		snprintf(buf, len, "%.3g", v);
}

/* How far an item's base lies from its mean, in standard deviations of its distribution. */
static double item_distance(const crm_scenario *sc, const crm_uncertain *u)
{
	double base, sd = sqrt(crm_uncertain_variance(u));

	if (u->dist == CRM_DIST_NONE || !item_base(sc, u, &base) || !(sd > 0))
		return 0;
	return fabs(base - crm_uncertain_mean(u)) / sd;
}

/* Items whose base lies at least this many standard deviations from their mean are named. */
#define BASE_FAR_SD 0.25
#define BASE_FAR_MAX 2

int html_base_rank(const html_case *hc, char *buf, size_t len)
{
	const crm_sim_result *r = &hc->sim;
	const crm_sim_metric *s = &r->metric[CRM_SIM_NPV];
	const crm_scenario *sc = hc->r.sc;
	const char *cur = html_currency(hc);
	char share[64], base[96], med[96];

	if (!hc->simulated || !isfinite(r->reference_share) || !len)
		return 0;
	double q = r->reference_share;
	html_sim_share(share, sizeof share, q, s->defined);
	explain_money(base, sizeof base, cur, hc->r.c->m.npv);
	explain_money(med, sizeof med, cur, s->pct[3]);
	if (q >= 0.4 && q <= 0.6) {
		snprintf(buf, len, "The base case sits in the middle of its own simulation: its NPV, "
			 "%s, is above %s of the draws (median %s).", base, share, med);
		return 1;
	}
	snprintf(buf, len, "The base case is %s against its own simulation: its NPV, %s, is above "
		 "%s of the draws, outside P40 to P60 (median %s).", q > 0.6 ? "optimistic" :
		 "pessimistic", base, share, med);
	/* The items whose base is far from their mean, the farthest first. */
	size_t pick[BASE_FAR_MAX], npick = 0;
	for (size_t i = 0; i < r->nitems; i++) {
		double di = item_distance(sc, &r->items[i]);
		if (di < BASE_FAR_SD)
			continue;
		size_t j = npick < BASE_FAR_MAX ? npick++ : BASE_FAR_MAX;
		while (j > 0 && item_distance(sc, &r->items[pick[j - 1]]) < di) {
			if (j < BASE_FAR_MAX)
				pick[j] = pick[j - 1];
			j--;
		}
		if (j < BASE_FAR_MAX)
			pick[j] = i;
	}
	for (size_t k = 0; k < npick; k++) {
		const crm_uncertain *u = &r->items[pick[k]];
		char lab[256], b[96], m[96];
		double bv = 0;
		item_base(sc, u, &bv);
		html_item_label_mid(lab, sizeof lab, sc, u);
		item_value(b, sizeof b, sc, cur, u, bv, 0);
		item_value(m, sizeof m, sc, cur, u, crm_uncertain_mean(u), 1);
		crm_appendf(buf, len, "%s%s at %s against a mean of %s", k == 0 ? " The base takes " :
			    k + 1 == npick ? " and " : ", ", lab, b, m);
	}
	if (npick)
		crm_appendf(buf, len, " over %s range%s.", npick == 1 ? "its" : "their",
			    npick == 1 ? "" : "s");
	return 1;
}

/* --------------------------------------------------------- risks, mitigated */

/* Whether line l's value, timing or adoption uses input i, directly or through other inputs. */
static int expr_uses(const crm_scenario *sc, const crm_expr *e, int i, int depth)
{
	const int *deps;
	size_t n;

	if (!e || depth > 8)
		return 0;
	n = crm_expr_deps(e, &deps);
	for (size_t k = 0; k < n; k++)
		if (deps[k] == i || expr_uses(sc, sc->inputs[deps[k]].value, i, depth + 1))
			return 1;
	return 0;
}

static int line_uses(const crm_scenario *sc, size_t l, int i)
{
	const crm_line *ln = &sc->lines[l];

	if (ln->adoption == i || expr_uses(sc, ln->value, i, 0))
		return 1;
	for (int k = 0; k < 3; k++)
		if (expr_uses(sc, crm_line_timing_expr(ln, k), i, 0))
			return 1;
	return 0;
}

/* KPIs named, at most, for one risk. */
#define PARAM_LINES_MAX 3

const char *html_param_owner(const crm_scenario *sc, const crm_param *p)
{
	if (p->kind == CRM_PARAM_INPUT)
		return sc->inputs[p->index].owner;
	if (p->kind == CRM_PARAM_LINE)
		return sc->lines[p->index].owner;
	return "";
}

size_t html_risks_unowned(const html_case *hc, char *buf, size_t len, size_t *nrisks)
{
	const crm_scenario *sc = hc->r.sc;
	size_t n = 0, k = 0;
	char lab[256];

	buf[0] = '\0';
	for (size_t i = 0; i < hc->ntornado && k < HTML_RISK_ROWS; i++) {
		const crm_tornado_row *t = &hc->tornado[i];
		if (!t->swing_ok || !(t->swing > 0))
			continue;
		k++;
		if (html_param_owner(sc, &t->param)[0])
			continue;
		html_param_label(lab, sizeof lab, sc, &t->param);
		crm_appendf(buf, len, "%s%s", n++ ? ", " : "", lab);
	}
	*nrisks = k;
	return n;
}

/*
 * The KPIs (metrics), without repeats, of the lines a parameter moves, the
 * first PARAM_LINES_MAX and how many more; "" when none.
 */
static void param_kpis(const crm_scenario *sc, const crm_param *p, char *buf,
			size_t len)
{
	const char **seen = malloc((sc->nlines + 1) * sizeof *seen);
	size_t n = 0;

	buf[0] = '\0';
	if (!seen)
		return;
	for (size_t l = 0; l < sc->nlines; l++) {
		if (p->kind == CRM_PARAM_LINE ? (int)l != p->index :
		    p->kind != CRM_PARAM_INPUT || !line_uses(sc, l, p->index))
			continue;
		const char *v = sc->lines[l].metric;
		size_t k;
		for (k = 0; k < n && strcmp(seen[k], v); k++)
			;
		if (v[0] && k == n)
			seen[n++] = v;
	}
	for (size_t k = 0; k < n && k < PARAM_LINES_MAX; k++)
		crm_appendf(buf, len, "%s%s", k ? "; " : "", seen[k]);
	if (n > PARAM_LINES_MAX)
		crm_appendf(buf, len, " and %zu more", n - PARAM_LINES_MAX);
	free(seen);
}

static const crm_tornado_row *tornado_of(const html_case *hc, const crm_param *p)
{
	for (size_t i = 0; i < hc->ntornado; i++)
		if (hc->tornado[i].param.kind == p->kind && hc->tornado[i].param.index == p->index)
			return &hc->tornado[i];
	return NULL;
}

static const crm_breakeven *breakeven_of(const html_case *hc, const crm_param *p)
{
	for (size_t i = 0; i < hc->nbe; i++)
		if (hc->be[i].param.kind == p->kind && hc->be[i].param.index == p->index)
			return hc->be_why[i][0] ? NULL : &hc->be[i];
	return NULL;
}

static void risks_table(FILE *fp, const html_case *hc)
{
	const crm_scenario *sc = hc->r.sc;
	const crm_case *c = hc->r.c;
	const char *cur = html_currency(hc);
	char lab[256], v[96], x[96], buf[1024], kpis[512];
	size_t nrows = 0;

	for (size_t i = 0; i < hc->ntornado && nrows < HTML_RISK_ROWS; i++)
		nrows += hc->tornado[i].swing_ok && hc->tornado[i].swing > 0;
	if (!nrows && !c->ngates)
		return;
	fprintf(fp, "<table class=\"num risks\">\n<caption>Risks and mitigations: the inputs that move "
		"NPV%s most, and the gates</caption>\n<thead><tr><th>Risk</th><th>Exposure</th>"
		"<th>Break-even</th><th>Owner</th><th>Mitigation</th></tr></thead>\n<tbody>\n",
		c->has_tax ? " before tax" : "");
	for (size_t i = 0, k = 0; i < hc->ntornado && k < HTML_RISK_ROWS; i++) {
		const crm_tornado_row *t = &hc->tornado[i];
		const crm_param *p = &t->param;
		if (!t->swing_ok || !(t->swing > 0))
			continue;
		k++;
		int low_worse = t->at_low.v <= t->at_high.v;
		html_param_label(lab, sizeof lab, sc, p);
		fputs("<tr><th>", fp);
		html_text(fp, lab);
		const char *note = p->kind == CRM_PARAM_INPUT ? sc->inputs[p->index].note :
				   p->kind == CRM_PARAM_LINE ? sc->lines[p->index].note : "";
		if (note[0]) {
			fputs("<span class=\"src\">", fp);
			html_text(fp, note);
			fputs("</span>", fp);
		}
		html_param_value(v, sizeof v, sc, p, low_worse ? t->low : t->high);
		explain_money(x, sizeof x, cur, fmin(t->at_low.v, t->at_high.v));
		fputs("</th><td>at ", fp);
		html_text(fp, v);
		fputs(", NPV ", fp);
		html_text(fp, x);
		fputs("</td><td>", fp);
		const crm_breakeven *be = breakeven_of(hc, p);
		if (be && be->status == CRM_BE_FOUND && !p->months) {
			html_param_value(v, sizeof v, sc, p, be->value);
			fputs("NPV 0 at ", fp);
			html_text(fp, v);
		} else if (be && be->status == CRM_BE_FOUND) {
			html_param_value(v, sizeof v, sc, p, be->value);
			fputs("NPV 0 beyond ", fp);
			html_text(fp, v);
		} else if (be) {
			fputs("none in the interval searched", fp);
		}
		param_kpis(sc, p, kpis, sizeof kpis);
		fputs("</td><td>", fp);
		html_text(fp, html_param_owner(sc, p)[0] ? html_param_owner(sc, p) : "not named");
		fputs("</td><td>", fp);
		if (kpis[0]) {
			fputs("Watch ", fp);
			html_text(fp, kpis);
			fputs(" monthly", fp);
		} else {
			fputs("Review at each steering meeting", fp);
		}
		if (be && be->status == CRM_BE_FOUND) {
			html_param_value(v, sizeof v, sc, p, be->value);
			fputs(be->at_base.ok && be->at_base.v < 0 ? "; NPV reaches zero only at " :
			      "; act long before it reaches ", fp);
			html_text(fp, v);
		}
		fputs(".</td></tr>\n", fp);
	}
	for (size_t k = 0; k < c->ngates; k++) {
		const crm_case_gate *g = &c->gates[k];
		const crm_group *grp = &sc->groups[g->group];
		char p[32], when[64];
		explain_name(grp->name, lab, sizeof lab);
		fmt_share(p, sizeof p, g->probability);
		fputs("<tr><th>Gate: ", fp);
		html_text(fp, lab);
		fprintf(fp, " (%s chance)</th><td>if it stops, NPV ", p);
		explain_money(x, sizeof x, cur, g->stop.npv);
		html_text(fp, x);
		fputs("; if it goes ahead, ", fp);
		explain_money(x, sizeof x, cur, g->go.npv);
		html_text(fp, x);
		fputs("</td><td></td><td>", fp);
		const char *owner = sc->lines[grp->first_line].owner;
		html_text(fp, owner[0] ? owner : "not named");
		html_in_month(when, sizeof when, sc, grp->first_month);
		fputs("</td><td>Decide ", fp);
		html_text(fp, when);
		fputs(", before the costs that follow, on the evidence so far.</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
	fputs("<p class=\"small\">Exposure: NPV with the input at the worse end of its range, every "
	      "other at its base. Owner: who answers for the estimate (the owner the scenario gives "
	      "the input, or the line). Mitigation: the KPIs that prove the lines the input moves, "
	      "and the break-even value not to reach.", fp);
	if (c->has_tax)
		fputs(" NPV before tax.", fp);
	fputs("</p>\n", fp);
	(void)buf;
}

/* --------------------------------------------------------- break-even table */

static void breakeven_table(FILE *fp, const html_case *hc)
{
	const crm_scenario *sc = hc->r.sc;
	char b[64], v[64], ch[64], lab[256], buf[1024];

	/* Below zero, the change to break even is an improvement needed, not a margin. */
	int losing = hc->tornado_base.v < 0;
	fprintf(fp, "<table class=\"num\">\n<caption>Break-even values: where NPV%s reaches zero, "
		"each input moved alone</caption>\n<thead><tr><th>Input</th><th class=\"n\">Base "
		"value</th><th class=\"n\">Break-even</th><th class=\"n\">%s</th>"
		"<th>Meaning</th></tr></thead>\n<tbody>\n", hc->r.c->has_tax ? " before tax" : "",
		losing ? "Change needed" : "Margin of safety");
	for (size_t i = 0; i < hc->nbe; i++) {
		const crm_breakeven *be = &hc->be[i];
		const crm_param *p = &be->param;
		html_param_label(lab, sizeof lab, sc, p);
		fputs("<tr><th>", fp);
		html_text(fp, lab);
		fputs("</th>", fp);
		if (p->has_base)
			html_param_value(b, sizeof b, sc, p, p->base);
		else
			snprintf(b, sizeof b, "formula");
		fprintf(fp, "<td class=\"n\">%s</td>", b);
		if (hc->be_why[i][0]) {
			fputs("<td class=\"n\">not searched</td><td class=\"n\">-</td><td>", fp);
			html_text(fp, hc->be_why[i]);
		} else if (be->status == CRM_BE_FOUND) {
			html_param_value(v, sizeof v, sc, p, be->value);
			double b0 = round(p->base), d = fabs(be->value - b0);
			if (p->months)
				snprintf(ch, sizeof ch, "%.0f month%s", d, d == 1 ? "" : "s");
			else if (html_param_is_percent(sc, p) && isfinite(be->change)) {
				/* Percentage points, and the relative change beside them. */
				char pts[32];
				html_pct(pts, sizeof pts, fabs(be->value - p->base));
				pts[strlen(pts) - 1] = '\0';
				snprintf(ch, sizeof ch, "%s points (%.1f%%)", pts, fabs(be->change) * 100);
			} else if (html_param_is_percent(sc, p)) {
				char pts[32];
				html_pct(pts, sizeof pts, fabs(be->value - p->base));
				pts[strlen(pts) - 1] = '\0';
				snprintf(ch, sizeof ch, "%s points", pts);
			}
			else if (isfinite(be->change))
				snprintf(ch, sizeof ch, "%.0f%%", fabs(be->change) * 100);
			else
				snprintf(ch, sizeof ch, "-");
			fprintf(fp, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td>", v, ch);
			if (be->at_base.ok && be->at_base.v < 0) {
				fputs("NPV is below zero now: ", fp);
				html_text(fp, lab);
				fprintf(fp, " must %s to ", be->value < p->base ? "fall" : "rise");
				html_text(fp, v);
				fputs(" for NPV to reach zero", fp);
			} else {
				html_breakeven_words(hc, be, buf, sizeof buf);
				html_text(fp, buf);
			}
			if (p->months && be->at_neighbour.ok) {
				char nb[96], nv[64];
				html_param_value(nv, sizeof nv, sc, p, be->neighbour);
				explain_money(nb, sizeof nb, html_currency(hc), be->at_neighbour.v);
				fputs("; at ", fp);
				html_text(fp, nv);
				fputs(" NPV is ", fp);
				html_text(fp, nb);
			}
		} else {
			char lo[64], hi[64];
			html_param_value(lo, sizeof lo, sc, p, be->lo);
			html_param_value(hi, sizeof hi, sc, p, be->hi);
			fputs("<td class=\"n\">none</td><td class=\"n\">-</td><td>", fp);
			if (be->status == CRM_BE_FLAT)
				fputs("NPV does not depend on it", fp);
			else if (be->status == CRM_BE_NO_BASE)
				fputs("a formula: vary the inputs it uses", fp);
			else {
				const crm_tornado_row *t = tornado_of(hc, p);
				int above = be->at_lo.ok && be->at_hi.ok && be->at_lo.v > 0 &&
					    be->at_hi.v > 0;
				int below = be->at_lo.ok && be->at_hi.ok && be->at_lo.v < 0 &&
					    be->at_hi.v < 0;
				/* The search interval is not a range anyone expects: say which is which. */
				if (t && (above || below) && fmin(t->low, t->high) >= be->lo &&
				    fmax(t->low, t->high) <= be->hi) {
					char rl[64], rh[64];
					html_param_value(rl, sizeof rl, sc, p, fmin(t->low, t->high));
					html_param_value(rh, sizeof rh, sc, p, fmax(t->low, t->high));
					fprintf(fp, "NPV stays %s zero over the input's range, %s to %s, and "
						"beyond: no break-even in the interval searched, %s to %s "
						"(zero to ten times the base, within the values it can take: a "
						"search interval, not a plausible range)", above ? "above" : "below", rl, rh, lo, hi);
				} else {
					fprintf(fp, "NPV %s zero anywhere in the interval searched, %s to "
						"%s (zero to ten times the base, within the values it can take: a "
						"search interval, not a plausible range)", above ? "stays above" : below ?
						"stays below" : "does not reach", lo, hi);
				}
			}
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

/* ------------------------------------------------------------ Sobol indices */

/* An index with its interval: "12% (11% to 14%)", or "< 0.49%" when the interval holds 0. */
static void sobol_cell(FILE *fp, double v, double lo, double hi)
{
	char a[32], b[32], c[32];

	if (!(lo > 0)) {
		html_sig2(c, sizeof c, hi > 0 ? hi : 0);
		fprintf(fp, "<td class=\"n\">&lt; %s</td>", c);
		return;
	}
	html_sig2(a, sizeof a, v);
	html_sig2(b, sizeof b, lo);
	html_sig2(c, sizeof c, hi);
	fprintf(fp, "<td class=\"n\">%s <span class=\"ci\">(%s to %s)</span></td>", a, b, c);
}

static void sobol_table(FILE *fp, const html_case *hc, const html_doc *d)
{
	const crm_sobol_result *s = &hc->sobol;
	size_t *order = malloc((s->nitems + 1) * sizeof *order);
	char lab[256], n[64];
	int above = 0, apart = 0;

	if (!order)
		return;
	for (size_t i = 0; i < s->nitems; i++)
		order[i] = i;
	/* Largest total index first; a stable insertion sort keeps ties in file order. */
	for (size_t i = 1; i < s->nitems; i++) {
		size_t k = order[i], j = i;
		while (j > 0 && s->total[order[j - 1]] < s->total[k]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = k;
	}
	fprintf(fp, "<table class=\"num\">\n<caption>Share of the variance of NPV%s explained by "
		"each uncertain value (Sobol indices, with 95%% intervals)</caption>\n<thead><tr>"
		"<th>Value</th><th class=\"n\">Alone (first order)</th><th class=\"n\">With "
		"interactions (total)</th></tr></thead>\n<tbody>\n",
		hc->r.c->has_tax ? " before tax" : "");
	for (size_t j = 0; j < s->nitems; j++) {
		size_t i = order[j];
		html_item_label(lab, sizeof lab, hc->r.sc, &s->items[i]);
		fputs("<tr><th>", fp);
		html_text(fp, lab);
		/* First order cannot exceed total: an estimate above it is noise, and said so. */
		if (s->first[i] > s->total[i] && s->first_lo[i] > 0) {
			fputs(" *", fp);
			above = 1;
			apart |= s->first_lo[i] > s->total_hi[i];
		}
		fputs("</th>", fp);
		sobol_cell(fp, s->first[i], s->first_lo[i], s->first_hi[i]);
		sobol_cell(fp, s->total[i], s->total_lo[i], s->total_hi[i]);
		fputs("</tr>\n", fp);
	}
	if (s->rest) {
		/* The values without an index of their own, as one group, after them. */
		size_t i = s->nitems;
		fprintf(fp, "<tr><th>The other %zu inputs together</th>", s->rest);
		sobol_cell(fp, s->first[i], s->first_lo[i], s->first_hi[i]);
		sobol_cell(fp, s->total[i], s->total_lo[i], s->total_hi[i]);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
	fmt_money(n, sizeof n, (double)s->n, 0);
	fprintf(fp, "<p class=\"small\">Estimated from %s quasi-random base points (%s sequence, "
		"seed %llu), treating the values as independent; each index with its 95%% bootstrap "
		"interval, to two significant figures. An index whose interval reaches zero is shown "
		"as below its upper end.", n, s->sequence ? s->sequence : "sobol",
		(unsigned long long)d->seed);
	if (s->rest)
		fprintf(fp, " The %zu values whose one-at-a-time swing of NPV is largest have indices "
			"of their own; the other %zu, drawn pseudo-randomly, are estimated together as "
			"one group: alone, their joint share without interactions with the others; "
			"total, with them.", s->nitems, s->rest);
	if (above)
		fprintf(fp, " * The first-order estimate is above the total one, which cannot be in "
			"truth (the total includes the first order): %s", apart ? "the two intervals do "
			"not overlap, so read both as rough for this value." : "the two intervals "
			"overlap, so the difference is sampling noise and both are about the share "
			"shown.");
	fputs("</p>\n", fp);
	free(order);
}

/* Drivers of the worst draws named in the document: at most this many, each shifted at least this far. */
#define WORST_NAMED 3
#define WORST_SHIFT_SD 0.25

/*
 * The bad case in words: the value at risk and expected shortfall of NPV at
 * the first level (one draw in twenty), and what the worst draws have in
 * common (the values whose mean shifts most there).
 */
static void bad_case_para(FILE *fp, const html_case *hc)
{
	const crm_sim_result *r = &hc->sim;
	const crm_sim_metric *s = &r->metric[CRM_SIM_NPV];
	const crm_scenario *sc = hc->r.sc;
	const char *cur = html_currency(hc);
	char var[96], es[96], buf[2048];

	if (!s->defined || !(s->max > s->min) || !isfinite(r->var[0]) || !isfinite(r->es[0]))
		return;
	explain_money(var, sizeof var, cur, r->var[0]);
	explain_money(es, sizeof es, cur, r->es[0]);
	snprintf(buf, sizeof buf, "In the worst %g%% of the draws NPV is at most %s (the value at "
		 "risk at %g%%) and %s on average (the expected shortfall: how bad the bad case is "
		 "when it comes).", r->tail_level[0], var, r->tail_level[0], es);
	/* The values that shift most in the worst draws of the higher level. */
	size_t pick[WORST_NAMED];
	size_t npick = sim_view_drivers(r, WORST_SHIFT_SD, pick, WORST_NAMED);
	for (size_t k = 0; k < npick; k++) {
		const crm_uncertain *u = &r->items[pick[k]];
		char lab[256], t[96], m[96];
		html_item_label_mid(lab, sizeof lab, sc, u);
		if (k == 0)
			crm_appendf(buf, sizeof buf, " The worst %g%% of the draws have ",
				    r->tail_level[CRM_SIM_NTAIL - 1]);
		else
			crm_appendf(buf, sizeof buf, "%s", k + 1 == npick ? " and " : ", ");
		if (u->kind == CRM_ITEM_EVENT) {
			html_pct(t, sizeof t, r->tail_mean[pick[k]]);
			html_pct(m, sizeof m, r->item_mean[pick[k]]);
			crm_appendf(buf, sizeof buf, "%s in %s of them (%s of all draws)", lab, t, m);
		} else {
			int month = u->kind == CRM_ITEM_INPUT &&
				    (sc->inputs[u->index].timing & (1 << CRM_TIMING_START));
			item_value(t, sizeof t, sc, cur, u, r->tail_mean[pick[k]], 1);
			item_value(m, sizeof m, sc, cur, u, r->item_mean[pick[k]], 1);
			crm_appendf(buf, sizeof buf, "%s at %s%s on average (%s in all draws)", lab,
				    month ? "month " : "", t, m);
		}
	}
	if (npick)
		crm_appendf(buf, sizeof buf, ".");
	/* The cash at risk: peak funding by month in the worst draws for funding. */
	const crm_sim_metric *pk = &r->metric[CRM_SIM_PEAK_FUNDING];
	if (pk->computed && pk->defined && isfinite(r->peak_var[0]) && r->peak_var[0] < 0) {
		char pv[96], pe[96], base[96];
		explain_money(pv, sizeof pv, cur, -r->peak_var[0]);
		explain_money(pe, sizeof pe, cur, -r->peak_es[0]);
		explain_money(base, sizeof base, cur, -hc->r.c->peak_funding);
		crm_appendf(buf, sizeof buf, " Funding in the bad case: in the worst %g%% of the draws "
			    "for funding the program has at least %s out at its deepest month, and %s "
			    "on average, against peak funding of %s in the base case.",
			    r->tail_level[0], pv, pe, base);
	}
	fputs("<p><b>The bad case.</b> ", fp);
	html_text(fp, buf);
	fputs("</p>\n", fp);
}

/*
 * The goal seek on a probability, in words: where the probability of a loss
 * reaches 10% for the most influential input, with its Monte Carlo band.
 */
static void goal_para(FILE *fp, const html_case *hc)
{
	const crm_prob_goal *g = &hc->goal;
	const crm_param *p = &hc->goal_param;
	char lab[256], v[96], lo[96], hi[96], base[96], pb[64], tg[64];

	if (!hc->has_goal)
		return;
	html_param_label(lab, sizeof lab, hc->r.sc, p);
	html_pct(tg, sizeof tg, HTML_GOAL_PROBABILITY);
	html_sim_share(pb, sizeof pb, g->p_base, g->n);
	html_param_value(base, sizeof base, hc->r.sc, p, g->base);
	fputs("<p><b>How far before a loss is likely.</b> ", fp);
	if (g->found) {
		html_param_value(v, sizeof v, hc->r.sc, p, g->value);
		html_text(fp, lab);
		fprintf(fp, " at ");
		html_text(fp, v);
		fputs(" (", fp);
		html_text(fp, base);
		fputs(" in the base case) brings the probability of a negative NPV to ", fp);
		html_text(fp, tg);
		fputs(", from ", fp);
		html_text(fp, pb);
		fputs(" at the base", fp);
		if (isfinite(g->value_lo) && isfinite(g->value_hi)) {
			html_param_value(lo, sizeof lo, hc->r.sc, p, g->value_lo);
			html_param_value(hi, sizeof hi, hc->r.sc, p, g->value_hi);
			fputs("; somewhere between ", fp);
			html_text(fp, lo);
			fputs(" and ", fp);
			html_text(fp, hi);
			fputs(" given the simulation's precision", fp);
		}
		fputs(".", fp);
	} else {
		html_param_value(lo, sizeof lo, hc->r.sc, p, g->lo);
		html_param_value(hi, sizeof hi, hc->r.sc, p, g->hi);
		html_text(fp, lab);
		fputs(" anywhere from ", fp);
		html_text(fp, lo);
		fputs(" to ", fp);
		html_text(fp, hi);
		fputs(" does not bring the probability of a negative NPV to ", fp);
		html_text(fp, tg);
		fputs(".", fp);
	}
	fmt_money(v, sizeof v, (double)g->n, 0);
	fprintf(fp, " (The most influential input's value moved, every other uncertain value drawn "
		"as in the simulation: %s draws, the same at each value tried.)</p>\n", v);
}

static int any_risk(const crm_scenario *sc)
{
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].risk != 0)
			return 1;
	return 0;
}

/*
 * With a tax rate the headline is after tax, but the analyses of this
 * section move NPV before tax: say so first, with what the simulation gives
 * after tax.
 */
static void after_tax_note(FILE *fp, const html_case *hc)
{
	const crm_sim_metric *t = &hc->sim.metric[CRM_SIM_AFTER_TAX_NPV];
	const char *cur = html_currency(hc);
	char a[96], b[96], p[64];

	fputs("<p><b>Before tax.</b> Every table and chart of this section (the risks, the tornado, "
	      "the break-even values, the distribution and S-curve of the simulation and the Sobol "
	      "indices) is of NPV before tax.", fp);
	if (hc->simulated && t->computed && t->defined) {
		explain_money(a, sizeof a, cur, t->pct[1]);
		explain_money(b, sizeof b, cur, t->pct[5]);
		html_sim_share(p, sizeof p, hc->sim.p_after_tax_negative, t->defined);
		fputs(" After tax, the same draws give an NPV between ", fp);
		html_text(fp, a);
		fputs(" (P10) and ", fp);
		html_text(fp, b);
		fputs(" (P90), negative in ", fp);
		html_text(fp, p);
		fputs(" of them.", fp);
	}
	fputs("</p>\n", fp);
}

int html_sec_risk(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	char b[64], buf[2048];

	if (!hc->ntornado && !hc->simulated && !hc->r.sc->ngroups)
		return 0;
	html_section_open(fp, "risk", "Risks, sensitivity and simulation");
	if (hc->r.c->has_tax)
		after_tax_note(fp, hc);
	risks_table(fp, hc);
	html_gates(fp, hc, "Gates: lines that happen together");
	if (hc->ntornado) {
		html_chart_tornado(fp, hc);
		if (hc->nbe)
			breakeven_table(fp, hc);
	}
	if (hc->simulated) {
		fmt_money(b, sizeof b, (double)hc->sim.iterations, 0);
		fputs("<h3>Monte Carlo simulation</h3>\n<p>", fp);
		fprintf(fp, "%s draws with seed %llu (the same seed gives the same figures). ", b,
			(unsigned long long)d->seed);
		if (any_risk(hc->r.sc))
			fputs("The simulation is drawn on top of the risk adjustment: every draw is "
			      "risk-adjusted like the tables, so the range shows uncertainty beyond the "
			      "haircuts. ", fp);
		if (html_base_rank(hc, buf, sizeof buf))
			html_text(fp, buf);
		fputs("</p>\n", fp);
		html_chart_histogram(fp, d);
		html_chart_scurve(fp, hc);
		bad_case_para(fp, hc);
		goal_para(fp, hc);
		if (d->ncases == 1)
			html_voi(fp, d);   /* several options: on their page */
		if (hc->sobol.ok)
			sobol_table(fp, hc, d);
		else if (d->sobol_points == 0)
			fputs("<p class=\"small\">No Sobol indices were computed for this document.</p>\n", fp);
	}
	fputs("</section>\n", fp);
	return 1;
}
