/*
 * html_priv.h - what the files of the business-case document share: the
 * writing helpers (html_base.c), the charts (html_charts.c), the gates list
 * (html_risk.c) and the section functions the document's table lists.
 * Private to html*.c; html.h is the interface.
 *
 * Every function writes to fp and reads what it is given; none keeps it.
 */
#ifndef CRMROI_HTML_PRIV_H
#define CRMROI_HTML_PRIV_H

#include <stddef.h>
#include <stdio.h>

#include "html.h"

/* ---- writing (html_base.c) */

/* s as HTML text content, escaped (xml_text). */
void html_text(FILE *fp, const char *s);
/* <tag class="cls">escaped s</tag> and a newline; cls may be NULL. */
void html_elem(FILE *fp, const char *tag, const char *cls, const char *s);
/* <section id="id"> and its <h2>. */
void html_section_open(FILE *fp, const char *id, const char *title);
/* The case's currency and its title (the file name when it has none); borrowed. */
const char *html_currency(const html_case *c);
const char *html_case_title(const html_case *c);
/* An amount for a sentence: "USD 2.72 million", "USD 472,500". */
void html_short_money(char *buf, size_t len, const char *cur, double v);
/* An amount for a table cell, in whole units: "472,500". */
void html_money0(char *buf, size_t len, double v);
/* An area or category for people: "lead_management" -> "Lead management"; "Other" when none. */
void html_area_name(char *buf, size_t len, const char *a);
/* A value of p (an input, a line, a setting) as its unit says: percentage, amount or number. */
void html_param_value(char *buf, size_t len, const crm_scenario *sc, const crm_param *p,
		      double v);
/* Whether input i, or parameter p, is a percentage (by its value or its unit). */
int html_input_is_percent(const crm_scenario *sc, size_t i);
int html_param_is_percent(const crm_scenario *sc, const crm_param *p);

/*
 * A headline figure as the document writes it (kind as in headline.h): money
 * in whole units, a rate to a tenth of a percent, a ratio with two decimals,
 * a payback as the month it falls in ("month 32"); "n/a" when !ok.
 */
void html_figure(char *buf, size_t len, int kind, int ok, double v);
/* A rate to a tenth of a percent: "45.9%". */
void html_rate(char *buf, size_t len, double fraction);
/* A percentage with three significant figures, without trailing zeros: "75%", "48%", "0.4%". */
void html_pct(char *buf, size_t len, double fraction);
/* A share to two significant figures: "12%", "1.4%", "0.49%" (Sobol indices). */
void html_sig2(char *buf, size_t len, double fraction);
/*
 * A share p of n simulated draws, to the last digit whose unit is at least
 * its standard error sqrt(p (1 - p) / n): "65%" for 65.2% of 10,000 draws
 * (an error of 0.48 points), "1.13%" of a million; "0 of N draws".
 */
void html_sim_share(char *buf, size_t len, double p, uint64_t n);
/* "month 9 (2027-09)"; month 0 is "month 0 (the start)". */
void html_month_label(char *buf, size_t len, const crm_scenario *sc, int month);
/* The same for a sentence: "in month 9 (2027-09)", "at the start (month 0)". */
void html_in_month(char *buf, size_t len, const crm_scenario *sc, int month);
/*
 * A sentence on peak funding after tax (the case has a tax rate): the lowest
 * monthly cumulative with the tax paid and salvage at their year ends, and
 * the month, beside the figure before tax; a space before it.
 */
void html_peak_after_tax(FILE *fp, const crm_case *c, const char *currency);
/* A payback as the month it falls in, "month 32 (2029-08)", or "not within the N-year horizon". */
void html_payback_words(char *buf, size_t len, const crm_scenario *sc, const crm_payback *pb);
/* The same for a table cell: "month 32", "n/a". */
void html_payback_cell(char *buf, size_t len, const crm_scenario *sc, const crm_payback *pb);
/*
 * Whether a payback of `months` says only that no year end falls below zero:
 * on the yearly grid the Initial column and every year end are at or above
 * zero, so the payback the core gives is 0 while money may still go out
 * within year 1 (peak funding is by month). The document then says "year 1",
 * never "month 0".
 */
int html_payback_year1(const crm_scenario *sc, double months);
/* The headline metrics of a case: after tax when it has a tax rate, else before tax. */
const crm_metrics *html_head_metrics(const html_case *hc);
/*
 * The present value of the tax (negative when paid, positive when saved)
 * and of the salvage in the after-tax view of c, from the differences of the
 * present values of its costs and benefits after and before tax. Returns 0
 * when a year's tax saving and a salvage both occur: *pv_tax then holds
 * both, and *pv_salvage 0 (the case gives no present value of either alone).
 */
int html_tax_pv(const crm_case *c, double *pv_tax, double *pv_salvage);
/* Whether some once line of sc is paid on a day of its own (its date column). */
int html_dated_lines(const crm_scenario *sc);
/* Whether no line carries a risk adjustment: the plan before risk is the plan (cf). */
int html_no_risk(const crm_case *c);

/*
 * The sentence of the benefit classes (explain_classes.sentence, of size
 * len) for people: classes in words ("cost reduction") and no command-line
 * option ("--only": the classes chosen for the document).
 */
void html_classes_words(char *s, size_t len);

/*
 * The value of information (d->voi): what resolving each uncertainty before
 * deciding is worth, in a board's words, with the values worth most in a
 * table; on the risk page for one scenario, on the options page for several.
 */
void html_voi(FILE *fp, const html_doc *d);
/* Names for people (explain_name): an input's, a parameter's, a simulated value's. */
void html_input_label(char *buf, size_t len, const crm_scenario *sc, size_t i);
/*
 * A simulated value's label inside a sentence: a name made of an input's
 * name starts in lower case ("share of users"), unless it starts with an
 * acronym (CRM users); a label the author wrote (the label column), and a
 * line's label, stay as written.
 */
void html_item_label_mid(char *buf, size_t len, const crm_scenario *sc, const crm_uncertain *u);
void html_param_label(char *buf, size_t len, const crm_scenario *sc, const crm_param *p);
void html_item_label(char *buf, size_t len, const crm_scenario *sc, const crm_uncertain *u);
/* A line's formula with its inputs' names for people and "x" for "*", escaped. */
void html_formula_words(FILE *fp, const crm_scenario *sc, const char *formula);
/* A short name for a scenario from its file name: "deployment/big_bang.csv" -> "Big bang". */
void html_short_name(char *buf, size_t len, const html_case *c);
/* The header row of a period table: first, Initial, Year 1..n (or calendar years), Total, PV. */
void html_period_head(FILE *fp, const report *r, const char *first);
/* A row of amounts by column, with total and present value (has_pv 0: blank); cls may be NULL. */
void html_period_row(FILE *fp, const report *r, const char *cls, const char *label,
		     const double *cols, double total, int has_pv, double pv);
/* <table class="num"> (wide when many columns) with its caption (NULL for none). */
void html_table_open(FILE *fp, const report *r, const char *caption);
/* Whether some cost line of sc is capitalised. */
int html_any_capitalised(const crm_scenario *sc);
/*
 * The lines of a kind shown one by one: every one when there are at most
 * HTML_LINES_SHOWN, else the HTML_LINES_SHOWN with the largest present value
 * (risk-adjusted, by size; ties in the file's order). shown[l] for every
 * line l (0 for the other kind); returns how many lines of the kind there
 * are.
 */
size_t html_lines_shown(const html_case *hc, crm_line_kind kind, char *shown);
/*
 * The lines of a kind not shown one by one, summed by area: a note saying
 * how many and where they are, and a table of their number, total and
 * present value per area. Nothing when every line is shown.
 */
void html_lines_rest(FILE *fp, const html_case *hc, crm_line_kind kind, const char *shown);
/* The cost lines of cf that are (capitalised 1) or are not capitalised, summed into view columns. */
void html_fold_costs(const report *r, const crm_cashflow *cf, int capitalised, double *out);
/*
 * What a year of the period tables is, for a caption ("; the years are
 * calendar years, ..."; a fiscal year; why Initial stands apart); "" without
 * start_date.
 */
void html_years_caption(char *buf, size_t len, const crm_scenario *sc);
/* The discounting convention in a table's caption: "Year k is discounted at its end by (1 + 10.00%)^k". */
void html_convention_short(char *buf, size_t len, const crm_scenario *sc);
/* "yearly from month 4 to 60, reaching full effect over 6 months (linear), growing 3% a year" */
void html_timing_words(FILE *fp, const crm_line *ln, int months);

/* ---- charts (html_charts.c) */

/*
 * Cumulative net cash flow, month on x: of the proposal risk-adjusted and
 * unadjusted with its payback, or (all_cases) of every case.
 */
void html_chart_cumulative(FILE *fp, const html_doc *d, int all_cases, const char *title);
/* Costs (below 0) and benefits (above 0) by year, with the net line. */
void html_chart_years(FILE *fp, const html_case *hc);
/* Stacked bars by year of the benefit areas or cost categories; nothing with fewer than two. */
void html_chart_stacked(FILE *fp, const html_case *hc, crm_line_kind kind);
/* NPV as each input moves across its range, the largest swing first. */
void html_chart_tornado(FILE *fp, const html_case *hc);
/* The simulation's NPV as a histogram (the loss shaded), and as an S-curve. */
void html_chart_histogram(FILE *fp, const html_doc *d);
void html_chart_scurve(FILE *fp, const html_case *hc);
/* Plan, actuals to `last` and both re-forecasts, cumulative. */
void html_chart_realisation(FILE *fp, const html_case *hc, const crm_track *t,
			    const char *last);

/* Phases, each benefit's go-live, ramp-up and full effect, and the gates, month on x. */
void html_chart_timeline(FILE *fp, const html_case *hc);

/* ---- gates (html_risk.c) */

/* Each gate of a case in a sentence (explain_gate), as a list under title; nothing without one. */
void html_gates(FILE *fp, const html_case *hc, const char *title);

/*
 * A found break-even in words for people: "Adoption can fall from 75% to 48%
 * (27.0 percentage points) before NPV reaches zero", a month with its side.
 */
void html_breakeven_words(const html_case *hc, const crm_breakeven *be, char *buf, size_t len);
/*
 * Where the base NPV falls among the simulated draws (sim.reference_share),
 * in sentences: in the middle, or optimistic or pessimistic (outside P40 to
 * P60) with the simulated values whose base is farthest from their mean. 0
 * (buf untouched) without a simulation.
 */
int html_base_rank(const html_case *hc, char *buf, size_t len);

/* The largest tornado bars in the risks table. */
#define HTML_RISK_ROWS 5
/* Who answers for parameter p's estimate: the input's or the line's owner; "" when none. */
const char *html_param_owner(const crm_scenario *sc, const crm_param *p);
/*
 * The risks of the risks table (the largest tornado bars) with no owner, by
 * their names for people, into buf; how many, and in *nrisks how many risks
 * the table has.
 */
size_t html_risks_unowned(const html_case *hc, char *buf, size_t len, size_t *nrisks);

/* ---- tracking (html_track.c) */

/* A criterion for people: its metric ("Open integration defects"), or its name in words. */
void html_criterion_label(char *buf, size_t len, const crm_scenario *sc, size_t k);
/*
 * Why phase p of t has its verdict, with the criteria by their metric and
 * each one's status as tracking gives it: "2 criteria due and not met: Open
 * integration defects (not met); Sales and service users trained (overdue)".
 */
void html_phase_reason(char *buf, size_t len, const crm_track *t, size_t p);
/* The actuals tracking filled in from the plan, of costs (1), benefits (0) or all (-1): their sum. */
double html_track_assumed(const crm_track *t, int is_cost);
/* The same in words: "EUR 15,750 for Internal project team in month 4 (2027-04)"; "" when none. */
void html_track_assumed_words(char *buf, size_t len, const crm_track *t, int is_cost);
/*
 * What the trend re-forecast rests on: the amounts of costs and benefits
 * booked, the months they were booked in and their indexes, and the lines
 * that have no index of their own.
 */
void html_trend_words(char *buf, size_t len, const html_case *hc, const crm_track *t);

/* ---- options (html_options.c) */

/* The recommendation among the options, generated from their figures. */
void html_options_recommendation(const html_doc *d, char *buf, size_t len);

/* ---- sections: each writes its <section>, or nothing (returns 0) when it does not apply */

int html_sec_decision(const html_doc *d, FILE *fp);      /* html_summary.c */
int html_sec_budget(const html_doc *d, FILE *fp);        /* html_budget.c */
int html_sec_years(const html_doc *d, FILE *fp);         /* html_decision.c */
int html_sec_benefits(const html_doc *d, FILE *fp);
int html_sec_costs(const html_doc *d, FILE *fp);
int html_sec_risk(const html_doc *d, FILE *fp);          /* html_risk.c */
int html_sec_options(const html_doc *d, FILE *fp);       /* html_options.c */
int html_sec_plan(const html_doc *d, FILE *fp);          /* html_plan.c */
int html_sec_assumptions(const html_doc *d, FILE *fp);   /* html_register.c */
int html_sec_realisation(const html_doc *d, FILE *fp);   /* html_track.c */
int html_sec_flexibility(const html_doc *d, FILE *fp);   /* html_method.c */
int html_sec_method(const html_doc *d, FILE *fp);

#endif
