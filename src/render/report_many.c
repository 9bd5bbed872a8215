/*
 * report_many.c - `crmroi run` on several scenarios: their reports one after
 * another, as one CSV table with a scenario column, or as a JSON array.
 */
#include "report.h"

void report_write(const report *reps, size_t n, out_format fmt, FILE *fp)
{
	if (fmt == FMT_CSV && n > 1) {
		/* One table with a scenario column, and a new header where the period columns change. */
		for (size_t i = 0; i < n; i++) {
			if (i == 0 || !report_csv_header_same(&reps[i - 1], &reps[i])) {
				if (i)
					csv_end(fp);
				report_csv_header(&reps[i], fp, 1);
			}
			report_csv_rows(&reps[i], fp, reps[i].sc->file);
		}
		return;
	}
	if (fmt == FMT_JSON && n > 1)
		fputs("[\n", fp);
	for (size_t i = 0; i < n; i++) {
		if (i && fmt == FMT_JSON)
			fputs(",\n", fp);
		else if (i)
			fputs(fmt == FMT_CSV ? "\r\n" : "\n", fp);
		switch (fmt) {
		case FMT_TEXT: report_text(&reps[i], fp); break;
		case FMT_MARKDOWN: report_markdown(&reps[i], fp); break;
		case FMT_CSV: report_csv(&reps[i], fp); break;
		case FMT_JSON: report_json(&reps[i], fp); break;
		}
	}
	if (fmt == FMT_JSON && n > 1)
		fputs("]\n", fp);
}
