/* cli/cli_util.h: option helpers shared by the subcommands. */
#ifndef TRUCE_CLI_UTIL_H
#define TRUCE_CLI_UTIL_H

#include <stdbool.h>
#include <stdio.h>

#include "truce/store.h"

/* Matches "--name VALUE" or "--name=VALUE"; advances *i past the value. */
bool cli_opt(int argc, char **argv, int *i, const char *name, const char **value);
const char *cli_default_db(void);
int cli_open_store(const char *path, truce_store **s);
void cli_error(const char *cmd, const truce_error *err);
bool cli_wants_help(int argc, char **argv);
/* A calendar date YYYY-MM-DD that exists (no 2020-13-45, no 2021-02-29);
 * otherwise prints why, naming the command and option, and returns false
 * (the caller exits with EXIT_USAGE). */
bool cli_date_valid(const char *cmd, const char *opt, const char *v);

#endif
