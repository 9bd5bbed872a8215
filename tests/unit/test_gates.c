/*
 * test_gates.c - lines that happen together (the group column) and benefit
 * classes (the class column): loading, the expected value of a deterministic
 * run, the class set the metrics count, and a simulation that draws a group
 * once.
 *
 * Expected values by hand, exact fractions (10% discount rate, year grid,
 * Year k discounted by 1.1^k, Initial not discounted). Scenario `gate` below:
 *   Pilot           cost 100,000 once at month 0              Initial -100,000
 *   Rollout licence cost 200,000 once at month 12, group      Year 1  -200,000 x 0.7 = -140,000
 *                   rollout (probability 70%, given here)
 *   Rollout savings benefit 300,000 a year from month 13,     Year 2  300,000 x 0.7 = 210,000
 *                   group rollout, class cost_reduction
 *   Pilot sales     benefit 50,000 a year from month 1, cash  Year 1 and Year 2 50,000
 *   Later module    benefit 80,000 a year from month 13,      Year 2 80,000, not in NPV
 *                   class flexibility
 * Net flows counted (every class but flexibility): -100,000; -90,000; 260,000.
 *   NPV = -100,000 - 90,000 x 10/11 + 260,000 x 100/121 = 33,057.851239669...
 *   PV of flexibility = 80,000 x 100/121 = 66,115.702479338...
 *   cash alone: -100,000 - 90,000 x 10/11 + 50,000 x 100/121 = -140,495.867768595...
 *   every class: -100,000 - 90,000 x 10/11 + 340,000 x 100/121 = 99,173.553719008...
 *   PV of costs = 100,000 + 140,000 x 10/11 = 227,272.727272727...
 */
#include "testutil.h"

#include <stdlib.h>

static const char gate[] =
	"kind,name,value,timing,start,probability,group,class\n"
	"setting,horizon_years,2\n"
	"setting,discount_rate,10%\n"
	"cost,Pilot,100000,once,0,,,\n"
	"cost,Rollout licence,200000,once,12,70%,rollout,\n"
	"benefit,Rollout savings,300000,yearly,13,,rollout,cost_reduction\n"
	"benefit,Pilot sales,50000,yearly,1,,,cash\n"
	"benefit,Later module,80000,yearly,13,,,flexibility\n";

static crm_scenario *try_load(const char *text, crm_error *err)
{
	crm_error_clear(err);
	return crm_scenario_parse(text, strlen(text), "test.csv", 0, err);
}

/* NPV of sc with the given class set, by the full evaluation and by the summary's short way. */
static double npv_with(crm_scenario *sc, unsigned classes)
{
	crm_error err;
	crm_metrics mt;
	crm_summary s;
	crm_settings set = sc->settings;

	set.classes = classes;
	crm_error_clear(&err);
	crm_model *m = crm_model_new_with(sc, &set, &err);
	assert_non_null(m);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_non_null(cf);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	assert_int_equal(crm_metrics_compute(m, cf, &mt, &err), CRM_OK);
	assert_true(crm_model_summary_fast(m));
	assert_int_equal(crm_model_summary(m, cf, 0, 0, &s, &err), CRM_OK);
	assert_close(s.npv, mt.npv, 1e-12, 1e-6);
	crm_cashflow_free(cf);
	crm_model_free(m);
	return mt.npv;
}

static void test_load_group_and_class(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(gate);

	assert_int_equal(sc->ngroups, 1);
	assert_string_equal(sc->groups[0].name, "rollout");
	assert_int_equal(sc->groups[0].nlines, 2);
	assert_int_equal(sc->groups[0].first_line, 1);
	assert_int_equal(sc->groups[0].first_month, 12);
	assert_close(sc->groups[0].probability, 0.7, 0, 1e-15);
	/* The benefit without a probability of its own takes the group's. */
	assert_close(sc->lines[2].probability, 0.7, 0, 1e-15);
	assert_int_equal(sc->lines[2].group, 0);
	assert_int_equal(sc->lines[0].group, -1);
	assert_int_equal(sc->lines[2].cls, CRM_CLASS_COST_REDUCTION);
	assert_int_equal(sc->lines[3].cls, CRM_CLASS_CASH);
	assert_int_equal(sc->lines[4].cls, CRM_CLASS_FLEXIBILITY);
	assert_int_equal(sc->settings.classes, CRM_CLASSES_DEFAULT);
	assert_int_equal(crm_scenario_find_group(sc, "rollout"), 0);
	assert_int_equal(crm_scenario_find_group(sc, "pilot"), -1);
	crm_scenario_free(sc);

	/* The same probability on every line is the same group; the class is case-blind. */
	sc = load_text("kind,name,value,probability,group,class\n"
		       "cost,A,10,40%,g,\nbenefit,B,30,0.4,g,Cash\n");
	assert_close(sc->lines[1].probability, 0.4, 0, 1e-15);
	assert_int_equal(sc->lines[1].cls, CRM_CLASS_CASH);
	crm_scenario_free(sc);

	/* The month a group is decided follows timing written as a formula. */
	sc = load_text("kind,name,value,timing,start,probability,group\n"
		       "input,golive,7\n"
		       "benefit,B,30,yearly,golive + 2,50%,g\ncost,A,10,once,golive - 1,,g\n");
	assert_int_equal(sc->groups[0].first_month, 6);
	crm_scenario_free(sc);

	/* A group without a probability happens for sure. */
	sc = load_text("kind,name,value,group\ncost,A,10,g\nbenefit,B,30,g\n");
	assert_close(sc->groups[0].probability, 1, 0, 0);
	assert_close(sc->lines[0].probability, 1, 0, 0);
	crm_scenario_free(sc);
}

static void test_load_errors(void **state)
{
	crm_error err;
	(void)state;

	/* Two probabilities in one group: located at the second, naming the first row. */
	assert_null(try_load("kind,name,value,probability,group\n"
			     "cost,A,10,70%,g\nbenefit,B,30,60%,g\n", &err));
	assert_int_equal(err.status, CRM_EDATA);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 4);
	assert_contains(err.msg, "benefit 'B': probability 60%, but group 'g' has probability 70% "
			"on line 2");
	/* A class on a cost. */
	assert_null(try_load("kind,name,value,class\ncost,A,10,cash\n", &err));
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 4);
	assert_contains(err.msg, "cost 'A': class 'cash' is for benefits");
	/* An unknown class, with a suggestion. */
	assert_null(try_load("kind,name,value,class\nbenefit,B,10,cost_reductoin\n", &err));
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 4);
	assert_contains(err.msg, "benefit 'B': class 'cost_reductoin' is not known (did you mean "
			"'cost_reduction'?) (expected cash, cost_reduction, productivity, "
			"cost_avoidance or flexibility)");
	/* group and class mean nothing on an input row. */
	assert_null(try_load("kind,name,value,group\ninput,x,10,g\n", &err));
	assert_contains(err.msg, "'g' is given for an input row");
	assert_null(try_load("kind,name,value,class\ninput,x,10,cash\n", &err));
	assert_int_equal(err.col, 4);
}

static void test_classes_parse(void **state)
{
	crm_error err;
	unsigned set = 0;
	(void)state;

	crm_error_clear(&err);
	assert_int_equal(crm_classes_parse("cash", &set, &err), CRM_OK);
	assert_int_equal(set, CRM_CLASS_BIT(CRM_CLASS_CASH));
	assert_int_equal(crm_classes_parse("cash,flexibility,productivity", &set, &err), CRM_OK);
	assert_int_equal(set, CRM_CLASS_BIT(CRM_CLASS_CASH) | CRM_CLASS_BIT(CRM_CLASS_FLEXIBILITY) |
			 CRM_CLASS_BIT(CRM_CLASS_PRODUCTIVITY));
	assert_int_equal(crm_classes_parse("cahs", &set, &err), CRM_EUSAGE);
	assert_contains(err.msg, "unknown class 'cahs' (did you mean 'cash'?)");
	assert_contains(err.msg, "cash, cost_reduction, productivity, cost_avoidance, flexibility");
	assert_int_equal(crm_classes_parse("", &set, &err), CRM_EUSAGE);
	assert_int_equal(crm_classes_parse("cash,", &set, &err), CRM_EUSAGE);
	assert_string_equal(crm_class_name(CRM_CLASS_COST_AVOIDANCE), "cost_avoidance");
	assert_int_equal(crm_class_parse("flexibility"), CRM_CLASS_FLEXIBILITY);
	assert_int_equal(crm_class_parse("Flexibility"), -1);
}

static void test_expected_value_and_classes(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(gate);
	crm_error err;
	crm_metrics mt;

	assert_close(npv_with(sc, CRM_CLASSES_DEFAULT), 33057.851239669422, REL, 0);
	assert_close(npv_with(sc, CRM_CLASS_BIT(CRM_CLASS_CASH)), -140495.86776859505, REL, 0);
	assert_close(npv_with(sc, CRM_CLASSES_ALL), 99173.553719008265, REL, 0);
	/* Flexibility alone: the costs still count. */
	assert_close(npv_with(sc, CRM_CLASS_BIT(CRM_CLASS_FLEXIBILITY)),
		     -227272.72727272727 + 66115.702479338843, REL, 0);

	/* The scenario's own settings count every class but flexibility. */
	crm_error_clear(&err);
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	assert_int_equal(crm_metrics_compute(m, cf, &mt, &err), CRM_OK);
	assert_close(mt.npv, 33057.851239669422, REL, 0);
	assert_close(mt.pv_costs, 227272.72727272727, REL, 0);
	assert_close(cf->net[0], -100000, REL, 0);
	assert_close(cf->net[1], -90000, REL, 1e-9);
	assert_close(cf->net[2], 260000, REL, 1e-9);
	assert_close(cf->amount[4 * 3 + 2], 0, 0, 0);   /* flexibility: not in the flows */

	/* Each class's present value, counted or not (by hand: 50,000 x (10/11 + 100/121);
	 * 210,000 x 100/121; 80,000 x 100/121), in the business case. */
	for (int every = 0; every < 2; every++) {
		/* The case's class sums, with flexibility left out, then with every class counted. */
		unsigned own = sc->settings.classes;
		if (every)
			sc->settings.classes = CRM_CLASSES_ALL;
		crm_case *c = crm_case_new(sc, NULL, &err);
		assert_non_null(c);
		assert_close(c->cls[CRM_CLASS_CASH].pv, 86776.859504132231, REL, 0);
		assert_close(c->cls[CRM_CLASS_COST_REDUCTION].pv, 173553.71900826446, REL, 0);
		assert_close(c->cls[CRM_CLASS_FLEXIBILITY].pv, 66115.702479338843, REL, 0);
		assert_close(c->cls[CRM_CLASS_PRODUCTIVITY].pv, 0, 0, 0);
		assert_int_equal(crm_case_any_left_out(c), !every);
		crm_case_free(c);
		sc->settings.classes = own;
	}

	/* A drawn gate: a line of the group decides every line of it. */
	crm_model_set_occurs(m, 2, 0);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	assert_close(cf->net[1], 50000, REL, 1e-9);
	assert_close(cf->net[2], 50000, REL, 1e-9);
	crm_model_set_occurs(m, 1, 1);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	assert_close(cf->net[1], 50000 - 200000, REL, 1e-9);
	assert_close(cf->net[2], 50000 + 300000, REL, 1e-9);
	crm_model_clear_occurs(m, 2);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	assert_close(cf->net[1], -90000, REL, 1e-9);
	assert_close(cf->net[2], 260000, REL, 1e-9);
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
}

struct draws {
	size_t n, nitems;
	double *npv;
};

static int keep_npv(void *ctx, uint64_t first, size_t count, size_t nitems, const double *items,
		    const double *metrics)
{
	struct draws *d = ctx;
	(void)items;
	for (size_t i = 0; i < count; i++)
		d->npv[first + i] = metrics[i * CRM_SIM_NMETRICS + CRM_SIM_NPV];
	d->n = first + count;
	d->nitems = nitems;
	return 0;
}

/*
 * A group is drawn once per draw: with a cost of 1,000 at month 0 and a
 * benefit of 3,000 at month 12 in one group of probability 70%, at a 0%
 * discount rate, every draw's NPV is 2,000 (both) or 0 (neither), never
 * -1,000 or 3,000 (one without the other), and the share of draws with 2,000
 * is a binomial proportion: 0.7 within 5 standard errors, 5 x sqrt(0.21 / n).
 */
static void test_simulation_draws_group_once(void **state)
{
	enum { N = 20000 };
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,start,probability,group\n"
				     "setting,horizon_years,2\nsetting,discount_rate,0\n"
				     "cost,Rollout cost,1000,once,0,70%,rollout\n"
				     "benefit,Rollout benefit,3000,once,12,,rollout\n");
	crm_sim_options o;
	crm_sim_result res;
	crm_error err;
	struct draws d = { 0, 0, malloc(N * sizeof(double)) };
	size_t both = 0, neither = 0;

	memset(&o, 0, sizeof o);
	o.n = N;
	o.seed = 7;
	o.jobs = 1;
	o.metrics[CRM_SIM_NPV] = 1;
	o.hist_bins = 10;
	o.samples = keep_npv;
	o.samples_ctx = &d;
	crm_error_clear(&err);
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	assert_int_equal(d.n, N);
	assert_int_equal(res.nitems, 1);
	assert_int_equal(res.items[0].kind, CRM_ITEM_EVENT);
	assert_string_equal(res.items[0].name, "rollout");
	for (size_t i = 0; i < d.n; i++) {
		if (fabs(d.npv[i] - 2000) < 1e-9)
			both++;
		else if (fabs(d.npv[i]) < 1e-9)
			neither++;
	}
	assert_int_equal(both + neither, N);
	assert_close((double)both / N, 0.7, 0, 5 * sqrt(0.21 / N));
	/* The mean is the deterministic expected value, 0.7 x 2,000. */
	assert_close(res.metric[CRM_SIM_NPV].mean, 1400, 0, 5 * 2000 * sqrt(0.21 / N));
	free(d.npv);
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_group_and_class),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_classes_parse),
		cmocka_unit_test(test_expected_value_and_classes),
		cmocka_unit_test(test_simulation_draws_group_once),
	};
	crm_init();
	return cmocka_run_group_tests_name("gates", tests, NULL, NULL);
}
