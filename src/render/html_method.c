/*
 * html_method.c - the document's closing sections: what NPV leaves out
 * (flexibility, classes --only drops, benefits named without an amount, and
 * how much rests on soft benefits), and the methodology with its glossary
 * (the TEI risk adjustment, the discounting convention and the discount
 * rate, tax, the simulation, the benefit classes; every term the document
 * uses).
 *
 * No figure is computed here: the words come from the scenario's settings
 * and the case's figures.
 */
#include "html_priv.h"
#include "explain.h"

#include <math.h>
#include <string.h>

/* One row of the table of benefits outside NPV. */
static void outside_row(FILE *fp, const html_case *hc, size_t l, const char *why)
{
	const crm_line *ln = &hc->r.sc->lines[l];
	char b[64];

	html_money0(b, sizeof b, hc->r.c->line_pv[l]);
	fputs("<tr><th>", fp);
	html_text(fp, ln->label);
	fprintf(fp, "</th><td class=\"n\">%s</td><td>", b);
	html_text(fp, why);
	fputs("</td><td>", fp);
	html_text(fp, ln->note);
	fputs("</td></tr>\n", fp);
}

int html_sec_flexibility(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	const crm_case *c = hc->r.c;
	size_t nout = 0, nzero = 0;
	char a[96], b[96];

	for (size_t l = 0; l < sc->nlines; l++) {
		if (sc->lines[l].kind != CRM_BENEFIT)
			continue;
		if (!crm_case_line_counted(c, l))
			nout++;
		else if (c->line_total[l] == 0)
			nzero++;
	}
	fputs("<section id=\"flexibility\" class=\"cont\">\n", fp);
	html_elem(fp, "h2", NULL, "Flexibility and benefits not in NPV");
	if (nout) {
		fputs("<table class=\"num\">\n<caption>Benefits the metrics leave out, with their "
		      "risk-adjusted present value</caption>\n<thead><tr><th>Benefit</th>"
		      "<th class=\"n\">Present value</th><th>Why it is left out</th><th>Note</th></tr>"
		      "</thead>\n<tbody>\n", fp);
		for (size_t l = 0; l < sc->nlines; l++)
			if (sc->lines[l].kind == CRM_BENEFIT && !crm_case_line_counted(c, l))
				outside_row(fp, hc, l, sc->lines[l].cls == CRM_CLASS_FLEXIBILITY &&
					    !c->only_given ? "flexibility: the value of an option the "
					    "investment opens, not a planned cash flow" :
					    "its class is left out of this document's figures");
		fputs("</tbody></table>\n", fp);
	} else {
		fputs("<p>The scenario names no flexibility (an option the investment opens, such as "
		      "a later module or market, valued apart from NPV), and its metrics leave no "
		      "benefit out.</p>\n", fp);
	}
	if (nzero) {
		fputs("<p>Named without an amount, so not quantified: ", fp);
		for (size_t l = 0, k = 0; l < sc->nlines; l++)
			if (sc->lines[l].kind == CRM_BENEFIT && crm_case_line_counted(c, l) &&
			    c->line_total[l] == 0) {
				fputs(k++ ? ", " : "", fp);
				html_text(fp, sc->lines[l].label);
			}
		fputs(".</p>\n", fp);
	}
	fputs("<p>Benefits the scenario does not name are not in any figure. ", fp);
	if (c->pv_soft > 0) {
		explain_money(a, sizeof a, html_currency(hc), c->pv_soft);
		explain_money(b, sizeof b, html_currency(hc), c->npv_hard);
		fputs("Productivity and cost avoidance are in NPV at ", fp);
		html_text(fp, a);
		fputs(" of present value, but they become cash only when acted on; without them NPV "
		      "is ", fp);
		html_text(fp, b);
		fputs(".", fp);
	}
	fputs("</p>\n</section>\n", fp);
	return 1;
}

/* A term of the glossary. */
static void term(FILE *fp, const char *t, const char *what)
{
	fputs("<dt>", fp);
	html_text(fp, t);
	fputs("</dt><dd>", fp);
	html_text(fp, what);
	fputs("</dd>\n", fp);
}

int html_sec_method(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	const crm_settings *s = &sc->settings;
	const crm_case *c = hc->r.c;
	int dated = s->discounting == CRM_DISCOUNT_DATED;
	char a[64], b[64], buf[2048];
	explain_classes rc;

	html_section_open(fp, "method", "Methodology and glossary");
	fputs("<h3>Method</h3>\n<ul class=\"method\">\n<li>", fp);
	fmt_share(a, sizeof a, s->benefit_risk);
	fmt_share(b, sizeof b, s->cost_risk);
	if (html_no_risk(c))
		fputs("<b>Risk adjustment (Forrester TEI).</b> None: no line carries a risk, so the "
		      "figures are the estimates as written and the budget has no contingency. Gates "
		      "and risk events count at their probability in the expected figures.</li>\n", fp);
	else
		fprintf(fp, "<b>Risk adjustment (Forrester TEI).</b> Each benefit is reduced by its "
			"risk (%s unless its line says otherwise) and each cost increased by its risk "
			"(%s): the figures are what the case is worth if the estimates prove as "
			"optimistic as past projects' did. The increase of the costs is the contingency "
			"of the budget. Gates and risk events count at their probability in the expected "
			"figures.</li>\n", a, b);
	fputs("<li><b>Discounting.</b> ", fp);
	explain_discounting(s, buf, sizeof buf);
	html_text(fp, buf);
	fputs("</li>\n<li><b>The discount rate.</b> ", fp);
	fmt_share(a, sizeof a, s->discount_rate);
	if (s->discount_rate_note && s->discount_rate_note[0]) {
		fprintf(fp, "%s a year, as the scenario sets it: ", a);
		html_text(fp, s->discount_rate_note);
		fputs(s->discount_rate_note[strlen(s->discount_rate_note) - 1] == '.' ? "" : ".", fp);
	} else {
		fprintf(fp, "%s a year, as the scenario sets it. It stands for what the money would "
			"earn elsewhere at this risk: the company's cost of capital, or its hurdle rate "
			"for projects like this one; the scenario gives no reason of its own.", a);
	}
	const crm_metrics *m = html_head_metrics(hc);
	if (m->irr_ok && m->npv > 0) {
		html_rate(b, sizeof b, m->irr_value);
		fprintf(fp, " The case keeps a positive %s%s at any rate below its %s, %s.",
			dated ? "XNPV" : "NPV", c->has_tax ? " after tax" : "", dated ? "XIRR" : "IRR",
			b);
	}
	fputs("</li>\n<li><b>Tax.</b> ", fp);
	explain_tax_basis(c, buf, sizeof buf);
	html_text(fp, buf);
	fputs("</li>\n<li><b>Benefit classes.</b> ", fp);
	explain_classes_of(sc, c->only_given, 0, &rc);
	html_classes_words(rc.sentence, sizeof rc.sentence);
	html_text(fp, rc.sentence);
	fputs(". Hard benefits (cash, cost reduction) reach the bank; soft ones (productivity, "
	      "cost avoidance) only when acted on; flexibility is kept apart.</li>\n", fp);
	if (hc->simulated) {
		fmt_money(a, sizeof a, (double)hc->sim.iterations, 0);
		fprintf(fp, "<li><b>Simulation.</b> %s Monte Carlo draws with seed %llu, each input "
			"with a range drawn from its distribution (with the correlations the scenario "
			"gives), on top of the risk adjustment; every option is drawn with the same "
			"seed. Shares of draws are given to the digits their sampling error supports.",
			a, (unsigned long long)d->seed);
		if (hc->sobol.ok) {
			fmt_money(b, sizeof b, (double)hc->sobol.n, 0);
			fprintf(fp, " Sobol indices from %s base points, with 95%% bootstrap intervals.",
				b);
		}
		fputs("</li>\n", fp);
	}
	if (s->readiness) {
		explain_readiness(s, buf, sizeof buf);
		fputs("<li><b>Readiness.</b> ", fp);
		html_text(fp, buf);
		fputs("</li>\n", fp);
	}
	fputs("</ul>\n<h3>Glossary</h3>\n<dl class=\"options glossary\">\n", fp);
	term(fp, dated ? "NPV (XNPV)" : "NPV", dated ? "Net present value: the benefits less the "
	     "costs, each flow discounted to the investment date on its own day (XNPV, ACT/365)."
	     : "Net present value: the benefits less the costs, each discounted to the investment "
	     "date at the discount rate.");
	term(fp, "ROI (TEI)", "NPV divided by the present value of the costs, as Forrester's TEI "
	     "studies define it.");
	term(fp, dated ? "IRR (XIRR)" : "IRR", dated ? "The annual rate at which the XNPV is zero "
	     "(XIRR: the flows on their days, ACT/365)." : "Internal rate of return: the annual "
	     "rate at which NPV is zero.");
	term(fp, "MIRR", dated ? "Modified IRR: the return with the negative flows financed and "
	     "the positive ones reinvested at the stated rates, on the same days as the XIRR "
	     "(ACT/365)." : "Modified IRR: the return with the negative flows financed and the "
	     "positive ones reinvested at the stated rates, which IRR takes to be its own.");
	term(fp, "Payback", dated ? "The month in which the cumulative net cash flow reaches zero "
	     "and stays at or above it; discounted payback does the same with the flows discounted "
	     "on their days (XNPV, ACT/365)." : "The month in which the cumulative net cash flow "
	     "reaches zero and stays at or above it; discounted payback does the same with "
	     "discounted flows.");
	term(fp, "Benefit-cost ratio", "The present value of the benefits divided by that of the "
	     "costs.");
	term(fp, "Peak funding", html_dated_lines(sc) ? "The lowest point of the cumulative net "
	     "cash flow at each month's end: the most cash the program has out at a month end. A "
	     "payment on a day of its own counts at the end of its month, so a dip within a month "
	     "is not measured." : "The lowest point of the cumulative net cash flow, month by "
	     "month: the most cash the program has out at any time.");
	/* Only the terms the document uses. */
	int contingency = 0, gates = 0, tornado = 0, simulated = 0, sobol = 0;
	for (size_t k = 0; k < d->ncases; k++) {
		const crm_case *kc = d->cases[k].r.c;
		contingency |= kc->m.total_costs - kc->unadjusted.total_costs > 0.5;
		gates |= kc->ngates > 0;
		simulated |= d->cases[k].simulated;
	}
	tornado = hc->ntornado > 0;
	sobol = hc->sobol.ok;
	if (contingency)
		term(fp, "Contingency", "The risk adjustment of the costs: the amount by which each "
		     "cost is raised by its risk, shown apart from the spending as planned.");
	if (c->pv_soft > 0 || report_classes_shown(&hc->r))
		term(fp, "Hard and soft benefits", "Hard: cash and cost reduction. Soft: productivity "
		     "(hours freed) and cost avoidance (spending that never starts).");
	if (c->cls[CRM_CLASS_FLEXIBILITY].nlines)
		term(fp, "Flexibility", "The value of an option the investment opens, kept out of "
		     "NPV.");
	if (gates)
		term(fp, "Gate", "A group of lines that happen together or not at all, decided at a "
		     "month with a probability: a pilot's go or no-go.");
	if (tornado) {
		term(fp, "Break-even", "The value of one input at which NPV is zero, every other "
		     "input at its base.");
		term(fp, "Tornado", "NPV with each input at the low and the high end of its range, "
		     "the others at their base, the largest swing first.");
	}
	if (simulated)
		term(fp, "P10, P50, P90", "The NPV that 10%, 50% and 90% of the simulated outcomes "
		     "fall below.");
	if (sobol)
		term(fp, "Sobol indices", "The share of the variance of NPV due to one input alone "
		     "(first order) and with its interactions (total).");
	if (dated)
		term(fp, "ACT/365", "The day count of dated discounting: a flow d days after the "
		     "investment date is discounted by (1 + r)^(d/365).");
	fputs("</dl>\n</section>\n", fp);
	return 1;
}
