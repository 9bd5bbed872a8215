/*
 * cmd_assess.c - `crmroi assess`: the organisational readiness self-assessment.
 *
 * `crmroi assess --template` writes the questionnaire as a CSV table for the
 * team to fill in; `crmroi assess FILE...` scores answers files (several
 * side by side: the same organisation at different stages) and renders the
 * scores, the learnings and the outline of the executive review in text,
 * markdown, CSV or JSON. Scoring is in src/core/assess.c, the views in
 * src/render/assess_view.c; this file reads the options and the answers
 * files, reports their errors and hands the scores to the view.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "options.h"
#include "assess_view.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* --strict: every unanswered criterion is an error, located like a bad answer. */
static void report_unanswered(const crm_warnings *w)
{
	for (size_t i = 0; i < w->count; i++) {
		crm_error e = w->items[i];
		e.status = CRM_EDATA;
		char *p = strstr(e.msg, CRM_ASSESS_AS_ZERO);
		if (p)
			snprintf(p, sizeof e.msg - (size_t)(p - e.msg), " (--strict needs every "
				 "criterion answered: yes, no or a percentage within a band)");
		report_error(&e);
	}
}

/* --template: the questionnaire to fill in, as a CSV table. */
static int write_template(cli_parser *p)
{
	struct stat st;
	int status;

	if (p->nargs)
		return usage_error("assess: --template writes a new answers file and reads none ('%s' "
				   "given)", p->args[0]);
	if (p->fmt_given && p->fmt != FMT_CSV)
		return usage_error("assess: the template is a CSV table (--format csv, or no "
				   "--format)");
	if (p->output && strcmp(p->output, "-") && stat(p->output, &st) == 0)
		return usage_error("assess: '%s' exists; the template would replace the answers in it "
				   "(choose another name, or remove it first)", p->output);
	if ((status = cli_out_open(p)) != EXIT_OK)
		return status;
	assess_view_template(p->out);
	return cli_out_close(p, EXIT_OK);
}

struct assess_flags {
	int template;
};

/* --template (--strict is every command's: cli_strict). */
static int parse_flag(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct assess_flags *f = ctx;

	(void)p;
	(void)arg;
	if (id == OPT_TEMPLATE)
		f->template = 1;
	return 0;
}

int cmd_assess(int argc, char **argv)
{
	cli_parser p;
	struct assess_flags flags = { 0 };
	int status;
	crm_assessment **as = NULL;
	crm_error err;

	if ((status = cli_parse(&p, "assess", argc, argv, parse_flag, &flags)) >= 0)
		return status;
	status = EXIT_OK;
	if (flags.template) {
		status = write_template(&p);
		goto done;
	}
	if (p.nargs < 1) {
		status = usage_error("assess: no answers file given (crmroi assess --template -o "
				     "answers.csv writes one to fill in)");
		goto done;
	}
	for (int i = 0; i < p.nargs; i++)
		if (p.output && same_file(p.output, p.args[i])) {
			status = usage_error("assess: the output '%s' is the answers file '%s'; it would "
					     "be overwritten", p.output, p.args[i]);
			goto done;
		}
	if (!(as = calloc((size_t)p.nargs, sizeof *as))) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	for (int i = 0; i < p.nargs; i++) {
		crm_error_clear(&err);
		if (!(as[i] = crm_assess_load(p.args[i], &err))) {
			int st = report_error(&err);
			if (status == EXIT_OK)
				status = st;
			continue;
		}
		if (cli_strict && as[i]->nunanswered) {
			report_unanswered(&as[i]->warnings);
			if (status == EXIT_OK)
				status = EXIT_DATA;
		} else {
			report_warnings(&as[i]->warnings);
		}
	}
	if (status == EXIT_OK && (status = cli_out_open(&p)) == EXIT_OK) {
		assess_view_write(as, p.nargs, p.fmt, p.out);
		status = cli_out_close(&p, EXIT_OK);
	}
done:
	for (int i = 0; as && i < p.nargs; i++)
		crm_assess_free(as[i]);
	free(as);
	return status;
}
