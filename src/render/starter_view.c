/*
 * starter_view.c - a starter scenario written as CSV, and the area library
 * listed for people (`crmroi new`, `crmroi new --list`).
 *
 * It writes what the core built (src/core/starter.c, src/core/areas.c); it
 * chooses no figure and no row.
 */
#include "starter_view.h"

#include <stdlib.h>
#include <string.h>

#include "crmroi/areas.h"

/* A comment: "# TEXT" as it is, or quoted when it holds a quote or a line break. */
static void comment_line(FILE *fp, const char *text)
{
	if (!*text) {
		fputc('#', fp);
	} else if (strpbrk(text, "\"\r\n")) {
		char *c = dup_printf("# %s", text);
		csv_field(fp, c ? c : "#", 1);
		free(c);
	} else {
		fprintf(fp, "# %s", text);
	}
	csv_end(fp);
}

void starter_view_csv(const crm_starter *s, FILE *fp)
{
	for (size_t i = 0; i < s->nlines; i++) {
		const crm_starter_line *l = &s->lines[i];
		if (l->kind == CRM_STARTER_COMMENT) {
			comment_line(fp, l->text);
			continue;
		}
		if (l->kind == CRM_STARTER_EXAMPLE)
			fputs("# ", fp);
		for (size_t c = 0; c < s->ncolumns; c++)
			csv_field(fp, l->cells[c], c == 0);
		csv_end(fp);
	}
}

void starter_view_areas(FILE *fp)
{
	size_t n = crm_areas_count();

	fprintf(fp, "Benefit areas of crmroi new --areas (%zu): what each models, its benefit "
		"lines with their\nclass and formula, and the drivers (inputs) they use.\n", n);
	for (size_t i = 0; i < n; i++) {
		const crm_area *a = crm_areas_at(i);
		fprintf(fp, "\n%s: %s\n", a->name, a->title);
		print_para(fp, "  ", a->models);
		for (size_t b = 0; b < a->nbenefits; b++) {
			fprintf(fp, "  %s (%s):\n", a->benefits[b].label, a->benefits[b].cls);
			print_para(fp, "    ", a->benefits[b].value);
		}
		size_t len = 16;
		for (size_t k = 0; k < a->ninputs; k++)
			len += strlen(a->inputs[k].name) + strlen(a->inputs[k].unit) + 6;
		char *d = malloc(len);
		if (d) {
			d[0] = '\0';
			for (size_t k = 0; k < a->ninputs; k++)
				crm_appendf(d, len, "%s%s (%s)", k ? ", " : "", a->inputs[k].name,
					    a->inputs[k].unit);
			fputs("  Drivers:\n", fp);
			print_para(fp, "    ", d);
			free(d);
		}
	}
}
