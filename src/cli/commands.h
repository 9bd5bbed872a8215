/*
 * commands.h - the command table and per-command help.
 */
#ifndef CRMROI_COMMANDS_H
#define CRMROI_COMMANDS_H

#include <stdio.h>

struct opt_doc {
	const char *flags;
	const char *text;
};

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	const char *usage;
	const struct opt_doc *opts;
};

extern const struct command commands[];
const struct command *find_command(const char *name);
void print_command_help(const struct command *c, FILE *fp);
int cmd_help(int argc, char **argv);

#endif
