/*
 * assess.c - the readiness questionnaire, reading an answers file, scoring.
 *
 * Scoring: a criterion scores its answer as a fraction (yes 1, no 0, a
 * percentage as given); a group (a section, or a part of results) scores its
 * maximum x the mean of its criteria; a section the sum of its groups; the
 * total the sum of the sections, out of 1000. An unanswered criterion scores
 * 0 and leaves a warning.
 *
 * The answers file is one CSV table read with crm_csv_parse (which knows the
 * line of every field); percentages are read with crm_parse_number. This
 * module does not write the template or any report: the front end does.
 */
#define _POSIX_C_SOURCE 200809L
#include "crmroi/assess.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crmroi/csvread.h"
#include "crmroi/expr.h"

/* A percentage may sit this far (in percent points) outside a band and still count as in it. */
#define BAND_SLACK 1e-9
/* Shares within this of each other tie for strongest or weakest. */
#define SHARE_TIE 1e-12

/* ------------------------------------------------------------ the questionnaire */

static const crm_assess_section sections[CRM_ASSESS_NSECTIONS] = {
	{ "policy_strategy", "policy and strategy", 50, 1, 0, 1 },
	{ "employees", "employees", 100, 1, 1, 1 },
	{ "customers", "customers", 100, 1, 2, 1 },
	{ "partners", "partners", 50, 1, 3, 1 },
	{ "processes", "processes", 100, 1, 4, 1 },
	{ "results", "results", 300, 1, 5, 4 },
	{ "leadership", "leadership", 100, 0, 9, 1 },
	{ "program_management", "program management", 100, 0, 10, 1 },
	{ "change_management", "change management", 100, 0, 11, 1 },
};

static const crm_assess_group groups[CRM_ASSESS_NGROUPS] = {
	{ "policy and strategy", 0, 50, 0, 4 },
	{ "employees", 1, 100, 4, 5 },
	{ "customers", 2, 100, 9, 5 },
	{ "partners", 3, 50, 14, 3 },
	{ "processes", 4, 100, 17, 5 },
	{ "results: financial", 5, 90, 22, 3 },
	{ "results: employees", 5, 50, 25, 2 },
	{ "results: customers", 5, 120, 27, 3 },
	{ "results: partners", 5, 40, 30, 2 },
	{ "leadership", 6, 100, 32, 4 },
	{ "program management", 7, 100, 36, 5 },
	{ "change management", 8, 100, 41, 5 },
};

static const crm_assess_criterion criteria[] = {
	/* policy and strategy */
	{ "PS1", 0, "CRM is part of the written business strategy, naming the customer segments "
	  "it serves and the value it must create" },
	{ "PS2", 0, "Customer policies (service levels, pricing, privacy, complaints) are set "
	  "and published for the whole organisation" },
	{ "PS3", 0, "The CRM strategy is reviewed at least once a year against market and "
	  "customer information" },
	{ "PS4", 0, "CRM investments are tied to measurable business objectives agreed with "
	  "finance" },
	/* employees */
	{ "EM1", 1, "Roles in customer-facing work are defined, including who owns each "
	  "customer relationship" },
	{ "EM2", 1, "Staff have the skills and training to use customer information and the "
	  "CRM tools in their daily work" },
	{ "EM3", 1, "Objectives, incentives and appraisals reward customer outcomes, not only "
	  "volume" },
	{ "EM4", 1, "Employees help design the new ways of working, and their feedback is "
	  "acted on" },
	{ "EM5", 1, "Knowledge of customers is shared across departments rather than held by "
	  "individuals" },
	/* customers */
	{ "CU1", 2, "Customers are segmented by value and needs, and each segment has a defined "
	  "treatment" },
	{ "CU2", 2, "Customer needs and satisfaction are measured regularly and systematically" },
	{ "CU3", 2, "Every contact channel gives the customer the same experience and one view "
	  "of their history" },
	{ "CU4", 2, "Complaints and feedback are captured, analysed and lead to improvements" },
	{ "CU5", 2, "Customer data is complete and correct, kept so under stated data-quality "
	  "rules" },
	/* partners */
	{ "PA1", 3, "Partners who deal with customers (resellers, service providers) are chosen "
	  "and managed against customer goals" },
	{ "PA2", 3, "Partners share customer information and processes with the organisation "
	  "where this serves the customer" },
	{ "PA3", 3, "Partners' performance toward customers is measured and reviewed together" },
	/* processes */
	{ "PR1", 4, "Marketing, sales and service processes are described end to end from the "
	  "customer's point of view" },
	{ "PR2", 4, "Each process has an owner and performance measures" },
	{ "PR3", 4, "The CRM system supports the processes instead of being worked around" },
	{ "PR4", 4, "Hand-offs between departments (lead to opportunity, order to service) are "
	  "defined and monitored" },
	{ "PR5", 4, "Processes are improved continuously on the basis of measured results" },
	/* results: financial */
	{ "RF1", 5, "Revenue, margin and cost to serve that CRM affects are measured against "
	  "the business case" },
	{ "RF2", 5, "Customer profitability and lifetime value are known for the main segments" },
	{ "RF3", 5, "The program's financial targets are met or on track" },
	/* results: employees */
	{ "RE1", 6, "Satisfaction and retention of customer-facing staff are measured and "
	  "improving" },
	{ "RE2", 6, "Use of the CRM tools is measured and meets its target" },
	/* results: customers */
	{ "RC1", 7, "Customer satisfaction and loyalty are measured and improving" },
	{ "RC2", 7, "Retention and share of wallet in the target segments are improving" },
	{ "RC3", 7, "The service levels promised to customers are met" },
	/* results: partners */
	{ "RP1", 8, "Revenue through partners and partners' satisfaction are measured and "
	  "improving" },
	{ "RP2", 8, "Customers served through partners are as satisfied as those served "
	  "directly" },
	/* leadership */
	{ "LE1", 9, "An executive sponsor owns the CRM program and is visibly committed to it" },
	{ "LE2", 9, "Leaders use customer information in their own decisions and speak for the "
	  "customer focus" },
	{ "LE3", 9, "The leadership team reviews CRM progress and results on a fixed schedule" },
	{ "LE4", 9, "Budget and people are committed for the whole program, not only its first "
	  "phase" },
	/* program management */
	{ "PM1", 10, "The program has a plan with phases, milestones, budget and business case, "
	  "kept up to date" },
	{ "PM2", 10, "A program manager and a steering committee with clear mandates are in "
	  "place" },
	{ "PM3", 10, "Risks and issues are recorded, owned and followed up" },
	{ "PM4", 10, "Business units and IT share the program's governance and priorities" },
	{ "PM5", 10, "Benefits are tracked after each phase goes live" },
	/* change management */
	{ "CM1", 11, "The reasons for the change are explained to everyone affected, and "
	  "understood" },
	{ "CM2", 11, "A change plan covers communication, training and support for each group "
	  "affected" },
	{ "CM3", 11, "Resistance and its causes are found and addressed" },
	{ "CM4", 11, "Early successes are made visible and used to build support" },
	{ "CM5", 11, "New behaviour is anchored in structures, measures and rewards so that it "
	  "lasts" },
};

#define NCRITERIA ((int)(sizeof criteria / sizeof *criteria))

static const char *const questions[CRM_ASSESS_NQUESTIONS] = {
	"Is it clearly defined who is responsible for it?",
	"Is there a consistent approach across the organisation?",
	"Is there a record that proves the commitment (in the plan, or in the original plan "
	"and its implementation)?",
};

static const crm_assess_band bands[CRM_ASSESS_NBANDS] = {
	{ 0, 5 }, { 10, 25 }, { 30, 45 }, { 50, 65 }, { 70, 85 }, { 90, 100 }
};

const crm_assess_section *crm_assess_section_at(int i) { return &sections[i]; }
const crm_assess_group *crm_assess_group_at(int g) { return &groups[g]; }
int crm_assess_ncriteria(void) { return NCRITERIA; }
const crm_assess_criterion *crm_assess_criterion_at(int k) { return &criteria[k]; }
const char *crm_assess_question(int q) { return questions[q]; }
const crm_assess_band *crm_assess_band_at(int b) { return &bands[b]; }

const char *crm_assess_stage_name(crm_assess_stage s)
{
	switch (s) {
	case CRM_STAGE_READINESS: return "readiness";
	case CRM_STAGE_CALIBRATION: return "calibration";
	case CRM_STAGE_CORRECTION: return "correction";
	case CRM_STAGE_UNSTATED: break;
	}
	return "";
}

double crm_assess_factor(double score, double floor)
{
	return 1.0 - (1.0 - floor) * (1.0 - score / CRM_ASSESS_MAX_POINTS);
}

double crm_assess_share(const crm_assessment *a, int i)
{
	return a->section_points[i] / sections[i].points;
}

/* ------------------------------------------------------------------ reading */

enum { COL_ID, COL_ANSWER, COL_EVIDENCE, COL_LEARNINGS, NCOLS };
static const char *const col_names[NCOLS] = { "id", "answer", "evidence", "learnings" };

static int skip_row(const crm_csv_row *r)
{
	if (r->nfields > 0 && r->fields[0][0] == '#')
		return 1;
	for (int i = 0; i < r->nfields; i++)
		if (r->fields[i][0])
			return 0;
	return 1;
}

static const char *cell(const crm_csv_row *r, const int *colmap, int c)
{
	int fi = colmap[c];
	return fi >= 0 && fi < r->nfields ? r->fields[fi] : "";
}

static int cell_line(const crm_csv_row *r, const int *colmap, int c)
{
	int fi = colmap[c];
	return fi >= 0 && fi < r->nfields ? crm_csv_field_line(r, fi) : r->line;
}

static int find_criterion(const char *id)
{
	for (int k = 0; k < NCRITERIA; k++)
		if (!strcasecmp(criteria[k].id, id))
			return k;
	return -1;
}

/*
 * An answer: yes, no, or a percentage with '%' inside a band. On failure
 * writes what is wrong and what is expected into why.
 */
static int parse_answer(const char *s, crm_decimal dec, double *out, char *why, size_t whylen)
{
	static const char expect[] = "expected yes, no, or a percentage within a band: 0-5%, "
		"10-25%, 30-45%, 50-65%, 70-85% or 90-100%";
	double v;
	int pct = 0;
	char nwhy[256];

	if (!strcasecmp(s, "yes")) {
		*out = 1.0;
		return 0;
	}
	if (!strcasecmp(s, "no")) {
		*out = 0.0;
		return 0;
	}
	if (crm_parse_number_in(s, dec, &v, &pct, nwhy, sizeof nwhy) != CRM_OK) {
		snprintf(why, whylen, "'%s' is not an answer (%s)", s, expect);
		return -1;
	}
	if (!pct) {
		char eg[32];
		snprintf(why, whylen, "'%s' is not an answer: a score is a percentage, written with "
			 "%% (e.g. %s%%) (%s)", s,
			 crm_number_text(eg, sizeof eg, v <= 1 && v > 0 ? v * 100 : v, dec), expect);
		return -1;
	}
	double p = v * 100.0;
	if (p < -BAND_SLACK || p > 100.0 + BAND_SLACK) {
		snprintf(why, whylen, "'%s' is outside 0%% to 100%% (%s)", s, expect);
		return -1;
	}
	for (int b = 0; b < CRM_ASSESS_NBANDS; b++)
		if (p >= bands[b].low - BAND_SLACK && p <= bands[b].high + BAND_SLACK) {
			*out = fmin(1.0, fmax(0.0, v));
			return 0;
		}
	for (int b = 0; b + 1 < CRM_ASSESS_NBANDS; b++)
		if (p > bands[b].high && p < bands[b + 1].low) {
			snprintf(why, whylen, "'%s' lies between the score bands %g-%g%% and %g-%g%% "
				 "(choose a score within a band: 0-5%%, 10-25%%, 30-45%%, 50-65%%, "
				 "70-85%% or 90-100%%)", s, bands[b].low, bands[b].high,
				 bands[b + 1].low, bands[b + 1].high);
			return -1;
		}
	snprintf(why, whylen, "'%s' is not in a score band (%s)", s, expect);
	return -1;
}

struct reader {
	crm_assessment *a;
	const char *name;
	crm_error *err;
	int seen_line[64];         /* per criterion: the row that answered it; NCRITERIA <= 64 */
	int about_line[3];         /* title, date, stage */
	crm_decimal dec;           /* how the file writes numbers: decimal commas when ';' separates */
};

static crm_status nomem(const struct reader *rd)
{
	return crm_error_set(rd->err, CRM_ENOMEM, rd->name, 0, 0, "out of memory");
}

static int has_column(const crm_csv_row *r, const char *name)
{
	for (int fi = 0; fi < r->nfields; fi++)
		if (!strcasecmp(r->fields[fi], name))
			return 1;
	return 0;
}

static crm_status read_header(struct reader *rd, const crm_csv_row *h, int *colmap)
{
	for (int c = 0; c < NCOLS; c++)
		colmap[c] = -1;
	/* A scenario given for its answers file: say what reads each. */
	if (!has_column(h, "id") && has_column(h, "kind") && has_column(h, "name") &&
	    has_column(h, "value"))
		return crm_error_set(rd->err, CRM_EDATA, rd->name, h->line, 1, "this is a scenario "
				     "(its header has the columns kind, name and value), not an answers "
				     "file: crmroi run, check and the other commands read it; crmroi "
				     "assess reads the answers of the readiness self-assessment "
				     "(crmroi assess --template -o answers.csv writes one to fill in)");
	for (int fi = 0; fi < h->nfields; fi++) {
		char *f = h->fields[fi];
		for (char *p = f; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (int c = 0; c < NCOLS; c++) {
			if (strcmp(f, col_names[c]))
				continue;
			if (colmap[c] >= 0)
				return crm_error_set(rd->err, CRM_EDATA, rd->name, crm_csv_field_line(h, fi),
						     fi + 1, "column '%s' is given twice (first as "
						     "column %d)", f, colmap[c] + 1);
			colmap[c] = fi;
		}
	}
	for (int c = 0; c < 2; c++)
		if (colmap[c] < 0)
			return crm_error_set(rd->err, CRM_EDATA, rd->name, h->line, CRM_NO_COLUMN,
					     "the header has no '%s' column (expected a header with "
					     "at least the columns id and answer, as written by "
					     "crmroi assess --template)", col_names[c]);
	return CRM_OK;
}

/* The rows about the assessment itself: title, date, stage. */
static crm_status read_about(struct reader *rd, const crm_csv_row *r, const int *colmap,
			     int which, const char *id)
{
	crm_assessment *a = rd->a;
	const char *v = cell(r, colmap, COL_ANSWER);
	int line = cell_line(r, colmap, COL_ANSWER);

	if (rd->about_line[which])
		return crm_error_set(rd->err, CRM_EDATA, rd->name, r->line, colmap[COL_ID] + 1,
				     "'%s' is given twice (first on line %d)", id,
				     rd->about_line[which]);
	rd->about_line[which] = r->line;
	if (which == 0) {
		free(a->title);
		return (a->title = crm_csv_visible(v)) ? CRM_OK : nomem(rd);
	}
	if (which == 1) {
		free(a->date);
		return (a->date = crm_csv_visible(v)) ? CRM_OK : nomem(rd);
	}
	if (!*v)
		a->stage = CRM_STAGE_UNSTATED;
	else if (!strcasecmp(v, "readiness"))
		a->stage = CRM_STAGE_READINESS;
	else if (!strcasecmp(v, "calibration"))
		a->stage = CRM_STAGE_CALIBRATION;
	else if (!strcasecmp(v, "correction"))
		a->stage = CRM_STAGE_CORRECTION;
	else
		return crm_error_set(rd->err, CRM_EDATA, rd->name, line, colmap[COL_ANSWER] + 1,
				     "stage: '%s' is not a stage (expected readiness: before the "
				     "program, calibration: in its middle, or correction: after "
				     "it)", v);
	return CRM_OK;
}

static crm_status read_row(struct reader *rd, const crm_csv_row *r, const int *colmap)
{
	static const char *const about[] = { "title", "date", "stage" };
	crm_assessment *a = rd->a;
	const char *id = cell(r, colmap, COL_ID);
	const char *ans = cell(r, colmap, COL_ANSWER);
	int idcol = colmap[COL_ID] + 1, anscol = colmap[COL_ANSWER] + 1;
	char why[512];

	if (!*id)
		return crm_error_set(rd->err, CRM_EDATA, rd->name, r->line, idcol, "the row has no id "
				     "(expected a criterion such as PS1, or title, date or stage; a "
				     "comment row starts with #)");
	for (int w = 0; w < 3; w++)
		if (!strcasecmp(id, about[w]))
			return read_about(rd, r, colmap, w, about[w]);
	int k = find_criterion(id);
	if (k < 0)
		return crm_error_set(rd->err, CRM_EDATA, rd->name, cell_line(r, colmap, COL_ID), idcol,
				     "unknown criterion '%s' (expected an id of the questionnaire: "
				     "PS1-PS4, EM1-EM5, CU1-CU5, PA1-PA3, PR1-PR5, RF1-RF3, RE1-RE2, "
				     "RC1-RC3, RP1-RP2, LE1-LE4, PM1-PM5, CM1-CM5; or title, date, "
				     "stage)", id);
	if (rd->seen_line[k])
		return crm_error_set(rd->err, CRM_EDATA, rd->name, cell_line(r, colmap, COL_ID), idcol,
				     "criterion %s is answered twice (first on line %d)",
				     criteria[k].id, rd->seen_line[k]);
	rd->seen_line[k] = r->line;

	crm_assess_answer *an = &a->answers[k];
	an->line = cell_line(r, colmap, COL_ANSWER);
	an->col = anscol;
	free(an->text);
	free(an->evidence);
	free(an->learnings);
	an->text = crm_csv_visible(ans);
	an->evidence = strdup(cell(r, colmap, COL_EVIDENCE));
	an->learnings = strdup(cell(r, colmap, COL_LEARNINGS));
	if (!an->text || !an->evidence || !an->learnings)
		return nomem(rd);
	if (!*ans)
		return CRM_OK;
	if (parse_answer(ans, rd->dec, &an->score, why, sizeof why) != 0)
		return crm_error_set(rd->err, CRM_EDATA, rd->name, an->line, anscol, "%s: %s",
				     criteria[k].id, why);
	an->answered = 1;
	return CRM_OK;
}

/* Points, totals, and the sections ranked every way the reports need. */
static crm_status score(crm_assessment *a)
{
	double share[CRM_ASSESS_NSECTIONS];

	a->total = a->culture = a->execution = 0;
	a->culture_max = a->execution_max = 0;
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++)
		a->section_points[s] = 0;
	for (int g = 0; g < CRM_ASSESS_NGROUPS; g++) {
		double sum = 0;
		for (int k = groups[g].first; k < groups[g].first + groups[g].count; k++)
			sum += a->answers[k].score;
		a->group_points[g] = groups[g].points * sum / groups[g].count;
		a->section_points[groups[g].section] += a->group_points[g];
	}
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		a->total += a->section_points[s];
		if (sections[s].culture) {
			a->culture += a->section_points[s];
			a->culture_max += sections[s].points;
		} else {
			a->execution += a->section_points[s];
			a->execution_max += sections[s].points;
		}
		share[s] = crm_assess_share(a, s);
	}

	double hi = -1, lo = 2;
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		hi = fmax(hi, share[s]);
		lo = fmin(lo, share[s]);
	}
	a->nstrongest = a->nweakest = 0;
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		if (share[s] >= hi - SHARE_TIE)
			a->strongest[a->nstrongest++] = s;
		if (share[s] <= lo + SHARE_TIE)
			a->weakest[a->nweakest++] = s;
	}

	/* Largest gap first; a stable insertion sort keeps questionnaire order on ties. */
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		double gap = sections[s].points - a->section_points[s];
		int j = s;
		while (j > 0 && sections[a->by_gap[j - 1]].points -
				a->section_points[a->by_gap[j - 1]] < gap - SHARE_TIE) {
			a->by_gap[j] = a->by_gap[j - 1];
			j--;
		}
		a->by_gap[j] = s;
	}

	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		int best = -1;
		for (int g = sections[s].first_group; g < sections[s].first_group + sections[s].ngroups; g++)
			for (int k = groups[g].first; k < groups[g].first + groups[g].count; k++)
				if (best < 0 || a->answers[k].score < a->answers[best].score)
					best = k;
		a->lowest_criterion[s] = best;
	}

	/* One warning per empty answer cell, located; one for all criteria without a row. */
	char norow[NCRITERIA * 8] = "";
	size_t o = 0;
	int nnorow = 0;
	a->nunanswered = 0;
	for (int k = 0; k < NCRITERIA; k++) {
		const crm_assess_answer *an = &a->answers[k];
		if (an->answered)
			continue;
		a->nunanswered++;
		if (!an->line) {
			o += (size_t)snprintf(norow + o, sizeof norow - o, "%s%s", nnorow ? ", " : "",
					      criteria[k].id);
			nnorow++;
			continue;
		}
		if (crm_warnings_add(&a->warnings, a->file, an->line, an->col,
				     "%s (%s) is not answered%s", criteria[k].id,
				     groups[criteria[k].group].name, CRM_ASSESS_AS_ZERO) != CRM_OK)
			return CRM_ENOMEM;
	}
	if (nnorow && crm_warnings_add(&a->warnings, a->file, 0, 0, "%d criteri%s no row "
				       "(crmroi assess --template lists every criterion): %s%s",
				       nnorow, nnorow == 1 ? "on has" : "a have", norow,
				       CRM_ASSESS_AS_ZERO) != CRM_OK)
		return CRM_ENOMEM;
	return CRM_OK;
}

void crm_assess_free(crm_assessment *a)
{
	if (!a)
		return;
	if (a->answers)
		for (int k = 0; k < NCRITERIA; k++) {
			free(a->answers[k].text);
			free(a->answers[k].evidence);
			free(a->answers[k].learnings);
		}
	free(a->answers);
	free(a->title);
	free(a->date);
	free(a->file);
	crm_warnings_free(&a->warnings);
	free(a);
}

static crm_assessment *assessment_new(const char *name)
{
	crm_assessment *a = calloc(1, sizeof *a);

	if (!a)
		return NULL;
	a->file = strdup(name);
	a->title = strdup("");
	a->date = strdup("");
	a->answers = calloc((size_t)NCRITERIA, sizeof *a->answers);
	if (!a->file || !a->title || !a->date || !a->answers) {
		crm_assess_free(a);
		return NULL;
	}
	for (int k = 0; k < NCRITERIA; k++) {
		crm_assess_answer *an = &a->answers[k];
		an->text = strdup("");
		an->evidence = strdup("");
		an->learnings = strdup("");
		if (!an->text || !an->evidence || !an->learnings) {
			crm_assess_free(a);
			return NULL;
		}
	}
	return a;
}

/*
 * Read and score; with errors not NULL, go on after a bad row and list the
 * errors (see crm_assess_check), else stop at the first. *first gets the
 * first error.
 */
static crm_assessment *parse(const char *buf, size_t len, const char *name, size_t chunk,
			     crm_warnings *errors, size_t *unlisted, crm_error *first)
{
	crm_csv_table t;
	struct reader rd;
	crm_status st;
	crm_error row_err;
	int colmap[NCOLS], bad_rows = 0;
	size_t i, h;

	_Static_assert(sizeof rd.seen_line / sizeof *rd.seen_line >= NCRITERIA,
		       "seen_line holds every criterion");
	memset(&rd, 0, sizeof rd);
	rd.name = name;
	rd.err = first;
	if (!(rd.a = assessment_new(name))) {
		crm_error_set(first, CRM_ENOMEM, name, 0, 0, "out of memory");
		return NULL;
	}
	/* A European spreadsheet's "CSV": fields separated by ';', numbers with decimal commas. */
	char sep = crm_csv_detect_sep(buf, len);
	rd.dec = sep == ';' ? CRM_DECIMAL_COMMA : CRM_DECIMAL_POINT;
	if ((st = crm_csv_parse_sep(buf, len, chunk, sep, name, &t, first)) != CRM_OK) {
		crm_assess_free(rd.a);
		return NULL;
	}
	for (i = 0; i < t.nrows; i++)
		for (int f = 0; f < t.rows[i].nfields; f++)
			crm_csv_trim(t.rows[i].fields[f]);
	for (h = 0; h < t.nrows && skip_row(&t.rows[h]); h++)
		;
	if (h == t.nrows) {
		st = crm_error_set(first, CRM_EDATA, name, 0, 0, "no header row: the file is empty or "
				   "holds only comments (expected a header with the columns id and "
				   "answer; crmroi assess --template writes one)");
		goto done;
	}
	if ((st = read_header(&rd, &t.rows[h], colmap)) != CRM_OK)
		goto done;
	if (sep == ';' && crm_warnings_add_note(&rd.a->warnings, name, t.rows[h].line, 0,
						CRM_CSV_SEMICOLON_NOTE) != CRM_OK) {
		st = nomem(&rd);
		goto done;
	}
	/* Each row's error is its own; the first is the one a reader stops at. */
	rd.err = errors ? &row_err : first;
	for (i = h + 1; i < t.nrows; i++) {
		if (skip_row(&t.rows[i]))
			continue;
		crm_error_clear(&row_err);
		st = read_row(&rd, &t.rows[i], colmap);
		if (st == CRM_OK)
			continue;
		if (!errors)
			goto done;
		if (!bad_rows++ && first)
			*first = row_err;
		if (st != CRM_EDATA) {
			crm_warnings_add_error(errors, &row_err);   /* out of memory: said if it fits */
			goto done;
		}
		if (errors->count < CRM_MAX_ERRORS) {
			if ((st = crm_warnings_add_error(errors, &row_err)) != CRM_OK) {
				crm_error_set(first, CRM_ENOMEM, name, 0, 0, "out of memory");
				goto done;
			}
		} else {
			(*unlisted)++;
		}
	}
	st = bad_rows ? CRM_EDATA : CRM_OK;
	if (st == CRM_OK && score(rd.a) != CRM_OK) {
		rd.err = first;
		st = nomem(&rd);
	}
done:
	crm_csv_table_free(&t);
	if (st != CRM_OK) {
		crm_assess_free(rd.a);
		return NULL;
	}
	return rd.a;
}

crm_assessment *crm_assess_parse(const char *buf, size_t len, const char *name, size_t chunk,
				 crm_error *err)
{
	return parse(buf, len, name, chunk, NULL, NULL, err);
}

crm_assessment *crm_assess_check_text(const char *buf, size_t len, const char *name, size_t chunk,
				      crm_warnings *errors, size_t *unlisted, crm_error *err)
{
	crm_error first;
	crm_assessment *a;

	*unlisted = 0;
	crm_error_clear(&first);
	a = parse(buf, len, name, chunk, errors, unlisted, &first);
	if (err)
		*err = first;
	/* An error that stopped the reading is the list's only one (out of memory: still said). */
	if (!a && errors->count == 0)
		crm_warnings_add_error(errors, &first);
	return a;
}

crm_assessment *crm_assess_load(const char *path, crm_error *err)
{
	char *buf;
	size_t len;
	crm_assessment *a;

	if (crm_read_file(path, "answers file", &buf, &len, err) != CRM_OK)
		return NULL;
	a = crm_assess_parse(buf, len, strcmp(path, "-") ? path : "<stdin>", 0, err);
	free(buf);
	return a;
}

crm_assessment *crm_assess_check(const char *path, crm_warnings *errors, size_t *unlisted,
				 crm_error *err)
{
	char *buf;
	size_t len;
	crm_assessment *a;
	crm_error first;

	*unlisted = 0;
	crm_error_clear(&first);
	if (crm_read_file(path, "answers file", &buf, &len, &first) != CRM_OK) {
		if (err)
			*err = first;
		crm_warnings_add_error(errors, &first);
		return NULL;
	}
	a = crm_assess_check_text(buf, len, strcmp(path, "-") ? path : "<stdin>", 0, errors,
				  unlisted, err);
	free(buf);
	return a;
}

/* ---------------------------------------------------------------- readiness */

crm_status crm_assess_readiness(const char *from, const char *value, char **path, double *score,
				crm_warnings *w, crm_error *err)
{
	const char *slash = from ? strrchr(from, '/') : NULL;
	size_t n;
	char *p;
	crm_assessment *a;
	crm_error e;

	*path = NULL;
	if (!value[0])
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "setting 'readiness' needs the path "
				     "of an answers file (relative to this file), as written by "
				     "crmroi assess --template");
	/* Relative to the directory of the file that names it, as for `base`. */
	if (value[0] == '/' || !slash || !strcmp(from, "<stdin>")) {
		p = strdup(value);
	} else {
		n = (size_t)(slash - from) + 1 + strlen(value) + 1;
		if ((p = malloc(n)))
			snprintf(p, n, "%.*s/%s", (int)(slash - from), from, value);
	}
	if (!p)
		return crm_error_set(err, CRM_ENOMEM, from, 0, 0, "out of memory");
	crm_error_clear(&e);
	if (!(a = crm_assess_load(p, &e))) {
		if (e.status == CRM_EIO) {
			crm_error_set(err, CRM_EIO, NULL, 0, 0, "readiness: answers file '%s' cannot "
				      "be read (looked for %s: %s)", value, p, e.msg);
			free(p);
			return CRM_EIO;
		}
		free(p);
		if (err)
			*err = e;
		return e.status;
	}
	for (size_t i = 0; i < a->warnings.count; i++) {
		const crm_error *wi = &a->warnings.items[i];
		if ((wi->note ? crm_warnings_add_note(w, wi->file, wi->line, wi->col, "readiness: %s",
						      wi->msg)
			      : crm_warnings_add(w, wi->file, wi->line, wi->col, "readiness: %s",
						 wi->msg)) != CRM_OK) {
			crm_assess_free(a);
			free(p);
			return crm_error_set(err, CRM_ENOMEM, from, 0, 0, "out of memory");
		}
	}
	*score = a->total;
	*path = p;
	crm_assess_free(a);
	return CRM_OK;
}
