/*
 * test_datatable.c - the evaluations behind data tables (crmroi sweep):
 * crm_model_dependents, crm_model_summary_partial and crm_analysis_npv.
 *
 * The partial evaluation must give crm_model_summary's NPV to the last bit
 * whatever changed, and crm_analysis_npv the full evaluation's NPV within
 * rounding. Dependencies are checked on a scenario small enough to follow
 * by hand.
 */
#include "testutil.h"

#include <stdlib.h>

/* The bundled scenarios the comparisons run on (monthly, dated, readiness among them). */
static const char *const scenario_files[] = {
	"scenarios/midsize_business_case.csv", "scenarios/tei_example.csv",
	"scenarios/tei_truck.csv", "scenarios/cfo/after_tax.csv", "scenarios/cfo/dated.csv",
	"scenarios/cfo/excel_xnpv.csv", "scenarios/cfo/textbook.csv",
	"scenarios/assess/business_case.csv", "scenarios/deployment/phased.csv",
	"scenarios/deployment/big_bang.csv", "scenarios/areas/field_service.csv",
	"scenarios/areas/lead_management.csv", "scenarios/bench/montecarlo_bench.csv",
};
#define NFILES (sizeof scenario_files / sizeof *scenario_files)

/* Changes tried per scenario. */
#define TRIALS 400
/* crm_analysis_npv against crm_analysis_eval: rounding of a sum taken in another order. */
#define NPV_REL 1e-12
#define NPV_ABS 1e-6

static crm_scenario *load_file(const char *name)
{
	char path[1024];
	crm_error err;

	snprintf(path, sizeof path, "%s/%s", TEST_SRCDIR, name);
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(path, &err);
	if (!sc) {
		print_error("%s: %s\n", path, err.msg);
		fail();
	}
	return sc;
}

static uint64_t rnd_state = 88172645463325252ULL;

/* A uniform draw in [0, 1) from a fixed xorshift stream. */
static double uniform(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (double)(rnd_state >> 11) * 0x1p-53;
}

static int same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

/*
 * a = 2.385; b = a x 2; c = 7.25; d = b + c. Lines: L0 = b x 3, L1 = c,
 * L2 = d, L3 = 1000. Flagging a flags b and d (through b), and the lines
 * using b or d: L0 and L2. Flagging line L3 flags nothing else.
 */
static void test_dependents(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,timing,start\n"
		"input,a,2.385\n"
		"input,b,a * 2\n"
		"input,c,7.25\n"
		"input,d,b + c\n"
		"benefit,L0,b * 3,yearly,1\n"
		"benefit,L1,c,yearly,1\n"
		"cost,L2,d,once,0\n"
		"cost,L3,1000,once,0\n");
	crm_error err;
	crm_error_clear(&err);
	crm_model *m = crm_model_new(sc, &err);
	assert_non_null(m);
	char in[4] = { 1, 0, 0, 0 }, line[4] = { 0, 0, 0, 0 };
	crm_model_dependents(m, in, line);
	assert_memory_equal(in, ((char[4]){ 1, 1, 0, 1 }), 4);
	assert_memory_equal(line, ((char[4]){ 1, 0, 1, 0 }), 4);
	char in2[4] = { 0, 0, 0, 0 }, line2[4] = { 0, 0, 0, 1 };
	crm_model_dependents(m, in2, line2);
	assert_memory_equal(in2, ((char[4]){ 0, 0, 0, 0 }), 4);
	assert_memory_equal(line2, ((char[4]){ 0, 0, 0, 1 }), 4);
	crm_model_free(m);
	crm_scenario_free(sc);
}

/* A value near x (or near 1000 when x is 0), for an override. */
static double near(double x)
{
	return (x != 0 ? x : 1000) * (0.5 + uniform());
}

/*
 * For every scenario the short way applies to: pairs of an input or a line
 * (rows) and another (columns) get random values as a data table gives them;
 * each partial evaluation after a column change equals a full one bit for bit.
 */
static void test_partial_equals_full(void **state)
{
	(void)state;
	for (size_t f = 0; f < NFILES; f++) {
		crm_scenario *sc = load_file(scenario_files[f]);
		crm_error err;
		crm_error_clear(&err);
		crm_model *m = crm_model_new(sc, &err);
		assert_non_null(m);
		crm_cashflow *cf = crm_cashflow_new(m);
		assert_non_null(cf);
		if (!crm_model_summary_fast(m)) {
			crm_cashflow_free(cf);
			crm_model_free(m);
			crm_scenario_free(sc);
			continue;
		}
		size_t nparams = sc->ninputs + sc->nlines;
		char *in = malloc(sc->ninputs + 1), *line = malloc(sc->nlines + 1);
		assert_true(in && line);
		for (int t = 0; t < TRIALS; t++) {
			/* Row: any input or line; column: another one. */
			size_t r = (size_t)(uniform() * (double)nparams);
			size_t c = (size_t)(uniform() * (double)nparams);
			if (r == c)
				continue;
			memset(in, 0, sc->ninputs + 1);
			memset(line, 0, sc->nlines + 1);
			if (c < sc->ninputs)
				in[c] = 1;
			else
				line[c - sc->ninputs] = 1;
			crm_model_dependents(m, in, line);
			crm_summary full, part;
			if (r < sc->ninputs)
				crm_model_override(m, r, near(1));
			else
				crm_model_override_line(m, r - sc->ninputs, near(5000));
			if (crm_model_summary(m, cf, 0, 0, &full, NULL) != CRM_OK)
				continue;
			for (int k = 0; k < 5; k++) {
				double x = near(c < sc->ninputs ? 1 : 5000);
				if (c < sc->ninputs)
					crm_model_override(m, c, x);
				else
					crm_model_override_line(m, c - sc->ninputs, x);
				crm_status sp = crm_model_summary_partial(m, cf, in, line, &part, NULL);
				crm_status sf = crm_model_summary(m, cf, 0, 0, &full, NULL);
				assert_int_equal(sp, sf);
				if (sp != CRM_OK)
					break;
				if (!same_bits(part.npv, full.npv) || !same_bits(part.pv_costs, full.pv_costs)) {
					print_error("%s: row %zu, column %zu = %.17g: partial NPV %.17g, full %.17g\n",
						    scenario_files[f], r, c, x, part.npv, full.npv);
					fail();
				}
			}
			for (size_t i = 0; i < sc->ninputs; i++)
				crm_model_clear_override(m, i);
			for (size_t l = 0; l < sc->nlines; l++)
				crm_model_clear_line_override(m, l);
		}
		free(in);
		free(line);
		crm_cashflow_free(cf);
		crm_model_free(m);
		crm_scenario_free(sc);
	}
}

/* crm_analysis_npv gives crm_analysis_eval's NPV, short way or not, within rounding. */
static void test_analysis_npv(void **state)
{
	static const crm_metric_id npv = CRM_METRIC_NPV;

	(void)state;
	for (size_t f = 0; f < NFILES; f++) {
		crm_scenario *sc = load_file(scenario_files[f]);
		crm_error err;
		crm_error_clear(&err);
		crm_analysis *a = crm_analysis_new(sc, &err);
		assert_non_null(a);
		for (int t = 0; t < TRIALS / 4 && sc->ninputs > 0; t++) {
			crm_param p;
			size_t i = (size_t)(uniform() * (double)sc->ninputs);
			assert_int_equal(crm_param_find(sc, sc->inputs[i].name, &p, &err), CRM_OK);
			double x = near(p.has_base ? p.base : 1);
			/* A share of adoption above 100% is an error of the scenario, not a value. */
			if (sc->inputs[i].adoption && x > 1)
				x = 1;
			assert_int_equal(crm_analysis_set(a, &p, x, &err), CRM_OK);
			crm_value fast, slow;
			assert_int_equal(crm_analysis_npv(a, &fast, &err), CRM_OK);
			assert_int_equal(crm_analysis_eval(a, &npv, 1, &slow, &err), CRM_OK);
			assert_int_equal(fast.ok, slow.ok);
			if (slow.ok)
				assert_close(fast.v, slow.v, NPV_REL, NPV_ABS);
			crm_analysis_reset(a, &p);
		}
		crm_analysis_free(a);
		crm_scenario_free(sc);
	}
}

/*
 * Timing and adoption from inputs: a share of adoption flags the lines it
 * multiplies, and the partial evaluation follows crm_model_summary: the
 * same NPV when only the share moves, CRM_EUSAGE (the full evaluation
 * decides) when a start month moves or a share leaves 0..1.
 */
static void test_timing_and_adoption(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,timing,start,adoption\n"
		"setting,horizon_years,3\n"
		"input,golive,6\n"
		"input,share,75%\n"
		"input,price,2.38\n"
		"benefit,Faster quotes,price * 1000,yearly,golive,share\n"
		"cost,Licences,100,monthly,1\n");
	crm_error err;
	crm_error_clear(&err);
	crm_model *m = crm_model_new(sc, &err);
	assert_non_null(m);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_true(crm_model_summary_fast(m));
	char in[3] = { 0, 1, 0 }, line[2] = { 0, 0 };
	crm_model_dependents(m, in, line);
	assert_memory_equal(in, ((char[3]){ 0, 1, 0 }), 3);
	assert_memory_equal(line, ((char[2]){ 1, 0 }), 2);

	crm_summary full, part;
	assert_int_equal(crm_model_summary(m, cf, 0, 0, &full, NULL), CRM_OK);
	for (int k = 0; k < 50; k++) {
		crm_model_override(m, 1, uniform());
		assert_int_equal(crm_model_summary_partial(m, cf, in, line, &part, NULL), CRM_OK);
		assert_int_equal(crm_model_summary(m, cf, 0, 0, &full, NULL), CRM_OK);
		assert_true(same_bits(part.npv, full.npv));
	}
	crm_model_override(m, 1, 1.5);
	assert_int_equal(crm_model_summary_partial(m, cf, in, line, &part, NULL), CRM_EUSAGE);
	assert_int_equal(crm_model_summary(m, cf, 0, 0, &full, NULL), CRM_EUSAGE);
	crm_model_override(m, 1, 0.5);
	assert_int_equal(crm_model_summary(m, cf, 0, 0, &full, NULL), CRM_OK);
	/* The start month moves with golive. */
	char in0[3] = { 1, 0, 0 }, line0[2] = { 0, 0 };
	crm_model_dependents(m, in0, line0);
	crm_model_override(m, 0, 8);
	assert_int_equal(crm_model_summary_partial(m, cf, in0, line0, &part, NULL), CRM_EUSAGE);
	assert_int_equal(crm_model_summary(m, cf, 0, 0, &full, NULL), CRM_EUSAGE);
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
}

/* A division by zero is a reason in a cell, as in the full evaluation. */
static void test_undefined_cell(void **state)
{
	static const crm_metric_id npv = CRM_METRIC_NPV;

	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,timing,start\n"
		"input,share,0.25\n"
		"input,users,120\n"
		"benefit,Per user,1000 / share,yearly,1\n"
		"cost,Licences,users * 10,yearly,1\n");
	crm_error err;
	crm_error_clear(&err);
	crm_analysis *a = crm_analysis_new(sc, &err);
	crm_param p;
	assert_int_equal(crm_param_find(sc, "share", &p, &err), CRM_OK);
	assert_int_equal(crm_analysis_set(a, &p, 0, &err), CRM_OK);
	crm_value fast, slow;
	assert_int_equal(crm_analysis_npv(a, &fast, &err), CRM_OK);
	assert_int_equal(crm_analysis_eval(a, &npv, 1, &slow, &err), CRM_OK);
	assert_false(fast.ok);
	assert_false(slow.ok);
	assert_string_equal(fast.why, slow.why);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dependents),
		cmocka_unit_test(test_partial_equals_full),
		cmocka_unit_test(test_analysis_npv),
		cmocka_unit_test(test_timing_and_adoption),
		cmocka_unit_test(test_undefined_cell),
	};
	return cmocka_run_group_tests_name("datatable", tests, NULL, NULL);
}
