/*
 * test_assess.c - the readiness self-assessment: scoring, answers, errors,
 * and the execution factor a scenario's `readiness` setting applies.
 *
 * Expected totals are worked by hand in the comments from the rule in
 * crmroi(1): a group's points = its maximum x the mean of its criteria (an
 * unanswered criterion counts 0), results = the sum of its four parts, the
 * total = the sum of the nine sections. NPVs with readiness are computed in
 * exact rational arithmetic (Python fractions), independently of crmroi.
 */
#include "testutil.h"

#include <stdlib.h>
#include <unistd.h>

#define HDR "id,section,answer,evidence,learnings\n"

/* A file with every criterion answered `ans`. */
static char *all_answered(const char *ans)
{
	size_t cap = 64 * 1024, o = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
	o += (size_t)snprintf(buf + o, cap - o, "# every criterion answered %s\n%s", ans, HDR);
	for (int k = 0; k < crm_assess_ncriteria(); k++)
		o += (size_t)snprintf(buf + o, cap - o, "%s,,%s,,\n", crm_assess_criterion_at(k)->id, ans);
	assert_true(o < cap);
	return buf;
}

static crm_assessment *parse_ok(const char *text, size_t chunk)
{
	crm_error err;
	crm_error_clear(&err);
	crm_assessment *a = crm_assess_parse(text, strlen(text), "answers.csv", chunk, &err);
	if (!a) {
		print_error("parse failed: %d:%d: %s\n", err.line, err.col, err.msg);
		fail();
	}
	return a;
}

/* The questionnaire adds up: 9 sections, 1000 points, 3 to 6 criteria a section, 1 to 3 a part. */
static void test_questionnaire(void **state)
{
	(void)state;
	double total = 0, culture = 0;
	int next = 0;
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		const crm_assess_section *sec = crm_assess_section_at(s);
		double parts = 0;
		int n = 0;
		total += sec->points;
		if (sec->culture)
			culture += sec->points;
		assert_int_equal(sec->culture, s < CRM_ASSESS_NCULTURE);
		for (int g = sec->first_group; g < sec->first_group + sec->ngroups; g++) {
			const crm_assess_group *gr = crm_assess_group_at(g);
			assert_int_equal(gr->section, s);
			assert_int_equal(gr->first, next);   /* criteria in order, no gaps */
			for (int k = gr->first; k < gr->first + gr->count; k++)
				assert_int_equal(crm_assess_criterion_at(k)->group, g);
			next += gr->count;
			parts += gr->points;
			n += gr->count;
			if (sec->ngroups > 1)
				assert_true(gr->count >= 1 && gr->count <= 3);
		}
		assert_close(parts, sec->points, 0, 0);
		if (sec->ngroups == 1)
			assert_true(n >= 3 && n <= 6);
	}
	assert_int_equal(next, crm_assess_ncriteria());
	assert_close(total, 1000, 0, 0);
	assert_close(culture, 700, 0, 0);
	/* results: financial 90, employees 50, customers 120, partners 40 */
	assert_close(crm_assess_group_at(5)->points, 90, 0, 0);
	assert_close(crm_assess_group_at(6)->points, 50, 0, 0);
	assert_close(crm_assess_group_at(7)->points, 120, 0, 0);
	assert_close(crm_assess_group_at(8)->points, 40, 0, 0);
}

/* All yes: every section at its maximum, 1000 in total, 700 culture + 300 execution. */
static void test_all_yes(void **state)
{
	(void)state;
	char *text = all_answered("yes");
	crm_assessment *a = parse_ok(text, 0);
	assert_close(a->total, 1000, 1e-12, 0);
	assert_close(a->culture, 700, 1e-12, 0);
	assert_close(a->execution, 300, 1e-12, 0);
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++)
		assert_close(a->section_points[s], crm_assess_section_at(s)->points, 1e-12, 0);
	assert_int_equal(a->nunanswered, 0);
	assert_int_equal(a->warnings.count, 0);
	assert_int_equal(a->nstrongest, 9);   /* all tie at 100% */
	crm_assess_free(a);
	free(text);
}

/* All no: 0 everywhere; YES/No are case-insensitive; "0%" is the same as no. */
static void test_all_no(void **state)
{
	(void)state;
	char *text = all_answered("No");
	crm_assessment *a = parse_ok(text, 0);
	assert_close(a->total, 0, 0, 0);
	assert_close(a->culture, 0, 0, 0);
	assert_close(a->execution, 0, 0, 0);
	assert_int_equal(a->nunanswered, 0);
	crm_assess_free(a);
	free(text);
	text = all_answered("100%");
	a = parse_ok(text, 0);
	assert_close(a->total, 1000, 1e-12, 0);
	crm_assess_free(a);
	free(text);
}

/*
 * A mixed file, by hand (points = maximum x mean, unanswered = 0):
 *   policy and strategy (50, 4 criteria): yes, no, 50%, 90%
 *       mean (1 + 0 + 0.5 + 0.9) / 4 = 0.6          -> 30
 *   employees (100, 5): 70%, 25%, EM3 empty, EM4 and EM5 without a row
 *       mean (0.7 + 0.25) / 5 = 0.19                 -> 19
 *   results: financial (90, 3): yes, yes, no  2/3    -> 60
 *   results: customers (120, 3): 85%, 85%, 100%  2.7/3 = 0.9 -> 108
 *   results then = 60 + 0 + 108 + 0                  -> 168
 *   leadership (100, 4): yes x 4                     -> 100
 *   change management (100, 5): 5%, 0%, 10%, yes, no
 *       mean (0.05 + 0 + 0.1 + 1 + 0) / 5 = 0.23     -> 23
 *   customers, partners, processes, program management: no rows -> 0
 * Total 30 + 19 + 168 + 100 + 23 = 340; culture 30 + 19 + 168 = 217,
 * execution 100 + 23 = 123. Answered 4 + 2 + 3 + 3 + 4 + 5 = 21 of 46:
 * 25 unanswered. Strongest leadership (100%); weakest the four sections at 0.
 * Largest gap: customers, processes and program management (100 each;
 * customers first in questionnaire order), then results (300 - 168 = 132)
 * ... so by_gap starts with results (132), then customers (100).
 */
static const char mixed[] =
	"# a mixed assessment\n"
	"id,section,answer,evidence,learnings\n"
	"title,about,Test Ltd,,\n"
	"stage,about,Calibration,,\n"
	"PS1,,yes,strategy p. 3,\n"
	"PS2,,no,,\"Nobody owns the policies,\nyet\"\n"
	"PS3,,50%,,\n"
	"PS4,, 90% ,,\n"
	"\n"
	"EM1,,70%,,\n"
	"EM2,,25%,,\n"
	"EM3,,,,\n"
	"rf1,,YES,,\n"
	"RF2,,yes,,\n"
	"RF3,,no,,\n"
	"RC1,,85%,,\n"
	"RC2,,85%,,\n"
	"RC3,,100%,,\n"
	"LE1,,yes,,\nLE2,,yes,,\nLE3,,yes,,\nLE4,,yes,,\n"
	"CM1,,5%,,\nCM2,,0%,,\nCM3,,10%,,\nCM4,,yes,,\nCM5,,no,,\n";

static void check_mixed(const crm_assessment *a)
{
	assert_close(a->section_points[0], 30, 1e-12, 0);
	assert_close(a->section_points[1], 19, 1e-12, 0);
	assert_close(a->section_points[2], 0, 0, 0);
	assert_close(a->group_points[5], 60, 1e-12, 0);
	assert_close(a->group_points[7], 108, 1e-12, 0);
	assert_close(a->section_points[5], 168, 1e-12, 0);
	assert_close(a->section_points[6], 100, 1e-12, 0);
	assert_close(a->section_points[8], 23, 1e-12, 0);
	assert_close(a->total, 340, 1e-12, 0);
	assert_close(a->culture, 217, 1e-12, 0);
	assert_close(a->execution, 123, 1e-12, 0);
	assert_int_equal(a->nunanswered, 25);
	/* One warning for EM3's empty cell, one for the 24 criteria without a row. */
	assert_int_equal(a->warnings.count, 2);
	assert_contains(a->warnings.items[1].msg, "24 criteria have no row");
	assert_int_equal(a->nstrongest, 1);
	assert_int_equal(a->strongest[0], 6);
	assert_int_equal(a->nweakest, 4);
	assert_int_equal(a->weakest[0], 2);
	assert_int_equal(a->weakest[3], 7);
	assert_int_equal(a->by_gap[0], 5);
	assert_int_equal(a->by_gap[1], 2);
	assert_string_equal(a->title, "Test Ltd");
	assert_int_equal(a->stage, CRM_STAGE_CALIBRATION);
	assert_string_equal(a->answers[1].learnings, "Nobody owns the policies,\nyet");
	assert_string_equal(a->answers[0].evidence, "strategy p. 3");
}

static void test_mixed(void **state)
{
	(void)state;
	crm_assessment *a = parse_ok(mixed, 0);
	check_mixed(a);
	/* EM3 has a row with an empty answer: its warning points at the cell, line 13 (the
	 * learnings of PS2 span lines 6 and 7), column 3. */
	int found = 0;
	for (size_t i = 0; i < a->warnings.count; i++)
		if (strstr(a->warnings.items[i].msg, "EM3 ")) {
			assert_int_equal(a->warnings.items[i].line, 13);
			assert_int_equal(a->warnings.items[i].col, 3);
			found = 1;
		}
	assert_true(found);
	crm_assess_free(a);
}

/* The result does not depend on how the CSV text arrives. */
static void test_mixed_every_chunk(void **state)
{
	(void)state;
	for (size_t chunk = 1; chunk <= 40; chunk++) {
		crm_assessment *a = parse_ok(mixed, chunk);
		check_mixed(a);
		crm_assess_free(a);
	}
}

struct bad { const char *text; int line, col; const char *msg; };

static void test_errors(void **state)
{
	(void)state;
	static const struct bad cases[] = {
		{ HDR "PS1,,maybe,,\n", 2, 3, "'maybe' is not an answer" },
		{ HDR "PS1,,yes,,\nPS2,,120%,,\n", 3, 3, "'120%' is outside 0% to 100%" },
		{ HDR "PS1,,7%,,\n", 2, 3, "between the score bands 0-5% and 10-25%" },
		{ HDR "PS1,,87.5%,,\n", 2, 3, "between the score bands 70-85% and 90-100%" },
		{ HDR "PS1,,-5%,,\n", 2, 3, "outside 0% to 100%" },
		{ HDR "PS1,,70,,\n", 2, 3, "written with % (e.g. 70%)" },
		{ HDR "PS1,,0.7,,\n", 2, 3, "e.g. 70%" },
		{ HDR "XX9,,yes,,\n", 2, 1, "unknown criterion 'XX9'" },
		{ HDR "PS1,,yes,,\nps1,,no,,\n", 3, 1, "PS1 is answered twice (first on line 2)" },
		{ HDR ",,yes,,\n", 2, 1, "the row has no id" },
		{ HDR "stage,,later,,\n", 2, 3, "'later' is not a stage" },
		{ "# only a comment\n", 0, 0, "no header row" },
		{ "id,section,evidence\nPS1,,\n", 1, 0, "no 'answer' column" },
		{ "id,answer,Answer\n", 1, 3, "column 'answer' is given twice" },
		{ HDR "PS1,,\"yes,,\n", 2, 3, "quoted field is not closed" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		crm_error err;
		crm_error_clear(&err);
		crm_assessment *a = crm_assess_parse(cases[i].text, strlen(cases[i].text), "bad.csv", 0,
						     &err);
		assert_null(a);
		assert_int_equal(err.status, CRM_EDATA);
		assert_string_equal(err.file, "bad.csv");
		assert_contains(err.msg, cases[i].msg);
		if (err.line != cases[i].line || err.col != cases[i].col) {
			print_error("case %zu: at %d:%d, expected %d:%d (%s)\n", i, err.line, err.col,
				    cases[i].line, cases[i].col, err.msg);
			fail();
		}
	}
}

/* Band edges are inside their band: 5%, 10%, 25%, 30%, 45%, 85%, 90%. */
static void test_band_edges(void **state)
{
	(void)state;
	static const char *const ok[] = { "0%", "5%", "10%", "25%", "30%", "45%", "50%", "65%",
		"70%", "85%", "90%", "100%", "12.5%", "1e1%" };
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		char text[128];
		snprintf(text, sizeof text, HDR "PS1,,%s,,\n", ok[i]);
		crm_assessment *a = parse_ok(text, 0);
		double want = strtod(ok[i], NULL) / 100;
		assert_close(a->answers[0].score, want, 1e-15, 0);
		/* PS1 alone in a section of 4 criteria worth 50: 50 x want / 4. */
		assert_close(a->total, 12.5 * want, 1e-12, 1e-12);
		crm_assess_free(a);
	}
}

/*
 * Just outside every band, on both sides of each gap, an answer is refused
 * and the message names the two bands it lies between (crmroi(1): "a
 * percentage inside one of the score bands 0-5%, 10-25%, 30-45%, 50-65%,
 * 70-85% and 90-100%"): 66% is not 65%.
 */
static void test_between_bands(void **state)
{
	(void)state;
	static const struct { const char *answer, *bands; } cases[] = {
		{ "6%", "0-5% and 10-25%" }, { "5.01%", "0-5% and 10-25%" },
		{ "9%", "0-5% and 10-25%" }, { "9.99%", "0-5% and 10-25%" },
		{ "26%", "10-25% and 30-45%" }, { "29%", "10-25% and 30-45%" },
		{ "46%", "30-45% and 50-65%" }, { "49%", "30-45% and 50-65%" },
		{ "66%", "50-65% and 70-85%" }, { "65.01%", "50-65% and 70-85%" },
		{ "69%", "50-65% and 70-85%" }, { "86%", "70-85% and 90-100%" },
		{ "89%", "70-85% and 90-100%" }, { "89.99%", "70-85% and 90-100%" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[128], want[128];
		crm_error err;
		crm_error_clear(&err);
		snprintf(text, sizeof text, HDR "PS1,,%s,,\n", cases[i].answer);
		snprintf(want, sizeof want, "PS1: '%s' lies between the score bands %s (choose",
			 cases[i].answer, cases[i].bands);
		crm_assessment *a = crm_assess_parse(text, strlen(text), "bands.csv", 0, &err);
		if (a) {
			print_error("%s is accepted as %g\n", cases[i].answer, a->answers[0].score);
			crm_assess_free(a);
			fail();
		}
		assert_int_equal(err.line, 2);
		assert_int_equal(err.col, 3);
		assert_contains(err.msg, want);
	}
	/* 100% is the top, and 0% the bottom: beyond them is outside, not between. */
	crm_error err;
	crm_error_clear(&err);
	const char *over = HDR "PS1,,100.01%,,\n";
	assert_null(crm_assess_parse(over, strlen(over), "bands.csv", 0, &err));
	assert_contains(err.msg, "'100.01%' is outside 0% to 100%");
}

/* factor = floor + (1 - floor) x score / 1000 */
static void test_factor(void **state)
{
	(void)state;
	assert_close(crm_assess_factor(640, 0.5), 0.82, 1e-15, 0);
	assert_close(crm_assess_factor(640, 0.2), 0.712, 1e-15, 0);
	assert_close(crm_assess_factor(0, 0.35), 0.35, 1e-15, 0);
	assert_true(crm_assess_factor(1000, 0.3) == 1.0);   /* exactly: a full score changes nothing */
	assert_true(crm_assess_factor(1000, 0.0) == 1.0);
}

/* --------------------------------------------------------------- readiness */

#define MIDWAY TEST_SRCDIR "/scenarios/assess/midway.csv"

static double npv_of(const crm_scenario *sc)
{
	crm_error err;
	crm_error_clear(&err);
	crm_model *m = crm_model_new(sc, &err);
	assert_non_null(m);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_non_null(cf);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	crm_metrics met;
	assert_int_equal(crm_metrics_compute(m, cf, &met, &err), CRM_OK);
	double npv = met.npv;
	crm_cashflow_free(cf);
	crm_model_free(m);
	return npv;
}

/*
 * Set-up 10000 at month 0 (cost risk 0), benefit 15000 a year for three
 * years with a 10% benefit risk, discounted at 10%. The bundled midway.csv
 * scores 640 (worked out in its comments and scenarios/assess/business_case.csv):
 *   floor 50%: factor 0.82, benefit 15000 x 0.9 x 0.82 = 11070 a year,
 *     NPV = 11070 x (1.1^-1 + 1.1^-2 + 1.1^-3) - 10000 = 17529.451540195341848
 *   floor 20%: factor 0.712, NPV = 13903.621337340345605
 *   score 0 at floor 50%: factor 0.5, NPV = 6786.250939143501127
 *   no readiness: 13500 a year, NPV = 23572.501878287002254
 * (exact rationals, Python fractions; the floor-50% flows -10000, 11070 x 3 also through
 * ../shared/oracle/fin_oracle.py: mpmath 17529.45154019534184823).
 */
#define CASE "kind,name,value,timing\nsetting,discount_rate,10%%\nsetting,benefit_risk,10%%\n" \
	"cost,Set-up,10000,once\nbenefit,Revenue,15000,yearly\n%s"

static crm_scenario *case_with(const char *extra)
{
	char text[2048];
	snprintf(text, sizeof text, CASE, extra);
	return load_text(text);
}

static void test_readiness_npv(void **state)
{
	(void)state;
	crm_scenario *sc = case_with("");
	assert_null(sc->settings.readiness);
	assert_close(npv_of(sc), 23572.501878287002254, REL, 0);
	crm_scenario_free(sc);

	sc = case_with("setting,readiness," MIDWAY "\n");
	assert_non_null(sc->settings.readiness);
	assert_close(sc->settings.readiness_score, 640, 1e-12, 0);
	assert_close(sc->settings.readiness_floor, 0.5, 0, 0);
	assert_close(npv_of(sc), 17529.451540195341848, REL, 0);
	crm_scenario_free(sc);

	sc = case_with("setting,readiness_floor,20%\nsetting,readiness," MIDWAY "\n");
	assert_close(npv_of(sc), 13903.621337340345605, REL, 0);

	/* As a parameter: readiness_score 0 leaves the floor. */
	crm_error err;
	crm_param p;
	crm_error_clear(&err);
	assert_int_equal(crm_param_find(sc, "readiness_score", &p, &err), CRM_OK);
	assert_close(p.base, 640, 1e-12, 0);
	crm_analysis *an = crm_analysis_new(sc, &err);
	assert_non_null(an);
	crm_param pf;
	assert_int_equal(crm_param_find(sc, "readiness_floor", &pf, &err), CRM_OK);
	assert_int_equal(crm_analysis_set(an, &pf, 0.5, &err), CRM_OK);
	assert_int_equal(crm_analysis_set(an, &p, 0, &err), CRM_OK);
	crm_metric_id id = CRM_METRIC_NPV;
	crm_value v;
	assert_int_equal(crm_analysis_eval(an, &id, 1, &v, &err), CRM_OK);
	assert_close(v.v, 6786.250939143501127, REL, 0);
	assert_int_equal(crm_analysis_set(an, &p, 1000.5, &err), CRM_EUSAGE);
	assert_int_equal(crm_analysis_set(an, &pf, 1.5, &err), CRM_EUSAGE);
	/*
	 * The score back to the scenario's 640 with the floor still at 50%: factor
	 * 1 - 0.5 x 0.36 = 0.82, NPV = -10000 + 0.82 x 33572.501878287002254 (NPV is
	 * linear in the factor: 6786.25... at 0.5, 23572.50... at 1).
	 */
	crm_analysis_reset(an, &p);
	assert_int_equal(crm_analysis_eval(an, &id, 1, &v, &err), CRM_OK);
	assert_close(v.v, 17529.451540195341848, REL, 0);
	crm_analysis_reset(an, &pf);
	assert_int_equal(crm_analysis_eval(an, &id, 1, &v, &err), CRM_OK);
	assert_close(v.v, 13903.621337340345605, REL, 0);
	crm_analysis_free(an);
	crm_scenario_free(sc);

	/* The effect on NPV, for reports: with the factor and at full readiness. */
	crm_readiness_effect fx;
	sc = case_with("setting,readiness," MIDWAY "\n");
	assert_int_equal(crm_assess_effect(sc, &fx, &err), CRM_OK);
	assert_close(fx.factor, 0.82, 1e-15, 0);
	assert_close(fx.npv, 17529.451540195341848, REL, 0);
	assert_close(fx.npv_full, 23572.501878287002254, REL, 0);
	/* Never below 0 here: even at score 0 (factor 0.5) NPV is 6786.25 > 0. */
	assert_int_equal(fx.breakeven_found, 0);
	crm_scenario_free(sc);
	/*
	 * A case that stops paying: set-up 30000, so NPV = 13500 x f x A - 30000
	 * with A = 2.486851990984222 (the 3-year annuity at 10%); NPV = 0 at
	 * f = 30000 / (13500 A) = 0.8935884525..., score = (f - 0.5) / 0.5 x 1000
	 * = 787.17690500167839 (exact rationals, Python fractions); Brent to 1e-12.
	 */
	sc = load_text("kind,name,value,timing\nsetting,discount_rate,10%\nsetting,benefit_risk,"
		       "10%\ncost,Set-up,30000,once\nbenefit,Revenue,15000,yearly\n"
		       "setting,readiness," MIDWAY "\n");
	assert_int_equal(crm_assess_effect(sc, &fx, &err), CRM_OK);
	assert_int_equal(fx.breakeven_found, 1);
	assert_close(fx.breakeven_score, 787.17690500167839, 1e-9, 0);
	crm_scenario_free(sc);

	/* Without the setting, readiness_score is not a parameter. */
	sc = case_with("");
	assert_int_equal(crm_param_find(sc, "readiness_score", &p, &err), CRM_EUSAGE);
	assert_contains(err.msg, "no setting readiness");
	assert_int_equal(crm_assess_effect(sc, &fx, &err), CRM_EUSAGE);
	crm_scenario_free(sc);
}

static void test_readiness_errors(void **state)
{
	(void)state;
	char text[2048];
	crm_error err;

	/* A missing answers file is located at the setting's value cell. */
	snprintf(text, sizeof text, CASE, "setting,readiness,no_such_answers.csv\n");
	crm_error_clear(&err);
	assert_null(crm_scenario_parse(text, strlen(text), "dir/case.csv", 0, &err));
	assert_string_equal(err.file, "dir/case.csv");
	assert_int_equal(err.line, 6);
	assert_int_equal(err.col, 3);
	assert_contains(err.msg, "looked for dir/no_such_answers.csv");

	snprintf(text, sizeof text, CASE, "setting,readiness,\n");
	crm_error_clear(&err);
	assert_null(crm_scenario_parse(text, strlen(text), "case.csv", 0, &err));
	assert_int_equal(err.line, 6);
	assert_contains(err.msg, "needs the path of an answers file");

	snprintf(text, sizeof text, CASE, "setting,readiness_floor,150%\n");
	crm_error_clear(&err);
	assert_null(crm_scenario_parse(text, strlen(text), "case.csv", 0, &err));
	assert_int_equal(err.line, 6);
	assert_contains(err.msg, "readiness_floor");

	/* A bad answer inside the answers file is located in that file. */
	char path[] = "/tmp/crmroi_test_assess_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(HDR "PS1,,yes,,\nPS2,,maybe,,\n", f);
	assert_int_equal(fclose(f), 0);
	char row[256];
	snprintf(row, sizeof row, "setting,readiness,%s\n", path);
	snprintf(text, sizeof text, CASE, row);
	crm_error_clear(&err);
	assert_null(crm_scenario_parse(text, strlen(text), "case.csv", 0, &err));
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 3);
	assert_contains(err.msg, "'maybe' is not an answer");

	/* Unanswered criteria of the answers file become the scenario's warnings. */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(HDR "PS1,,yes,,\n", f);
	assert_int_equal(fclose(f), 0);
	crm_scenario *sc = load_text(text);
	assert_int_equal(sc->warnings.count, 1);
	assert_contains(sc->warnings.items[0].msg, "readiness: 45 criteria have no row");
	/* PS1 alone: 50 x 1/4 = 12.5 points. */
	assert_close(sc->settings.readiness_score, 12.5, 1e-12, 0);
	crm_scenario_free(sc);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_questionnaire),
		cmocka_unit_test(test_all_yes),
		cmocka_unit_test(test_all_no),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_mixed_every_chunk),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_band_edges),
		cmocka_unit_test(test_between_bands),
		cmocka_unit_test(test_factor),
		cmocka_unit_test(test_readiness_npv),
		cmocka_unit_test(test_readiness_errors),
	};
	crm_init();
	return cmocka_run_group_tests_name("assess", tests, NULL, NULL);
}
