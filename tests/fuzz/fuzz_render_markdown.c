/*
 * fuzz_render_markdown.c - `crmroi run --format markdown` of a scenario made
 * of arbitrary bytes: when the bytes load as a scenario and its business
 * case computes, the report's markdown (src/render/report_text.c) must keep
 * every table's rows as wide as its header, and no '<', '>' or '&' of the
 * scenario's text may reach it unescaped (outcheck.h): md_text writes them
 * as &lt;, &gt; and &amp;, a '|' as \| and a line break as <br>. A monthly
 * scenario of an odd length is shown by month, one of an even length by year.
 */
#include "fuzz_render.h"
#include "outcheck.h"

#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	report r;
	fuzz_out o;

	if (fuzz_report_load(&r, data, size, size % 2) != 0)
		return 0;
	report_markdown(&r, fuzz_out_open(&o));
	fuzz_out_close(&o);
	outcheck_markdown(o.buf, o.len);
	free(o.buf);
	report_free(&r);
	return 0;
}
