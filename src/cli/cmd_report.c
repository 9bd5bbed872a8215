/*
 * cmd_report.c - `crmroi report`: the business-case document as one
 * self-contained HTML file, and optionally its PDF printed by a headless
 * Chromium.
 *
 * This file parses the options, asks the core for every result the document
 * shows (each scenario's case, with the classes --only names; the first rows
 * of the proposal's tornado, its break-even values and Sobol indices, at
 * most HTML_SOBOL_ITEMS values of their own and the others as one group; a
 * simulation of every option with the same seed, giving the base NPV's
 * percentile rank among its draws and, with a tax rate, the NPV after tax)
 * and hands them to the HTML renderer (src/render/html.c). Everything is
 * computed and the document is built in memory before any file is touched:
 * a failed run writes nothing, and each output is written whole or not at
 * all.
 */
#define _XOPEN_SOURCE 700
#include "cli.h"
#include "options.h"
#include "html.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_DRAWS 10000
#define MAX_DRAWS 100000000ULL
/*
 * Base points of the Sobol indices: n (k + 2) model evaluations for k
 * uncertain values. Fewer than 2^14 give intervals too wide to print as a
 * share of variance (with 1,024 points the mid-sized case's indices came out
 * negative, and first order above total), so the document takes no fewer:
 * --sobol may ask for more, or 0 to leave them out.
 */
#define SOBOL_POINTS 16384
#define MAX_SOBOL_POINTS (1ULL << 24)
#define HIST_BINS 30
/* How long the browser may take to print, in seconds. */
#define BROWSER_TIMEOUT 180

/* The browsers tried, in order, on PATH. */
static const char *const browsers[] = { "chromium-headless-shell", "chromium", NULL };

struct report_opts {
	uint64_t draws, seed, sobol;
	int no_simulation;
	const char *title, *author, *date, *output, *pdf;
	int letter;
	const char **actuals;       /* --actuals FILE, as often as given */
	size_t nactuals;
};

static int parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

/* YYYY-MM-DD with a real month and day. */
static int valid_date(const char *s)
{
	int y, m, d;
	char tail;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

static void free_case(html_case *c)
{
	crm_assess_free(c->assessment);
	if (c->has_inc)
		crm_incremental_free(&c->inc);
	free(c->tornado);
	crm_sim_result_free(&c->sim);
	crm_decide_result_free(&c->decide);
	crm_sobol_result_free(&c->sobol);
	report_free(&c->r);
}

/* The readiness assessment behind the scenario's execution factor, and its effect on NPV. */
static int build_readiness(html_case *c)
{
	crm_error err;

	crm_error_clear(&err);
	if (!(c->assessment = crm_assess_load(c->r.sc->settings.readiness, &err)) ||
	    crm_assess_effect(c->r.sc, &c->readiness, &err) != CRM_OK)
		return report_error(&err);
	return EXIT_OK;
}

/*
 * The simulation of one option: o->draws draws with o->seed, the same for
 * every option, so that their risk ranges are drawn alike. The base NPV is
 * the reference whose percentile rank the result gives; with a tax rate the
 * NPV after tax is drawn too. Nothing when no value is uncertain or with
 * --no-simulation.
 */
static int build_simulation(html_case *c, const struct report_opts *o)
{
	const crm_scenario *sc = c->r.sc;
	crm_uncertain *items = NULL;
	crm_error err;
	int status = EXIT_OK;

	crm_error_clear(&err);
	if (crm_uncertain_list(sc, &items, &c->nuncertain, &err) != CRM_OK)
		goto fail;
	if (!o->no_simulation && c->nuncertain > 0) {
		crm_sim_options so;
		long np = sysconf(_SC_NPROCESSORS_ONLN);
		memset(&so, 0, sizeof so);
		so.n = o->draws;
		so.seed = o->seed;
		so.jobs = np > 0 ? (int)(np < 64 ? np : 64) : 1;
		so.hist_bins = HIST_BINS;
		so.metrics[CRM_SIM_NPV] = 1;
		so.metrics[CRM_SIM_AFTER_TAX_NPV] = c->r.c->has_tax;
		so.metrics[CRM_SIM_PEAK_FUNDING] = 1;   /* peak funding in the bad case */
		so.has_reference = 1;
		so.reference = c->r.c->m.npv;
		if (crm_simulate(sc, &so, &c->sim, &err) != CRM_OK)
			goto fail;
		c->simulated = 1;
		/* Gates as decisions: the option to stop at each decided gate. */
		int decided = 0;
		for (size_t g = 0; g < sc->ngroups; g++)
			decided |= sc->groups[g].ndecide > 0;
		if (decided && crm_decide(sc, o->draws < 100 ? 100 : o->draws, o->seed, &c->decide,
					  &err) != CRM_OK)
			goto fail;
	}
	goto done;
fail:
	if (!err.file[0])
		snprintf(err.file, sizeof err.file, "%s", sc->file);
	status = report_error(&err);
done:
	free(items);
	return status;
}

/* Tornado, break-even values and Sobol indices of the proposal. */
static int build_analyses(html_case *c, const struct report_opts *o)
{
	const crm_scenario *sc = c->r.sc;
	crm_analysis *a = NULL;
	crm_error err;
	crm_status st;
	int status = EXIT_OK;

	crm_error_clear(&err);
	if (!(a = crm_analysis_new(sc, &err)))
		goto fail;
	if ((st = crm_tornado_top(a, CRM_METRIC_NPV, 0, HTML_TORNADO_ROWS, HTML_BREAKEVENS,
				  &c->tornado, &c->ntornado, &c->tornado_params, &c->tornado_base,
				  &err)) != CRM_OK)
		goto fail;
	for (size_t i = 0; i < c->ntornado && c->nbe < HTML_BREAKEVENS; i++) {
		const crm_param *p = &c->tornado[i].param;
		double lo, hi;
		if (!p->has_base)
			continue;
		crm_breakeven_interval(p, &lo, &hi);
		st = crm_breakeven_solve(a, p, CRM_METRIC_NPV, 0, lo, hi, &c->be[c->nbe], &err);
		if (st == CRM_ENOMEM)
			goto fail;
		if (st != CRM_OK) {
			/* An input that cannot be searched stays in the table, with the reason. */
			memset(&c->be[c->nbe], 0, sizeof c->be[c->nbe]);
			c->be[c->nbe].param = *p;
			c->be[c->nbe].status = CRM_BE_NONE;
			snprintf(c->be_why[c->nbe], sizeof c->be_why[c->nbe], "%s", err.msg);
			crm_error_clear(&err);
		}
		c->nbe++;
	}
	if (c->simulated && o->sobol > 0 &&
	    crm_sobol_top(sc, (size_t)o->sobol, o->seed, HTML_SOBOL_ITEMS, &c->sobol, &err) != CRM_OK)
		goto fail;
	/* Where the probability of a loss reaches 10%, for the most influential input. */
	for (size_t i = 0; c->simulated && i < c->ntornado; i++) {
		const crm_param *p = &c->tornado[i].param;
		double lo, hi;
		if (p->kind != CRM_PARAM_INPUT || !p->has_base)
			continue;
		crm_breakeven_interval(p, &lo, &hi);
		uint64_t n = o->draws < HTML_GOAL_DRAWS ? (o->draws < 100 ? 100 : o->draws)
			     : HTML_GOAL_DRAWS;
		st = crm_prob_goal_seek(sc, (size_t)p->index, HTML_GOAL_PROBABILITY, lo, hi, n,
					o->seed, &c->goal, &err);
		if (st == CRM_ENOMEM)
			goto fail;
		c->has_goal = st == CRM_OK;
		c->goal_param = *p;
		crm_error_clear(&err);
		break;
	}
	goto done;
fail:
	if (!err.file[0])
		snprintf(err.file, sizeof err.file, "%s", sc->file);
	status = report_error(&err);
done:
	crm_analysis_free(a);
	return status;
}

/* ----------------------------------------------------------------- PDF */

/* The first browser found on PATH, in a malloc'd string; NULL when none. */
static char *find_browser(void)
{
	const char *path = getenv("PATH");

	if (!path || !*path)
		return NULL;
	for (const char *const *b = browsers; *b; b++) {
		const char *p = path;
		while (*p) {
			size_t n = strcspn(p, ":");
			size_t len = (n ? n : 1) + strlen(*b) + 2;
			char *full = malloc(len);
			if (!full)
				return NULL;
			snprintf(full, len, "%.*s/%s", (int)(n ? n : 1), n ? p : ".", *b);
			if (access(full, X_OK) == 0)
				return full;
			free(full);
			p += n;
			if (*p == ':')
				p++;
		}
	}
	return NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_tree(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	if (!fp)
		return -1;
	size_t w = fwrite(data, 1, len, fp);
	if (fclose(fp) != 0 || w != len)
		return -1;
	return 0;
}

/* Whether the file at path starts like a PDF and is not empty. */
static int looks_like_pdf(const char *path)
{
	char head[5] = { 0 };
	FILE *fp = fopen(path, "rb");

	if (!fp)
		return 0;
	size_t n = fread(head, 1, 4, fp);
	fclose(fp);
	return n == 4 && !memcmp(head, "%PDF", 4);
}

/*
 * Print html to a temporary file beside pdf with the browser, then rename it
 * over pdf. Returns an exit status; messages go to stderr.
 */
static int print_pdf(const char *browser, const char *html, size_t len, const char *pdf)
{
	const char *tmpdir = getenv("TMPDIR");
	char dir[4096], page[4200], profile[4200], url[4300], target[4300], flag[4400];
	char *tmp = NULL;
	int status = EXIT_IO, fd;
	pid_t pid;

	snprintf(dir, sizeof dir, "%s/crmroi-report-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "%s: cannot create a temporary directory: %s\n", progname,
			strerror(errno));
		return EXIT_IO;
	}
	snprintf(page, sizeof page, "%s/report.html", dir);
	snprintf(profile, sizeof profile, "%s/profile", dir);
	snprintf(url, sizeof url, "file://%s", page);
	size_t n = strlen(pdf);
	if (!(tmp = malloc(n + 16))) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	snprintf(tmp, n + 16, "%s.tmp.XXXXXX", pdf);
	if ((fd = mkstemp(tmp)) < 0) {
		fprintf(stderr, "%s: %s: cannot create a file beside it: %s\n", progname, pdf,
			strerror(errno));
		free(tmp);
		tmp = NULL;
		goto done;
	}
	/* mkstemp makes the file private; a PDF is a document to share, as the umask allows. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		fprintf(stderr, "%s: %s: cannot set the file's permissions: %s\n", progname, tmp,
			strerror(errno));
		close(fd);
		goto done;
	}
	close(fd);
	if (write_file(page, html, len) != 0) {
		fprintf(stderr, "%s: %s: cannot write: %s\n", progname, page, strerror(errno));
		goto done;
	}
	if (tmp[0] == '/')
		snprintf(target, sizeof target, "%s", tmp);
	else {
		char cwd[4096];
		if (!getcwd(cwd, sizeof cwd)) {
			fprintf(stderr, "%s: cannot find the current directory: %s\n", progname,
				strerror(errno));
			goto done;
		}
		snprintf(target, sizeof target, "%s/%s", cwd, tmp);
	}
	snprintf(flag, sizeof flag, "--print-to-pdf=%s", target);
	char udd[4300];
	snprintf(udd, sizeof udd, "--user-data-dir=%s", profile);
	char *const argv[] = { (char *)browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--no-first-run", "--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--disable-extensions", "--mute-audio", udd,
		"--no-pdf-header-footer", flag, url, NULL };
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "%s: cannot start %s: %s\n", progname, browser, strerror(errno));
		goto done;
	}
	if (pid == 0) {
		/* The browser's own chatter is not ours to show. */
		int nul = open("/dev/null", O_RDWR);
		if (nul >= 0) {
			dup2(nul, STDIN_FILENO);
			dup2(nul, STDOUT_FILENO);
			dup2(nul, STDERR_FILENO);
		}
		execv(browser, argv);
		_exit(127);
	}
	int ws = 0;
	time_t start = time(NULL);
	for (;;) {
		pid_t w = waitpid(pid, &ws, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			ws = -1;
			break;
		}
		if (time(NULL) - start > BROWSER_TIMEOUT) {
			kill(pid, SIGKILL);
			waitpid(pid, &ws, 0);
			fprintf(stderr, "%s: %s: %s took more than %d seconds to print; no PDF written\n",
				progname, pdf, browser, BROWSER_TIMEOUT);
			goto done;
		}
		struct timespec ts = { 0, 50 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	if (ws == -1 || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0 || !looks_like_pdf(tmp)) {
		fprintf(stderr, "%s: %s: %s did not print the document (exit %d); no PDF written\n",
			progname, pdf, browser, ws != -1 && WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
		goto done;
	}
	if (rename(tmp, pdf) != 0) {
		fprintf(stderr, "%s: %s: cannot replace the file: %s\n", progname, pdf,
			strerror(errno));
		goto done;
	}
	free(tmp);
	tmp = NULL;
	status = EXIT_OK;
done:
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	remove_tree(dir);
	return status;
}

/* One of report's own options: 0, or the usage error's status. */
static int parse_option(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct report_opts *o = ctx;

	(void)p;
	switch (id) {
	case OPT_DRAWS:
		if (parse_u64(arg, MAX_DRAWS, &o->draws) != 0 || o->draws == 0)
			return usage_error("report: --draws takes a whole number from 1 to 100000000, "
					   "not '%s'", arg);
		break;
	case OPT_SEED:
		if (parse_u64(arg, UINT64_MAX, &o->seed) != 0)
			return usage_error("report: --seed takes a whole number from 0, not '%s'", arg);
		break;
	case OPT_SOBOL:
		if (parse_u64(arg, MAX_SOBOL_POINTS, &o->sobol) != 0 ||
		    (o->sobol > 0 && o->sobol < SOBOL_POINTS))
			return usage_error("report: --sobol takes 0 (no Sobol indices) or a whole "
					   "number from %d to %llu, not '%s'", SOBOL_POINTS,
					   (unsigned long long)MAX_SOBOL_POINTS, arg);
		break;
	case OPT_NO_SIMULATION: o->no_simulation = 1; break;
	case OPT_TITLE: o->title = arg; break;
	case OPT_AUTHOR: o->author = arg; break;
	case OPT_DATE:
		if (!valid_date(arg))
			return usage_error("report: --date takes a date as YYYY-MM-DD, not '%s'", arg);
		o->date = arg;
		break;
	case OPT_PAPER:
		if (!strcmp(arg, "a4") || !strcmp(arg, "A4"))
			o->letter = 0;
		else if (!strcmp(arg, "letter"))
			o->letter = 1;
		else
			return usage_error("report: --paper takes a4 or letter, not '%s'", arg);
		break;
	case OPT_PDF: o->pdf = arg; break;
	case OPT_ACTUALS: o->actuals[o->nactuals++] = arg; break;
	}
	return 0;
}

/*
 * Several options: each one's probability of the highest NPV, the options
 * simulated together on common random draws (crmroi/joint.h), so that the
 * same uncertain value takes the same draw in every option.
 */
static int build_common_draws(html_doc *doc, const struct report_opts *o)
{
	const crm_scenario **scs = calloc(doc->ncases, sizeof *scs);
	crm_joint_options jo = { .n = o->draws < 2 ? 2 : o->draws, .seed = o->seed, .after_tax = 1 };
	crm_joint_result jr;
	crm_error err;
	int status = EXIT_OK;

	if (!scs) {
		fprintf(stderr, "%s: out of memory\n", progname);
		return EXIT_INTERNAL;
	}
	/* After tax when every option has a tax rate, as the options page compares them. */
	for (size_t k = 0; k < doc->ncases; k++) {
		scs[k] = doc->cases[k].r.sc;
		jo.after_tax &= doc->cases[k].r.c->has_tax;
	}
	crm_error_clear(&err);
	if (crm_joint_simulate(scs, doc->ncases, &jo, &jr, &err) != CRM_OK) {
		status = report_error(&err);
		crm_joint_result_free(&jr);
	} else {
		for (size_t k = 0; k < doc->ncases; k++) {
			doc->cases[k].has_p_best = !isnan(jr.p_best[k]);
			doc->cases[k].p_best = jr.p_best[k];
			doc->cases[k].p_best_draws = jr.n;
		}
		doc->joint = jr;   /* the document's now: freed with it */
		doc->has_joint = 1;
	}
	free(scs);
	return status;
}

/*
 * The value of information of the decision (crmroi/voi.h): going ahead with
 * the proposal or not, or the choice among the options, with the
 * simulation's draws (at least the 100 it takes) and seed; after tax when
 * every option has a tax rate, as the document decides. Nothing when no
 * option has an uncertain value.
 */
static int build_voi(html_doc *doc, const struct report_opts *o)
{
	const crm_scenario **scs = calloc(doc->ncases, sizeof *scs);
	crm_voi_options vo = { o->draws < 100 ? 100 : o->draws, o->seed, 1, NULL, 0 };
	crm_error err;
	int any = 0;

	if (!scs) {
		fprintf(stderr, "%s: out of memory\n", progname);
		return EXIT_INTERNAL;
	}
	for (size_t k = 0; k < doc->ncases; k++) {
		scs[k] = doc->cases[k].r.sc;
		vo.after_tax &= doc->cases[k].r.c->has_tax;
		any |= doc->cases[k].simulated;
	}
	int status = EXIT_OK;
	crm_error_clear(&err);
	if (any) {
		if (crm_voi(scs, doc->ncases, &vo, &doc->voi, &err) != CRM_OK)
			status = report_error(&err);
		else
			doc->has_voi = 1;
	}
	free(scs);
	return status;
}

/*
 * The proposal's roll-out plan when it has area rows: the best by expected
 * NPV, on the simulation's seed and at most PLAN_DRAWS of its draws (the
 * base case with --no-simulation).
 */
#define PLAN_DRAWS 2000

static int build_plan(html_doc *doc, const struct report_opts *o)
{
	/* After tax when the proposal has a tax rate, as the document decides. */
	crm_plan_options po = { doc->cases[0].r.sc->settings.tax_given ? CRM_PLAN_AFTER_TAX :
				CRM_PLAN_MEAN, o->no_simulation ? 0 :
				o->draws < PLAN_DRAWS ? o->draws : PLAN_DRAWS, o->seed, 0, 3, 0 };
	crm_error err;

	crm_error_clear(&err);
	if (crm_plan(doc->cases[0].r.sc, &po, &doc->plan, &err) != CRM_OK)
		return report_error(&err);
	doc->has_plan = 1;
	return EXIT_OK;
}

/*
 * A document dated before the last month with actuals reports what had not
 * happened on its date: warn, naming a file that holds that month (an error
 * with --strict, as every warning). Nothing without a start date (months
 * have no calendar) or a date given as "today" that could not be read.
 * Returns what report_warnings does.
 */
static size_t warn_date_before_actuals(const char *date, const crm_track *t,
				       const crm_actuals *a)
{
	const crm_settings *s = &t->sc->settings;
	crm_warnings w = { 0 };
	int y, m, d;

	if (!s->start_year || t->last < 1 || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	int k = s->start_month - 1 + t->last - 1;
	int ly = s->start_year + k / 12, lm = k % 12 + 1;
	if (y * 12 + m >= ly * 12 + lm)
		return 0;
	const char *file = NULL;
	for (size_t i = 0; i < crm_actuals_count(a) && !file; i++) {
		const crm_actual *x = crm_actuals_get(a, i);
		if (x->month == t->last && (x->kind == CRM_ACTUAL_COST || x->kind == CRM_ACTUAL_BENEFIT))
			file = x->loc.file;
	}
	/* Out of memory the warning is lost, as any other would be. */
	crm_warnings_add(&w, file, 0, 0, "the document is dated %s, before the last month with "
			 "actuals, %04d-%02d: give --date a day on or after it", date, ly, lm);
	size_t n = report_warnings(&w);
	crm_warnings_free(&w);
	return n;
}

/* actuals has room for every argument: --actuals FILE, as often as given. */
static int report_command(int argc, char **argv, const char **actuals)
{
	struct report_opts o;
	html_doc doc;
	char today[16], *browser = NULL, *buf = NULL;
	size_t len = 0;
	int status, nfiles;
	crm_error err;
	out_sink sink;
	size_t nactuals = 0;
	crm_actuals *act = NULL;
	crm_track *track = NULL;
	crm_calibration cal;
	cli_parser p;

	memset(&o, 0, sizeof o);
	memset(&doc, 0, sizeof doc);
	memset(&cal, 0, sizeof cal);
	o.draws = DEFAULT_DRAWS;
	o.seed = 1;
	o.sobol = SOBOL_POINTS;
	o.actuals = actuals;
	if ((status = cli_parse(&p, "report", argc, argv, parse_option, &o)) >= 0)
		return status;
	status = EXIT_OK;
	nactuals = o.nactuals;
	o.output = p.output;
	for (size_t i = 0; i < nactuals; i++)
		if ((o.output && same_file(o.output, actuals[i])) ||
		    (o.pdf && same_file(o.pdf, actuals[i])))
			return usage_error("report: the output would overwrite the actuals file '%s'",
					   actuals[i]);
	nfiles = p.nargs;
	if (nfiles < 1)
		return usage_error("report: no scenario file given");
	if (o.pdf && !strcmp(o.pdf, "-"))
		return usage_error("report: --pdf needs a file name (a PDF does not go to standard "
				   "output)");
	for (int i = 0; i < nfiles; i++)
		if ((o.output && same_file(o.output, p.args[i])) ||
		    (o.pdf && same_file(o.pdf, p.args[i])))
			return usage_error("report: the output would overwrite the scenario '%s'",
					   p.args[i]);
	if (o.output && o.pdf && strcmp(o.output, "-") && same_file(o.output, o.pdf))
		return usage_error("report: -o and --pdf name the same file");
	if (!o.date) {
		time_t now = time(NULL);
		struct tm tm;
		if (!localtime_r(&now, &tm) || strftime(today, sizeof today, "%Y-%m-%d", &tm) == 0)
			snprintf(today, sizeof today, "today");
		o.date = today;
	}
	/* Fail before any work when the PDF cannot be made. */
	if (o.pdf && !(browser = find_browser())) {
		fprintf(stderr, "%s: --pdf needs a headless Chromium and none was found on PATH "
			"(install the Debian package chromium-headless-shell, or chromium)\n",
			progname);
		return EXIT_IO;
	}

	doc.cases = calloc((size_t)nfiles, sizeof *doc.cases);
	if (!doc.cases) {
		fprintf(stderr, "%s: out of memory\n", progname);
		free(browser);
		return EXIT_INTERNAL;
	}
	doc.ncases = (size_t)nfiles;
	for (int i = 0; i < nfiles && status == EXIT_OK; i++) {
		html_case *hc = &doc.cases[i];
		if ((status = load_report(&hc->r, p.args[i], 0, p.only_given ? p.classes : 0)) !=
		    EXIT_OK)
			break;
		if ((status = strict_status(report_warnings(&hc->r.sc->warnings), EXIT_OK)) != EXIT_OK)
			break;
		if ((status = build_simulation(hc, &o)) != EXIT_OK)
			break;
		if (i == 0) {
			status = build_analyses(hc, &o);
			if (status == EXIT_OK && hc->r.sc->settings.readiness)
				status = build_readiness(hc);
		} else {
			const report *a = &doc.cases[0].r, *b = &hc->r;
			crm_error_clear(&err);
			if (crm_incremental_flows(a->c->cf, &a->c->m, a->sc->settings.discount_rate, b->c->cf,
						  &b->c->m, b->sc->settings.discount_rate, &hc->inc,
						  &err) != CRM_OK) {
				status = report_error(&err);
				break;
			}
			hc->has_inc = 1;
		}
	}
	if (status == EXIT_OK && nfiles > 1 && !o.no_simulation)
		status = build_common_draws(&doc, &o);
	if (status == EXIT_OK && !o.no_simulation)
		status = build_voi(&doc, &o);
	if (status == EXIT_OK && doc.cases[0].r.sc->nareas)
		status = build_plan(&doc, &o);
	if (status == EXIT_OK && nactuals) {
		const crm_scenario *sc = doc.cases[0].r.sc;
		crm_error_clear(&err);
		if (!(act = crm_actuals_new(sc))) {
			fprintf(stderr, "%s: out of memory\n", progname);
			status = EXIT_INTERNAL;
		}
		for (size_t i = 0; status == EXIT_OK && i < nactuals; i++)
			if (crm_actuals_read(act, actuals[i], &err) != CRM_OK)
				status = report_error(&err);
		if (status == EXIT_OK && crm_track_compute(sc, act, &track, &err) != CRM_OK)
			status = report_error(&err);
		if (status == EXIT_OK)
			status = strict_status(report_warnings(&track->warnings), status);
		if (status == EXIT_OK)
			status = strict_status(warn_date_before_actuals(o.date, track, act), status);
		/* Realised inputs or events among the actuals: how good the estimates were. */
		int realised = 0;
		for (size_t i = 0; status == EXIT_OK && i < crm_actuals_count(act); i++) {
			crm_actual_kind k = crm_actuals_get(act, i)->kind;
			realised |= k == CRM_ACTUAL_INPUT || k == CRM_ACTUAL_EVENT;
		}
		if (status == EXIT_OK && realised) {
			if (crm_calibrate(sc, act, &cal, &err) != CRM_OK)
				status = report_error(&err);
			else
				doc.calibration = &cal;
		}
		doc.track = track;
		doc.actuals = act;
		doc.actuals_files = actuals;
		doc.nactuals_files = nactuals;
	}
	if (status != EXIT_OK)
		goto done;
	doc.title = o.title;
	doc.author = o.author;
	doc.date = o.date;
	doc.letter = o.letter;
	doc.draws = o.draws;
	doc.seed = o.seed;
	doc.no_simulation = o.no_simulation;
	doc.sobol_points = o.sobol;

	FILE *mem = open_memstream(&buf, &len);
	if (!mem) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	html_document(&doc, mem);
	if (fclose(mem) != 0 || !buf) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	if (o.pdf && (status = print_pdf(browser, buf, len, o.pdf)) != EXIT_OK)
		goto done;
	crm_error_clear(&err);
	if (sink_open(&sink, o.output, &err) != 0) {
		status = report_error(&err);
		goto done;
	}
	fwrite(buf, 1, len, sink.fp);
	if (sink_commit(&sink, &err) != 0)
		status = report_error(&err);
done:
	for (size_t i = 0; i < doc.ncases; i++)
		free_case(&doc.cases[i]);
	free(doc.cases);
	crm_voi_result_free(&doc.voi);
	crm_plan_result_free(&doc.plan);
	crm_calibration_free(&cal);
	crm_joint_result_free(&doc.joint);
	crm_track_free(track);
	crm_actuals_free(act);
	free(buf);
	free(browser);
	return status;
}

int cmd_report(int argc, char **argv)
{
	const char **actuals = calloc((size_t)argc + 1, sizeof *actuals);
	int status;

	if (!actuals) {
		fprintf(stderr, "%s: out of memory\n", progname);
		return EXIT_INTERNAL;
	}
	status = report_command(argc, argv, actuals);
	free(actuals);
	return status;
}
