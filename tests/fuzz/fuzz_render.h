/*
 * fuzz_render.h - what the renderer harnesses (fuzz_render_*.c) share: the
 * fuzz input loaded as a scenario and its business case computed, as
 * `crmroi run` and `crmroi report` load a file (load_report in
 * src/cli/util.c, without the command line's messages), and an output
 * written to memory for the checks of outcheck.h.
 */
#ifndef CRMROI_FUZZ_RENDER_H
#define CRMROI_FUZZ_RENDER_H

#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

#include "columns.h"

/*
 * The scenario in data as a report in r, by month when by_month and the
 * grid is monthly (run --by month), by year otherwise. 0 on success (free r
 * with report_free); -1 when the input is not a scenario whose case
 * computes, which is no finding: an error is the loader's to report.
 */
static inline int fuzz_report_load(report *r, const uint8_t *data, size_t size, int by_month)
{
	static int ready;
	crm_error err;
	crm_scenario *sc;
	crm_case *c;

	if (!ready) {
		crm_init();
		ready = 1;
	}
	memset(r, 0, sizeof *r);
	if (fuzz_names_special_file(data, size))
		return -1;
	crm_error_clear(&err);
	if (!(sc = crm_scenario_parse((const char *)data, size, "fuzz.csv", 0, &err)))
		return -1;
	if (!(c = crm_case_new(sc, NULL, &err))) {
		crm_scenario_free(sc);
		return -1;
	}
	/* report_init takes sc and c over, and frees them when it fails. */
	if (report_init(r, sc, c, by_month && sc->settings.grid == CRM_GRID_MONTH, &err) != CRM_OK)
		return -1;
	return 0;
}

/* An output written to memory. */
typedef struct fuzz_out {
	char *buf;
	size_t len;
	FILE *fp;
} fuzz_out;

static inline FILE *fuzz_out_open(fuzz_out *o)
{
	o->buf = NULL;
	o->len = 0;
	if (!(o->fp = open_memstream(&o->buf, &o->len)))
		abort();
	return o->fp;
}

/* Close the stream: buf and len then hold what was written (free buf). */
static inline void fuzz_out_close(fuzz_out *o)
{
	if (fclose(o->fp) != 0 || !o->buf)
		abort();
	o->fp = NULL;
}

#endif
