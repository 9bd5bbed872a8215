/*
 * cmd_new.c - `crmroi new`: a scenario to start from.
 *
 * `crmroi new --areas A,B` writes a business case of areas of the library
 * with the usual costs, every figure it cannot know marked as a placeholder;
 * `crmroi new --from BASE` writes a variant that inherits BASE, with
 * commented examples of what a variant states; `crmroi new --list` lists the
 * areas. The starter is built by the core (src/core/starter.c) and written
 * by src/render/starter_view.c; this file reads the options, finds the
 * base's path as the variant will read it, and writes through the output
 * sink, which never replaces an input. An existing file is not replaced
 * either: it is probably a scenario someone has been filling in.
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include "cli.h"
#include "options.h"
#include "starter_view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct new_opts {
	char *areas;           /* --areas, a copy to split */
	const char *currency, *title, *from;
	int horizon, list;
	int starts_new;        /* an option of a new business case was given */
};

static int parse_opt(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct new_opts *o = ctx;
	double v;
	char why[256];

	(void)p;
	switch (id) {
	case OPT_AREAS:
		free(o->areas);
		if (!(o->areas = strdup(arg))) {
			fprintf(stderr, "%s: out of memory\n", progname);
			return EXIT_INTERNAL;
		}
		o->starts_new = 1;
		break;
	case OPT_CURRENCY:
		o->currency = arg;
		o->starts_new = 1;
		break;
	case OPT_HORIZON:
		if (crm_parse_number(arg, &v, NULL, why, sizeof why) != CRM_OK || v != floor(v) ||
		    v < 1 || v > CRM_MAX_HORIZON_YEARS)
			return usage_error("new: --horizon takes whole years from 1 to %d, not '%s'",
					   CRM_MAX_HORIZON_YEARS, arg);
		o->horizon = (int)v;
		o->starts_new = 1;
		break;
	case OPT_TITLE:
		o->title = arg;
		break;
	case OPT_FROM:
		o->from = arg;
		break;
	case OPT_LIST:
		o->list = 1;
		break;
	}
	return 0;
}

/*
 * The path of file to as read from folder dir, both canonical and absolute:
 * "../" for each folder of dir below the folders they share, then the rest
 * of to. NULL on no memory.
 */
static char *relative(const char *dir, const char *to)
{
	size_t dl = strlen(dir), i = 0, shared, ups = 0;

	while (i < dl && dir[i] == to[i])
		i++;
	if (i == dl && dl == 1)
		shared = 1;              /* dir is the root */
	else if (i == dl && to[i] == '/')
		shared = dl + 1;         /* to is in dir or below it */
	else {
		while (i > 0 && dir[i - 1] != '/')
			i--;             /* back to the last folder they share */
		shared = i;
	}
	if (shared < dl) {
		ups = 1;
		for (size_t k = shared; k < dl; k++)
			ups += dir[k] == '/';
	}
	size_t n = 3 * ups + strlen(to + shared) + 1;
	char *out = malloc(n);
	if (!out)
		return NULL;
	out[0] = '\0';
	for (size_t k = 0; k < ups; k++)
		strcat(out, "../");
	strcat(out, to + shared);
	return out;
}

/*
 * The base's path as the variant at output reads it: relative to the
 * variant's folder (setting,base is read relative to the file that names it).
 * An absolute path, and a variant written to standard output, get the path
 * as given.
 */
static char *base_ref(const char *base, const char *output)
{
	char *real_base = realpath(base, NULL), *dir = NULL, *real_dir = NULL, *out = NULL;

	/* A path from the root stays one: the user chose it. */
	if (!output || !strcmp(output, "-") || !real_base || base[0] == '/')
		goto as_given;
	const char *slash = strrchr(output, '/');
	dir = slash ? strndup(output, (size_t)(slash - output + (slash == output))) : strdup(".");
	if (!dir || !(real_dir = realpath(dir, NULL)))
		goto as_given;
	out = relative(real_dir, real_base);
	goto done;
as_given:
	out = strdup(base);
done:
	free(real_base);
	free(dir);
	free(real_dir);
	return out;
}

/* The starter to write: from the areas or from a base; NULL after an error, reported. */
static crm_starter *build(const struct new_opts *o, const cli_parser *p, int *status,
			  size_t *base_placeholders)
{
	crm_error err;
	crm_starter *s = NULL;
	const char **names;

	crm_error_clear(&err);
	if (o->from) {
		crm_scenario *base = crm_scenario_load(o->from, &err);
		char *ref = base ? base_ref(o->from, p->output) : NULL;
		/* Its warnings are the base's own business: check shows them. */
		if (base) {
			inputs_add(base);
			*base_placeholders = base->nplaceholders;
		}
		if (base && !ref)
			crm_error_set(&err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		if (ref)
			s = crm_starter_variant(base, ref, o->title, o->from,
						p->output && strcmp(p->output, "-") ? p->output : NULL,
						&err);
		free(ref);
		crm_scenario_free(base);
	} else {
		/* Each name of --areas, "all" standing for every area of the library. */
		size_t cap = crm_areas_count(), n = 0;
		for (const char *c = o->areas; *c; c++)
			cap += *c == ',' ? crm_areas_count() : 0;
		if (!(names = malloc(cap * sizeof *names))) {
			fprintf(stderr, "%s: out of memory\n", progname);
			*status = EXIT_INTERNAL;
			return NULL;
		}
		for (char *t = strtok(o->areas, ","); t; t = strtok(NULL, ",")) {
			while (*t == ' ')
				t++;
			for (size_t e = strlen(t); e && t[e - 1] == ' '; e--)
				t[e - 1] = '\0';
			if (!*t)
				continue;
			if (!strcmp(t, "all")) {
				for (size_t i = 0; i < crm_areas_count(); i++)
					names[n++] = crm_areas_at(i)->name;
				continue;
			}
			names[n++] = t;
		}
		crm_starter_options so = { names, n, o->currency, o->horizon, o->title,
					   p->output && strcmp(p->output, "-") ? p->output : NULL };
		s = crm_starter_new(&so, &err);
		free(names);
	}
	if (!s)
		*status = err.status == CRM_EUSAGE
			? usage_error("new: %s", err.msg) : report_error(&err);
	return s;
}

int cmd_new(int argc, char **argv)
{
	cli_parser p;
	struct new_opts o = { 0 };
	struct stat st;
	int status;
	size_t base_placeholders = 0;
	crm_starter *s = NULL;

	if ((status = cli_parse(&p, "new", argc, argv, parse_opt, &o)) >= 0)
		goto done;
	status = EXIT_OK;
	if (p.nargs) {
		status = usage_error("new: '%s': new reads no scenario (--from BASE writes a "
				     "variant of one)", p.args[0]);
		goto done;
	}
	/* The base itself is left to the output sink, which names it as an input. */
	if (p.output && strcmp(p.output, "-") && stat(p.output, &st) == 0 && S_ISREG(st.st_mode) &&
	    !(o.from && same_file(p.output, o.from))) {
		status = usage_error("new: '%s' exists; new writes a new file and does not "
				     "replace one (choose another name, or remove it first)", p.output);
		goto done;
	}
	if (o.list) {
		if (o.starts_new || o.from || o.title) {
			status = usage_error("new: --list takes no other option: it lists the areas and "
					     "writes no scenario");
			goto done;
		}
		if ((status = cli_out_open(&p)) == EXIT_OK) {
			starter_view_areas(p.out);
			status = cli_out_close(&p, EXIT_OK);
		}
		goto done;
	}
	if (o.from && o.starts_new) {
		status = usage_error("new: --from writes a variant of BASE, which has its areas, "
				     "currency and horizon; --areas, --currency and --horizon are for a "
				     "new business case");
		goto done;
	}
	if (!o.from && !o.areas) {
		status = usage_error("new: no --areas given (crmroi new --list shows the areas; "
				     "--from BASE writes a variant of a scenario)");
		goto done;
	}
	if (o.from && !strcmp(o.from, "-")) {
		status = usage_error("new: --from needs a file: the variant names its base by its "
				     "path");
		goto done;
	}
	if (!(s = build(&o, &p, &status, &base_placeholders)))
		goto done;
	/* A scenario is read back by crmroi, which takes every cell as it is written. */
	csv_set_raw_text(1);
	if ((status = cli_out_open(&p)) != EXIT_OK)
		goto done;
	starter_view_csv(s, p.out);
	if ((status = cli_out_close(&p, EXIT_OK)) != EXIT_OK || !p.output || !strcmp(p.output, "-"))
		goto done;
	if (o.from && base_placeholders)
		fprintf(stderr, "%s: wrote %s: a variant of %s, with %zu examples to uncomment "
			"(%s still has %zu placeholder%s); then crmroi compare %s %s\n", progname,
			p.output, o.from, s->nexamples, o.from, base_placeholders,
			base_placeholders == 1 ? "" : "s", o.from, p.output);
	else if (o.from)
		fprintf(stderr, "%s: wrote %s: a variant of %s, with %zu examples to uncomment; "
			"then crmroi compare %s %s\n", progname, p.output, o.from, s->nexamples,
			o.from, p.output);
	else
		fprintf(stderr, "%s: wrote %s: %zu area%s, %zu inputs, %zu benefit lines, %zu cost "
			"lines; %zu placeholders to replace (crmroi check %s lists them)\n",
			progname, p.output, s->nareas, s->nareas == 1 ? "" : "s", s->ninputs,
			s->nbenefits, s->ncosts, s->nplaceholders, p.output);
done:
	crm_starter_free(s);
	free(o.areas);
	return status;
}
