/* cli/cli_util.c: option parsing and error printing shared by the subcommands. */
#include <stdlib.h>
#include <string.h>

#include "cli_util.h"
#include "commands.h"

bool cli_opt(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return false;
    if (a[n] == '=') {
        *value = a + n + 1;
        return true;
    }
    if (a[n] != '\0')
        return false;
    if (*i + 1 >= argc) {
        fprintf(stderr, "truce: %s needs a value\n", name);
        exit(EXIT_USAGE);
    }
    *value = argv[++*i];
    return true;
}

const char *cli_default_db(void)
{
    const char *e = getenv("TRUCE_DB");
    return e && *e ? e : "truce.db";
}

void cli_error(const char *cmd, const truce_error *err)
{
    if (err->doc[0] && err->offset >= 0)
        fprintf(stderr, "truce %s: %s (at %lld): %s\n", cmd, err->doc, err->offset, err->msg);
    else if (err->doc[0])
        fprintf(stderr, "truce %s: %s: %s\n", cmd, err->doc, err->msg);
    else
        fprintf(stderr, "truce %s: %s\n", cmd, err->msg);
}

int cli_open_store(const char *path, truce_store **s)
{
    truce_error err;
    truce_error_clear(&err);
    if (truce_store_open(path, s, &err) != TRUCE_OK) {
        cli_error("store", &err);
        return EXIT_FATAL;
    }
    return 0;
}

bool cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return true;
    return false;
}

bool cli_date_valid(const char *cmd, const char *opt, const char *v)
{
    bool ok = v && truce_date_is_iso_day(v, strlen(v));
    if (!ok)
        fprintf(stderr, "truce %s: %s wants a real date YYYY-MM-DD, not \"%s\"\n", cmd, opt,
                v ? v : "");
    return ok;
}
