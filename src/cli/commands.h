/*
 * commands.h - the command table and help: now in options.h.
 */
#include "options.h"
