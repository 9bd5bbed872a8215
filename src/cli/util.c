/*
 * util.c - the front end's shared helpers: diagnostics, exit statuses,
 * strict parsing of whole numbers, and the all-or-nothing output file (with
 * the list of inputs it must never replace). Number formats and CSV/JSON
 * writing are in src/render/format.c.
 */
#define _GNU_SOURCE    /* fopencookie: a write error's reason is kept for the message */
#define _XOPEN_SOURCE 700
#include "cli.h"
#include "explain.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *progname = "crmroi";
const char *cli_command;
int cli_strict;

static int color_err;   /* diagnostics on standard error are coloured */

int cli_set_color(const char *when)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
	int env_off = (no && *no) || !term || !strcmp(term, "dumb");

	if (!strcmp(when, "always")) {
		color_err = 1;
		render_set_color(RENDER_COLOR_ALWAYS);
	} else if (!strcmp(when, "never")) {
		color_err = 0;
		render_set_color(RENDER_COLOR_NEVER);
	} else if (!strcmp(when, "auto")) {
		color_err = !env_off && isatty(STDERR_FILENO);
		render_set_color(env_off ? RENDER_COLOR_NEVER : RENDER_COLOR_TTY);
	} else {
		return -1;
	}
	return 0;
}

const char *cli_sgr(const char *code)
{
	if (!color_err)
		return "";
	if (!strcmp(code, "31"))
		return "\033[31m";
	if (!strcmp(code, "33"))
		return "\033[33m";
	return "\033[0m";
}

int usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s", progname, cli_sgr("31"));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(cli_sgr("0"), stderr);
	if (cli_command)
		fprintf(stderr, "\nTry '%s %s --help' for more information.\n", progname, cli_command);
	else
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

static void print_where(FILE *fp, const crm_error *e)
{
	if (e->file[0]) {
		fprintf(fp, "%s:", e->file);
		if (e->line > 0) {
			fprintf(fp, "%d:", e->line);
			if (e->col > 0)
				fprintf(fp, "%d:", e->col);
		}
		fputc(' ', fp);
	}
}

int report_error(const crm_error *err)
{
	fprintf(stderr, "%s: ", progname);
	print_where(stderr, err);
	fprintf(stderr, "%s", cli_sgr("31"));
	fprintf(stderr, "%s%s\n", err->msg[0] ? err->msg : crm_strerror(err->status), cli_sgr("0"));
	return exit_status_of(err->status);
}

void print_warning(FILE *fp, const crm_error *e)
{
	fprintf(fp, "%s: ", progname);
	print_where(fp, e);
	if (e->note) {   /* how a file was read: nothing is wrong, --strict or not */
		fprintf(fp, "note: %s\n", e->msg);
	} else if (cli_strict) {
		fprintf(fp, "%s", cli_sgr("31"));
		fprintf(fp, "%s (a warning; an error with --strict)%s\n", e->msg, cli_sgr("0"));
	} else {
		fprintf(fp, "%s", cli_sgr("33"));
		fprintf(fp, "warning:%s %s\n", cli_sgr("0"), e->msg);
	}
}

size_t report_warnings(const crm_warnings *w)
{
	static crm_seen *seen;   /* a warning is shown once per command (a shared base's too) */
	size_t n = 0;

	for (size_t i = 0; i < w->count; i++) {
		if (!crm_seen_first(&seen, &w->items[i]))
			continue;
		print_warning(stderr, &w->items[i]);
		n += cli_strict && !w->items[i].note;
	}
	return n;
}

int strict_status(size_t n, int status)
{
	return n && status == EXIT_OK ? EXIT_DATA : status;
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

/* ------------------------------------------------------------ numbers */

int parse_uint64(const char *s, uint64_t *out)
{
	char *end;

	/* strtoull accepts blanks, a sign and wraps "-1" around: only digits here. */
	if (!isdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno == ERANGE || *end != '\0')
		return -1;
	*out = (uint64_t)v;
	return 0;
}

/* ------------------------------------------------------------- inputs */

/*
 * Every file a command reads as a scenario (and every base it inherits from):
 * an output file must be none of them. Added from the threads of batch, so
 * under a lock.
 */
struct input_file {
	dev_t dev;
	ino_t ino;
	char *real;      /* canonical path */
	const char *arg; /* the command-line argument it came from, or NULL */
};

static struct input_file *inputs;
static size_t ninputs, inputs_cap;
static pthread_mutex_t inputs_lock = PTHREAD_MUTEX_INITIALIZER;

static void add_input(const char *path, const char *arg)
{
	struct stat st;
	int in = !path || !strcmp(path, "-") || !strcmp(path, "<stdin>");

	/* Standard input redirected from a file: that file is an input too. */
	if (in ? fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode)
	       : stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	pthread_mutex_lock(&inputs_lock);
	if (ninputs == inputs_cap) {
		size_t ncap = inputs_cap ? 2 * inputs_cap : 16;
		struct input_file *n = realloc(inputs, ncap * sizeof *n);
		if (!n)
			goto done;
		inputs = n;
		inputs_cap = ncap;
	}
	inputs[ninputs].dev = st.st_dev;
	inputs[ninputs].ino = st.st_ino;
	inputs[ninputs].real = in ? NULL : realpath(path, NULL);
	inputs[ninputs].arg = arg;
	ninputs++;
done:
	pthread_mutex_unlock(&inputs_lock);
}

void inputs_add_path(const char *path)
{
	add_input(path, NULL);
}

void inputs_add_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (argv[i][0] != '-')
			add_input(argv[i], argv[i]);
}

void inputs_add(const crm_scenario *sc)
{
	for (size_t i = 0; sc && i < sc->nfiles; i++)
		inputs_add_path(sc->files[i]);
	/* The readiness answers file the scenario reads is an input as much as its bases. */
	if (sc && sc->settings.readiness)
		inputs_add_path(sc->settings.readiness);
}

/* The canonical name a path would have: realpath of its folder, then its name. */
static char *canonical_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, (size_t)(slash - path + (slash == path))) : strdup(".");
	const char *name = slash ? slash + 1 : path;
	char *real = dir ? realpath(dir, NULL) : NULL, *out = NULL;

	if (real) {
		size_t n = strlen(real) + strlen(name) + 2;
		if ((out = malloc(n)))
			snprintf(out, n, "%s%s%s", real, real[strlen(real) - 1] == '/' ? "" : "/", name);
	}
	free(dir);
	free(real);
	return out;
}

/* Whether writing path would replace one of the inputs: same device and inode, or same name. */
static int is_input(const char *path)
{
	struct stat st;
	int found = 0;
	int exists = stat(path, &st) == 0;
	char *canon = exists ? NULL : canonical_name(path);

	pthread_mutex_lock(&inputs_lock);
	for (size_t i = 0; i < ninputs && !found; i++) {
		if (inputs[i].arg == path)
			continue;   /* the argument that names this output */
		if (exists)
			found = st.st_dev == inputs[i].dev && st.st_ino == inputs[i].ino;
		else
			found = canon && inputs[i].real && !strcmp(canon, inputs[i].real);
	}
	pthread_mutex_unlock(&inputs_lock);
	free(canon);
	return found;
}

/* ------------------------------------------------------------------ sink */

/*
 * Temporary files being written, for the signal handler: SIGINT, SIGTERM and
 * SIGHUP remove them before the process dies. Only the main thread opens and
 * commits sinks; a slot is published with signals blocked, and the handler
 * only reads the slots and calls unlink(), which is async-signal-safe.
 */
#define SINK_MAX_OPEN 16

static char *volatile pending[SINK_MAX_OPEN];
static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void on_signal(int sig)
{
	int saved = errno;

	for (int i = 0; i < SINK_MAX_OPEN; i++)
		if (pending[i])
			unlink(pending[i]);
	/* Die of the same signal, so that the parent sees why. */
	signal(sig, SIG_DFL);
	raise(sig);
	errno = saved;
}

static void install_handlers(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++) {
		struct sigaction sa, old;
		/* A signal ignored by whoever started us (nohup) stays ignored. */
		if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (size_t k = 0; k < sizeof cleanup_signals / sizeof *cleanup_signals; k++)
			sigaddset(&sa.sa_mask, cleanup_signals[k]);
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

static void block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++)
		sigaddset(&set, cleanup_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

static int pending_add(char *tmp)
{
	sigset_t old;
	int slot = -1;

	install_handlers();
	block_signals(&old);
	for (int i = 0; i < SINK_MAX_OPEN && slot < 0; i++)
		if (!pending[i]) {
			pending[i] = tmp;
			slot = i;
		}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return slot;
}

static void pending_remove(const char *tmp)
{
	sigset_t old;

	block_signals(&old);
	for (int i = 0; i < SINK_MAX_OPEN; i++)
		if (pending[i] == tmp)
			pending[i] = NULL;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* The mode a new file gets: 0666 less the umask (umask() can only be read by setting it). */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
}

/*
 * Whether the symbolic link at path (lstat'ed into lst) may be followed, by
 * the kernel's rule for protected_symlinks: in a folder that every user may
 * write to and that is sticky (/tmp), a link is followed only when it
 * belongs to the user running crmroi or to the folder's owner; anywhere
 * else, always. A link planted there by another user (pointing at a file of
 * ours) would otherwise have us replace its target. crmroi applies the rule
 * itself because it follows links itself, to replace a link's target.
 */
static int link_trusted(const char *path, const struct stat *lst, uid_t *dir_uid)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, (size_t)(slash - path + (slash == path))) : strdup(".");
	struct stat d;
	int ok = 1;

	if (dir && stat(dir, &d) == 0 && (d.st_mode & S_ISVTX) && (d.st_mode & S_IWOTH)) {
		ok = lst->st_uid == geteuid() || lst->st_uid == d.st_uid;
		*dir_uid = d.st_uid;
	}
	free(dir);
	return ok;
}

/*
 * The file a path names once symbolic links are followed, even a link to a
 * file that does not exist yet (so that writing through a link replaces its
 * target and keeps the link). NULL with errno set on failure; with EPERM
 * and *untrusted set to the link's name when a link may not be followed
 * (link_trusted), and its owner and its folder's in *link_uid and *dir_uid.
 */
static char *follow_links(const char *path, char **untrusted, uid_t *link_uid, uid_t *dir_uid)
{
	char *cur = strdup(path);

	for (int hops = 0; cur && hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;   /* not there yet, or not a link: written here */
		if (!link_trusted(cur, &st, dir_uid)) {
			*untrusted = cur;
			*link_uid = st.st_uid;
			errno = EPERM;
			return NULL;
		}
		/* A link's size is its length, except in /proc (0): PATH_MAX at least. */
		size_t cap = (size_t)st.st_size + 1 > PATH_MAX ? (size_t)st.st_size + 1 : PATH_MAX;
		char *dest = malloc(cap);
		ssize_t n = dest ? readlink(cur, dest, cap - 1) : -1;
		if (n < 0) {
			free(dest);
			free(cur);
			return NULL;
		}
		dest[n] = '\0';
		if (dest[0] != '/' && strchr(cur, '/')) {
			/* Relative to the link's own folder. */
			const char *slash = strrchr(cur, '/');
			size_t len = (size_t)(slash - cur + 1) + (size_t)n + 1;
			char *joined = malloc(len);
			if (joined)
				snprintf(joined, len, "%.*s%s", (int)(slash - cur + 1), cur, dest);
			free(dest);
			dest = joined;
		}
		free(cur);
		cur = dest;
	}
	if (cur) {
		free(cur);
		errno = ELOOP;
	}
	return NULL;
}

/*
 * An output stream that remembers why its first write failed: stdio drops a
 * buffer it could not write, and by the time the output is closed errno says
 * nothing (a full disk read "Input/output error"). The descriptor stays at hand
 * for fsync.
 */
struct sink_file {
	int fd;
	int err;                   /* errno of the first failed write; 0 while none */
};

static ssize_t sink_file_write(void *cookie, const char *buf, size_t n)
{
	struct sink_file *f = cookie;
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(f->fd, buf + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (!f->err)
				f->err = w < 0 ? errno : ENOSPC;
			return 0;      /* fopencookie: 0 is a write error */
		}
		done += (size_t)w;
	}
	return (ssize_t)n;
}

static int sink_file_close(void *cookie)
{
	struct sink_file *f = cookie;
	int rc = close(f->fd);

	free(f);
	return rc;
}

/* fd as s->fp; the descriptor is closed with it (or here, on failure). */
static int sink_fdopen(out_sink *s, int fd)
{
	static const cookie_io_functions_t io = { NULL, sink_file_write, NULL, sink_file_close };
	struct sink_file *f = malloc(sizeof *f);

	if (!f || !(s->fp = fopencookie(f, "w", io))) {
		free(f);
		close(fd);
		return -1;
	}
	f->fd = fd;
	f->err = 0;
	s->file = f;
	return 0;
}

/* Why writing s failed: the first write's reason, else errno's, else EIO. */
const char *sink_why(const out_sink *s)
{
	return strerror(s->file && s->file->err ? s->file->err : errno ? errno : EIO);
}

int sink_open(out_sink *s, const char *path, crm_error *err)
{
	struct stat st;
	int fd = -1;

	memset(s, 0, sizeof *s);
	if (!path || !strcmp(path, "-")) {
		s->fp = stdout;
		return 0;
	}
	if (!path[0]) {
		crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "an output file name is empty");
		return -1;
	}
	if (is_input(path)) {
		crm_error_set(err, CRM_EUSAGE, path, 0, 0, "this file is an input of the command: "
			      "writing the output there would replace it (choose another output file)");
		return -1;
	}
	if (!(s->path = strdup(path)))
		goto nomem;
	/* Links are followed only as the kernel's protected_symlinks would (link_trusted). */
	char *untrusted = NULL;
	uid_t link_uid = 0, dir_uid = 0;
	char *target = follow_links(path, &untrusted, &link_uid, &dir_uid);
	if (!target && untrusted) {
		crm_error_set(err, CRM_EIO, path, 0, 0, "not written: %s is a symbolic link owned by "
			      "another user (uid %ld) in a folder that everyone may write to (sticky), "
			      "owned by uid %ld; crmroi follows such a link only when it is yours or "
			      "the folder owner's, as the kernel's protected_symlinks rule does (write to "
			      "the file the link points at instead)", untrusted, (long)link_uid,
			      (long)dir_uid);
		free(untrusted);
		goto fail;
	}
	free(target);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		crm_error_set(err, CRM_EIO, path, 0, 0, "cannot write: it is a directory");
		goto fail;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/*
		 * A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in
		 * place: replacing it with a regular file would break it.
		 */
		if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0 ||
		    sink_fdopen(s, fd) != 0) {
			crm_error_set(err, CRM_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
			fd = -1;
			goto fail;
		}
		return 0;
	}
	/* A regular file, or a new one: written beside its final place, then renamed over it. */
	if (!(target = follow_links(path, &untrusted, &link_uid, &dir_uid))) {
		crm_error_set(err, CRM_EIO, path, 0, 0, "cannot follow the link: %s", strerror(errno));
		goto fail;
	}
	int exists = stat(target, &st) == 0;
	const char *slash = strrchr(target, '/');
	size_t dirlen = slash ? (size_t)(slash - target + 1) : 0;
	s->tmp = malloc(dirlen + 32);
	if (!s->tmp) {
		free(target);
		goto nomem;
	}
	/* A short hidden name, so that a long file name does not make it too long. */
	snprintf(s->tmp, dirlen + 32, "%.*s.crmroi-XXXXXX", (int)dirlen, target);
	s->target = target;
	if ((fd = mkstemp(s->tmp)) < 0) {
		crm_error_set(err, CRM_EIO, path, 0, 0, "cannot create a file beside it: %s",
			      strerror(errno));
		free(s->tmp);
		s->tmp = NULL;
		goto fail;
	}
	if (pending_add(s->tmp) < 0) {
		crm_error_set(err, CRM_EIO, path, 0, 0, "too many output files at once");
		goto fail;
	}
	/* The replaced file's permissions and, where allowed, its owner; else 0666 less the umask. */
	if (exists) {
		if (fchown(fd, st.st_uid, st.st_gid) != 0) {
			/* Not ours to give away: the new file stays ours. */
		}
		fchmod(fd, st.st_mode & 07777);
	} else {
		fchmod(fd, new_file_mode());
	}
	if (sink_fdopen(s, fd) != 0) {
		crm_error_set(err, CRM_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
		fd = -1;   /* closed */
		goto fail;
	}
	return 0;
nomem:
	crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
fail:
	if (fd >= 0 && !s->fp)
		close(fd);
	sink_abort(s);
	return -1;
}

/* Write out everything and close: after this only the rename is left. */
static int sink_finish(out_sink *s, crm_error *err)
{
	int rc = 0;

	if (!s->path) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			crm_error_set(err, CRM_EIO, "<stdout>", 0, 0, "cannot write: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (s->by_path) {
		/* The library wrote and closed the temporary file: to the disk before the rename. */
		int fd = s->tmp ? open(s->tmp, O_RDONLY | O_CLOEXEC) : -1;
		if (s->tmp && (fd < 0 || fsync(fd) != 0)) {
			crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
			if (fd >= 0)
				close(fd);
			return -1;
		}
		if (fd >= 0)
			close(fd);
		return 0;
	}
	if (!s->fp)
		return 0;
	errno = 0;
	if (fflush(s->fp) != 0 || ferror(s->fp) ||
	    (s->tmp && s->file && fsync(s->file->fd) != 0)) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot write: %s", sink_why(s));
		rc = -1;
	}
	errno = 0;
	if (fclose(s->fp) != 0 && rc == 0) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	s->fp = NULL;
	s->file = NULL;   /* freed by fclose */
	return rc;
}

static int sink_publish(out_sink *s, crm_error *err)
{
	int rc = 0;

	if (s->tmp && rename(s->tmp, s->target) != 0) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot replace the file: %s",
			      strerror(errno));
		rc = -1;
	}
	if (rc == 0 && s->tmp) {
		pending_remove(s->tmp);
		free(s->tmp);
		s->tmp = NULL;
	}
	return rc;
}

int sink_commit(out_sink *s, crm_error *err)
{
	out_sink *one[1] = { s };
	return sinks_commit(one, 1, err);
}

int sinks_commit(out_sink *const *s, size_t n, crm_error *err)
{
	int rc = 0;

	/* Everything is written and synced before any file is replaced. */
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = sink_finish(s[i], err);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = sink_publish(s[i], err);
	for (size_t i = 0; i < n; i++)
		sink_abort(s[i]);
	return rc;
}

void sink_abort(out_sink *s)
{
	if (s->path && s->fp)
		fclose(s->fp);
	if (s->tmp) {
		unlink(s->tmp);
		pending_remove(s->tmp);
	}
	free(s->tmp);
	free(s->target);
	free(s->path);
	memset(s, 0, sizeof *s);
}

int sink_open_path(out_sink *s, const char *path, crm_error *err)
{
	if (!path || !strcmp(path, "-")) {
		memset(s, 0, sizeof *s);
		crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "this output is a file: give a file name, "
			      "not standard output");
		return -1;
	}
	if (sink_open(s, path, err) != 0)
		return -1;
	/* The library writes by name: the stream sink_open made is not used. */
	if (s->fp && s->fp != stdout)
		fclose(s->fp);
	s->fp = NULL;
	s->file = NULL;   /* freed by fclose */
	s->by_path = 1;
	return 0;
}

const char *sink_file(const out_sink *s)
{
	return s->tmp ? s->tmp : s->path;
}

int quiet_stderr_begin(void)
{
	int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	fflush(stderr);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	if (null >= 0)
		close(null);
	return saved;
}

void quiet_stderr_end(int saved)
{
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
}

int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* ------------------------------------------------------------ business cases */

int apply_only(crm_scenario *sc, unsigned classes)
{
	char warn[2 * EXPLAIN_CLASSES_LEN];
	size_t skip = strlen(sc->file) + 2;   /* the sentence after "FILE: " */

	if (!classes)
		return 0;
	sc->settings.classes = classes;
	if (!explain_classes_warning(sc, 1, warn, sizeof warn))
		return 0;
	if (crm_warnings_add(&sc->warnings, sc->file, 0, 0, "%s",
			     strlen(warn) > skip ? warn + skip : warn) != CRM_OK)
		return -1;
	return 1;
}

int load_report(report *r, const char *path, int by_month, unsigned classes)
{
	crm_error err;
	crm_scenario *sc;
	crm_case_options opt = { classes != 0, 0 };
	crm_case *c;

	memset(r, 0, sizeof *r);
	crm_error_clear(&err);
	if (!(sc = crm_scenario_load(path, &err)))
		return report_error(&err);
	apply_only(sc, classes);
	inputs_add(sc);
	if (by_month == LOAD_BY_GRID)
		by_month = sc->settings.grid == CRM_GRID_MONTH;
	if (by_month && sc->settings.grid != CRM_GRID_MONTH) {
		fprintf(stderr, "%s: %s: --by month needs the monthly grid, and this scenario is "
			"evaluated by year (add the row setting,period,month)\n", progname, sc->file);
		crm_scenario_free(sc);
		return EXIT_USAGE;
	}
	if (!(c = crm_case_new(sc, &opt, &err))) {
		crm_scenario_free(sc);
		return report_error(&err);
	}
	if (report_init(r, sc, c, by_month, &err) != CRM_OK)
		return report_error(&err);
	return EXIT_OK;
}

/*
 * The scenario as the variant's folder reaches it: a path relative to the
 * folder of out when both can be resolved, the scenario's own path otherwise.
 */
char *cli_base_path(const char *scenario, const char *out)
{
	char *sabs = realpath(scenario, NULL), *odir = NULL, *copy = strdup(out), *rel = NULL;

	if (copy) {
		char *slash = strrchr(copy, '/');
		if (slash)
			*slash = '\0';
		odir = realpath(slash ? (copy[0] ? copy : "/") : ".", NULL);
	}
	if (sabs && odir) {
		/* The common folder, then one .. for each folder of odir below it. */
		size_t common = 0, i = 0;
		for (; sabs[i] && odir[i] && sabs[i] == odir[i]; i++)
			if (sabs[i] == '/')
				common = i;
		if (!odir[i] && sabs[i] == '/')
			common = i;
		size_t ups = 0;
		for (const char *q = odir + common; *q; q++)
			ups += *q == '/';
		size_t len = 3 * ups + strlen(sabs + common) + 2;
		if ((rel = malloc(len))) {
			rel[0] = '\0';
			for (size_t k = 0; k < ups; k++)
				strcat(rel, "../");
			strcat(rel, sabs + common + 1);
		}
	}
	free(sabs);
	free(odir);
	free(copy);
	return rel ? rel : strdup(scenario);
}
