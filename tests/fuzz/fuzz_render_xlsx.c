/*
 * fuzz_render_xlsx.c - the workbook (`crmroi workbook`, src/render/workbook*.c)
 * of a scenario made of arbitrary bytes. When the bytes load as a scenario
 * and its business case and tornado compute, the workbook is written (by the
 * scenario's own grid, as the command does) to a file under /tmp, read back
 * and removed. It must be a readable zip: the end record, the central
 * directory and each entry's local header agree, every entry inflates to its
 * size and CRC-32; the parts an xlsx needs are there; and every XML part is
 * well-formed (outcheck_xlsx.h): tags nest and close, attributes are quoted,
 * '&' starts an entity, and no character XML 1.0 refuses (a control
 * character the scenario's text held) is in it. wb_write may refuse a
 * scenario with an error: that is no finding, but a half-written file is.
 *
 * Slower than the other harnesses (libxlsxwriter writes its parts to
 * temporary files and compresses them): about a hundred inputs a second
 * where the others run a thousand or more.
 */
#include "fuzz_render.h"
#include "outcheck_xlsx.h"

#include <unistd.h>

#include "workbook.h"

static void read_back(const char *file)
{
	FILE *fp = fopen(file, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!fp)
		xlsx_fail("the workbook written cannot be opened", file);
	do {
		if (len == cap) {
			cap = cap ? 2 * cap : 1 << 16;
			if (!(buf = realloc(buf, cap)))
				xlsx_fail("no memory", file);
		}
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	fclose(fp);
	outcheck_xlsx(buf, len);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char file[64];
	report r;
	crm_analysis *a = NULL;
	crm_tornado_row *rows = NULL;
	size_t nrows = 0;
	crm_value base;
	crm_warnings warn = { 0 };
	crm_error err;

	if (!file[0])
		snprintf(file, sizeof file, "/tmp/crmroi-fuzz-%ld.xlsx", (long)getpid());
	if (fuzz_report_load(&r, data, size, 1) != 0)
		return 0;
	crm_error_clear(&err);
	if ((a = crm_analysis_new(r.sc, &err)) &&
	    crm_tornado(a, CRM_METRIC_NPV, 0, &rows, &nrows, &base, &err) == CRM_OK) {
		remove(file);
		crm_status st = wb_write(&r, rows, nrows, file, "fuzz.xlsx", &warn, &err);
		if (st == CRM_OK)
			read_back(file);
		else if (!err.msg[0])
			xlsx_fail("the workbook failed without a message", NULL);
		remove(file);
	}
	crm_warnings_free(&warn);
	free(rows);
	crm_analysis_free(a);
	report_free(&r);
	return 0;
}
