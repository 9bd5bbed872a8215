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
/* A short name for a scenario from its file name: "deployment/big_bang.csv" -> "Big bang". */
void html_short_name(char *buf, size_t len, const html_case *c);
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
/* Stacked bars by year of the benefit areas or cost categories. */
void html_chart_stacked(FILE *fp, const html_case *hc, crm_line_kind kind);
/* NPV as each input moves across its range, the largest swing first. */
void html_chart_tornado(FILE *fp, const html_case *hc);
/* The simulation's NPV as a histogram (the loss shaded), and as an S-curve. */
void html_chart_histogram(FILE *fp, const html_doc *d);
void html_chart_scurve(FILE *fp, const html_case *hc);
/* Plan, actuals to `last` and both re-forecasts, cumulative. */
void html_chart_realisation(FILE *fp, const html_case *hc, const crm_track *t,
			    const char *last);

/* ---- gates (html_risk.c) */

/* Each gate of a case in a sentence (explain_gate), as a list under title; nothing without one. */
void html_gates(FILE *fp, const html_case *hc, const char *title);

/* ---- sections: each writes its <section>, or nothing (returns 0) when it does not apply */

int html_sec_decision(const html_doc *d, FILE *fp);      /* html_decision.c */
int html_sec_years(const html_doc *d, FILE *fp);
int html_sec_benefits(const html_doc *d, FILE *fp);
int html_sec_costs(const html_doc *d, FILE *fp);
int html_sec_risk(const html_doc *d, FILE *fp);          /* html_risk.c */
int html_sec_options(const html_doc *d, FILE *fp);       /* html_options.c */
int html_sec_assumptions(const html_doc *d, FILE *fp);   /* html_register.c */
int html_sec_realisation(const html_doc *d, FILE *fp);

#endif
