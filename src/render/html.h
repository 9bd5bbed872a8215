/*
 * html.h - the business-case document: one self-contained HTML file with
 * inline SVG charts and print CSS, for `crmroi report`.
 *
 * The front end computes everything (each option's case, with its after-tax
 * view, hard and soft benefits, the plan before risk, peak funding by month
 * and its gates' outcomes; the proposal's tornado, break-even values and
 * Sobol indices; a simulation of every option) and hands it over in an
 * html_doc; this renderer only chooses, words and lays it out.
 * The document is a list of section functions (see html.c), so a new
 * section is one function and one table entry.
 */
#ifndef CRMROI_HTML_H
#define CRMROI_HTML_H

#include <stdint.h>
#include <stdio.h>

#include "columns.h"

/* Break-even values shown for this many of the most influential inputs. */
#define HTML_BREAKEVENS 5
/* The probability of a loss the document's goal seek finds an input's value for, and its draws. */
#define HTML_GOAL_PROBABILITY 0.10
#define HTML_GOAL_DRAWS 2000
/* Tornado bars shown. */
#define HTML_TORNADO_ROWS 10
/*
 * Uncertain values with Sobol indices of their own: with more, the others
 * are estimated together as one group (crm_sobol_top), so that the indices
 * cost the model's size times this, not the number of values squared. 20
 * keeps GSL's Sobol sequence, which has 40 dimensions (two per value).
 */
#define HTML_SOBOL_ITEMS 20
/*
 * Benefits, and costs, shown one by one (a table each, a bar of the
 * timeline, a milestone): with more, those with the largest present value,
 * and the others summed by area with a note; every line stays in the
 * appendix's register of lines.
 */
#define HTML_LINES_SHOWN 25

/* One scenario: the proposal (first) or an alternative. */
typedef struct html_case {
	report r;                   /* the case, with and without the risk adjustment */
	/* An alternative: its cash flows minus the proposal's (has_inc set). */
	crm_incremental inc;
	int has_inc;
	/*
	 * Every option's simulation, with the same draws and seed: NPV (and NPV
	 * after tax with a tax rate), the base NPV's percentile rank among the
	 * draws (sim.reference_share). simulated is 0 without uncertain values or
	 * with --no-simulation.
	 */
	int simulated;
	crm_sim_result sim;
	size_t nuncertain;          /* values with a distribution, and risk events */
	/*
	 * Several options: the probability that this option has the highest NPV
	 * (before tax) of them all, on common random draws (crmroi/joint.h), over
	 * p_best_draws draws; has_p_best 0 without a simulation.
	 */
	int has_p_best;
	double p_best;
	uint64_t p_best_draws;
	/* Its gates as decisions (groups with a decide column; crm_decide); ngates 0: none. */
	crm_decide_result decide;
	/* Analyses, for the proposal only. */
	/*
	 * NPV, inputs and lines with a range, largest swing first: the first
	 * rows of the tornado of tornado_params values (crm_tornado_top), enough
	 * for the bars, the risks and the break-even values shown.
	 */
	crm_tornado_row *tornado;
	size_t ntornado, tornado_params;
	crm_value tornado_base;
	crm_breakeven be[HTML_BREAKEVENS];   /* NPV = 0 for the top tornado inputs */
	size_t nbe;
	/* Per break-even: why its search could not be made ("" when it was). */
	char be_why[HTML_BREAKEVENS][sizeof ((crm_error *)0)->msg];
	crm_sobol_result sobol;     /* ok when computed; at most HTML_SOBOL_ITEMS of their own */
	/*
	 * The goal seek on a probability of the most influential input with a
	 * single base value (crm_prob_goal_seek): where P(NPV < 0) reaches
	 * HTML_GOAL_PROBABILITY; has_goal 0 when not sought.
	 */
	int has_goal;
	crm_param goal_param;
	crm_prob_goal goal;
	/* With setting readiness (the proposal only): its assessment and effect on NPV. */
	crm_assessment *assessment;
	crm_readiness_effect readiness;
} html_case;

typedef struct html_doc {
	const char *title;          /* NULL: the proposal's title */
	const char *author;         /* NULL or "": not shown */
	const char *date;           /* as shown, e.g. 2026-11-30 */
	int letter;                 /* US Letter paper instead of A4 */
	uint64_t draws, seed;
	int no_simulation;          /* asked for --no-simulation */
	uint64_t sobol_points;      /* asked for (--sobol); 0: no Sobol indices */
	/*
	 * The value of information (crmroi/voi.h) of the decision: going ahead
	 * with the proposal or not, or the choice among the options, on common
	 * draws (draws and seed as the simulation's); has_voi 0 without a
	 * simulation.
	 */
	int has_voi;
	crm_voi_result voi;
	/*
	 * Several options simulated together on common draws (after tax when
	 * every one has a tax rate): each one's P(highest NPV), and each pair's
	 * P(higher NPV) and stochastic dominance; has_joint 0 without it.
	 */
	int has_joint;
	crm_joint_result joint;
	/*
	 * The proposal's roll-out plan (crmroi/plan.h) when it has area rows,
	 * on the simulation's seed and at most 2,000 of its draws (the base
	 * case only with --no-simulation); has_plan 0 without area rows.
	 */
	int has_plan;
	crm_plan_result plan;
	html_case *cases;           /* cases[0] is the proposal */
	size_t ncases;
	const crm_track *track;     /* --actuals: the proposal against actuals, or NULL */
	/* With track: the actuals read (each row's source and note) and their files, as given. */
	const crm_actuals *actuals;
	const char *const *actuals_files;
	size_t nactuals_files;
	/* With realised inputs or events among the actuals: how good the estimates were. */
	const crm_calibration *calibration;
} html_doc;

/* The readiness section (assess_html.c); 0 when the proposal has no setting readiness. */
int html_readiness_section(const html_doc *d, FILE *fp);

/* Write the whole document to fp. Reads d, keeps nothing. */
void html_document(const html_doc *d, FILE *fp);

#endif
