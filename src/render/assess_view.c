/*
 * assess_view.c - the readiness self-assessment (`crmroi assess`) in text,
 * markdown, CSV and JSON: the questionnaire to fill in, the points of each
 * section and criterion (several answers files side by side), the learnings
 * and the outline of the executive review.
 *
 * It words what the core scored (src/core/assess.c): it reads no answers
 * file, scores nothing and does not choose where the output goes. The
 * readiness section of the business-case document is assess_html.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "assess_view.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ formats */

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Section names joined: "customers, processes". */
static void join_sections(char *buf, size_t len, const int *idx, int n, const crm_assessment *a)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && o < len; i++) {
		char sh[32];
		fmt_share(sh, sizeof sh, crm_assess_share(a, idx[i]));
		o += (size_t)snprintf(buf + o, len - o, "%s%s (%s)", i ? ", " : "",
				      crm_assess_section_at(idx[i])->name, sh);
	}
}

/* ------------------------------------------------------------------ template */

void assess_view_template(FILE *fp)
{
	static const char *const header[] = { "id", "section", "max_points", "criterion", "answer",
		"evidence", "learnings", "who_is_responsible", "consistent_approach",
		"record_of_commitment" };
	static const char *const about[][2] = {
		{ "title", "The organisation or program assessed" },
		{ "date", "When the assessment was made (e.g. 2027-03)" },
		{ "stage", "readiness (before the program), calibration (in its middle) or "
		  "correction (after it)" },
	};
	char pts[32];

	csv_field(fp, "# crmroi readiness self-assessment: 46 criteria in 9 sections, 1000 points. "
		  "The first six sections are culture, the last three execution.", 1);
	csv_end(fp);
	csv_field(fp, "# answer: yes (100%), no (0%), or a percentage within a score band: 0-5%, "
		  "10-25%, 30-45%, 50-65%, 70-85%, 90-100%. Judge each criterion by the three "
		  "questions beside it. An empty answer counts as 0%.", 1);
	csv_end(fp);
	for (size_t c = 0; c < sizeof header / sizeof *header; c++)
		csv_field(fp, header[c], c == 0);
	csv_end(fp);
	for (size_t i = 0; i < sizeof about / sizeof *about; i++) {
		csv_field(fp, about[i][0], 1);
		csv_field(fp, "about", 0);
		csv_field(fp, "", 0);
		csv_field(fp, about[i][1], 0);
		for (int c = 0; c < 6; c++)
			csv_field(fp, "", 0);
		csv_end(fp);
	}
	for (int k = 0; k < crm_assess_ncriteria(); k++) {
		const crm_assess_criterion *cr = crm_assess_criterion_at(k);
		const crm_assess_group *g = crm_assess_group_at(cr->group);
		fmt_points(pts, sizeof pts, g->points / g->count);
		csv_mark(pts);
		csv_field(fp, cr->id, 1);
		csv_field(fp, g->name, 0);
		csv_field(fp, pts, 0);
		csv_field(fp, cr->text, 0);
		csv_field(fp, "", 0);
		csv_field(fp, "", 0);
		csv_field(fp, "", 0);
		for (int q = 0; q < CRM_ASSESS_NQUESTIONS; q++)
			csv_field(fp, crm_assess_question(q), 0);
		csv_end(fp);
	}
}

/* ------------------------------------------------------------ text, markdown */

struct view {
	crm_assessment *const *a;
	int n;
	int md;
};

/*
 * The user's text (a file name, a date, a learning) after what the view
 * wrote: escaped in markdown (md_text); in text as it is, a line break in it
 * followed by col spaces (print_lines).
 */
static void user_text(FILE *fp, int md, size_t col, const char *s)
{
	if (md)
		md_text(fp, s);
	else
		print_lines(fp, col, s);
}

static void heading(FILE *fp, int md, const char *title)
{
	if (md)
		fprintf(fp, "\n## %s\n\n", title);
	else
		fprintf(fp, "\n%s\n", title);
}

static void print_table(const text_table *t, FILE *fp, int md)
{
	if (md)
		table_print_markdown(t, fp);
	else
		table_print_text(t, fp, "  ");
}

static void summary_lines(const crm_assessment *a, FILE *fp, int md)
{
	const char *b = md ? "- " : "  ";
	char t[32], ts[32], c[32], cs[32], e[32], es[32], list[512];

	fmt_points(t, sizeof t, a->total);
	fmt_share(ts, sizeof ts, a->total / CRM_ASSESS_MAX_POINTS);
	fmt_points(c, sizeof c, a->culture);
	fmt_share(cs, sizeof cs, a->culture / a->culture_max);
	fmt_points(e, sizeof e, a->execution);
	fmt_share(es, sizeof es, a->execution / a->execution_max);
	fprintf(fp, "%sAnswers: ", b);
	user_text(fp, md, 2, a->file);
	fputc('\n', fp);
	if (a->stage != CRM_STAGE_UNSTATED)
		fprintf(fp, "%sStage: %s\n", b, crm_assess_stage_name(a->stage));
	if (a->date[0]) {
		fprintf(fp, "%sDate: ", b);
		user_text(fp, md, 2, a->date);
		fputc('\n', fp);
	}
	fprintf(fp, "%sTotal: %s/1000 (%s)\n", b, t, ts);
	fprintf(fp, "%sCulture (the first six sections): %s/700 (%s)\n", b, c, cs);
	fprintf(fp, "%sExecution (the last three): %s/300 (%s)\n", b, e, es);
	join_sections(list, sizeof list, a->strongest, a->nstrongest, a);
	fprintf(fp, "%sStrongest, against its maximum: %s\n", b, list);
	join_sections(list, sizeof list, a->weakest, a->nweakest, a);
	fprintf(fp, "%sWeakest, against its maximum: %s\n", b, list);
	if (!a->nunanswered) {
		fprintf(fp, "%sUnanswered: none\n", b);
	} else {
		fprintf(fp, "%sUnanswered (counted as 0%%): %d:", b, a->nunanswered);
		for (int k = 0, first = 1; k < crm_assess_ncriteria(); k++)
			if (!a->answers[k].answered) {
				fprintf(fp, "%s %s", first ? "" : ",", crm_assess_criterion_at(k)->id);
				first = 0;
			}
		fputc('\n', fp);
	}
}

#define BAR_WIDTH 20

/* A share 0..1 as a bar of BAR_WIDTH characters: "#" done, "." missing. */
static void bar(char *buf, size_t len, double share)
{
	int n = (int)(share * BAR_WIDTH + 0.5);

	n = n < 0 ? 0 : n > BAR_WIDTH ? BAR_WIDTH : n;
	for (int i = 0; i < BAR_WIDTH && (size_t)i + 1 < len; i++)
		buf[i] = i < n ? '#' : '.';
	buf[len > BAR_WIDTH ? BAR_WIDTH : len - 1] = '\0';
}

static void sections_table(const struct view *v, text_table *t)
{
	/* One file: a bar of its share beside the numbers. */
	size_t ncols = (size_t)v->n + 3 + (v->n == 1);
	char **cells = calloc(ncols, sizeof *cells);
	char buf[24];

	if (!cells || table_init(t, ncols) != 0) {
		free(cells);
		return;
	}
	/* Header: Section, one points column per file, Max, then Share (one file) or Change. */
	cells[0] = "Section";
	for (int i = 0; i < v->n; i++)
		cells[1 + i] = v->n == 1 ? "Points" : (char *)basename_of(v->a[i]->file);
	cells[1 + v->n] = "Max";
	cells[2 + v->n] = v->n == 1 ? "Share" : "Change";
	if (v->n == 1)
		cells[3 + v->n] = "";
	table_add(t, ROW_NORMAL, (const char *const *)cells);
	for (size_t c = 1; c < (size_t)v->n + 3; c++)
		t->right[c] = 1;

	char *own = malloc(ncols * 32);
	if (!own) {
		free(cells);
		return;
	}
#define CELL(c) (own + (size_t)(c) * 32)
	const crm_assessment *last = v->a[v->n - 1], *first = v->a[0];
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		const crm_assess_section *sec = crm_assess_section_at(s);
		for (int row = -1; row < (sec->ngroups > 1 ? sec->ngroups : 0); row++) {
			int g = sec->first_group + (row < 0 ? 0 : row);
			double mx = row < 0 ? sec->points : crm_assess_group_at(g)->points;
			const char *name = row < 0 ? sec->name : crm_assess_group_at(g)->name + 9;
			snprintf(CELL(0), 32, "%s%s", row < 0 ? "" : "  ", name);
			cells[0] = CELL(0);
			for (int i = 0; i < v->n; i++) {
				double p = row < 0 ? v->a[i]->section_points[s] : v->a[i]->group_points[g];
				fmt_points(CELL(1 + i), 32, p);
				cells[1 + i] = CELL(1 + i);
			}
			fmt_points(CELL(1 + v->n), 32, mx);
			cells[1 + v->n] = CELL(1 + v->n);
			if (v->n == 1) {
				double sh = (row < 0 ? last->section_points[s] : last->group_points[g]) / mx;
				fmt_share(CELL(2 + v->n), 32, sh);
				bar(CELL(3 + v->n), 32, sh);
				cells[3 + v->n] = CELL(3 + v->n);
			} else {
				double d = row < 0 ? last->section_points[s] - first->section_points[s]
					: last->group_points[g] - first->group_points[g];
				fmt_points(buf, sizeof buf, d);
				snprintf(CELL(2 + v->n), 32, "%s%s", d > 0 ? "+" : "", buf);
			}
			cells[2 + v->n] = CELL(2 + v->n);
			table_add(t, ROW_NORMAL, (const char *const *)cells);
		}
	}
	static const char *const totals[] = { "Culture", "Execution", "Total" };
	for (int r = 0; r < 3; r++) {
		double mx = r == 0 ? last->culture_max : r == 1 ? last->execution_max
			: CRM_ASSESS_MAX_POINTS;
		cells[0] = (char *)totals[r];
		for (int i = 0; i < v->n; i++) {
			const crm_assessment *a = v->a[i];
			fmt_points(CELL(1 + i), 32, r == 0 ? a->culture : r == 1 ? a->execution : a->total);
			cells[1 + i] = CELL(1 + i);
		}
		fmt_points(CELL(1 + v->n), 32, mx);
		cells[1 + v->n] = CELL(1 + v->n);
		double lv = r == 0 ? last->culture : r == 1 ? last->execution : last->total;
		if (v->n == 1) {
			fmt_share(CELL(2 + v->n), 32, lv / mx);
			bar(CELL(3 + v->n), 32, lv / mx);
			cells[3 + v->n] = CELL(3 + v->n);
		} else {
			double fv = r == 0 ? first->culture : r == 1 ? first->execution : first->total;
			fmt_points(buf, sizeof buf, lv - fv);
			snprintf(CELL(2 + v->n), 32, "%s%s", lv - fv > 0 ? "+" : "", buf);
		}
		cells[2 + v->n] = CELL(2 + v->n);
		table_add(t, r == 2 ? ROW_TOTAL : ROW_NORMAL, (const char *const *)cells);
	}
#undef CELL
	free(own);
	free(cells);
}

static void criteria_table(const struct view *v, text_table *t)
{
	size_t ncols = (size_t)v->n + 3 + (v->n == 1 ? 1 : 0);
	const char **cells = calloc(ncols, sizeof *cells);
	char *own = malloc((size_t)v->n * 32);

	if (!cells || !own || table_init(t, ncols) != 0) {
		free(cells);
		free(own);
		return;
	}
	size_t c = 0;
	cells[c++] = "Id";
	cells[c++] = "Section";
	if (v->n == 1)
		cells[c++] = "Answer";
	for (int i = 0; i < v->n; i++)
		cells[c++] = v->n == 1 ? "Score" : basename_of(v->a[i]->file);
	cells[c++] = "Criterion";
	table_add(t, ROW_NORMAL, cells);
	for (int i = 0; i < v->n; i++)
		t->right[(v->n == 1 ? 3 : 2) + (size_t)i] = 1;
	for (int k = 0; k < crm_assess_ncriteria(); k++) {
		const crm_assess_criterion *cr = crm_assess_criterion_at(k);
		c = 0;
		cells[c++] = cr->id;
		cells[c++] = crm_assess_group_at(cr->group)->name;
		if (v->n == 1)
			cells[c++] = v->a[0]->answers[k].answered ? v->a[0]->answers[k].text : "(none)";
		for (int i = 0; i < v->n; i++) {
			const crm_assess_answer *an = &v->a[i]->answers[k];
			if (an->answered)
				fmt_share(own + (size_t)i * 32, 32, an->score);
			else
				snprintf(own + (size_t)i * 32, 32, "-");
			cells[c++] = own + (size_t)i * 32;
		}
		cells[c++] = cr->text;
		table_add(t, ROW_NORMAL, cells);
	}
	free(cells);
	free(own);
}

static int count_learnings(const struct view *v)
{
	int n = 0;
	for (int i = 0; i < v->n; i++)
		for (int k = 0; k < crm_assess_ncriteria(); k++)
			n += v->a[i]->answers[k].learnings[0] != '\0';
	return n;
}

int assess_view_gaps(const crm_assessment *a)
{
	int n = 0;

	for (; n < ASSESS_VIEW_ACTIONS && n < CRM_ASSESS_NSECTIONS; n++) {
		int s = a->by_gap[n];
		if (crm_assess_section_at(s)->points - a->section_points[s] <= 0)
			break;
	}
	return n;
}

static void review(const struct view *v, FILE *fp)
{
	const crm_assessment *a = v->a[v->n - 1], *first = v->a[0];
	int md = v->md;
	const char *item = md ? "" : "  ";
	const char *sub = md ? "   - " : "     - ";
	char t[32], ts[32], c[32], e[32], cs[32], es[32], list[512];
	const char *what = "the CRM program";
	int n = 1;

	fmt_points(t, sizeof t, a->total);
	fmt_share(ts, sizeof ts, a->total / CRM_ASSESS_MAX_POINTS);
	fmt_points(c, sizeof c, a->culture);
	fmt_points(e, sizeof e, a->execution);
	fmt_share(cs, sizeof cs, a->culture / a->culture_max);
	fmt_share(es, sizeof es, a->execution / a->execution_max);

	fprintf(fp, "%s%d. Reason for the meeting: ", item, n++);
	switch (a->stage) {
	case CRM_STAGE_READINESS:
		fprintf(fp, "before %s starts, decide whether the organisation is ready for it and "
			"what must be prepared first.\n", what);
		break;
	case CRM_STAGE_CALIBRATION:
		fprintf(fp, "midway through %s, check that the organisation keeps pace with it and "
			"adjust the course.\n", what);
		break;
	case CRM_STAGE_CORRECTION:
		fprintf(fp, "after %s went live, find what holds its results back and correct it.\n",
			what);
		break;
	case CRM_STAGE_UNSTATED:
		fprintf(fp, "review how ready the organisation is for %s and agree what to do.\n", what);
		break;
	}
	fprintf(fp, "%s%d. Status of the initiative: ", item, n++);
	if (a->stage == CRM_STAGE_UNSTATED)
		fputs("not stated in the answers file (a row 'stage' says readiness, calibration or "
		      "correction)", fp);
	else
		fprintf(fp, "%s stage (%s)", crm_assess_stage_name(a->stage),
			a->stage == CRM_STAGE_READINESS ? "before the program"
			: a->stage == CRM_STAGE_CALIBRATION ? "in the middle of the program"
			: "after implementation");
	if (a->date[0]) {
		fputs(", assessed ", fp);
		user_text(fp, md, strlen(item), a->date);
	}
	fputs(".\n", fp);

	double cshare = a->culture / a->culture_max, eshare = a->execution / a->execution_max;
	fprintf(fp, "%s%d. Critical juncture: ", item, n++);
	if (eshare < cshare)
		fprintf(fp, "execution (%s) lags culture (%s): the organisation is readier to want "
			"CRM than to carry it out", es, cs);
	else if (cshare < eshare)
		fprintf(fp, "culture (%s) lags execution (%s): the program's machinery is ahead of "
			"the organisation's customer focus", cs, es);
	else
		fprintf(fp, "culture and execution stand level (%s)", cs);
	join_sections(list, sizeof list, a->weakest, a->nweakest, a);
	fprintf(fp, "; the weakest section%s %s.\n", a->nweakest > 1 ? "s are" : " is", list);

	fprintf(fp, "%s%d. Nature of the assessment: a self-assessment in the Baldrige manner, %d "
		"criteria in 9 sections worth 1000 points; each criterion judged by who is "
		"responsible, a consistent approach and a record of the commitment, and answered "
		"yes, no or a score band; %d answered, %d unanswered (counted as 0).\n", item, n++,
		crm_assess_ncriteria(), crm_assess_ncriteria() - a->nunanswered, a->nunanswered);

	fprintf(fp, "%s%d. Results: %s/1000 (%s); culture %s/700, execution %s/300", item, n++, t,
		ts, c, e);
	join_sections(list, sizeof list, a->strongest, a->nstrongest, a);
	fprintf(fp, "; strongest %s", list);
	if (v->n > 1) {
		char d[32];
		fmt_points(d, sizeof d, a->total - first->total);
		fprintf(fp, "; %s%s points since ", a->total - first->total > 0 ? "+" : "", d);
		user_text(fp, md, strlen(item), basename_of(first->file));
	}
	fputs(".\n", fp);

	int nl = count_learnings(v);
	fprintf(fp, "%s%d. Key learnings: ", item, n++);
	if (!nl)
		fputs("none recorded (the learnings column is empty).\n", fp);
	else
		fprintf(fp, "%d recorded:\n", nl);
	for (int i = 0; i < v->n; i++)
		for (int k = 0; k < crm_assess_ncriteria(); k++) {
			const char *l = v->a[i]->answers[k].learnings;
			if (!l[0])
				continue;
			/* A learning's line breaks: <br> in markdown, its lines under the first in text. */
			fputs(sub, fp);
			if (v->n > 1) {
				user_text(fp, md, strlen(sub), basename_of(v->a[i]->file));
				fputc(' ', fp);
			}
			fprintf(fp, "%s (%s): ", crm_assess_criterion_at(k)->id,
				crm_assess_group_at(crm_assess_criterion_at(k)->group)->name);
			user_text(fp, md, strlen(sub), l);
			fputc('\n', fp);
		}

	fprintf(fp, "%s%d. Recommended actions and why:", item, n++);
	int nact = assess_view_gaps(a);
	for (int j = 0; j < nact; j++) {
		int s = a->by_gap[j];
		const crm_assess_section *sec = crm_assess_section_at(s);
		double gap = sec->points - a->section_points[s];
		int k = a->lowest_criterion[s];
		char g[32], mx[32], sh[32], ks[32];
		fmt_points(g, sizeof g, gap);
		fmt_points(mx, sizeof mx, sec->points);
		fmt_share(sh, sizeof sh, crm_assess_share(a, s));
		fmt_share(ks, sizeof ks, a->answers[k].score);
		fprintf(fp, "\n%sstrengthen %s: %s of its %s points are missing (it scores %s), %s; "
			"start with %s, \"%s\" (%s)", sub, sec->name, g, mx, sh,
			j == 0 ? "the largest gap" : "the next largest gap",
			crm_assess_criterion_at(k)->id, crm_assess_criterion_at(k)->text, ks);
	}
	if (!nact)
		fputs(" none: every criterion scores 100%; keep its record up to date", fp);
	fputs("\n", fp);
	fprintf(fp, "%s%d. Commitment to act: name an owner and a date for each action, and "
		"assess again with the same questionnaire at the next stage (crmroi assess "
		"BEFORE.csv AFTER.csv shows the progress).\n", item, n++);
}

static void render_text(const struct view *v, FILE *fp)
{
	text_table t;
	int md = v->md;

	for (int i = 0; i < v->n; i++) {
		const crm_assessment *a = v->a[i];
		const char *name = a->title[0] ? a->title : a->file;
		if (md) {
			fprintf(fp, "%s# Readiness self-assessment: ", i ? "\n" : "");
			md_text(fp, name);
			fputs("\n\n", fp);
		} else {
			fprintf(fp, "%sReadiness self-assessment: %s\n", i ? "\n" : "", name);
		}
		summary_lines(a, fp, md);
	}
	heading(fp, md, v->n == 1 ? "Sections (points = maximum x the mean of the criteria)"
		: "Sections side by side (points = maximum x the mean of the criteria)");
	sections_table(v, &t);
	print_table(&t, fp, md);
	table_free(&t);
	heading(fp, md, "Criteria (yes 100%, no 0%, - unanswered)");
	criteria_table(v, &t);
	print_table(&t, fp, md);
	table_free(&t);
	heading(fp, md, "Executive review");
	review(v, fp);
}

/* ---------------------------------------------------------------------- CSV */

static void csv_row(FILE *fp, const crm_assessment *a, const char *level, const char *id,
		    const char *name, double points, double max, const char *answer)
{
	csv_field(fp, a->file, 1);
	csv_field(fp, level, 0);
	csv_field(fp, id, 0);
	csv_field(fp, name, 0);
	csv_number(fp, points, 0);
	csv_number(fp, max, 0);
	csv_number(fp, points / max, 0);
	csv_field(fp, answer, 0);
	csv_end(fp);
}

static void render_csv(const struct view *v, FILE *fp)
{
	static const char *const header[] = { "file", "level", "id", "name", "points", "max_points",
		"share", "answer" };

	for (size_t c = 0; c < sizeof header / sizeof *header; c++)
		csv_field(fp, header[c], c == 0);
	csv_end(fp);
	for (int i = 0; i < v->n; i++) {
		const crm_assessment *a = v->a[i];
		csv_row(fp, a, "total", "", "total", a->total, CRM_ASSESS_MAX_POINTS, "");
		csv_row(fp, a, "culture", "", "culture", a->culture, a->culture_max, "");
		csv_row(fp, a, "execution", "", "execution", a->execution, a->execution_max, "");
		for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
			const crm_assess_section *sec = crm_assess_section_at(s);
			csv_row(fp, a, "section", sec->key, sec->name, a->section_points[s], sec->points, "");
			if (sec->ngroups > 1)
				for (int g = sec->first_group; g < sec->first_group + sec->ngroups; g++)
					csv_row(fp, a, "part", sec->key, crm_assess_group_at(g)->name,
						a->group_points[g], crm_assess_group_at(g)->points, "");
		}
		for (int k = 0; k < crm_assess_ncriteria(); k++) {
			const crm_assess_criterion *cr = crm_assess_criterion_at(k);
			const crm_assess_answer *an = &a->answers[k];
			csv_row(fp, a, an->answered ? "criterion" : "criterion_unanswered", cr->id,
				cr->text, an->score, 1.0, an->text);
		}
	}
}

/* --------------------------------------------------------------------- JSON */

static void json_names(FILE *fp, const int *idx, int n)
{
	fputc('[', fp);
	for (int i = 0; i < n; i++) {
		fputs(i ? ", " : "", fp);
		json_string(fp, crm_assess_section_at(idx[i])->key);
	}
	fputc(']', fp);
}

static void render_json(const struct view *v, FILE *fp)
{
	fputs("{\n  \"max_points\": 1000,\n  \"assessments\": [", fp);
	for (int i = 0; i < v->n; i++) {
		const crm_assessment *a = v->a[i];
		fputs(i ? ",\n    {" : "\n    {", fp);
		fputs("\n      \"file\": ", fp);
		json_string(fp, a->file);
		fputs(",\n      \"title\": ", fp);
		json_string(fp, a->title);
		fputs(",\n      \"date\": ", fp);
		json_string(fp, a->date);
		fputs(",\n      \"stage\": ", fp);
		if (a->stage == CRM_STAGE_UNSTATED)
			fputs("null", fp);
		else
			json_string(fp, crm_assess_stage_name(a->stage));
		fputs(",\n      \"total\": ", fp);
		json_number(fp, a->total);
		fputs(",\n      \"culture\": ", fp);
		json_number(fp, a->culture);
		fputs(", \"culture_max\": ", fp);
		json_number(fp, a->culture_max);
		fputs(",\n      \"execution\": ", fp);
		json_number(fp, a->execution);
		fputs(", \"execution_max\": ", fp);
		json_number(fp, a->execution_max);
		fputs(",\n      \"strongest\": ", fp);
		json_names(fp, a->strongest, a->nstrongest);
		fputs(",\n      \"weakest\": ", fp);
		json_names(fp, a->weakest, a->nweakest);
		fputs(",\n      \"recommended\": ", fp);
		int nrec = 0;
		for (int j = 0; j < CRM_ASSESS_NSECTIONS && nrec < ASSESS_VIEW_ACTIONS; j++)
			if (crm_assess_section_at(a->by_gap[j])->points - a->section_points[a->by_gap[j]] > 0)
				nrec++;
		json_names(fp, a->by_gap, nrec);
		fputs(",\n      \"sections\": [", fp);
		for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
			const crm_assess_section *sec = crm_assess_section_at(s);
			fputs(s ? ",\n        {" : "\n        {", fp);
			fputs("\"key\": ", fp);
			json_string(fp, sec->key);
			fputs(", \"name\": ", fp);
			json_string(fp, sec->name);
			fprintf(fp, ", \"kind\": \"%s\", \"points\": ", sec->culture ? "culture" : "execution");
			json_number(fp, a->section_points[s]);
			fputs(", \"max_points\": ", fp);
			json_number(fp, sec->points);
			fputs(", \"share\": ", fp);
			json_number(fp, crm_assess_share(a, s));
			if (sec->ngroups > 1) {
				fputs(", \"parts\": [", fp);
				for (int g = sec->first_group; g < sec->first_group + sec->ngroups; g++) {
					fputs(g > sec->first_group ? ", {" : "{", fp);
					fputs("\"name\": ", fp);
					json_string(fp, crm_assess_group_at(g)->name);
					fputs(", \"points\": ", fp);
					json_number(fp, a->group_points[g]);
					fputs(", \"max_points\": ", fp);
					json_number(fp, crm_assess_group_at(g)->points);
					fputc('}', fp);
				}
				fputc(']', fp);
			}
			fputc('}', fp);
		}
		fputs("\n      ],\n      \"criteria\": [", fp);
		for (int k = 0; k < crm_assess_ncriteria(); k++) {
			const crm_assess_criterion *cr = crm_assess_criterion_at(k);
			const crm_assess_answer *an = &a->answers[k];
			fputs(k ? ",\n        {" : "\n        {", fp);
			fputs("\"id\": ", fp);
			json_string(fp, cr->id);
			fputs(", \"section\": ", fp);
			json_string(fp, crm_assess_group_at(cr->group)->name);
			fputs(", \"answer\": ", fp);
			json_string(fp, an->text);
			fputs(", \"score\": ", fp);
			if (an->answered)
				json_number(fp, an->score);
			else
				fputs("null", fp);
			fputs(", \"evidence\": ", fp);
			json_string(fp, an->evidence);
			fputs(", \"learnings\": ", fp);
			json_string(fp, an->learnings);
			fputc('}', fp);
		}
		fputs("\n      ],\n      \"unanswered\": [", fp);
		for (int k = 0, first = 1; k < crm_assess_ncriteria(); k++)
			if (!a->answers[k].answered) {
				fputs(first ? "" : ", ", fp);
				json_string(fp, crm_assess_criterion_at(k)->id);
				first = 0;
			}
		fputs("]\n    }", fp);
	}
	fputs("\n  ]\n}\n", fp);
}

/* ------------------------------------------------------------------ public */

void assess_view_write(crm_assessment *const *a, int n, out_format fmt, FILE *fp)
{
	struct view v = { a, n, fmt == FMT_MARKDOWN };

	switch (fmt) {
	case FMT_TEXT:
	case FMT_MARKDOWN: render_text(&v, fp); break;
	case FMT_CSV: render_csv(&v, fp); break;
	case FMT_JSON: render_json(&v, fp); break;
	}
}
