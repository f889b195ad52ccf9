/*
 * cli/truce.c: the truce program. Parses the subcommand and hands over; all
 * work is in libtruce. Data goes to stdout, messages to stderr.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "truce/common.h"

static const char USAGE[] =
    "usage: truce COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Turns news reports into a sourced, dated, geocoded event record.\n"
    "\n"
    "commands:\n"
    "  ingest    read text, HTML, WARC and feed files into the store\n"
    "  docs      list stored documents with their counts\n"
    "  show      print a document with sentence boundaries and skipped regions\n"
    "  events    list events, filtered by type, date, place, actor, claimant\n"
    "  export    write events as JSON Lines, CSV (ACLED columns) or GeoJSON\n"
    "  why       explain an event: its sentence, spans and the rule behind each field\n"
    "  correct   record an analyst's correction to an event (kept across re-runs)\n"
    "  incidents group events from several sources into incidents, figures side by side\n"
    "  annotate  print the dates, numbers, places and actors read from a text\n"
    "  extract   print the article extracted from an HTML page\n"
    "\n"
    "`truce COMMAND --help` describes each command.\n"
    "The store is ./truce.db unless --db FILE or $TRUCE_DB names another.\n"
    "\n"
    "exit codes:\n"
    "  0  success\n"
    "  1  ran, but some inputs were refused (each reported on stderr)\n"
    "  2  bad command line\n"
    "  3  fatal: the store could not be opened or written, out of memory\n"
    "  4  the named document or event does not exist\n";

int truce_cmd_correct(int argc, char **argv);
int truce_cmd_incidents(int argc, char **argv);

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("truce %s\n", TRUCE_VERSION);
        return 0;
    }
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } CMDS[] = {
        { "ingest", truce_cmd_ingest },     { "docs", truce_cmd_docs },
        { "show", truce_cmd_show },         { "export", truce_cmd_export },
        { "events", truce_cmd_events },     { "why", truce_cmd_why },
        { "annotate", truce_cmd_annotate }, { "extract", truce_cmd_extract },
        { "correct", truce_cmd_correct },   { "incidents", truce_cmd_incidents },
    };
    for (size_t i = 0; i < sizeof CMDS / sizeof *CMDS; i++)
        if (!strcmp(cmd, CMDS[i].name))
            return CMDS[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "truce: unknown command \"%s\"\n\n%s", cmd, USAGE);
    return EXIT_USAGE;
}
