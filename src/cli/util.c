/*
 * util.c - the front end's shared helpers: diagnostics, exit statuses and the
 * all-or-nothing output file. Number formats and CSV/JSON writing are in
 * src/render/format.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *progname = "crmroi";

int usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
	return EXIT_USAGE;
}

int exit_status_of(crm_status st)
{
	switch (st) {
	case CRM_OK: return EXIT_OK;
	case CRM_EDATA: return EXIT_DATA;
	case CRM_EIO: return EXIT_IO;
	case CRM_EUSAGE: return EXIT_USAGE;
	case CRM_ENOMEM:
	case CRM_ENUM: return EXIT_INTERNAL;
	}
	return EXIT_INTERNAL;
}

static void print_where(const crm_error *e)
{
	if (e->file[0]) {
		fprintf(stderr, "%s:", e->file);
		if (e->line > 0) {
			fprintf(stderr, "%d:", e->line);
			if (e->col > 0)
				fprintf(stderr, "%d:", e->col);
		}
		fputc(' ', stderr);
	}
}

int report_error(const crm_error *err)
{
	fprintf(stderr, "%s: ", progname);
	print_where(err);
	fprintf(stderr, "%s\n", err->msg[0] ? err->msg : crm_strerror(err->status));
	return exit_status_of(err->status);
}

void report_warnings(const crm_warnings *w)
{
	static crm_seen *seen;   /* a warning is shown once per command (a shared base's too) */

	for (size_t i = 0; i < w->count; i++) {
		if (!crm_seen_first(&seen, &w->items[i]))
			continue;
		fprintf(stderr, "%s: ", progname);
		print_where(&w->items[i]);
		fprintf(stderr, "warning: %s\n", w->items[i].msg);
	}
}

int parse_format(const char *s, out_format *out)
{
	static const struct { const char *name; out_format f; } fm[] = {
		{ "text", FMT_TEXT }, { "csv", FMT_CSV }, { "json", FMT_JSON },
		{ "markdown", FMT_MARKDOWN }, { "md", FMT_MARKDOWN }
	};
	for (size_t i = 0; i < sizeof fm / sizeof *fm; i++)
		if (!strcmp(s, fm[i].name)) {
			*out = fm[i].f;
			return 0;
		}
	return -1;
}

/* ------------------------------------------------------------------ sink */

int sink_open(out_sink *s, const char *path, crm_error *err)
{
	memset(s, 0, sizeof *s);
	if (!path || !strcmp(path, "-")) {
		s->fp = stdout;
		return 0;
	}
	size_t n = strlen(path);
	s->path = strdup(path);
	s->tmp = malloc(n + 16);
	if (!s->path || !s->tmp) {
		sink_abort(s);
		crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
		return -1;
	}
	/* The temporary file sits beside the target so that rename() is atomic. */
	snprintf(s->tmp, n + 16, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(s->tmp);
	if (fd < 0) {
		crm_error_set(err, CRM_EIO, path, 0, 0, "cannot create a file beside it: %s",
			      strerror(errno));
		free(s->tmp);
		s->tmp = NULL;
		sink_abort(s);
		return -1;
	}
	s->fp = fdopen(fd, "w");
	if (!s->fp) {
		close(fd);
		crm_error_set(err, CRM_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
		sink_abort(s);
		return -1;
	}
	return 0;
}

int sink_commit(out_sink *s, crm_error *err)
{
	int rc = 0;

	if (!s->path) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			crm_error_set(err, CRM_EIO, "<stdout>", 0, 0, "cannot write: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (fflush(s->fp) != 0 || ferror(s->fp) || fsync(fileno(s->fp)) != 0) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	if (fclose(s->fp) != 0 && rc == 0) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	s->fp = NULL;
	if (rc == 0 && rename(s->tmp, s->path) != 0) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot replace the file: %s",
			      strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(s->tmp);
	free(s->tmp);
	free(s->path);
	s->tmp = s->path = NULL;
	return rc;
}

void sink_abort(out_sink *s)
{
	if (s->path && s->fp)
		fclose(s->fp);
	if (s->tmp)
		unlink(s->tmp);
	free(s->tmp);
	free(s->path);
	memset(s, 0, sizeof *s);
}
