/*
 * outcheck_xlsx.h - the check of a workbook's form (fuzz_render_xlsx.c): a
 * readable zip whose end record, central directory and local headers agree,
 * every entry inflating (zlib) to its size and CRC-32; the parts an xlsx
 * needs; every XML part well-formed (tags nest and close, attributes
 * quoted, '&' starts an entity) and without a character XML 1.0 refuses (a
 * control character the scenario's text held).
 *
 * A failure prints what was wrong to stderr and aborts, as outcheck.h does.
 * Header-only: the harness and the checks' own test include it.
 */
#ifndef CRMROI_FUZZ_OUTCHECK_XLSX_H
#define CRMROI_FUZZ_OUTCHECK_XLSX_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* The parts an xlsx cannot go without. */
static const char *const xlsx_required[] = {
	"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
	"xl/worksheets/sheet1.xml"
};
/* Elements open at once in an XML part: deeper is a failure. */
#define XML_MAX_DEPTH 64

static inline void xlsx_fail(const char *what, const char *name)
{
	fprintf(stderr, "outcheck: xlsx output: %s%s%s\n", what, name ? ": " : "", name ? name : "");
	abort();
}

static inline unsigned xlsx_get16(const unsigned char *p)
{
	return p[0] | (unsigned)p[1] << 8;
}

static inline uint32_t xlsx_get32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The length of the entity at p (&amp; &#10; &#x1F;), or 0 when p starts none. */
static inline size_t xml_entity(const char *p, const char *end)
{
	static const char *const names[] = { "amp;", "lt;", "gt;", "quot;", "apos;" };
	const char *q = p + 1;

	for (size_t k = 0; k < sizeof names / sizeof *names; k++)
		if ((size_t)(end - q) >= strlen(names[k]) && !memcmp(q, names[k], strlen(names[k])))
			return 1 + strlen(names[k]);
	if (q == end || *q++ != '#')
		return 0;
	int hex = q < end && *q == 'x';
	q += hex;
	const char *d = q;
	while (q < end && (hex ? ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f') ||
				  (*q >= 'A' && *q <= 'F')) : (*q >= '0' && *q <= '9')))
		q++;
	if (q == d || q == end || *q != ';')
		return 0;
	return (size_t)(q - p) + 1;
}

static inline int xml_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == ':' || c == '_' || c == '-' || c == '.';
}

/* A character XML 1.0 refuses: a control character other than tab, line feed, carriage return. */
static inline int xml_refused(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

/* An XML part as a workbook writes it: a declaration, then elements that nest and close. */
static inline void outcheck_xml(const char *buf, size_t len, const char *part)
{
	const char *end = buf + len, *p = buf;
	struct { const char *name; size_t n; } stack[XML_MAX_DEPTH];
	size_t depth = 0, roots = 0;

	if (len >= 5 && !memcmp(p, "<?xml", 5)) {
		const char *q = memchr(p, '>', len);
		if (!q || q[-1] != '?')
			xlsx_fail("an XML declaration that does not end", part);
		p = q + 1;
	}
	while (p < end) {
		if (xml_refused((unsigned char)*p))
			xlsx_fail("a character XML refuses (a control character)", part);
		if (*p == '&') {
			size_t n = xml_entity(p, end);
			if (!n)
				xlsx_fail("a '&' that starts no entity", part);
			p += n;
			continue;
		}
		if (*p != '<') {
			if (!depth && *p != '\n' && *p != '\r' && *p != ' ')
				xlsx_fail("text outside the root element", part);
			p++;
			continue;
		}
		int closing = ++p < end && *p == '/';
		p += closing;
		const char *name = p;
		while (p < end && xml_name_char(*p))
			p++;
		size_t n = (size_t)(p - name);
		if (!n)
			xlsx_fail("a '<' that starts no tag", part);
		if (closing) {
			if (p == end || *p != '>')
				xlsx_fail("an end tag with more than its name", part);
			p++;
			if (!depth || stack[depth - 1].n != n || memcmp(stack[depth - 1].name, name, n))
				xlsx_fail("an end tag that closes no element open", part);
			depth--;
			continue;
		}
		int empty = 0;
		for (;;) {
			const char *ws = p;
			while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
				p++;
			if (p == end)
				xlsx_fail("a tag that does not end", part);
			if (*p == '>') {
				p++;
				break;
			}
			if (*p == '/' && p + 1 < end && p[1] == '>') {
				p += 2;
				empty = 1;
				break;
			}
			const char *an = p;
			while (p < end && xml_name_char(*p))
				p++;
			if (p == ws || p == an || p == end || *p != '=' || ++p == end ||
			    (*p != '"' && *p != '\''))
				xlsx_fail("an attribute that is not name=\"value\"", part);
			char quote = *p;
			for (p++; p < end && *p != quote; p++) {
				if (*p == '<' || xml_refused((unsigned char)*p))
					xlsx_fail("a '<' or a control character in an attribute value", part);
				if (*p == '&') {
					size_t en = xml_entity(p, end);
					if (!en)
						xlsx_fail("a '&' in an attribute value that starts no entity", part);
					p += en - 1;
				}
			}
			if (p == end)
				xlsx_fail("an attribute value that does not end", part);
			p++;
		}
		if (!depth && ++roots > 1)
			xlsx_fail("a second root element", part);
		if (empty)
			continue;
		if (depth == XML_MAX_DEPTH)
			xlsx_fail("elements nested too deep", part);
		stack[depth].name = name;
		stack[depth].n = n;
		depth++;
	}
	if (depth || !roots)
		xlsx_fail("elements left open at the end, or none at all", part);
}

/* Every entry of the zip in buf: headers that agree, data that inflates to its size and CRC. */
static inline void outcheck_xlsx(const unsigned char *buf, size_t len)
{
	size_t eocd = len;
	int found[sizeof xlsx_required / sizeof *xlsx_required] = { 0 };

	/* The end record: 22 bytes and a comment of at most 65,535, at the end. */
	for (size_t back = 22; back <= len && back <= 22 + 65535; back++)
		if (xlsx_get32(buf + len - back) == 0x06054b50) {
			eocd = len - back;
			break;
		}
	if (eocd == len)
		xlsx_fail("no end of central directory record: not a zip", NULL);
	size_t count = xlsx_get16(buf + eocd + 10), cd_size = xlsx_get32(buf + eocd + 12);
	size_t cd = xlsx_get32(buf + eocd + 16);
	if (cd > eocd || cd_size > eocd - cd || count == 0)
		xlsx_fail("the central directory is not where the end record says", NULL);
	for (size_t i = 0, at = cd; i < count; i++) {
		if (at + 46 > cd + cd_size || xlsx_get32(buf + at) != 0x02014b50)
			xlsx_fail("a central directory entry is missing or cut", NULL);
		unsigned method = xlsx_get16(buf + at + 10);
		uint32_t crc = xlsx_get32(buf + at + 16);
		size_t csize = xlsx_get32(buf + at + 20), usize = xlsx_get32(buf + at + 24);
		size_t nlen = xlsx_get16(buf + at + 28), xlen = xlsx_get16(buf + at + 30);
		size_t clen = xlsx_get16(buf + at + 32), local = xlsx_get32(buf + at + 42);
		char name[256];
		if (at + 46 + nlen > cd + cd_size || nlen == 0 || nlen >= sizeof name)
			xlsx_fail("an entry's name is cut, empty or too long", NULL);
		memcpy(name, buf + at + 46, nlen);
		name[nlen] = '\0';
		if (local + 30 > cd || xlsx_get32(buf + local) != 0x04034b50 ||
		    xlsx_get16(buf + local + 26) != nlen || memcmp(buf + local + 30, name, nlen))
			xlsx_fail("an entry's local header does not match the central directory", name);
		size_t data = local + 30 + nlen + xlsx_get16(buf + local + 28);
		if (data > cd || csize > cd - data)
			xlsx_fail("an entry's data runs past the central directory", name);
		unsigned char *out = malloc(usize + 1);
		if (!out)
			xlsx_fail("no memory", name);
		if (method == 0) {
			if (csize != usize)
				xlsx_fail("a stored entry's sizes differ", name);
			memcpy(out, buf + data, usize);
		} else if (method == 8) {
			z_stream z;
			memset(&z, 0, sizeof z);
			if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
				xlsx_fail("no memory", name);
			z.next_in = (unsigned char *)buf + data;
			z.avail_in = (uInt)csize;
			z.next_out = out;
			z.avail_out = (uInt)usize + 1;
			int zs = inflate(&z, Z_FINISH);
			size_t got = z.total_out;
			inflateEnd(&z);
			if (zs != Z_STREAM_END || got != usize)
				xlsx_fail("an entry does not inflate to its size", name);
		} else {
			xlsx_fail("an entry compressed by a method other than deflate", name);
		}
		if (crc32(0L, out, (uInt)usize) != crc)
			xlsx_fail("an entry's CRC-32 does not match its data", name);
		size_t nl = strlen(name);
		if ((nl > 4 && !strcmp(name + nl - 4, ".xml")) || (nl > 5 && !strcmp(name + nl - 5, ".rels")))
			outcheck_xml((const char *)out, usize, name);
		for (size_t k = 0; k < sizeof xlsx_required / sizeof *xlsx_required; k++)
			found[k] |= !strcmp(name, xlsx_required[k]);
		free(out);
		at += 46 + nlen + xlen + clen;
	}
	for (size_t k = 0; k < sizeof xlsx_required / sizeof *xlsx_required; k++)
		if (!found[k])
			xlsx_fail("a part every workbook needs is missing", xlsx_required[k]);
}

#endif
