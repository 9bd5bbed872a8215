/*
 * outcheck.h - what the renderer harnesses check of an output, besides that
 * making it did not crash: that it is well-formed for its format, and that
 * no text read from an input reaches it unescaped.
 *
 *   outcheck_csv       libcsv reads it back (strict quoting); each table (the
 *                      output, or its parts between empty lines) has rows of
 *                      one width, its header's; no text cell starts like a
 *                      formula (=, +, -, @, tab, carriage return) unless it
 *                      is guarded with ' or reads as a number.
 *   outcheck_markdown  every table (a run of lines starting with '|') has the
 *                      same number of unescaped '|' in each row, and a
 *                      delimiter row second; no '<', '>' or '&' but the <br>
 *                      and the &lt; &gt; &amp; that md_text writes; no
 *                      carriage return (a line break of the text's own).
 *   outcheck_html      every '<' opens or closes a tag the document uses,
 *                      with attributes it uses, quoted; every '&' starts an
 *                      entity; no '>' or control character in text; the
 *                      elements nest and close (a void element or an SVG
 *                      element closed by "/>" aside), and no block element
 *                      opens inside a <p> (a browser would end the paragraph
 *                      there, and the </p> would close nothing).
 *
 * A failure prints what was wrong with the output around it to stderr and
 * aborts, so that libFuzzer and the replay (replay.c) report the input.
 * Header-only: each harness includes it once.
 */
#ifndef CRMROI_FUZZ_OUTCHECK_H
#define CRMROI_FUZZ_OUTCHECK_H

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes of output shown on either side of a failure. */
#define OUTCHECK_CONTEXT 160
/* Elements open at once in a document: deeper is a failure. */
#define OUTCHECK_MAX_DEPTH 64

static inline void outcheck_fail(const char *format, const char *what, const char *buf, size_t len,
			  size_t at)
{
	size_t from = at > OUTCHECK_CONTEXT ? at - OUTCHECK_CONTEXT : 0;
	size_t to = len - at > OUTCHECK_CONTEXT ? at + OUTCHECK_CONTEXT : len;

	fprintf(stderr, "outcheck: %s output, byte %zu: %s\n--- around it:\n", format, at, what);
	fwrite(buf + from, 1, to - from, stderr);
	fputs("\n---\n", stderr);
	abort();
}

/* ------------------------------------------------------------------- CSV */

/*
 * Whether s (n bytes) reads as a number as a whole, the rule under which
 * csv_field leaves text with a leading + or - unguarded: a sign, digits
 * (with thousands commas after the first), a fraction, an exponent, a '%'.
 */
static inline int outcheck_is_number(const char *s, size_t n)
{
	size_t i = 0;
	int digits = 0, exp = 0;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] == ',' && digits)); i++)
		digits += s[i] != ',';
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	if (!digits)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			exp++;
		if (!exp)
			return 0;
	}
	if (i < n && s[i] == '%')
		i++;
	return i == n;
}

struct outcheck_csv_state {
	const char *buf;
	size_t len;
	size_t fields;        /* in the row being read */
	size_t rows;
	size_t width;         /* the header's */
	const char *bad;      /* the first failure, or NULL */
	size_t bad_row;
};

static inline void outcheck_csv_field(void *s, size_t n, void *data)
{
	struct outcheck_csv_state *st = data;
	const char *f = s;

	st->fields++;
	if (st->bad || !n)
		return;
	if (f[0] == '=' || f[0] == '@' ||
	    ((f[0] == '+' || f[0] == '-' || f[0] == '\t' || f[0] == '\r') &&
	     !outcheck_is_number(f, n))) {
		st->bad = "a text cell starts like a formula and is not guarded with '";
		st->bad_row = st->rows;
	}
}

static inline void outcheck_csv_row(int c, void *data)
{
	struct outcheck_csv_state *st = data;

	(void)c;
	if (st->rows == 0)
		st->width = st->fields;
	else if (st->fields != st->width && !st->bad) {
		st->bad = "a row's width is not the header's";
		st->bad_row = st->rows;
	}
	st->rows++;
	st->fields = 0;
}

/* The offset of the start of row k (0-based) of buf, for the context of a failure. */
static inline size_t outcheck_line_start(const char *buf, size_t len, size_t k)
{
	size_t at = 0;

	while (k > 0 && at < len) {
		const char *nl = memchr(buf + at, '\n', len - at);
		if (!nl)
			break;
		at = (size_t)(nl - buf) + 1;
		k--;
	}
	return at;
}

/* One CSV table at buf + off: every row as wide as the header; text cells guarded. */
static inline void outcheck_csv_table(const char *buf, size_t len, size_t off, size_t end)
{
	struct csv_parser p;
	struct outcheck_csv_state st;

	memset(&st, 0, sizeof st);
	st.buf = buf + off;
	st.len = end - off;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	size_t got = csv_parse(&p, buf + off, end - off, outcheck_csv_field, outcheck_csv_row, &st);
	if (got != end - off) {
		char what[128];
		snprintf(what, sizeof what, "libcsv cannot read it back: %s",
			 csv_strerror(csv_error(&p)));
		csv_free(&p);
		outcheck_fail("CSV", what, buf, len, off + got);
	}
	if (csv_fini(&p, outcheck_csv_field, outcheck_csv_row, &st) != 0) {
		csv_free(&p);
		outcheck_fail("CSV", "libcsv cannot read its end back (an open quote)", buf, len,
			      end);
	}
	csv_free(&p);
	/* Rows hold no line breaks of their own but in quoted cells: the context is near. */
	if (st.bad)
		outcheck_fail("CSV", st.bad, buf, len,
			      off + outcheck_line_start(buf + off, end - off, st.bad_row));
	if (end > off && st.rows == 0)
		outcheck_fail("CSV", "no row", buf, len, off);
}

/*
 * CSV output: one table, or several each after an empty line (as the
 * commands that give more than one table write them: track and its
 * calibration, simulate and its sections). An empty line inside a quoted
 * cell is the cell's text, not a break between tables.
 */
static inline void outcheck_csv(const char *buf, size_t len)
{
	size_t from = 0;
	int quoted = 0;

	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '"') {
			quoted = !quoted;
			continue;
		}
		if (quoted || buf[i] != '\n' || i + 1 >= len)
			continue;
		size_t next = i + 1;
		if (buf[next] == '\r' && next + 1 < len && buf[next + 1] == '\n')
			next++;
		else if (buf[next] != '\n')
			continue;
		/* buf[from, i] is a table; the empty line ends at next. */
		outcheck_csv_table(buf, len, from, i + 1);
		from = next + 1;
		i = next;
	}
	if (from < len || len == 0)
		outcheck_csv_table(buf, len, from, len);
}

/* -------------------------------------------------------------- markdown */

/* The number of '|' in the line [s, e) that end a cell: not escaped by a '\' before them. */
static inline size_t outcheck_md_pipes(const char *s, const char *e)
{
	size_t n = 0;

	for (const char *p = s; p < e; p++)
		if (*p == '|' && (p == s || p[-1] != '\\'))
			n++;
	return n;
}

/* Whether the line [s, e) is a table's delimiter row: | --- | ---: | ... */
static inline int outcheck_md_delimiter(const char *s, const char *e)
{
	const char *p = s;

	if (p == e || *p++ != '|')
		return 0;
	while (p < e) {
		while (p < e && *p == ' ')
			p++;
		if (p < e && *p == ':')
			p++;
		if (p == e || *p != '-')
			return 0;
		while (p < e && *p == '-')
			p++;
		if (p < e && *p == ':')
			p++;
		while (p < e && *p == ' ')
			p++;
		if (p == e || *p++ != '|')
			return 0;
	}
	return 1;
}

static inline void outcheck_markdown(const char *buf, size_t len)
{
	const char *end = buf + len, *line = buf;
	size_t table_pipes = 0, table_row = 0;

	for (size_t i = 0; i < len; i++) {
		const char *p = buf + i;
		if (*p == '\r')
			outcheck_fail("markdown", "a carriage return: a line break of the text's own",
				      buf, len, i);
		if (*p == '\0')
			outcheck_fail("markdown", "a NUL byte", buf, len, i);
		if (*p == '<' && !(end - p >= 4 && !memcmp(p, "<br>", 4)))
			outcheck_fail("markdown", "a '<' that is not md_text's <br>: text unescaped",
				      buf, len, i);
		if (*p == '>' && !(p - buf >= 3 && !memcmp(p - 3, "<br>", 4)))
			outcheck_fail("markdown", "a '>' that is not md_text's <br>: text unescaped",
				      buf, len, i);
		if (*p == '&' && !((end - p >= 4 && (!memcmp(p, "&lt;", 4) || !memcmp(p, "&gt;", 4))) ||
				   (end - p >= 5 && !memcmp(p, "&amp;", 5))))
			outcheck_fail("markdown", "a '&' that is not md_text's &lt; &gt; &amp;: text "
				      "unescaped", buf, len, i);
	}
	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *e = nl ? nl : end;
		if (e > line && line[0] == '|') {
			size_t n = outcheck_md_pipes(line, e);
			if (e[-1] != '|' || (e - line >= 2 && e[-2] == '\\'))
				outcheck_fail("markdown", "a table row does not end in '|'", buf, len,
					      (size_t)(line - buf));
			if (table_row == 0)
				table_pipes = n;
			else if (n != table_pipes)
				outcheck_fail("markdown", "a table row has another number of cells than "
					      "the table's header", buf, len, (size_t)(line - buf));
			if (table_row == 1 && !outcheck_md_delimiter(line, e))
				outcheck_fail("markdown", "a table's second row is not its delimiter row",
					      buf, len, (size_t)(line - buf));
			if (table_row == 0 && n < 2)
				outcheck_fail("markdown", "a table row without cells", buf, len,
					      (size_t)(line - buf));
			table_row++;
		} else {
			if (table_row == 1)
				outcheck_fail("markdown", "a table of a header alone, without its "
					      "delimiter row", buf, len, (size_t)(line - buf));
			table_row = 0;
		}
		line = e + (nl != NULL);
	}
}

/* ------------------------------------------------------------------ HTML */

/* The elements the document writes, and those of them that have no end tag. */
static const char *const outcheck_tags[] = {
	"html", "head", "meta", "title", "style", "body", "header", "section", "h1", "h2", "h3",
	"p", "b", "strong", "span", "div", "code", "br", "ul", "li", "dl", "dt", "dd", "table",
	"caption", "thead", "tbody", "tr", "th", "td", "svg", "g", "rect", "line", "polyline",
	"circle", "text", "desc"
};
static const char *const outcheck_void_tags[] = { "meta", "br" };
/* SVG elements that may close themselves with "/>". */
static const char *const outcheck_svg_leaves[] = { "rect", "line", "polyline", "circle", "text" };
/* Elements a browser does not let a <p> hold: it ends the paragraph before them. */
static const char *const outcheck_blocks[] = {
	"p", "div", "table", "ul", "dl", "section", "header", "h1", "h2", "h3"
};
static const char *const outcheck_attrs[] = {
	"charset", "class", "colspan", "content", "cx", "cy", "fill", "font-size", "font-weight",
	"height", "id", "lang", "name", "points", "r", "role", "stroke", "stroke-dasharray",
	"stroke-width", "text-anchor", "transform", "viewBox", "width", "x", "x1", "x2", "xmlns",
	"y", "y1", "y2"
};

#define OUTCHECK_IN(list, s, n) outcheck_in(list, sizeof list / sizeof *list, s, n)

static inline int outcheck_in(const char *const *list, size_t count, const char *s, size_t n)
{
	for (size_t k = 0; k < count; k++)
		if (strlen(list[k]) == n && !memcmp(list[k], s, n))
			return 1;
	return 0;
}

static inline int outcheck_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == ':';
}

/* The length of the entity at p ("&amp;", "&#215;"), or 0 when p starts none. */
static inline size_t outcheck_entity(const char *p, const char *end)
{
	const char *q = p + 1;

	if (q < end && *q == '#') {
		q++;
		if (q < end && (*q == 'x' || *q == 'X'))
			q++;
	}
	const char *name = q;
	while (q < end && q - name < 10 &&
	       ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
		q++;
	if (q == name || q == end || *q != ';')
		return 0;
	return (size_t)(q - p) + 1;
}

static inline void outcheck_html(const char *buf, size_t len)
{
	const char *end = buf + len, *p = buf;
	struct { const char *name; size_t n; } stack[OUTCHECK_MAX_DEPTH];
	size_t depth = 0, in_p = 0;
	static const char doctype[] = "<!DOCTYPE html>";

#define FAIL(what, at) outcheck_fail("HTML", what, buf, len, (size_t)((at) - buf))
	if (len < sizeof doctype - 1 || memcmp(buf, doctype, sizeof doctype - 1))
		FAIL("the document does not start with <!DOCTYPE html>", buf);
	p += sizeof doctype - 1;
	while (p < end) {
		if (*p == '&') {
			size_t n = outcheck_entity(p, end);
			if (!n)
				FAIL("a '&' that starts no entity: text unescaped", p);
			p += n;
			continue;
		}
		if (*p == '>')
			FAIL("a '>' in text: text unescaped", p);
		if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t')
			FAIL("a control character in text", p);
		if (*p != '<') {
			p++;
			continue;
		}
		const char *tag = p++;
		int closing = p < end && *p == '/';
		p += closing;
		const char *name = p;
		while (p < end && outcheck_name_char(*p))
			p++;
		size_t n = (size_t)(p - name);
		if (!n || !OUTCHECK_IN(outcheck_tags, name, n))
			FAIL("a '<' that starts no tag the document uses: text unescaped, or a tag "
			     "of the text", tag);
		if (closing) {
			if (p == end || *p != '>')
				FAIL("an end tag with more than its name", tag);
			p++;
			if (!depth || stack[depth - 1].n != n || memcmp(stack[depth - 1].name, name, n))
				FAIL("an end tag that closes no element open (tags do not balance)", tag);
			depth--;
			if (n == 1 && name[0] == 'p')
				in_p--;
			continue;
		}
		/* Attributes: name="value", each name one the document uses. */
		int self_closed = 0;
		for (;;) {
			const char *ws = p;
			while (p < end && (*p == ' ' || *p == '\n' || *p == '\t'))
				p++;
			if (p == end)
				FAIL("a tag that does not end", tag);
			if (*p == '>') {
				p++;
				break;
			}
			if (*p == '/' && p + 1 < end && p[1] == '>') {
				p += 2;
				self_closed = 1;
				break;
			}
			if (p == ws)
				FAIL("an attribute not set off by a space (an attribute break)", p);
			const char *an = p;
			while (p < end && outcheck_name_char(*p))
				p++;
			if (p == an || !OUTCHECK_IN(outcheck_attrs, an, (size_t)(p - an)))
				FAIL("an attribute the document does not use (an attribute break)", an);
			if (p == end || *p != '=')
				continue;
			if (++p == end || *p != '"')
				FAIL("an attribute value not in double quotes", p);
			for (p++; p < end && *p != '"'; p++) {
				if (*p == '<' || *p == '>' || ((unsigned char)*p < 0x20 && *p != '\t'))
					FAIL("a '<', '>' or control character in an attribute value", p);
				if (*p == '&') {
					size_t en = outcheck_entity(p, end);
					if (!en)
						FAIL("a '&' in an attribute value that starts no entity", p);
					p += en - 1;
				}
			}
			if (p == end)
				FAIL("an attribute value that does not end", tag);
			p++;
		}
		if (OUTCHECK_IN(outcheck_void_tags, name, n))
			continue;
		if (self_closed) {
			if (!OUTCHECK_IN(outcheck_svg_leaves, name, n))
				FAIL("an element other than an SVG shape closed by \"/>\"", tag);
			continue;
		}
		if (in_p && OUTCHECK_IN(outcheck_blocks, name, n))
			FAIL("a block element inside a <p>: the browser ends the paragraph before it",
			     tag);
		if (depth == OUTCHECK_MAX_DEPTH)
			FAIL("elements nested too deep", tag);
		stack[depth].name = name;
		stack[depth].n = n;
		depth++;
		if (n == 1 && name[0] == 'p')
			in_p++;
		if (n == 5 && !memcmp(name, "style", 5)) {
			/* The style sheet is raw text up to its end tag, and holds no '<'. */
			const char *q = p;
			while (q < end && *q != '<')
				q++;
			if (end - q < 8 || memcmp(q, "</style>", 8))
				FAIL("a '<' in the style sheet", q);
			p = q;
		}
	}
	if (depth)
		FAIL("elements left open at the end (tags do not balance)", end);
#undef FAIL
}

#endif
