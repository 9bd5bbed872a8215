/*
 * cmd_completion.c - `crmroi completion bash`: the bash completion script,
 * generated from the command and option tables, so that it completes exactly
 * the commands and options there are. `make install` installs it where
 * bash-completion finds it (share/bash-completion/completions/crmroi).
 *
 * It completes the commands; each command's options; the values of options
 * that take one of a list of words (formats, classes, metrics, analyses,
 * --color, --by, --paper, and the areas of `new --areas` where the command
 * table has them); file names for options that take a file and for operands.
 */
#include "cli.h"
#include "options.h"

#include "crmroi/analysis.h"
#include "crmroi/areas.h"
#include "crmroi/scenario.h"

#include <stdio.h>
#include <string.h>

/* The words an option's argument takes, as a space-separated list, or a marker. */
static void print_values(const struct command *c, enum cli_opt id, FILE *fp)
{
	const char *arg = cli_options[id].arg;

	switch (id) {
	case OPT_FORMAT:
		fputs("'text csv json markdown'", fp);
		return;
	case OPT_BATCH_FORMAT:
		fputs("'csv jsonl'", fp);
		return;
	case OPT_COLOR:
		fputs("'auto always never'", fp);
		return;
	case OPT_OBJECTIVE:
		fputs("'mean p10 after-tax'", fp);
		return;
	case OPT_ANALYSIS:
		fputs("'run tornado breakeven simulate voi plan'", fp);
		return;
	case OPT_ONLY:
		fputs("@list:'", fp);
		for (int k = 0; k < CRM_NCLASSES; k++)
			fprintf(fp, "%s%s", k ? " " : "", crm_class_name((crm_class)k));
		fputc('\'', fp);
		return;
	case OPT_AREAS:
		fputs("@list:'", fp);
		for (size_t k = 0; k < crm_areas_count(); k++)
			fprintf(fp, "%s ", crm_areas_at(k)->name);
		fputs("all'", fp);
		return;
	case OPT_FROM:
		fputs("@file", fp);   /* BASE: a scenario file */
		return;
	case OPT_METRIC:
	case OPT_RANK:
		/* tornado and its kin take a comma-separated list of metrics. */
		fputs(id == OPT_METRIC && strcmp(c->name, "batch") ? "@list:'" : "'", fp);
		for (int k = 0; k < CRM_METRIC_COUNT; k++)
			fprintf(fp, "%s%s", k ? " " : "", crm_metric_info_of((crm_metric_id)k)->name);
		fputc('\'', fp);
		return;
	default:
		break;
	}
	if (arg && strstr(arg, "FILE")) {
		fputs("@file", fp);
	} else if (arg && strchr(arg, '|')) {
		/* year|month, a4|letter: the words themselves. */
		fputc('\'', fp);
		for (const char *s = arg; *s; s++)
			fputc(*s == '|' ? ' ' : *s, fp);
		fputc('\'', fp);
	} else {
		fputs("@none", fp);   /* a number or free text: nothing to offer */
	}
}

static void print_command(const struct command *c, FILE *fp)
{
	fprintf(fp, "\t%s)\n\t\topts='", c->name);
	int first = 1;
	for (const struct cmd_option *o = c->opts; o && o->help; o++) {
		const struct cli_option *d = &cli_options[o->id];
		/* The command table lists --help once, and may list an option twice. */
		int seen = 0;
		for (const struct cmd_option *q = c->opts; q != o; q++)
			seen |= q->id == o->id;
		if (seen)
			continue;
		fprintf(fp, "%s--%s", first ? "" : " ", d->name);
		if (d->letter)
			fprintf(fp, " -%c", d->letter);
		first = 0;
	}
	fputs("'\n\t\tcase $prev in\n", fp);
	for (const struct cmd_option *o = c->opts; o && o->help; o++) {
		const struct cli_option *d = &cli_options[o->id];
		int seen = 0;
		for (const struct cmd_option *q = c->opts; q != o; q++)
			seen |= q->id == o->id;
		if (seen || !d->arg)
			continue;
		fputs("\t\t", fp);
		if (d->letter)
			fprintf(fp, "-%c|", d->letter);
		fprintf(fp, "--%s) args=", d->name);
		print_values(c, o->id, fp);
		fputs(" ;;\n", fp);
	}
	fputs("\t\tesac ;;\n", fp);
}

static void print_bash(FILE *fp)
{
	fputs("# bash completion for crmroi(1), written by 'crmroi completion bash' from its\n"
	      "# command and option tables. Installed by 'make install' as\n"
	      "# share/bash-completion/completions/crmroi; or: source <(crmroi completion bash)\n"
	      "_crmroi()\n"
	      "{\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= cmd=${COMP_WORDS[1]} opts= args=\n"
	      "\t[ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\t# --option=value: bash splits the word at '='.\n"
	      "\tif [ \"$cur\" = = ]; then\n"
	      "\t\tcur=\n"
	      "\telif [ \"$prev\" = = ] && [ \"$COMP_CWORD\" -gt 1 ]; then\n"
	      "\t\tprev=${COMP_WORDS[COMP_CWORD-2]}\n"
	      "\tfi\n"
	      "\tCOMPREPLY=()\n"
	      "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W '", fp);
	for (const struct command *c = commands; c->name; c++)
		fprintf(fp, "%s ", c->name);
	fputs("--help --version' -- \"$cur\"))\n"
	      "\t\treturn 0\n"
	      "\tfi\n"
	      "\tcase $cmd in\n", fp);
	for (const struct command *c = commands; c->name; c++) {
		if (!strcmp(c->name, "help") || !strcmp(c->name, "completion"))
			continue;
		print_command(c, fp);
	}
	fputs("\thelp)\n"
	      "\t\t[ \"$COMP_CWORD\" -eq 2 ] && args='", fp);
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, "help"))
			fprintf(fp, "%s%s", c == commands ? "" : " ", c->name);
	fputs("' || args=@none ;;\n"
	      "\tcompletion)\n"
	      "\t\t[ \"$COMP_CWORD\" -eq 2 ] && args=bash || args=@none ;;\n"
	      "\tesac\n"
	      "\tcase $args in\n"
	      "\t@none) ;;\n"
	      "\t@file)\n"
	      "\t\tcompopt -o filenames 2>/dev/null\n"
	      "\t\tCOMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
	      "\t@list:*)\n"
	      "\t\t# A comma-separated list: complete the word after the last comma.\n"
	      "\t\tlocal pre=\n"
	      "\t\tcase $cur in *,*) pre=${cur%,*},; cur=${cur##*,} ;; esac\n"
	      "\t\tcompopt -o nospace 2>/dev/null\n"
	      "\t\tCOMPREPLY=($(compgen -P \"$pre\" -W \"${args#@list:}\" -- \"$cur\")) ;;\n"
	      "\t?*)\n"
	      "\t\tCOMPREPLY=($(compgen -W \"$args\" -- \"$cur\")) ;;\n"
	      "\t*)\n"
	      "\t\tif [[ $cur == -* ]]; then\n"
	      "\t\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	      "\t\telse\n"
	      "\t\t\tcompopt -o filenames 2>/dev/null\n"
	      "\t\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	      "\t\tfi ;;\n"
	      "\tesac\n"
	      "\treturn 0\n"
	      "}\n"
	      "complete -F _crmroi crmroi\n", fp);
}

int cmd_completion(int argc, char **argv)
{
	cli_parser p;
	int status;

	if ((status = cli_parse(&p, "completion", argc, argv, NULL, NULL)) >= 0)
		return status;
	if (p.nargs != 1 || strcmp(p.args[0], "bash"))
		return usage_error("completion: give the shell: crmroi completion bash (the one shell "
				   "there is a script for)");
	if ((status = cli_out_open(&p)) != EXIT_OK)
		return status;
	print_bash(p.out);
	return cli_out_close(&p, EXIT_OK);
}
