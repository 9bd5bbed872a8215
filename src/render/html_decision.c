/*
 * html_decision.c - the document's sections on the money behind the
 * decision: the financial summary (cumulative cash flow, costs and benefits
 * by year, the TEI summary table with capital against operating spending,
 * and with a tax rate the tax by year, depreciation, salvage, the after-tax
 * cash flow and the tax left beyond the horizon); and each benefit and each
 * cost line by line, from its inputs through the risk adjustment to its
 * risk-adjusted amount, with the benefits by class, hard and soft.
 *
 * Not the first page (html_summary.c), the budget (html_budget.c), the
 * risk, options or register sections, nor the charts (html_charts.c).
 */
#include "html_priv.h"
#include "calendar.h"
#include "explain.h"
#include "headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * A benefit with an adoption column: its amount before the share of adoption
 * (scaled by `scale`, 1 / (1 - risk) for amounts that are risk-adjusted), and
 * what the share takes off, so that the rows add up to the unadjusted amount
 * `un` (present value `upv`) shown next.
 */
static void adoption_rows(FILE *fp, const report *r, const crm_cashflow *cf, size_t l,
			  double scale, const double *un, double upv)
{
	const crm_line *ln = &r->sc->lines[l];
	int n = r->ncols;
	double *bef = calloc((size_t)n, sizeof *bef), *dif = calloc((size_t)n, sizeof *dif);
	char name[256];
	html_input_label(name, sizeof name, r->sc, (size_t)ln->adoption);
	char *b = malloc(strlen(name) + 64);

	if (bef && dif && b && cf->before_adoption) {
		crm_cashflow view = *cf;
		view.amount = cf->before_adoption;
		report_fold(r, cf->before_adoption + l * (size_t)(cf->nperiods + 1), bef);
		for (int c = 0; c < n; c++) {
			bef[c] *= scale;
			dif[c] = un[c] - bef[c];
		}
		double pv = crm_cashflow_line_pv(&view, l) * scale, tb = report_col_total(r, bef);
		html_period_row(fp, r, NULL, "Before adoption", bef, tb, 1, pv);
		snprintf(b, strlen(name) + 64, "Adoption (share of users: %s)", name);
		html_period_row(fp, r, NULL, b, dif, report_col_total(r, un) - tb, 1, upv - pv);
	}
	free(bef);
	free(dif);
	free(b);
}

static void tei_rows(FILE *fp, const html_case *hc, int unadjusted)
{
	const report *r = &hc->r;
	const crm_cashflow *cf = unadjusted ? hc->r.c->unadjusted_cf : r->c->cf;
	const crm_metrics *m = unadjusted ? &hc->r.c->unadjusted : &r->c->m;
	double *v = calloc((size_t)r->ncols, sizeof *v);

	if (!v)
		return;
	fprintf(fp, "<tr class=\"group\"><th colspan=\"%d\">%s</th></tr>\n", r->ncols + 3,
		unadjusted ? "Before the risk adjustment" : html_no_risk(hc->r.c) ?
		"No risk adjustment set" : "Risk-adjusted");
	report_fold(r, cf->costs, v);
	html_period_row(fp, r, NULL, "Total costs", v, m->total_costs, 1, m->pv_costs);
	if (!unadjusted && html_any_capitalised(r->sc)) {
		for (int cap = 1; cap >= 0; cap--) {
			html_fold_costs(r, cf, cap, v);
			html_period_row(fp, r, "sub", cap ? "of which capital spending (capex)"
					: "of which operating spending (opex)", v,
					report_col_total(r, v), 0, 0);
		}
		report_fold(r, cf->benefits, v);
	} else {
		report_fold(r, cf->benefits, v);
	}
	html_period_row(fp, r, NULL, "Total benefits", v, m->total_benefits, 1, m->pv_benefits);
	report_fold(r, cf->net, v);
	html_period_row(fp, r, "total", "Net cash flow", v, m->total_benefits - m->total_costs, 1,
			m->npv);
	for (int c = 1; c < r->ncols; c++)
		v[c] += v[c - 1];
	html_period_row(fp, r, NULL, "Cumulative net", v, v[r->ncols - 1], 0, 0);
	free(v);
}

/*
 * A row of the tax table: one value per tax year and their total (none for a
 * balance at the year end: stock); left out when all are 0 and !always.
 */
static void tax_row_of(FILE *fp, const char *label, const double *v, int n, int always,
		       const char *cls, int stock)
{
	char b[64];
	double total = 0;
	int any = 0;

	for (int k = 0; k < n; k++) {
		total += v[k];
		any |= v[k] != 0;
	}
	if (!any && !always)
		return;
	fprintf(fp, "<tr%s%s%s><th>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	html_text(fp, label);
	fputs("</th>", fp);
	for (int k = 0; k < n; k++) {
		html_money0(b, sizeof b, v[k]);
		fprintf(fp, "<td class=\"n\">%s</td>", b);
	}
	html_money0(b, sizeof b, total);
	fprintf(fp, "<td class=\"n\">%s</td></tr>\n", stock ? "" : b);
}

static void tax_row(FILE *fp, const char *label, const double *v, int n, int always,
		    const char *cls)
{
	tax_row_of(fp, label, v, n, always, cls, 0);
}

/* The sign convention of every table of profit and tax, as their captions state it. */
#define TAX_SIGNS "charges (depreciation, losses set against profit, tax) are positive " \
	"amounts taken off, a tax saving negative, as in the P&L"

/*
 * The after-tax view: the tax by year with depreciation, losses and salvage,
 * charges positive as in the P&L; the after-tax cash flow built up from the flows
 * before tax, the tax and the salvage, each its own line; the tax beyond.
 */
static void after_tax_html(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	const crm_after_tax *at = &c->at;
	const crm_settings *s = &hc->r.sc->settings;
	const report *r = &hc->r;
	const crm_cashflow *cf = c->cf;
	int n = at->nyears, np = cf->nperiods + 1;
	double *v = calloc((size_t)(n > r->ncols ? n : r->ncols) + 1, sizeof *v);
	double *taxp = calloc((size_t)np, sizeof *taxp), *salp = calloc((size_t)np, sizeof *salp);
	double pv_tax, pv_salvage, tax_total = 0, salvage_total = 0;
	char lab[32], rate[32], b[96], cap[400];

	if (!v || !taxp || !salp)
		goto done;
	fmt_share(rate, sizeof rate, s->tax_rate);
	fprintf(fp, "<h3>Tax by year</h3>\n<table class=\"num%s\">\n<caption>Tax at %s of each "
		"year's profit (%s, risk-adjusted; %s; capital spending and the losses still to carry "
		"are memo amounts)</caption>\n<thead><tr><th>%s</th>", n > 8 ? " wide" : "", rate,
		html_currency(hc), TAX_SIGNS, html_currency(hc));
	for (int k = 1; k <= n; k++) {
		calendar_year_label(s, k, lab, sizeof lab);
		fprintf(fp, "<th class=\"n\">%s</th>", lab);
	}
	fputs("<th class=\"n\">Total</th></tr></thead>\n<tbody>\n", fp);
	tax_row(fp, "Capital spending capitalised (memo)", at->capitalised, n, 1, NULL);
#define FIELD(sign, f) for (int k = 0; k < n; k++) v[k] = (sign) * at->years[k].f
	FIELD(1, profit);
	tax_row(fp, "Profit before depreciation", v, n, 1, NULL);
	FIELD(1, depreciation);
	tax_row(fp, "Less depreciation", v, n, 1, NULL);
	FIELD(1, taxable);
	tax_row(fp, "Taxable profit", v, n, 1, "sub");
	FIELD(1, loss_used);
	tax_row(fp, "Less losses of earlier years set against it", v, n, 0, NULL);
	FIELD(1, loss_carried);
	tax_row_of(fp, "Losses still to carry (at the year end, memo)", v, n, 0, NULL, 1);
	FIELD(1, tax);
	tax_row(fp, "Tax of the year", v, n, 1, NULL);
	FIELD(1, tax_paid);
	tax_row(fp, "Tax paid", v, n, 1, "total");
#undef FIELD
	tax_row(fp, "Salvage received", at->salvage, n, 0, NULL);
	fputs("</tbody></table>\n", fp);

	/*
	 * Tax and salvage in the columns of the summary table: each year's falls
	 * at the end of the year, where the after-tax view puts it.
	 */
	int ppy = 12 / cf->months_per_period;
	for (int y = 0; y < n; y++) {
		int p = (y + 1) * ppy;
		if (p >= np)
			continue;
		taxp[p] += at->years[y].tax_paid;
		salp[p] += at->salvage[y];
		tax_total += at->years[y].tax_paid;
		salvage_total += at->salvage[y];
	}
	int split = html_tax_pv(c, &pv_tax, &pv_salvage);
	snprintf(cap, sizeof cap, "Cash flow after tax, built up from the cash flow before tax "
		 "(%s; %s)", html_currency(hc), TAX_SIGNS);
	html_table_open(fp, r, cap);
	html_period_head(fp, r, html_currency(hc));
	fputs("<tbody>\n", fp);
	report_fold(r, cf->benefits, v);
	html_period_row(fp, r, NULL, "Benefits", v, c->m.total_benefits, 1, c->m.pv_benefits);
	report_fold(r, cf->costs, v);
	html_period_row(fp, r, NULL, "Less costs", v, c->m.total_costs, 1, c->m.pv_costs);
	report_fold(r, cf->net, v);
	html_period_row(fp, r, "sub", "Net cash flow before tax", v,
			c->m.total_benefits - c->m.total_costs, 1, c->m.npv);
	report_fold(r, taxp, v);
	html_period_row(fp, r, NULL, split ? "Less tax paid (a saving negative)" : "Less tax paid "
			"(a saving negative); present value net of the salvage", v, tax_total, 1,
			-pv_tax);
	if (salvage_total != 0) {
		report_fold(r, salp, v);
		html_period_row(fp, r, NULL, "Salvage received", v, salvage_total, split, pv_salvage);
	}
	report_fold(r, at->cf->net, v);
	html_period_row(fp, r, "total", "Net cash flow after tax", v,
			at->metrics.total_benefits - at->metrics.total_costs, 1, at->metrics.npv);
	for (int k = 1; k < r->ncols; k++)
		v[k] += v[k - 1];
	html_period_row(fp, r, NULL, "Cumulative after tax", v, v[r->ncols - 1], 0, 0);
	fputs("</tbody></table>\n<p class=\"small\">", fp);
	if (at->tax_beyond != 0) {
		explain_money(b, sizeof b, html_currency(hc), at->tax_beyond);
		fputs("Tax of the horizon's years that falls due after its end is left out of these "
		      "figures and of NPV after tax: ", fp);
		html_text(fp, b);
		fprintf(fp, " (a payment lag of %d year%s). ", s->tax_lag_years,
			s->tax_lag_years == 1 ? "" : "s");
	} else {
		fputs("No tax of the horizon's years falls due after its end. ", fp);
	}
	if (!split)
		fputs("A tax saving and a salvage both occur: the case gives their present value "
		      "together, on the tax line. ", fp);
	fputs("Capitalised costs are paid as their timing says and depreciated for whole years "
	      "from the year they are booked in (the Initial column belongs to the first year); a "
	      "salvage comes back as cash, untaxed, at the end of its life. ", fp);
	fputs(s->tax_losses == CRM_LOSSES_CARRY_FORWARD ? "A loss is carried forward against the "
	      "project's later profits." : "A loss lowers the company's other taxable profit, so "
	      "its tax is a saving.", fp);
	fputs("</p>\n", fp);
done:
	free(v);
	free(taxp);
	free(salp);
}

int html_sec_years(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	char cap[400], conv[128], buf[1024];

	html_section_open(fp, "years", "Financial summary: costs and benefits by year");
	fputs("<p>", fp);
	explain_tax_basis(hc->r.c, buf, sizeof buf);
	html_text(fp, buf);
	fputs(" ", fp);
	explain_discounting(&hc->r.sc->settings, buf, sizeof buf);
	html_text(fp, buf);
	fputs("</p>\n", fp);
	html_chart_cumulative(fp, d, 0, "Cumulative net cash flow and payback");
	html_chart_years(fp, hc);
	html_convention_short(conv, sizeof conv, hc->r.sc);
	snprintf(cap, sizeof cap, "Cash-flow summary (%s%s): Initial is the investment date; %s",
		 html_currency(hc), hc->r.c->has_tax ? ", before tax" : "", conv);
	html_table_open(fp, &hc->r, cap);
	html_period_head(fp, &hc->r, html_currency(hc));
	fputs("<tbody>\n", fp);
	tei_rows(fp, hc, 0);
	if (!html_no_risk(hc->r.c))
		tei_rows(fp, hc, 1);
	fputs("</tbody></table>\n", fp);
	if (hc->r.c->has_tax)
		after_tax_html(fp, hc);
	fputs("</section>\n", fp);
	return 1;
}

/* The value of input i in each view column: its value in the column's first period. */
static void input_cols(const report *r, size_t i, double *out)
{
	const crm_cashflow *cf = r->c->cf;
	size_t np = (size_t)cf->nperiods + 1;

	for (int c = 0; c < r->ncols; c++)
		out[c] = NAN;
	for (int p = cf->nperiods; p >= 0; p--)
		out[r->col_of[p]] = cf->input[i * np + (size_t)p];
}

static void value_cell(FILE *fp, const crm_scenario *sc, size_t i, double v)
{
	crm_param p;
	char b[64];

	memset(&p, 0, sizeof p);
	p.kind = CRM_PARAM_INPUT;
	p.index = (int)i;
	p.unit = CRM_UNIT_NUMBER;
	html_param_value(b, sizeof b, sc, &p, v);
	fprintf(fp, "<td class=\"n\">%s</td>", b);
}

/* One line's calculation, TEI style. */
static void line_block(FILE *fp, const html_case *hc, size_t l, double share_base)
{
	const report *r = &hc->r;
	const crm_scenario *sc = r->sc;
	const crm_line *ln = &sc->lines[l];
	int n = r->ncols;
	double *adj = calloc((size_t)n, sizeof *adj), *un = calloc((size_t)n, sizeof *un);
	double *dif = calloc((size_t)n, sizeof *dif), *iv = calloc((size_t)n, sizeof *iv);
	const int *deps;
	size_t ndeps = crm_expr_deps(ln->value, &deps);
	char b[64], risk[32];

	if (!adj || !un || !dif || !iv)
		goto done;
	/*
	 * A benefit the metrics leave out (flexibility, or a class --only does not
	 * name) shows its amounts from the evaluation counting every class; its
	 * unadjusted amounts are the risk-adjusted ones over (1 - risk).
	 */
	int out = !crm_case_line_counted(r->c, l) && r->c->all_cf && ln->risk < 1;
	const crm_cashflow *acf = out ? r->c->all_cf : r->c->cf;
	report_fold_line(r, acf, l, adj);
	report_fold_line(r, hc->r.c->unadjusted_cf, l, un);
	double pv = r->c->line_pv[l], upv = r->c->unadjusted_line_pv[l];
	if (out)
		for (int c = 0; c < n; c++)
			un[c] = adj[c] / (1 - ln->risk);
	for (int c = 0; c < n; c++)
		dif[c] = adj[c] - un[c];
	fputs("<div class=\"line keep\">\n", fp);
	html_elem(fp, "h3", NULL, ln->label);
	fputs("<p class=\"formula\"><b>Calculation:</b> ", fp);
	html_formula_words(fp, sc, ln->value_text);
	fputs("; ", fp);
	html_timing_words(fp, ln, 12 * sc->settings.horizon_years);
	fputs(".", fp);
	if (ln->note[0]) {
		fputs(" ", fp);
		html_text(fp, ln->note);
		if (ln->note[strlen(ln->note) - 1] != '.')
			fputs(".", fp);
	}
	fputs("</p>\n", fp);
	if (out) {
		char cls[64];
		explain_name(crm_class_name(ln->cls), cls, sizeof cls);
		cls[0] = (char)(cls[0] - 'A' + 'a');
		fputs("<p class=\"formula\"><b>Class ", fp);
		html_text(fp, cls);
		fputs(":</b> not in NPV or any metric; shown apart with its present value.</p>\n",
		      fp);
	}
	html_table_open(fp, r, NULL);
	html_period_head(fp, r, html_currency(hc));
	fputs("<tbody>\n", fp);
	for (size_t k = 0; k < ndeps; k++) {
		size_t i = (size_t)deps[k];
		const crm_input *in = &sc->inputs[i];
		input_cols(r, i, iv);
		char lab[256];
		html_input_label(lab, sizeof lab, sc, i);
		fputs("<tr class=\"input\"><th>", fp);
		html_text(fp, lab);
		if (in->note[0]) {
			fputs("<span class=\"src\">", fp);
			html_text(fp, in->note);
			fputs("</span>", fp);
		}
		fputs("</th>", fp);
		for (int c = 0; c < n; c++) {
			/* An input is shown where the line has an amount. */
			if (un[c] == 0 && !(c == 0 && ln->timing == CRM_ONCE && ln->start == 0))
				fputs("<td></td>", fp);
			else
				value_cell(fp, sc, i, iv[c]);
		}
		fputs("<td></td><td></td></tr>\n", fp);
	}
	double tu = report_col_total(r, un), ta = report_col_total(r, adj);
	if (ln->kind == CRM_BENEFIT && ln->adoption >= 0)
		adoption_rows(fp, r, out ? acf : hc->r.c->unadjusted_cf, l, out ? 1 / (1 - ln->risk) : 1, un, upv);
	if (ln->risk == 0) {
		/* No risk adjustment: the amount is one row, not three equal ones. */
		html_period_row(fp, r, "total", "Amount (no risk adjustment)", adj, ta, 1, pv);
	} else {
		html_period_row(fp, r, NULL, "Unadjusted amount", un, tu, 1, upv);
		fmt_share(risk, sizeof risk, ln->risk);
		snprintf(b, sizeof b, "Risk adjustment (%s%s)", ln->kind == CRM_BENEFIT ? "-" : "+",
			 risk);
		html_period_row(fp, r, NULL, b, dif, ta - tu, 1, pv - upv);
		html_period_row(fp, r, "total", "Risk-adjusted amount", adj, ta, 1, pv);
	}
	fputs("</tbody></table>\n", fp);
	fputs("<p class=\"facts\">", fp);
	if (share_base > 0 && !out) {
		/* Every share to a tenth of a percent, so that they compare: 29.9%, 4.9%. */
		html_rate(b, sizeof b, pv / share_base);
		fprintf(fp, "<span>Share of all %s (present value): %s</span>",
			ln->kind == CRM_BENEFIT ? "benefits" : "costs", b);
	}
	fputs("<span>Owner: ", fp);
	html_text(fp, ln->owner[0] ? ln->owner : "not named");
	fputs("</span>", fp);
	if (ln->kind == CRM_BENEFIT || ln->metric[0]) {
		fputs("<span>Proven by: ", fp);
		html_text(fp, ln->metric[0] ? ln->metric : "no KPI named");
		fputs("</span>", fp);
	}
	fputs("</p>\n</div>\n", fp);
done:
	free(adj);
	free(un);
	free(dif);
	free(iv);
}

/* The present value of each benefit class and whether NPV counts it, hard classes apart from soft. */
static void classes_html(FILE *fp, const html_case *hc)
{
	const report *r = &hc->r;
	const crm_case *c = r->c;
	static const struct { const char *title; unsigned set; } kinds[] = {
		{ "Hard: cash that reaches the bank", CRM_CLASS_BIT(CRM_CLASS_CASH) |
		  CRM_CLASS_BIT(CRM_CLASS_COST_REDUCTION) },
		{ "Soft: cash only when acted on", CRM_CLASS_BIT(CRM_CLASS_PRODUCTIVITY) |
		  CRM_CLASS_BIT(CRM_CLASS_COST_AVOIDANCE) },
		{ "Flexibility: an option, not a cash flow", CRM_CLASS_BIT(CRM_CLASS_FLEXIBILITY) },
	};
	char b[64], name[64];
	explain_classes rc;

	if (!report_classes_shown(r))
		return;
	fputs("<h3>Benefits by class: hard and soft</h3>\n<table class=\"num\">\n<thead><tr>"
	      "<th>Class</th><th class=\"n\">Present value</th><th>In NPV</th></tr></thead>\n"
	      "<tbody>\n", fp);
	for (size_t g = 0; g < sizeof kinds / sizeof *kinds; g++) {
		int any = 0;
		for (int k = 0; k < CRM_NCLASSES; k++) {
			if (!c->cls[k].nlines || !(kinds[g].set & CRM_CLASS_BIT(k)))
				continue;
			if (!any++) {
				fputs("<tr class=\"group\"><th colspan=\"3\">", fp);
				html_text(fp, kinds[g].title);
				fputs("</th></tr>\n", fp);
			}
			int in = (r->sc->settings.classes & CRM_CLASS_BIT(k)) != 0;
			html_money0(b, sizeof b, c->cls[k].pv);
			explain_name(crm_class_name((crm_class)k), name, sizeof name);
			fputs("<tr><th>", fp);
			html_text(fp, name);
			fprintf(fp, "</th><td class=\"n\">%s</td><td>%s</td></tr>\n", b,
				in ? "yes" : k == CRM_CLASS_FLEXIBILITY ? "no: flexibility, not in NPV"
				   : "no: left out of this document's figures");
		}
	}
	fputs("</tbody></table>\n<p class=\"small\">", fp);
	explain_classes_of(r->sc, c->only_given, 1, &rc);
	html_classes_words(rc.sentence, sizeof rc.sentence);
	html_text(fp, rc.sentence);
	fputs(". Hard benefits are cash (more margin) and cost reduction (spending that stops); "
	      "soft ones are productivity (hours freed) and cost avoidance (spending that never "
	      "starts).", fp);
	if (c->pv_soft > 0) {
		html_money0(b, sizeof b, c->npv_hard);
		fprintf(fp, " NPV on the hard benefits alone: %s %s.", html_currency(hc), b);
	}
	fputs("</p>\n", fp);
}

int html_sec_benefits(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	char *shown = malloc(sc->nlines + 1);

	if (!shown)
		return 0;
	html_lines_shown(hc, CRM_BENEFIT, shown);
	html_section_open(fp, "benefits", "Each benefit, how it is calculated");
	fputs("<p>Each table shows the inputs a benefit uses, its amount before and after the "
	      "risk adjustment, and who owns it. Amounts in ", fp);
	html_text(fp, html_currency(hc));
	fputs("; an input is shown in the years where the benefit has an amount.</p>\n", fp);
	html_chart_stacked(fp, hc, CRM_BENEFIT);
	for (size_t l = 0; l < sc->nlines; l++)
		if (shown[l])
			line_block(fp, hc, l, hc->r.c->m.pv_benefits);
	html_lines_rest(fp, hc, CRM_BENEFIT, shown);
	classes_html(fp, hc);
	fputs("</section>\n", fp);
	free(shown);
	return 1;
}

int html_sec_costs(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	const char **areas = malloc((sc->nlines + 1) * sizeof *areas);
	char *shown = malloc(sc->nlines + 1);
	char name[128];

	if (!areas || !shown) {
		free(areas);
		free(shown);
		return 0;
	}
	html_lines_shown(hc, CRM_COST, shown);
	html_section_open(fp, "costs", "Costs by category");
	html_chart_stacked(fp, hc, CRM_COST);
	size_t na = report_areas(&hc->r, CRM_COST, 0, areas);
	for (size_t a = 0; a < na; a++) {
		int any = 0;
		for (size_t l = 0; l < sc->nlines; l++) {
			if (!shown[l] || strcmp(sc->lines[l].area, areas[a]))
				continue;
			if (!any++) {
				html_area_name(name, sizeof name, areas[a]);
				html_elem(fp, "h3", "category", name);
			}
			line_block(fp, hc, l, hc->r.c->m.pv_costs);
		}
	}
	html_lines_rest(fp, hc, CRM_COST, shown);
	free(areas);
	free(shown);
	fputs("</section>\n", fp);
	return 1;
}
