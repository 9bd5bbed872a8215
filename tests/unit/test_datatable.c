/*
 * test_datatable.c - data tables (crmroi sweep): the evaluations behind them
 * (crm_model_dependents, crm_model_summary_partial, crm_analysis_npv) and
 * the engine that computes them (crmroi/datatable.h).
 *
 * The partial evaluation must give crm_model_summary's NPV to the last bit
 * whatever changed, and crm_analysis_npv the full evaluation's NPV within
 * rounding. Dependencies are checked on a scenario small enough to follow
 * by hand. The engine must hand blocks over in row order, whole, each
 * prepared once, with the same cells for any number of threads.
 */
#include "testutil.h"

#include <pthread.h>
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

/* ------------------------------------------------------------ the engine */

/*
 * Axes: a decimal grid gives the decimals written (0.3, not 0.1 + 2 x 0.1,
 * which is 0.30000000000000004); another grid gives crm_step_value's
 * points; a step away from TO is refused as crm_steps refuses it.
 */
static void test_axis(void **state)
{
	crm_datatable_axis ax;
	crm_error err;

	(void)state;
	crm_error_clear(&err);
	assert_int_equal(crm_datatable_axis_init(&ax, 0.1, 0.9, 0.1, 100, &err), CRM_OK);
	assert_int_equal(ax.n, 9);
	assert_true(ax.decimal);
	assert_true(same_bits(crm_datatable_axis_value(&ax, 2), 0.3));
	assert_true(same_bits(crm_datatable_axis_value(&ax, 8), 0.9));
	double third = 1.0 / 3;
	assert_int_equal(crm_datatable_axis_init(&ax, third, 2.385, third, 100, &err), CRM_OK);
	assert_false(ax.decimal);
	assert_int_equal(ax.n, 7);
	for (size_t i = 0; i < ax.n; i++)
		assert_true(same_bits(crm_datatable_axis_value(&ax, i),
				      crm_step_value(third, 2.385, third, i)));
	/* A part of an axis (a block of a table's columns): the same points to the last bit. */
	crm_datatable_axis part, part2;
	crm_datatable_axis_part(&ax, 2, 4, &part);
	assert_int_equal(part.n, 4);
	for (size_t i = 0; i < part.n; i++)
		assert_true(same_bits(crm_datatable_axis_value(&part, i),
				      crm_step_value(third, 2.385, third, i + 2)));
	crm_datatable_axis_part(&part, 1, 3, &part2);   /* a part of a part */
	assert_true(same_bits(crm_datatable_axis_value(&part2, 2), crm_datatable_axis_value(&ax, 5)));
	assert_int_equal(crm_datatable_axis_init(&ax, 0.1, 0.9, 0.1, 100, &err), CRM_OK);
	crm_datatable_axis_part(&ax, 5, 3, &part);
	assert_true(part.decimal);
	assert_true(same_bits(crm_datatable_axis_value(&part, 0), 0.6));
	assert_true(same_bits(crm_datatable_axis_value(&part, 2), 0.8));
	assert_int_equal(crm_datatable_axis_init(&ax, 10, 1, 1, 100, &err), CRM_EUSAGE);
	assert_int_equal(crm_datatable_axis_init(&ax, 1, 1000, 1, 100, &err), CRM_EUSAGE);
}

/* What a test caller of the engine saw: every cell, and how the blocks came. */
struct seen {
	size_t n1, n2;
	crm_value *cells;          /* n1 x n2 */
	size_t next;               /* the row the next block must start at */
	size_t blocks;             /* blocks emitted */
	size_t stop_at;            /* emit fails at this block (0: never) */
	int with_prepare;          /* the table is streamed with seen_prepare */
	int bad_order;             /* a block came out of order, or without its prepare */
	pthread_mutex_t mu;        /* prepare runs in the engine's threads */
	size_t prepared, released;
};

/* What prepare leaves with a slot: the block it last prepared. */
struct slot_note {
	size_t first, count;
};

static crm_status seen_prepare(void *ctx, crm_datatable_block *b, crm_error *err)
{
	struct seen *s = ctx;
	struct slot_note *note = b->user;

	if (!note && !(note = b->user = malloc(sizeof *note)))
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	note->first = b->first;
	note->count = b->count;
	/* Blocks are disjoint rows: threads copy them side by side. */
	memcpy(&s->cells[b->first * s->n2], b->cells, b->count * s->n2 * sizeof *b->cells);
	pthread_mutex_lock(&s->mu);
	s->prepared++;
	pthread_mutex_unlock(&s->mu);
	return CRM_OK;
}

static crm_status seen_emit(void *ctx, crm_datatable_block *b, crm_error *err)
{
	struct seen *s = ctx;
	const struct slot_note *note = b->user;

	/* A prepared block comes without its cells; another with them. */
	if (b->first != s->next || b->count == 0 || b->first + b->count > s->n1 ||
	    b->ncols != s->n2 || !note != !s->with_prepare || !b->cells != !!note ||
	    (note && (note->first != b->first || note->count != b->count)))
		s->bad_order = 1;
	else if (b->cells)
		memcpy(&s->cells[b->first * s->n2], b->cells, b->count * s->n2 * sizeof *b->cells);
	s->next = b->first + b->count;
	if (++s->blocks == s->stop_at)
		return crm_error_set(err, CRM_EIO, "out.csv", 0, 0, "cannot write");
	return CRM_OK;
}

static void seen_release(void *ctx, void *user)
{
	struct seen *s = ctx;

	s->released++;
	free(user);
}

static void seen_init(struct seen *s, size_t n1, size_t n2)
{
	memset(s, 0, sizeof *s);
	s->n1 = n1;
	s->n2 = n2;
	s->cells = calloc(n1 * n2, sizeof *s->cells);
	assert_non_null(s->cells);
	pthread_mutex_init(&s->mu, NULL);
}

static void seen_free(struct seen *s)
{
	pthread_mutex_destroy(&s->mu);
	free(s->cells);
}

static int same_value(const crm_value *a, const crm_value *b)
{
	return a->ok == b->ok && (a->ok ? same_bits(a->v, b->v) : !strcmp(a->why, b->why));
}

/*
 * A one-way table of NPV alone takes the row's short way
 * (crm_analysis_npv_along): every point, in blocks of 7 rows, the same to the
 * last bit as crm_analysis_npv at that point and within rounding of the full
 * evaluation, for every bundled scenario and each of its inputs and a few
 * lines (go-live months that move, shares of adoption, settings fall to the
 * full evaluation); the parameter at its base afterwards.
 */
static void test_one_way_npv_short_way(void **state)
{
	static const crm_metric_id npv = CRM_METRIC_NPV;
	crm_datatable_axis ax;
	crm_error err;
	size_t short_way = 0;   /* points of an input or line compared with crm_analysis_npv */

	(void)state;
	for (size_t f = 0; f < NFILES; f++) {
		crm_scenario *sc = load_file(scenario_files[f]);
		crm_error_clear(&err);
		crm_analysis *a = crm_analysis_new(sc, &err);
		assert_non_null(a);
		crm_value base;
		assert_int_equal(crm_analysis_eval(a, &npv, 1, &base, &err), CRM_OK);
		size_t nparams = sc->ninputs + (sc->nlines < 4 ? sc->nlines : 4) + 1;
		for (size_t q = 0; q < nparams; q++) {
			crm_param p;
			const char *name = q < sc->ninputs ? sc->inputs[q].name
					   : q + 1 < nparams ? sc->lines[q - sc->ninputs].label
					   : "discount_rate";
			if (crm_param_find(sc, name, &p, &err) != CRM_OK)
				continue;   /* a line whose name is not unique */
			double b = p.has_base && p.base != 0 ? p.base : 1;
			int share = p.kind == CRM_PARAM_INPUT && sc->inputs[p.index].adoption;
			int month = p.kind == CRM_PARAM_INPUT && p.months;
			/* A share stays within 0..1 and a month a whole number within the horizon. */
			double from = share ? 0.05 : month ? 1 : 0.5 * b;
			double step = share ? 0.1 : month ? 1 : 0.1 * b;
			if (crm_datatable_axis_init(&ax, from, from + 8 * step, step, 20, &err) != CRM_OK)
				continue;
			struct seen s;
			seen_init(&s, ax.n, 1);
			crm_status st = crm_datatable_one_way(a, &p, &ax, &npv, 1, 7, seen_emit, &s, &err);
			if (st != CRM_OK) {   /* the full evaluation's error: the old way gives it too */
				seen_free(&s);
				continue;
			}
			assert_false(s.bad_order);
			assert_int_equal(s.next, ax.n);
			for (size_t i = 0; i < ax.n; i++) {
				crm_value want, full;
				assert_int_equal(crm_analysis_set(a, &p, crm_datatable_axis_value(&ax, i), &err),
						 CRM_OK);
				assert_int_equal(crm_analysis_eval(a, &npv, 1, &full, &err), CRM_OK);
				assert_int_equal(s.cells[i].ok, full.ok);
				if (full.ok)
					assert_close(s.cells[i].v, full.v, NPV_REL, NPV_ABS);
				if (p.kind != CRM_PARAM_SETTING) {
					assert_int_equal(crm_analysis_npv(a, &want, &err), CRM_OK);
					assert_true(same_value(&s.cells[i], &want));
					short_way++;
				} else {
					assert_true(same_value(&s.cells[i], &full));
				}
			}
			crm_analysis_reset(a, &p);
			seen_free(&s);
		}
		crm_value after;
		assert_int_equal(crm_analysis_eval(a, &npv, 1, &after, &err), CRM_OK);
		assert_true(same_value(&after, &base));
		crm_analysis_free(a);
		crm_scenario_free(sc);
	}
	assert_true(short_way > 1000);
}

/*
 * A one-way table in blocks of 3 rows: blocks in order, the last one
 * shorter, each row the metrics crm_analysis_eval gives at its point; the
 * parameter back at its base afterwards.
 */
static void test_one_way_blocks(void **state)
{
	static const crm_metric_id ids[] = { CRM_METRIC_NPV, CRM_METRIC_IRR, CRM_METRIC_PAYBACK };
	crm_datatable_axis ax;
	crm_param p;
	crm_error err;
	struct seen s;
	crm_value base[3], after[3], want[3];

	(void)state;
	crm_scenario *sc = load_file("scenarios/midsize_business_case.csv");
	crm_error_clear(&err);
	crm_analysis *a = crm_analysis_new(sc, &err);
	assert_non_null(a);
	assert_int_equal(crm_param_find(sc, "margin_per_deal", &p, &err), CRM_OK);
	assert_int_equal(crm_analysis_eval(a, ids, 3, base, &err), CRM_OK);
	assert_int_equal(crm_datatable_axis_init(&ax, 2385, 9385, 700, 100, &err), CRM_OK);
	assert_int_equal(ax.n, 11);
	seen_init(&s, ax.n, 3);
	assert_int_equal(crm_datatable_one_way(a, &p, &ax, ids, 3, 3, seen_emit, &s, &err), CRM_OK);
	assert_false(s.bad_order);
	assert_int_equal(s.blocks, 4);
	assert_int_equal(s.next, ax.n);
	for (size_t i = 0; i < ax.n; i++) {
		assert_int_equal(crm_analysis_set(a, &p, crm_datatable_axis_value(&ax, i), &err), CRM_OK);
		assert_int_equal(crm_analysis_eval(a, ids, 3, want, &err), CRM_OK);
		for (size_t k = 0; k < 3; k++)
			assert_true(same_value(&s.cells[i * 3 + k], &want[k]));
	}
	crm_analysis_reset(a, &p);
	/* The table put margin_per_deal back: the base case is as before. */
	s.next = s.blocks = 0;
	s.stop_at = 2;
	assert_int_equal(crm_datatable_one_way(a, &p, &ax, ids, 3, 3, seen_emit, &s, &err), CRM_EIO);
	assert_int_equal(s.blocks, 2);
	assert_int_equal(crm_analysis_eval(a, ids, 3, after, &err), CRM_OK);
	for (size_t k = 0; k < 3; k++)
		assert_true(same_value(&after[k], &base[k]));
	seen_free(&s);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

/*
 * A two-way table streamed by jobs threads into s (n1 x n2 cells), with or
 * without a prepare, and the checks every run must pass: every block in
 * order, prepared when there is a prepare, and each slot's pointer released.
 */
static void stream(const crm_scenario *sc, const crm_param *p1, const crm_datatable_axis *ax1,
		   const crm_param *p2, const crm_datatable_axis *ax2, crm_metric_id m, int jobs,
		   int with_prepare, struct seen *s)
{
	crm_error err;
	const crm_datatable_stream ds = { jobs, with_prepare ? seen_prepare : NULL, seen_emit,
					  seen_release, s };

	crm_error_clear(&err);
	seen_init(s, ax1->n, ax2->n);
	s->with_prepare = with_prepare;
	crm_status st = crm_datatable_two_way_stream(sc, p1, ax1, p2, ax2, m, &ds, &err);
	if (st != CRM_OK) {
		print_error("jobs %d: %s\n", jobs, err.msg);
		fail();
	}
	assert_false(s->bad_order);
	assert_int_equal(s->next, ax1->n);
	assert_int_equal(s->prepared, with_prepare ? s->blocks : 0);
	assert_true(s->released <= (size_t)jobs * CRM_DATATABLE_SLOTS_PER_JOB);
	assert_true(s->released >= (with_prepare ? 1 : 0));
	/* Several blocks per thread, so that the order is tested. */
	assert_true(s->blocks >= 2 * (size_t)jobs);
}

/*
 * The same table with 1, 2, 3 and 8 threads, with and without a prepare:
 * the same cells to the last bit, and the cells crm_datatable_two_way gives
 * evaluating the table whole on one analysis. NPV over two inputs (the model's short way), with a row of
 * undefined cells (a division by zero), and IRR over an input and a
 * setting (every cell in full, the setting in the outer loop).
 */
static void test_stream_threads(void **state)
{
	static const int jobs[] = { 1, 2, 3, 8 };
	static const struct {
		const char *p1, *p2;
		double from1, to1, step1, from2, to2, step2;
		crm_metric_id m;
	} tables[] = {
		{ "share", "users", -0.48, 0.975, 0.015, 20, 2385, 7.5, CRM_METRIC_NPV },
		{ "users", "discount_rate", 20, 2385, 12.5, 0, 0.3, 0.0125, CRM_METRIC_IRR },
	};
	crm_error err;

	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,timing,start\n"
		"input,share,0.25\n"
		"input,users,120\n"
		"benefit,Per user,users * 23.85 / share,yearly,1\n"
		"cost,Licences,users * 10,yearly,1\n"
		"cost,Set-up,2385,once,0\n");
	crm_error_clear(&err);
	crm_analysis *a = crm_analysis_new(sc, &err);
	assert_non_null(a);
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		crm_param p1, p2;
		crm_datatable_axis ax1, ax2;
		crm_value *whole;
		assert_int_equal(crm_param_find(sc, tables[t].p1, &p1, &err), CRM_OK);
		assert_int_equal(crm_param_find(sc, tables[t].p2, &p2, &err), CRM_OK);
		assert_int_equal(crm_datatable_axis_init(&ax1, tables[t].from1, tables[t].to1,
							 tables[t].step1, 1e6, &err), CRM_OK);
		assert_int_equal(crm_datatable_axis_init(&ax2, tables[t].from2, tables[t].to2,
							 tables[t].step2, 1e6, &err), CRM_OK);
		assert_int_equal(crm_datatable_two_way(a, &p1, &ax1, &p2, &ax2, tables[t].m, &whole,
						       &err), CRM_OK);
		size_t undefined = 0;
		for (size_t i = 0; i < ax1.n * ax2.n; i++)
			undefined += !whole[i].ok;
		assert_true(t > 0 || undefined == ax2.n);   /* share = 0: the row of a division by zero */
		for (size_t k = 0; k < 2 * sizeof jobs / sizeof *jobs; k++) {
			struct seen s;
			int nj = jobs[k / 2], with_prepare = k % 2;
			stream(sc, &p1, &ax1, &p2, &ax2, tables[t].m, nj, with_prepare, &s);
			for (size_t i = 0; i < ax1.n * ax2.n; i++)
				if (!same_value(&s.cells[i], &whole[i])) {
					print_error("table %zu, jobs %d, prepare %d, cell %zu: %.17g (%s), "
						    "whole %.17g (%s)\n", t, nj, with_prepare, i, s.cells[i].v,
						    s.cells[i].why, whole[i].v, whole[i].why);
					fail();
				}
			seen_free(&s);
		}
		free(whole);
	}
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

/*
 * An emit that fails stops the table: its status and message come back,
 * no block follows it, and every slot's pointer is still released.
 */
static void test_stream_stops(void **state)
{
	crm_param p1, p2;
	crm_datatable_axis ax1, ax2;
	crm_error err;
	struct seen s;

	(void)state;
	crm_scenario *sc = load_file("scenarios/midsize_business_case.csv");
	crm_error_clear(&err);
	assert_int_equal(crm_param_find(sc, "leads_per_year", &p1, &err), CRM_OK);
	assert_int_equal(crm_param_find(sc, "margin_per_deal", &p2, &err), CRM_OK);
	assert_int_equal(crm_datatable_axis_init(&ax1, 20000, 29990, 10, 1e6, &err), CRM_OK);
	assert_int_equal(crm_datatable_axis_init(&ax2, 5500, 7498, 2, 1e6, &err), CRM_OK);
	seen_init(&s, ax1.n, ax2.n);
	s.stop_at = 2;
	s.with_prepare = 1;
	const crm_datatable_stream ds = { 2, seen_prepare, seen_emit, seen_release, &s };
	assert_int_equal(crm_datatable_two_way_stream(sc, &p1, &ax1, &p2, &ax2, CRM_METRIC_NPV, &ds,
						      &err), CRM_EIO);
	assert_string_equal(err.msg, "cannot write");
	assert_int_equal(s.blocks, 2);
	assert_false(s.bad_order);
	assert_true(s.released >= 1);
	seen_free(&s);
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
		cmocka_unit_test(test_axis),
		cmocka_unit_test(test_one_way_blocks),
		cmocka_unit_test(test_one_way_npv_short_way),
		cmocka_unit_test(test_stream_threads),
		cmocka_unit_test(test_stream_stops),
	};
	return cmocka_run_group_tests_name("datatable", tests, NULL, NULL);
}
