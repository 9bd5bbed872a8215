/*
 * outcheck_test.c - the checks of an output's form (outcheck.h,
 * outcheck_xlsx.h) are checks: each passes an output of its format that is
 * well-formed, and stops (abort) on each fault it is there to find, so that
 * a harness that passes on an input says something. Each case runs in a
 * child process, its stderr silenced, and must end as expected. Run by
 * tests/fuzz/replay.sh; the last line is "outcheck: N passed, N failed".
 */
#define _POSIX_C_SOURCE 200809L
#include "outcheck.h"
#include "outcheck_xlsx.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

enum { CSV, MARKDOWN, HTML, XLSX };
static const char *const format_names[] = { "CSV", "markdown", "HTML", "xlsx" };

static int pass, fail;

/* Whether the check of format on buf (len bytes) aborts. */
static int stops(int format, const char *buf, size_t len)
{
	fflush(NULL);
	pid_t pid = fork();
	int status;

	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, 2);
		switch (format) {
		case CSV: outcheck_csv(buf, len); break;
		case MARKDOWN: outcheck_markdown(buf, len); break;
		case HTML: outcheck_html(buf, len); break;
		default: outcheck_xlsx((const unsigned char *)buf, len); break;
		}
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		perror("waitpid");
		exit(2);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT)
		return 1;
	fprintf(stderr, "outcheck_test: the %s check ended neither cleanly nor by abort "
		"(status %d)\n", format_names[format], status);
	return -1;
}

static void expect(int format, int bad, const char *what, const char *buf, size_t len)
{
	int got = stops(format, buf, len);

	if (got == bad) {
		pass++;
		return;
	}
	fail++;
	printf("FAIL outcheck %s: %s: %s\n", format_names[format], what,
	       bad ? "passed, but it is malformed" : "stopped, but it is well-formed");
}

#define GOOD(format, what, text) expect(format, 0, what, text, sizeof text - 1)
#define BAD(format, what, text) expect(format, 1, what, text, sizeof text - 1)

/* ------------------------------------------------------------- xlsx */

static void put16(unsigned char *p, unsigned v)
{
	p[0] = v & 0xFF;
	p[1] = (v >> 8) & 0xFF;
}

static void put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

struct part {
	const char *name, *text;
};

/*
 * A zip of the parts, each stored (method 0) or deflated, in out (room for
 * cap bytes); its length.
 */
static size_t make_zip(const struct part *parts, size_t n, int deflated, unsigned char *out,
		       size_t cap)
{
	unsigned char cd[4096];
	size_t at = 0, cdn = 0;

	for (size_t i = 0; i < n; i++) {
		size_t nl = strlen(parts[i].name), ul = strlen(parts[i].text);
		uLongf cl = (uLongf)(cap - at - 30 - nl);
		uint32_t crc = (uint32_t)crc32(0L, (const Bytef *)parts[i].text, (uInt)ul);
		unsigned char *data = out + at + 30 + nl;
		if (deflated) {
			z_stream z;
			memset(&z, 0, sizeof z);
			if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
					 Z_DEFAULT_STRATEGY) != Z_OK)
				abort();
			z.next_in = (Bytef *)parts[i].text;
			z.avail_in = (uInt)ul;
			z.next_out = data;
			z.avail_out = (uInt)cl;
			if (deflate(&z, Z_FINISH) != Z_STREAM_END)
				abort();
			cl = z.total_out;
			deflateEnd(&z);
		} else {
			memcpy(data, parts[i].text, ul);
			cl = ul;
		}
		unsigned char *h = out + at;
		memset(h, 0, 30);
		put32(h, 0x04034b50);
		put16(h + 4, 20);
		put16(h + 8, deflated ? 8 : 0);
		put32(h + 14, crc);
		put32(h + 18, (uint32_t)cl);
		put32(h + 22, (uint32_t)ul);
		put16(h + 26, (unsigned)nl);
		memcpy(h + 30, parts[i].name, nl);
		unsigned char *c = cd + cdn;
		memset(c, 0, 46);
		put32(c, 0x02014b50);
		put16(c + 4, 20);
		put16(c + 6, 20);
		put16(c + 10, deflated ? 8 : 0);
		put32(c + 16, crc);
		put32(c + 20, (uint32_t)cl);
		put32(c + 24, (uint32_t)ul);
		put16(c + 28, (unsigned)nl);
		put32(c + 42, (uint32_t)at);
		memcpy(c + 46, parts[i].name, nl);
		cdn += 46 + nl;
		at += 30 + nl + cl;
	}
	memcpy(out + at, cd, cdn);
	unsigned char *e = out + at + cdn;
	memset(e, 0, 22);
	put32(e, 0x06054b50);
	put16(e + 8, (unsigned)n);
	put16(e + 10, (unsigned)n);
	put32(e + 12, (uint32_t)cdn);
	put32(e + 16, (uint32_t)at);
	return at + cdn + 22;
}

static void xlsx_cases(void)
{
	static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
	struct part parts[] = {
		{ "[Content_Types].xml", "<?xml version=\"1.0\"?>\n<Types a=\"b\"><Default/></Types>" },
		{ "_rels/.rels", "<Relationships><Relationship Id=\"rId1\"/></Relationships>" },
		{ "xl/workbook.xml", "<workbook><sheets><sheet name=\"Summary &amp; more\"/></sheets></workbook>" },
		{ "xl/_rels/workbook.xml.rels", "<Relationships/>" },
		{ "xl/worksheets/sheet1.xml", NULL },
	};
	static unsigned char zip[16384];
	char sheet[512];
	size_t n;

	snprintf(sheet, sizeof sheet, "%s<worksheet><row r=\"1\"><c t='s'><v>1 &lt; 2 &#10; "
		 "&#x1F600;</v></c></row></worksheet>", decl);
	parts[4].text = sheet;
	for (int deflated = 0; deflated <= 1; deflated++) {
		n = make_zip(parts, 5, deflated, zip, sizeof zip);
		expect(XLSX, 0, deflated ? "a workbook, deflated" : "a workbook, stored",
		       (const char *)zip, n);
	}
	n = make_zip(parts, 4, 1, zip, sizeof zip);
	expect(XLSX, 1, "a part every workbook needs is missing", (const char *)zip, n);
	n = make_zip(parts, 5, 1, zip, sizeof zip);
	expect(XLSX, 1, "the zip cut short", (const char *)zip, n - 30);
	expect(XLSX, 1, "not a zip", "PK not a zip at all, just text that is long enough", 50);
	size_t cd = xlsx_get32(zip + n - 22 + 16);
	zip[cd + 16] ^= 1;    /* the first entry's CRC-32 in the central directory */
	expect(XLSX, 1, "a CRC-32 that does not match", (const char *)zip, n);
	static const char *const bad_sheets[][2] = {
		{ "a control character in text", "<worksheet><v>a\001b</v></worksheet>" },
		{ "a bare '&'", "<worksheet><v>a & b</v></worksheet>" },
		{ "tags that do not nest", "<worksheet><row><c></row></c></worksheet>" },
		{ "an element left open", "<worksheet><row>" },
		{ "an unquoted attribute", "<worksheet><row r=1/></worksheet>" },
		{ "a '<' in an attribute", "<worksheet><row r=\"<\"/></worksheet>" },
		{ "a second root", "<worksheet/><worksheet/>" },
		{ "text outside the root", "<worksheet/>text" },
	};
	for (size_t k = 0; k < sizeof bad_sheets / sizeof *bad_sheets; k++) {
		parts[4].text = bad_sheets[k][1];
		n = make_zip(parts, 5, 1, zip, sizeof zip);
		expect(XLSX, 1, bad_sheets[k][0], (const char *)zip, n);
	}
}

int main(void)
{
	/* CSV: read back by libcsv into rows of one width, text guarded. */
	GOOD(CSV, "quotes, commas, line breaks and guarded formulas",
	     "section,name,value\r\ncost,\"a \"\"b\"\", c\nd\",1\r\ncost,'=1+1,-5%\r\n"
	     "cost,'@SUM(A1),+1e5\r\n");
	BAD(CSV, "an open quote", "a,b\n\"x,1\n");
	BAD(CSV, "a quote inside an unquoted field", "a,b\nx\"y,1\n");
	BAD(CSV, "a row narrower than the header", "a,b\n1\n");
	BAD(CSV, "a row wider than the header", "a,b\n1,2,3\n");
	GOOD(CSV, "two tables of their own widths after an empty line",
	     "a,b\r\n1,2\r\n\r\nc,d,e\r\n3,4,5\r\n");
	GOOD(CSV, "an empty line inside a quoted cell", "a,b\n\"x\n\ny\",2\n");
	BAD(CSV, "a second table's row narrower than its header",
	    "a,b\r\n1,2\r\n\r\nc,d,e\r\n3,4\r\n");
	BAD(CSV, "a second table's row as wide as the first's header, not its own",
	    "a,b\n1,2\n\nc,d,e\n3,4\n");
	BAD(CSV, "an unguarded formula", "a,b\n=1+1,2\n");
	BAD(CSV, "an unguarded @", "a,b\n@SUM(A1),2\n");
	BAD(CSV, "an unguarded minus that is no number", "a,b\n-2+3,2\n");
	BAD(CSV, "a tab first", "a,b\n\"\tx\",2\n");

	/* Markdown: tables of one width with their delimiter row; text escaped. */
	GOOD(MARKDOWN, "tables, escaped pipes and md_text's escapes",
	     "# Title &amp; co\n\n| a | b |\n| --- | ---: |\n| x \\| y | 1 |\n\n"
	     "- a &lt;tag&gt;<br>second line\n");
	BAD(MARKDOWN, "a row with a cell more", "| a | b |\n| --- | --- |\n| x | y | z |\n");
	BAD(MARKDOWN, "an unescaped pipe in a cell", "| a | b |\n| --- | --- |\n| x | y|z |\n");
	BAD(MARKDOWN, "a table without its delimiter row", "| a | b |\n| x | y |\n");
	BAD(MARKDOWN, "a header alone", "| a | b |\n\ntext\n");
	BAD(MARKDOWN, "a row that does not end in '|'", "| a | b |\n| --- | --- |\n| x | y\n");
	BAD(MARKDOWN, "a tag", "text <script>alert(1)</script>\n");
	BAD(MARKDOWN, "a bare '&'", "Smith & co\n");
	BAD(MARKDOWN, "a carriage return", "a line\rforged\n");

	/* HTML: tags the document uses, nested and closed; text escaped. */
	GOOD(HTML, "a document",
	     "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>A &amp; B"
	     "</title><style>p { margin: 0 } td > b { x: y }</style></head><body><header><h1>T"
	     "</h1></header><section id=\"s\"><p>x<br>y &#215; 2 <b>b</b></p><table><tr><td "
	     "class=\"n\">1</td></tr></table><svg viewBox=\"0 0 1 1\"><g><rect x=\"0\" y=\"0\" "
	     "width=\"1\" height=\"1\"/><text x=\"0\">a &lt; b</text></g></svg></section></body>"
	     "</html>\n");
	BAD(HTML, "no doctype", "<html></html>");
	BAD(HTML, "a script", "<!DOCTYPE html><html><body><script>x</script></body></html>");
	BAD(HTML, "an img of the text", "<!DOCTYPE html><html><body><img src=x></body></html>");
	BAD(HTML, "tags that do not balance", "<!DOCTYPE html><html><body><p><b></p></b></body></html>");
	BAD(HTML, "an element left open", "<!DOCTYPE html><html><body><p></body></html>");
	BAD(HTML, "a bare '&'", "<!DOCTYPE html><html><body>Smith & co</body></html>");
	BAD(HTML, "a '>' in text", "<!DOCTYPE html><html><body>a > b</body></html>");
	BAD(HTML, "an attribute break",
	    "<!DOCTYPE html><html><body><p class=\"x\" onload=\"y\"></p></body></html>");
	BAD(HTML, "an unquoted attribute", "<!DOCTYPE html><html><body><p class=x></p></body></html>");
	BAD(HTML, "a quote that ends an attribute early",
	    "<!DOCTYPE html><html><body><p class=\"a\"b\"></p></body></html>");
	BAD(HTML, "a block inside a paragraph",
	    "<!DOCTYPE html><html><body><p><table></table></p></body></html>");
	BAD(HTML, "a control character", "<!DOCTYPE html><html><body>a\001b</body></html>");
	BAD(HTML, "a tag in the style sheet",
	    "<!DOCTYPE html><html><head><style>p {}<b>x</b></style></head></html>");

	xlsx_cases();
	printf("outcheck: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
