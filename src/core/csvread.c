/*
 * csvread.c - CSV text to rows with line numbers, on top of libcsv.
 *
 * libcsv reports fields and row ends through callbacks but no positions. We
 * feed it one physical line at a time (never a chunk that spans a newline), so
 * every callback fired during a feed belongs to the line being fed: a field
 * ends on that line, and starts as many lines earlier as it holds newlines
 * (only a quoted field can). Field contents are copied inside the callback,
 * because libcsv's buffer is only valid there.
 */
#include "crmroi/csvread.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* n bytes of t's arena (fields and row arrays, packed), at a multiple of align. */
static void *arena_alloc(crm_csv_table *t, size_t n, size_t align)
{
	return crm_blocks_alloc(&t->arena, n, align);
}

struct parse_state {
	crm_csv_table *t;
	int line;          /* line being fed */
	int open_line;     /* earliest line where a field still open could have started */
	crm_csv_row cur;   /* row under construction */
	int cur_cap;
	int failed;        /* out of memory inside a callback */
	int too_many;      /* more than CRM_CSV_MAX_ROWS rows */
	/* The first control character found in a field (refused): where and which. */
	int bad_line, bad_col, bad_char, bad_pos;
};

/*
 * Control characters have no place in a scenario: a NUL would end the field
 * early for every later step (`1\0garbage` would read as 1), others are
 * invisible in a spreadsheet. Tab, CR and LF are ordinary text (shown as
 * visible escapes where text is shown: crm_csv_visible).
 */
static int is_refused_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
}

/*
 * The length in bytes of a bidirectional control character (Unicode's
 * Bidi_Control: U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069)
 * in UTF-8 at p, or 0. Invisible, they reorder the text around them: a
 * U+202E before a figure shows its digits reversed.
 */
static int bidi_control(const unsigned char *p, size_t left, unsigned *code)
{
	if (left >= 2 && p[0] == 0xD8 && p[1] == 0x9C) {
		*code = 0x061C;
		return 2;
	}
	if (left < 3 || p[0] != 0xE2)
		return 0;
	if (p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE))) {
		*code = 0x2000 + (unsigned)(p[2] - 0x80);
		return 3;
	}
	if (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9) {
		*code = 0x2040 + (unsigned)(p[2] - 0x80);
		return 3;
	}
	return 0;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct parse_state *s = ctx;
	crm_csv_row *r = &s->cur;
	int nl = 0;

	if (s->failed || s->too_many)
		return;
	if (r->nfields == s->cur_cap) {
		int ncap = s->cur_cap ? 2 * s->cur_cap : 8;
		char **f = realloc(r->fields, (size_t)ncap * sizeof *f);
		if (!f) {
			s->failed = 1;
			return;
		}
		r->fields = f;
		int *fl = realloc(r->field_lines, (size_t)ncap * sizeof *fl);
		if (!fl) {
			s->failed = 1;
			return;
		}
		r->field_lines = fl;
		s->cur_cap = ncap;
	}
	char *copy = arena_alloc(s->t, len + 1, 1);
	if (!copy) {
		s->failed = 1;
		return;
	}
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	for (size_t i = 0; i < len; i++) {
		unsigned code;
		unsigned char c = (unsigned char)copy[i];
		/* Most bytes are none of the ones looked at below. */
		if (c >= 0x20 && c != 0x7f && c != 0xD8 && c != 0xE2)
			continue;
		if (!s->bad_line && bidi_control((const unsigned char *)copy + i, len - i, &code)) {
			s->bad_char = (int)code;
			s->bad_col = r->nfields + 1;
			s->bad_pos = (int)i + 1;
			s->bad_line = -1 - nl;
		}
		if (is_refused_control((unsigned char)copy[i]) && !s->bad_line) {
			s->bad_char = (unsigned char)copy[i];
			s->bad_col = r->nfields + 1;
			s->bad_pos = (int)i + 1;
			s->bad_line = -1 - nl;   /* fixed below, once the field's newlines are counted */
		}
		nl += copy[i] == '\n';
	}
	if (s->bad_line < 0)
		s->bad_line = s->line - nl + (-1 - s->bad_line);
	r->fields[r->nfields] = copy;
	r->field_lines[r->nfields] = s->line - nl;
	if (r->nfields == 0)
		r->line = s->line - nl;
	r->nfields++;
	s->open_line = s->line;
}

static void on_row(int term, void *ctx)
{
	struct parse_state *s = ctx;
	crm_csv_table *t = s->t;

	(void)term;
	if (s->failed || s->too_many)
		return;
	if (t->nrows >= CRM_CSV_MAX_ROWS) {
		s->too_many = 1;   /* memory stays in proportion to what a scenario may hold */
		return;
	}
	if (t->nrows == t->cap) {
		size_t ncap = t->cap ? 2 * t->cap : 32;
		crm_csv_row *n = realloc(t->rows, ncap * sizeof *n);
		if (!n) {
			s->failed = 1;
			return;
		}
		t->rows = n;
		t->cap = ncap;
	}
	/*
	 * The row's arrays, exactly its size, in the arena; the growing ones are
	 * reused. Most rows are on one line: they keep no field lines.
	 */
	crm_csv_row *r = &t->rows[t->nrows];
	*r = s->cur;
	int one_line = 1;
	for (int k = 0; k < s->cur.nfields; k++)
		one_line &= s->cur.field_lines[k] == s->cur.line;
	size_t nf = s->cur.nfields ? (size_t)s->cur.nfields : 1;
	r->fields = arena_alloc(t, nf * sizeof *r->fields, _Alignof(char *));
	r->field_lines = one_line ? NULL : arena_alloc(t, nf * sizeof *r->field_lines, _Alignof(int));
	if (!r->fields || (!one_line && !r->field_lines)) {
		s->failed = 1;
		return;
	}
	if (s->cur.nfields)
		memcpy(r->fields, s->cur.fields, (size_t)s->cur.nfields * sizeof *r->fields);
	if (!one_line)
		memcpy(r->field_lines, s->cur.field_lines,
		       (size_t)s->cur.nfields * sizeof *r->field_lines);
	t->nrows++;
	s->cur.nfields = 0;
	s->cur.line = 0;
	s->open_line = s->line + 1;
}

/* The row under construction's growing arrays (its fields are in the arena). */
static void row_free(crm_csv_row *r)
{
	free(r->fields);
	free(r->field_lines);
}

void crm_csv_trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[i]))
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
}

size_t crm_csv_visible_size(const char *s)
{
	size_t n = 1;

	for (const char *p = s; *p; p++)
		n += *p == '\n' || *p == '\r' || *p == '\t' ? 2 : 1;
	return n;
}

void crm_csv_visible_to(char *out, const char *s)
{
	char *o = out;

	for (const char *p = s; *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
			*o++ = '\\';
			*o++ = *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't';
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
}

char *crm_csv_visible(const char *s)
{
	char *out = malloc(crm_csv_visible_size(s));

	if (out)
		crm_csv_visible_to(out, s);
	return out;
}

void crm_csv_table_free(crm_csv_table *t)
{
	if (!t)
		return;
	crm_blocks_free(&t->arena);
	free(t->rows);
	memset(t, 0, sizeof *t);
}

static crm_status control_error(const struct parse_state *s, const char *name, crm_error *err)
{
	if (s->bad_char > 0xFF)
		return crm_error_set(err, CRM_EDATA, name, s->bad_line, s->bad_col,
				     "bidirectional control character U+%04X at byte %d of the field: "
				     "invisible, it reorders the text around it and can reverse a "
				     "figure's digits (remove it)", (unsigned)s->bad_char, s->bad_pos);
	return crm_error_set(err, CRM_EDATA, name, s->bad_line, s->bad_col,
			     "control character 0x%02X at character %d of the field: a scenario is "
			     "plain text (remove the character; the file may not be CSV at all)",
			     (unsigned)s->bad_char, s->bad_pos);
}

crm_status crm_csv_parse(const char *buf, size_t len, size_t chunk, const char *name,
			 crm_csv_table *out, crm_error *err)
{
	return crm_csv_parse_sep(buf, len, chunk, ',', name, out, err);
}

/* ------------------------------------------------------------ the separator */

/* What one trial parse (with one separator) found of the header row. */
struct sniff_state {
	int nfields;       /* fields of the row under way */
	int nonempty;      /* of them, not empty once trimmed */
	int comment;       /* its first field starts with # */
	int header;        /* fields of the header row, once found */
};

/*
 * Whether a field (len bytes) is empty for the separator's sake: blanks, and
 * the other separator alone (a row of ",,," in a file read with ';' is a
 * blank row saved by the other locale, not a header).
 */
static int blank_text(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]) && s[i] != ',' && s[i] != ';')
			return 0;
	return 1;
}

static void sniff_field(void *data, size_t len, void *ctx)
{
	struct sniff_state *s = ctx;
	const char *f = data;
	size_t i = 0;

	if (s->header)
		return;
	while (i < len && isspace((unsigned char)f[i]))
		i++;
	if (s->nfields == 0)
		s->comment = i < len && f[i] == '#';
	s->nfields++;
	s->nonempty += !blank_text(f, len);
}

static void sniff_row(int term, void *ctx)
{
	struct sniff_state *s = ctx;

	(void)term;
	if (!s->header && !s->comment && s->nonempty)
		s->header = s->nfields;
	s->nfields = s->nonempty = s->comment = 0;
}

/*
 * The number of fields of the header row (the first row that is neither a
 * comment nor blank) when the text is read with separator sep; 0 when the
 * text has no header or is not CSV with that separator. libcsv reads the
 * text, a line at a time, until the header is found.
 */
static int header_fields(const char *buf, size_t len, char sep)
{
	struct csv_parser p;
	struct sniff_state s;
	size_t pos = 0;

	memset(&s, 0, sizeof s);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return 0;
	csv_set_delim(&p, (unsigned char)sep);
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len && !s.header) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n = (nl ? (size_t)(nl - buf) + 1 : len) - pos;
		if (csv_parse(&p, buf + pos, n, sniff_field, sniff_row, &s) != n) {
			csv_free(&p);
			return 0;
		}
		pos += n;
	}
	if (!s.header)
		csv_fini(&p, sniff_field, sniff_row, &s);
	csv_free(&p);
	return s.header;
}

char crm_csv_detect_sep(const char *buf, size_t len)
{
	return header_fields(buf, len, ';') > header_fields(buf, len, ',') ? ';' : ',';
}

crm_status crm_csv_parse_sep(const char *buf, size_t len, size_t chunk, char sep,
			     const char *name, crm_csv_table *out, crm_error *err)
{
	struct csv_parser p;
	struct parse_state s;
	crm_status st = CRM_OK;
	size_t pos = 0;

	memset(out, 0, sizeof *out);
	memset(&s, 0, sizeof s);
	s.t = out;
	s.line = 1;
	s.open_line = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return crm_error_set(err, CRM_ENOMEM, name, 0, 0, "cannot set up the CSV parser");
	csv_set_delim(&p, (unsigned char)sep);
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	/* Rows are at most the lines (bounded as rows are): their array at its size at once. */
	size_t lines = 1;
	for (const char *q = buf + pos, *e = buf + len; lines <= CRM_CSV_MAX_ROWS &&
	     (q = memchr(q, '\n', (size_t)(e - q))) != NULL; q++)
		lines++;
	if ((out->rows = malloc(lines * sizeof *out->rows)) != NULL)
		out->cap = lines;
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - buf) + 1 : len;
		size_t n = end - pos;
		if (chunk && n > chunk)
			n = chunk;
		/* A refused character in a field before a malformed quote is reported first (below). */
		if (csv_parse(&p, buf + pos, n, on_field, on_row, &s) != n && !s.bad_line) {
			st = crm_error_set(err, csv_error(&p) == CSV_ENOMEM ? CRM_ENOMEM : CRM_EDATA,
					   name, s.line, s.cur.nfields + 1,
					   "malformed CSV: %s (a quote inside a quoted field is written \"\")",
					   csv_strerror(csv_error(&p)));
			goto done;
		}
		if (s.failed)
			break;
		if (s.too_many) {
			st = crm_error_set(err, CRM_EDATA, name, s.line, 0, "more than %d rows (the "
					   "limit of a scenario file)", CRM_CSV_MAX_ROWS);
			goto done;
		}
		if (s.bad_line) {
			st = control_error(&s, name, err);
			goto done;
		}
		pos += n;
		if (buf[pos - 1] == '\n')
			s.line++;
	}
	if (!s.failed && csv_fini(&p, on_field, on_row, &s) != 0) {
		st = crm_error_set(err, CRM_EDATA, name, s.open_line, s.cur.nfields + 1,
				   "malformed CSV: a quoted field is not closed before the end of the file "
				   "(a quote inside a quoted field is written \"\")");
		goto done;
	}
	if (!s.failed && s.too_many) {
		st = crm_error_set(err, CRM_EDATA, name, s.line, 0, "more than %d rows (the limit "
				   "of a scenario file)", CRM_CSV_MAX_ROWS);
		goto done;
	}
	if (!s.failed && s.bad_line) {
		st = control_error(&s, name, err);
		goto done;
	}
	if (s.failed)
		st = crm_error_set(err, CRM_ENOMEM, name, s.line, 0, "out of memory reading CSV");
done:
	csv_free(&p);
	row_free(&s.cur);
	if (st != CRM_OK)
		crm_csv_table_free(out);
	return st;
}

/* What a file that is not a regular file is, for the message. */
static const char *file_type(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO (named pipe)";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

/*
 * Regular files only: a device such as /dev/zero never ends, a FIFO blocks
 * until a writer comes, a directory is not a scenario. The file is opened with
 * O_NONBLOCK so that opening a FIFO does not wait; the flag is cleared once
 * fstat has shown a regular file. Standard input may be anything (a pipe is
 * the usual case) and is read up to the same cap.
 */
crm_status crm_read_file(const char *path, const char *what, char **bufp, size_t *lenp,
			 crm_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	const char *label = is_stdin ? "<stdin>" : path;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	char *buf = NULL;
	size_t len = 0, cap = 0;
	crm_status st = CRM_OK;
	struct stat sb;

	if (fd < 0)
		return crm_error_set(err, CRM_EIO, label, 0, 0, "cannot open: %s", strerror(errno));
	if (!is_stdin) {
		int fl;
		if (fstat(fd, &sb) != 0) {
			st = crm_error_set(err, CRM_EIO, label, 0, 0, "cannot read: %s", strerror(errno));
			goto done;
		}
		if (!S_ISREG(sb.st_mode)) {
			st = crm_error_set(err, CRM_EIO, label, 0, 0, "cannot read: %s, not %s %s "
					   "(expected a regular file, or - for standard input)",
					   file_type(sb.st_mode), strchr("aeiou", what[0]) ? "an" : "a",
					   what);
			goto done;
		}
		if (sb.st_size > CRM_MAX_FILE_SIZE) {
			st = crm_error_set(err, CRM_EIO, label, 0, 0, "cannot read: the file has %lld "
					   "bytes, more than the %d MB %s %s may have",
					   (long long)sb.st_size, CRM_MAX_FILE_SIZE >> 20,
					   strchr("aeiou", what[0]) ? "an" : "a", what);
			goto done;
		}
		if ((fl = fcntl(fd, F_GETFL)) == -1 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
			st = crm_error_set(err, CRM_EIO, label, 0, 0, "cannot read: %s", strerror(errno));
			goto done;
		}
	}
	for (;;) {
		if (cap - len < 4096 && cap < (size_t)CRM_MAX_FILE_SIZE + 1) {
			/* One byte more than the cap may be read: that is how a longer file shows. */
			size_t ncap = cap ? 2 * cap : 16384;
			if (ncap > (size_t)CRM_MAX_FILE_SIZE + 1)
				ncap = (size_t)CRM_MAX_FILE_SIZE + 1;
			char *n = realloc(buf, ncap + 1);
			if (!n) {
				st = crm_error_set(err, CRM_ENOMEM, label, 0, 0, "out of memory reading the file");
				goto done;
			}
			buf = n;
			cap = ncap;
		}
		ssize_t got = read(fd, buf + len, cap - len);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			st = crm_error_set(err, CRM_EIO, label, 0, 0, "cannot read: %s", strerror(errno));
			goto done;
		}
		if (got == 0)
			break;
		len += (size_t)got;
		if (len > (size_t)CRM_MAX_FILE_SIZE) {
			st = crm_error_set(err, CRM_EIO, label, 0, 0, "cannot read: more than the %d MB "
					   "%s %s may have", CRM_MAX_FILE_SIZE >> 20,
					   strchr("aeiou", what[0]) ? "an" : "a", what);
			goto done;
		}
	}
	if (!buf && !(buf = malloc(1))) {
		st = crm_error_set(err, CRM_ENOMEM, label, 0, 0, "out of memory reading the file");
		goto done;
	}
done:
	if (!is_stdin)
		close(fd);
	if (st != CRM_OK) {
		free(buf);
		return st;
	}
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	return CRM_OK;
}
