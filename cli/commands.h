/*
 * cli/commands.h: the truce program's subcommands. Each lives in its own
 * cli/cmd_<name>.c, parses its own options, calls libtruce, and returns the
 * process exit status (see truce --help for the codes).
 */
#ifndef TRUCE_CLI_COMMANDS_H
#define TRUCE_CLI_COMMANDS_H

/* Exit codes, documented in `truce --help` and README. */
enum {
    EXIT_OK_ = 0,
    EXIT_SOME_FAILED = 1,  /* ran, but some inputs were refused */
    EXIT_USAGE = 2,        /* bad command line */
    EXIT_FATAL = 3,        /* could not open the store, out of memory... */
    EXIT_NOTFOUND = 4,     /* the named document or event does not exist */
};

int truce_cmd_ingest(int argc, char **argv);
int truce_cmd_docs(int argc, char **argv);
int truce_cmd_show(int argc, char **argv);
int truce_cmd_export(int argc, char **argv);
int truce_cmd_events(int argc, char **argv);
int truce_cmd_why(int argc, char **argv);
int truce_cmd_annotate(int argc, char **argv);
int truce_cmd_extract(int argc, char **argv);

#endif
