/*
 * datatable.c - the data-table engine behind crmroi sweep: the grid of an
 * axis, the cells of a one-way or two-way table, and the streamed two-way
 * table computed by threads and handed over block by block, in row order.
 *
 * Every cell is evaluated through crm_analysis, except the cells of NPV over
 * two inputs or line values in a streamed table, which take the model's
 * short way (a model of the thread's own, evaluated in part along a row).
 * Nothing here formats a number or writes a byte: the caller's callbacks do.
 */
#include "crmroi/datatable.h"
#include "crmroi/model.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Whole numbers up to 2^53 are exact in a double. */
#define EXACT_INT 9007199254740992.0

/* ------------------------------------------------------------------- axes */

/*
 * The fewest decimals d (up to CRM_DATATABLE_MAX_DECIMALS) with which x is a
 * decimal: the whole number k = x x 10^d for which k / 10^d (correctly
 * rounded) is x itself. -1 when there is none.
 */
static int decimals_of(double x, double *k_out)
{
	double p = 1;

	for (int d = 0; d <= CRM_DATATABLE_MAX_DECIMALS; d++, p *= 10) {
		double k = nearbyint(x * p);
		if (fabs(k) < EXACT_INT && k / p == x) {
			*k_out = k;
			return d;
		}
	}
	return -1;
}

/* Make ax a decimal grid when FROM and STEP are decimals and every point fits. */
static void axis_decimal(crm_datatable_axis *ax)
{
	double kf, ks, p = 1;
	int df = decimals_of(ax->from, &kf), ds = decimals_of(ax->step, &ks);

	ax->decimal = 0;
	if (df < 0 || ds < 0)
		return;
	int d = df > ds ? df : ds;
	for (int i = 0; i < d; i++)
		p *= 10;
	double first = nearbyint(ax->from * p), stride = nearbyint(ax->step * p);
	double last = first + (double)(ax->n - 1) * stride;
	if (fabs(first) >= EXACT_INT || fabs(stride) >= EXACT_INT || fabs(last) >= EXACT_INT ||
	    first / p != ax->from || stride / p != ax->step)
		return;
	ax->decimal = 1;
	ax->first = first;
	ax->stride = stride;
	ax->scale = p;
}

crm_status crm_datatable_axis_init(crm_datatable_axis *ax, double from, double to, double step,
				   double max, crm_error *err)
{
	crm_status st;

	memset(ax, 0, sizeof *ax);
	ax->from = from;
	ax->to = to;
	ax->step = step;
	if ((st = crm_steps(from, to, step, max, &ax->n, err)) != CRM_OK)
		return st;
	axis_decimal(ax);
	return CRM_OK;
}

double crm_datatable_axis_value(const crm_datatable_axis *ax, size_t i)
{
	i += ax->offset;
	if (ax->decimal)
		return (ax->first + (double)i * ax->stride) / ax->scale;
	return crm_step_value(ax->from, ax->to, ax->step, i);
}

void crm_datatable_axis_part(const crm_datatable_axis *ax, size_t first, size_t n,
			     crm_datatable_axis *out)
{
	*out = *ax;
	out->offset = ax->offset + first;
	out->n = n;
}

/* ---------------------------------------------------------------- one-way */

crm_status crm_datatable_one_way(crm_analysis *a, const crm_param *p, const crm_datatable_axis *ax,
				 const crm_metric_id *metrics, size_t nmetrics, size_t block_rows,
				 crm_datatable_fn emit, void *ctx, crm_error *err)
{
	crm_status st = CRM_OK;
	crm_datatable_block b = { .ncols = nmetrics };

	if (block_rows == 0 || block_rows > ax->n)
		block_rows = ax->n;
	crm_value *cells = malloc(block_rows * (nmetrics ? nmetrics : 1) * sizeof *cells);
	if (!cells)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	/* NPV alone, the table's usual metric, takes the row's short way as a two-way table's rows do. */
	int npv_only = nmetrics == 1 && metrics[0] == CRM_METRIC_NPV;
	double *x = npv_only ? malloc(block_rows * sizeof *x) : NULL;
	if (npv_only && !x) {
		free(cells);
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	b.cells = cells;
	for (b.first = 0; b.first < ax->n && st == CRM_OK; b.first += block_rows) {
		b.count = ax->n - b.first < block_rows ? ax->n - b.first : block_rows;
		if (npv_only) {
			for (size_t r = 0; r < b.count; r++)
				x[r] = crm_datatable_axis_value(ax, b.first + r);
			st = crm_analysis_npv_along(a, p, x, b.count, cells, err);
		} else {
			for (size_t r = 0; r < b.count && st == CRM_OK; r++)
				if ((st = crm_analysis_set(a, p, crm_datatable_axis_value(ax, b.first + r),
							   err)) == CRM_OK)
					st = crm_analysis_eval(a, metrics, nmetrics, &cells[r * nmetrics],
							       err);
		}
		if (st == CRM_OK)
			st = emit(ctx, &b, err);
	}
	crm_analysis_reset(a, p);
	free(cells);
	free(x);
	return st;
}

/* ---------------------------------------------------------------- two-way */

/*
 * One cell of a two-way table. NPV, the table's usual metric, takes the
 * model's short way when the model allows it (crm_analysis_npv).
 */
static crm_status cell(crm_analysis *a, crm_metric_id m, crm_value *out, crm_error *err)
{
	if (m == CRM_METRIC_NPV)
		return crm_analysis_npv(a, out, err);
	return crm_analysis_eval(a, &m, 1, out, err);
}

/*
 * The short way to a table of NPV over two inputs or line values: a model of
 * the thread's own, evaluated whole at the start of each row (an input of
 * the row changed) and, along the row, only in what depends on the column's
 * parameter (crm_model_summary_partial: the same number to the last bit).
 */
struct fast_npv {
	crm_model *m;
	crm_cashflow *cf;
	char *in, *line;      /* what depends on the column's parameter */
	int valid;            /* the last evaluation succeeded: a partial one may follow */
};

static void fast_npv_free(struct fast_npv *f)
{
	crm_cashflow_free(f->cf);
	crm_model_free(f->m);
	free(f->in);
	free(f->line);
	memset(f, 0, sizeof *f);
}

static crm_status fast_npv_new(struct fast_npv *f, const crm_scenario *sc, const crm_param *col,
			       crm_error *err)
{
	memset(f, 0, sizeof *f);
	if (!(f->m = crm_model_new(sc, err)))
		return err->status;
	f->cf = crm_cashflow_new(f->m);
	f->in = calloc(sc->ninputs + 1, 1);
	f->line = calloc(sc->nlines + 1, 1);
	if (!f->cf || !f->in || !f->line) {
		fast_npv_free(f);
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	f->cf->keep_inputs = f->cf->keep_amounts = 0;
	if (col->kind == CRM_PARAM_INPUT)
		f->in[col->index] = 1;
	else
		f->line[col->index] = 1;
	crm_model_dependents(f->m, f->in, f->line);
	return CRM_OK;
}

static void fast_npv_set(struct fast_npv *f, const crm_param *p, double x)
{
	if (p->kind == CRM_PARAM_INPUT)
		crm_model_override(f->m, (size_t)p->index, x);
	else
		crm_model_override_line(f->m, (size_t)p->index, x);
}

/*
 * The cell at row value x1 and column value x2 (both already set in f).
 * Where the short way cannot decide (a line's months follow an input that
 * moved, a share of adoption outside 0..1), the analysis a evaluates the
 * cell in full, as a table evaluated whole does.
 */
static crm_status fast_npv_cell(struct fast_npv *f, int partial, crm_analysis *a,
				const crm_param *p1, double x1, const crm_param *p2, double x2,
				crm_value *out, crm_error *err)
{
	crm_summary sum;
	crm_status st = partial && f->valid
			? crm_model_summary_partial(f->m, f->cf, f->in, f->line, &sum, NULL)
			: crm_model_summary(f->m, f->cf, 0, 0, &sum, NULL);

	f->valid = st == CRM_OK;
	if (st == CRM_OK) {
		*out = (crm_value){ sum.npv, 1, "" };
	} else if (st == CRM_EDATA) {   /* as crm_analysis_npv says it */
		*out = (crm_value){ NAN, 0, "not a finite number here (a division by zero or an "
				    "overflow)" };
	} else if ((st = crm_analysis_set(a, p1, x1, err)) != CRM_OK ||
		   (st = crm_analysis_set(a, p2, x2, err)) != CRM_OK ||
		   (st = crm_analysis_npv(a, out, err)) != CRM_OK) {
		return st;
	}
	return CRM_OK;
}

/* A two-way table: its parameters, axes and metric. */
struct grid {
	const crm_param *p1, *p2;
	const crm_datatable_axis *ax1, *ax2;
	crm_metric_id m;
};

/*
 * Rows first .. first + count - 1 of a two-way table into cells (count x
 * ax2->n): the short way through f when f is given, else every cell in full
 * on a.
 */
static crm_status grid_rows(const struct grid *g, crm_analysis *a, struct fast_npv *f,
			    crm_value *cells, size_t first, size_t count, crm_error *err)
{
	const crm_param *p1 = g->p1, *p2 = g->p2;
	size_t n2 = g->ax2->n;
	crm_status st;

	if (f) {
		for (size_t r = 0; r < count; r++) {
			double x1 = crm_datatable_axis_value(g->ax1, first + r);
			fast_npv_set(f, p1, x1);
			for (size_t c = 0; c < n2; c++) {
				double x2 = crm_datatable_axis_value(g->ax2, c);
				fast_npv_set(f, p2, x2);
				if ((st = fast_npv_cell(f, c > 0, a, p1, x1, p2, x2, &cells[r * n2 + c],
							err)) != CRM_OK)
					return st;
			}
		}
	} else if (p2->kind == CRM_PARAM_SETTING && p1->kind != CRM_PARAM_SETTING) {
		/* A setting rebuilds the model when it changes: it goes in the outer loop. */
		for (size_t c = 0; c < n2; c++) {
			if ((st = crm_analysis_set(a, p2, crm_datatable_axis_value(g->ax2, c), err)) != CRM_OK)
				return st;
			for (size_t r = 0; r < count; r++)
				if ((st = crm_analysis_set(a, p1, crm_datatable_axis_value(g->ax1, first + r),
							   err)) != CRM_OK ||
				    (st = cell(a, g->m, &cells[r * n2 + c], err)) != CRM_OK)
					return st;
		}
	} else {
		for (size_t r = 0; r < count; r++) {
			if ((st = crm_analysis_set(a, p1, crm_datatable_axis_value(g->ax1, first + r),
						   err)) != CRM_OK)
				return st;
			for (size_t c = 0; c < n2; c++)
				if ((st = crm_analysis_set(a, p2, crm_datatable_axis_value(g->ax2, c),
							   err)) != CRM_OK ||
				    (st = cell(a, g->m, &cells[r * n2 + c], err)) != CRM_OK)
					return st;
		}
	}
	return CRM_OK;
}

crm_status crm_datatable_two_way(crm_analysis *a, const crm_param *p1, const crm_datatable_axis *ax1,
				 const crm_param *p2, const crm_datatable_axis *ax2,
				 crm_metric_id metric, crm_value **cells, crm_error *err)
{
	const struct grid g = { p1, p2, ax1, ax2, metric };
	crm_status st;

	*cells = NULL;
	if (ax2->n <= SIZE_MAX / sizeof **cells / ax1->n)
		*cells = malloc(ax1->n * ax2->n * sizeof **cells);
	if (!*cells)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory for a %zu x %zu data "
				     "table", ax1->n, ax2->n);
	st = grid_rows(&g, a, NULL, *cells, 0, ax1->n, err);
	crm_analysis_reset(a, p1);
	crm_analysis_reset(a, p2);
	if (st != CRM_OK) {
		free(*cells);
		*cells = NULL;
	}
	return st;
}

/* --------------------------------------------------------------- streamed */

enum { SLOT_FREE, SLOT_BUSY, SLOT_READY };

/* A block on its way from a worker to the calling thread. */
struct slot {
	int state;
	crm_value *cells;         /* without prepare: the block's cells, for emit */
	crm_datatable_block b;
	crm_status st;
	crm_error err;
};

struct stream {
	struct grid g;
	const crm_scenario *sc;
	const crm_datatable_stream *s;
	int fast;             /* NPV of two inputs or lines: try the model's partial evaluation */
	size_t rows_per_block, nblocks;
	size_t next;          /* the next block to compute */
	size_t written;       /* blocks handed over so far */
	int stop;             /* the calling thread gave up: workers stop */
	size_t nslots;
	struct slot *slot;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/*
 * Block c into its slot: its cells, then the caller's prepare. With a
 * prepare the cells are the worker's own, needed no longer than that; else
 * they are the slot's, for emit.
 */
static crm_status stream_block(struct stream *s, crm_analysis *a, struct fast_npv *f,
			       crm_value **own, struct slot *sl, size_t c)
{
	size_t n1 = s->g.ax1->n, n2 = s->g.ax2->n;
	crm_value **cells = s->s->prepare ? own : &sl->cells;
	crm_status st;

	sl->b.first = c * s->rows_per_block;
	sl->b.count = n1 - sl->b.first < s->rows_per_block ? n1 - sl->b.first : s->rows_per_block;
	sl->b.ncols = n2;
	if (!*cells && !(*cells = malloc(s->rows_per_block * n2 * sizeof **cells)))
		return crm_error_set(&sl->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	sl->b.cells = *cells;
	if ((st = grid_rows(&s->g, a, f, *cells, sl->b.first, sl->b.count, &sl->err)) != CRM_OK ||
	    !s->s->prepare)
		return st;
	st = s->s->prepare(s->s->ctx, &sl->b, &sl->err);
	sl->b.cells = NULL;   /* the worker's next block goes there */
	return st;
}

static void *stream_worker(void *arg)
{
	struct stream *s = arg;
	crm_error err;
	crm_analysis *a;
	crm_value *cells = NULL;
	struct fast_npv fast, *f = NULL;

	crm_error_clear(&err);
	a = crm_analysis_new(s->sc, &err);
	/* Every thread takes the same way: the model decides, not the thread. */
	if (a && s->fast) {
		if (fast_npv_new(&fast, s->sc, s->g.p2, &err) != CRM_OK) {
			crm_analysis_free(a);
			a = NULL;
		} else if (crm_model_summary_fast(fast.m)) {
			f = &fast;
		} else {
			fast_npv_free(&fast);
		}
	}
	for (;;) {
		pthread_mutex_lock(&s->mu);
		while (!s->stop && s->next < s->nblocks && s->next - s->written >= s->nslots)
			pthread_cond_wait(&s->cv, &s->mu);
		if (s->stop || s->next >= s->nblocks) {
			pthread_mutex_unlock(&s->mu);
			break;
		}
		size_t c = s->next++;
		struct slot *sl = &s->slot[c % s->nslots];
		sl->state = SLOT_BUSY;
		pthread_mutex_unlock(&s->mu);

		crm_error_clear(&sl->err);
		if (!a)
			sl->st = crm_error_set(&sl->err, err.status, err.file, err.line, err.col, "%s",
					       err.msg);
		else
			sl->st = stream_block(s, a, f, &cells, sl, c);

		pthread_mutex_lock(&s->mu);
		sl->state = SLOT_READY;
		pthread_cond_broadcast(&s->cv);
		pthread_mutex_unlock(&s->mu);
	}
	free(cells);
	if (f)
		fast_npv_free(f);
	crm_analysis_free(a);
	return NULL;
}

crm_status crm_datatable_two_way_stream(const crm_scenario *sc, const crm_param *p1,
					const crm_datatable_axis *ax1, const crm_param *p2,
					const crm_datatable_axis *ax2, crm_metric_id metric,
					const crm_datatable_stream *ds, crm_error *err)
{
	struct stream s;
	crm_status st = CRM_OK;
	int jobs = ds->jobs > 0 ? ds->jobs : 1;
	size_t n1 = ax1->n, n2 = ax2->n;

	memset(&s, 0, sizeof s);
	s.g = (struct grid){ p1, p2, ax1, ax2, metric };
	s.sc = sc;
	s.s = ds;
	s.fast = metric == CRM_METRIC_NPV && p1->kind != CRM_PARAM_SETTING &&
		 p2->kind != CRM_PARAM_SETTING;
	/* Blocks of about CRM_DATATABLE_BLOCK_CELLS cells, and at least SLOTS_PER_JOB per thread. */
	s.rows_per_block = CRM_DATATABLE_BLOCK_CELLS / n2 ? CRM_DATATABLE_BLOCK_CELLS / n2 : 1;
	size_t even = (n1 + (size_t)jobs * CRM_DATATABLE_SLOTS_PER_JOB - 1) /
		      ((size_t)jobs * CRM_DATATABLE_SLOTS_PER_JOB);
	if (even < s.rows_per_block)
		s.rows_per_block = even;
	s.nblocks = (n1 + s.rows_per_block - 1) / s.rows_per_block;
	if ((size_t)jobs > s.nblocks)
		jobs = (int)s.nblocks;
	s.nslots = (size_t)jobs * CRM_DATATABLE_SLOTS_PER_JOB;
	s.slot = calloc(s.nslots, sizeof *s.slot);
	pthread_t *tid = calloc((size_t)jobs, sizeof *tid);
	if (!s.slot || !tid) {
		free(s.slot);
		free(tid);
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	int started = 0;
	for (int t = 0; t < jobs; t++, started++)
		if (pthread_create(&tid[t], NULL, stream_worker, &s) != 0)
			break;
	if (!started)
		st = crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "cannot start a thread");
	for (size_t c = 0; c < s.nblocks && st == CRM_OK; c++) {
		struct slot *sl = &s.slot[c % s.nslots];
		pthread_mutex_lock(&s.mu);
		while (sl->state != SLOT_READY)
			pthread_cond_wait(&s.cv, &s.mu);
		pthread_mutex_unlock(&s.mu);
		if (sl->st != CRM_OK) {
			*err = sl->err;
			st = sl->st;
		} else {
			st = ds->emit(ds->ctx, &sl->b, err);
		}
		pthread_mutex_lock(&s.mu);
		sl->state = SLOT_FREE;
		s.written++;
		if (st != CRM_OK)
			s.stop = 1;
		pthread_cond_broadcast(&s.cv);
		pthread_mutex_unlock(&s.mu);
	}
	for (int t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_cond_destroy(&s.cv);
	pthread_mutex_destroy(&s.mu);
	for (size_t i = 0; i < s.nslots; i++) {
		if (ds->release && s.slot[i].b.user)
			ds->release(ds->ctx, s.slot[i].b.user);
		free(s.slot[i].cells);
	}
	free(s.slot);
	free(tid);
	return st;
}
