/*
 * fuzz_answers.c - the readiness answers reader (crm_assess_parse) on
 * arbitrary bytes:
 *
 *   - read in one piece and in chunks of 1 to 13 bytes (the size taken from
 *     the input), both readings must give the same error, or the same scores
 *     and answers;
 *   - an error must be a clean status with a located message: the file's
 *     name, a line within the input (0 only for an empty file), a message;
 *   - a scored assessment must add up: every section within its maximum, the
 *     sections summing to the total, culture and execution to it too, the
 *     rankings permutations of the sections, every warning located;
 *   - its view (src/render/assess_view.c, `crmroi assess`) is written in
 *     every format, alone and beside itself (two assessments compared):
 *     markdown and CSV must be well-formed (outcheck.h), since the title,
 *     date, answers, evidence and learnings are the input's text.
 *
 * Any crash, leak or undefined behaviour is a finding.
 */
#include "fuzz.h"
#include "fuzz_render.h"
#include "outcheck.h"

#include <math.h>

#include "assess_view.h"

#define NAME "fuzz_answers.csv"
/* Chunk sizes of the second reading: 1 to this many bytes. */
#define MAX_CHUNK 13
/* Points may differ from their sum by rounding only. */
#define POINTS_TOL 1e-9

static void must(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_answers: %s\n", what);
		abort();
	}
}

static void check_error(const crm_error *err, const uint8_t *data, size_t size)
{
	size_t lines = 1;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n' || data[i] == '\r';
	must(err->status == CRM_EDATA || err->status == CRM_ENOMEM,
	     "an answers error other than CRM_EDATA");
	must(memchr(err->msg, '\0', sizeof err->msg) && err->msg[0], "an error without a message");
	must(!strcmp(err->file, NAME), "an error that does not name the answers file");
	must(err->line >= 0 && (size_t)err->line <= lines, "an error on a line the file does not have");
	must(err->col >= 0, "an error at a negative column");
	must(err->line > 0 || err->status == CRM_ENOMEM || !strncmp(err->msg, "no header row", 13),
	     "an error about a row that does not say its line");
}

static int is_permutation(const int *v, int n)
{
	int seen[CRM_ASSESS_NSECTIONS] = { 0 };

	for (int i = 0; i < n; i++) {
		if (v[i] < 0 || v[i] >= CRM_ASSESS_NSECTIONS || seen[v[i]])
			return 0;
		seen[v[i]] = 1;
	}
	return 1;
}

static void check_scores(const crm_assessment *a, const uint8_t *data, size_t size)
{
	double sum = 0, culture = 0;
	int nk = crm_assess_ncriteria(), unanswered = 0;

	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		const crm_assess_section *sec = crm_assess_section_at(s);
		must(a->section_points[s] >= 0 && a->section_points[s] <= sec->points + POINTS_TOL,
		     "a section's points are outside 0 to its maximum");
		sum += a->section_points[s];
		culture += sec->culture ? a->section_points[s] : 0;
	}
	must(fabs(sum - a->total) <= POINTS_TOL * CRM_ASSESS_MAX_POINTS &&
	     a->total <= CRM_ASSESS_MAX_POINTS + POINTS_TOL,
	     "the sections do not add up to the total, or it passes 1000");
	must(fabs(culture - a->culture) <= POINTS_TOL * CRM_ASSESS_MAX_POINTS &&
	     fabs(a->culture + a->execution - a->total) <= POINTS_TOL * CRM_ASSESS_MAX_POINTS,
	     "culture and execution do not add up to the total");
	for (int k = 0; k < nk; k++) {
		const crm_assess_answer *an = &a->answers[k];
		must(an->score >= 0 && an->score <= 1, "an answer's score is outside 0 to 100%");
		must(an->answered || an->score == 0, "an unanswered criterion scores");
		must(an->text && an->evidence && an->learnings, "an answer without its texts");
		unanswered += !an->answered;
	}
	must(unanswered == a->nunanswered, "the unanswered criteria are miscounted");
	must(a->nstrongest >= 1 && a->nstrongest <= CRM_ASSESS_NSECTIONS &&
	     is_permutation(a->strongest, a->nstrongest) && a->nweakest >= 1 &&
	     a->nweakest <= CRM_ASSESS_NSECTIONS && is_permutation(a->weakest, a->nweakest) &&
	     is_permutation(a->by_gap, CRM_ASSESS_NSECTIONS),
	     "the sections' rankings are not sections, or repeat one");
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++)
		must(a->lowest_criterion[s] >= 0 && a->lowest_criterion[s] < nk,
		     "a section's lowest criterion is not a criterion");
	for (size_t w = 0; w < a->warnings.count; w++) {
		crm_error e = a->warnings.items[w];
		e.status = CRM_EDATA;
		if (e.line == 0)    /* the one warning about criteria without a row */
			continue;
		check_error(&e, data, size);
	}
}

static int same_assessment(const crm_assessment *a, const crm_assessment *b)
{
	if (a->total != b->total || a->stage != b->stage || strcmp(a->title, b->title) ||
	    strcmp(a->date, b->date) || a->warnings.count != b->warnings.count)
		return 0;
	for (int k = 0; k < crm_assess_ncriteria(); k++) {
		const crm_assess_answer *x = &a->answers[k], *y = &b->answers[k];
		if (x->answered != y->answered || x->score != y->score || strcmp(x->text, y->text) ||
		    strcmp(x->evidence, y->evidence) || strcmp(x->learnings, y->learnings) ||
		    x->line != y->line || x->col != y->col)
			return 0;
	}
	return 1;
}

static void show(crm_assessment *a)
{
	crm_assessment *const both[2] = { a, a };
	static const out_format fmts[] = { FMT_TEXT, FMT_JSON, FMT_MARKDOWN, FMT_CSV };
	fuzz_out o;

	for (int n = 1; n <= 2; n++)
		for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
			assess_view_write(both, n, fmts[f], fuzz_out_open(&o));
			fuzz_out_close(&o);
			if (fmts[f] == FMT_MARKDOWN)
				outcheck_markdown(o.buf, o.len);
			else if (fmts[f] == FMT_CSV)
				outcheck_csv(o.buf, o.len);
			free(o.buf);
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	crm_error ea, eb;
	size_t chunk = 1 + (size ? data[size - 1] : 0) % MAX_CHUNK;

	if (!ready) {
		crm_init();
		ready = 1;
	}
	crm_error_clear(&ea);
	crm_error_clear(&eb);
	crm_assessment *a = crm_assess_parse((const char *)data, size, NAME, 0, &ea);
	crm_assessment *b = crm_assess_parse((const char *)data, size, NAME, chunk, &eb);
	must(!a == !b, "read in chunks, the answers give another outcome");
	if (!a) {
		check_error(&ea, data, size);
		must(ea.status == eb.status && ea.line == eb.line && ea.col == eb.col &&
		     !strcmp(ea.msg, eb.msg), "read in chunks, the answers give another error");
	} else {
		must(same_assessment(a, b), "read in chunks, the answers give other scores");
		check_scores(a, data, size);
		show(a);
	}
	crm_assess_free(a);
	crm_assess_free(b);
	return 0;
}
