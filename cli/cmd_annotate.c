/*
 * cli/cmd_annotate.c: `truce annotate`: the read stage on one text, as JSON
 * Lines, one mention a line, with byte offsets into the input as given.
 */
#include <stdlib.h>
#include <string.h>

#include "cli_util.h"
#include "commands.h"
#include "truce/pipeline.h"

static const char HELP[] =
    "usage: truce annotate [--date YYYY-MM-DD] [--data DIR] FILE|-\n"
    "\n"
    "Prints one JSON object a line for every mention read from the text: kind (date,\n"
    "number, place, actor), text, start, end (byte offsets into the input as given),\n"
    "sentence, and the resolved fields: dates date{start,end}, precision, time (of day,\n"
    "\"14:45\", \"14:45Z\" or a part of the day MO/AF/EV/NI, null when none), basis,\n"
    "duration, future, open_end; numbers value (value_max for a range), bound, what;\n"
    "places name, geonames_id, lat, lon, country, feature_class, precision; actors\n"
    "name, actor_kind, country; every mention its basis (why it was read so).\n"
    "--date sets the reference (document) date; without it the date is inferred from\n"
    "the text. The first line, kind \"document\", gives the reference date the dates\n"
    "were resolved against (null when none), its basis and its precision (day, or\n"
    "year for a copyright year alone: relative dates then stay at year precision).\n";

static unsigned char *read_all(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    unsigned char *b = malloc(cap);
    while (b) {
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
        if (n == cap) {
            unsigned char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                return NULL;
            }
            b = nb;
            cap *= 2;
        }
    }
    *len = n;
    return b;
}

static void head(truce_buf *b, const char *kind, const truce_document *d, truce_span sp, uint32_t sent)
{
    truce_span raw = truce_offset_span_to_raw(&d->map, sp);
    truce_buf_printf(b, "{\"kind\":\"%s\",\"text\":", kind);
    truce_buf_json_string(b, d->text + sp.start, sp.end - sp.start);
    truce_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"sentence\":%u", raw.start, raw.end, sent);
}

static void str_field(truce_buf *b, const char *k, const char *v)
{
    truce_buf_printf(b, ",\"%s\":", k);
    truce_buf_json_text(b, v);
}

int truce_cmd_annotate(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(HELP, stdout);
        return 0;
    }
    const char *date = NULL, *file = NULL, *data = NULL;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--date", &date) || cli_opt(argc, argv, &i, "--data", &data))
            continue;
        if ((argv[i][0] == '-' && argv[i][1]) || file) {
            fprintf(stderr, "truce annotate: unexpected argument %s\n%s", argv[i], HELP);
            return EXIT_USAGE;
        }
        file = argv[i];
    }
    if (!file) {
        fprintf(stderr, "truce annotate: no FILE given (use - for stdin)\n%s", HELP);
        return EXIT_USAGE;
    }
    if (date && !cli_date_valid("annotate", "--date", date))
        return EXIT_USAGE;
    FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
    if (!f) {
        perror(file);
        return EXIT_SOME_FAILED;
    }
    size_t len;
    unsigned char *raw = read_all(f, &len);
    if (f != stdin)
        fclose(f);
    if (!raw)
        return EXIT_FATAL;
    truce_resources res;
    truce_error err;
    truce_error_clear(&err);
    truce_resources_open(data, &res, &err);
    if (err.code == TRUCE_ENOTFOUND)
        fprintf(stderr, "truce annotate: warning: %s\n", err.msg);
    truce_error_clear(&err);
    truce_arena *a = truce_arena_new(0);
    truce_doc_meta meta;
    memset(&meta, 0, sizeof meta);
    meta.path = strcmp(file, "-") ? file : "(stdin)";
    meta.published = date;
    truce_processed p;
    int rc = a ? truce_process(a, &res, raw, len, &meta, TRUCE_FORMAT_TEXT, NULL, &p, &err) : TRUCE_ENOMEM;
    if (rc) {
        cli_error("annotate", &err);
        truce_arena_free(a);
        truce_resources_close(&res);
        free(raw);
        return rc == TRUCE_EINPUT ? EXIT_SOME_FAILED : EXIT_FATAL;
    }
    const truce_reading *r = &p.reading;
    const truce_document *d = &p.doc;
    truce_buf b;
    truce_buf_init(&b);
    /* the reference every relative date was resolved against, and why */
    truce_buf_puts(&b, "{\"kind\":\"document\"");
    str_field(&b, "date", d->meta.published);
    str_field(&b, "basis", d->meta.published ? (d->published_basis ? d->published_basis : "metadata")
                                             : "no date in metadata or text");
    str_field(&b, "precision", d->meta.published ? truce_date_precision_name(truce_read_infer_precision(
                                                       d->published_basis))
                                                 : NULL);
    truce_buf_puts(&b, "}\n");
    for (size_t i = 0; i < r->dates.n; i++) {
        const truce_date_mention *m = &r->dates.items[i];
        head(&b, "date", d, m->span, m->sentence);
        /* "start"/"end" already name the byte offsets: the resolved range nests. */
        truce_buf_puts(&b, ",\"date\":{\"start\":");
        if (m->start[0]) truce_buf_json_string(&b, m->start, strlen(m->start)); else truce_buf_puts(&b, "null");
        truce_buf_puts(&b, ",\"end\":");
        if (m->end[0]) truce_buf_json_string(&b, m->end, strlen(m->end)); else truce_buf_puts(&b, "null");
        truce_buf_puts(&b, "}");
        str_field(&b, "precision", truce_date_precision_name(m->precision));
        str_field(&b, "time", m->time[0] ? m->time : NULL);
        str_field(&b, "basis", m->basis);
        truce_buf_printf(&b, ",\"duration\":%s,\"future\":%s,\"open_end\":%s}\n",
                         m->is_duration ? "true" : "false", m->future ? "true" : "false",
                         m->open_end ? "true" : "false");
    }
    for (size_t i = 0; i < r->numbers.n; i++) {
        const truce_number_mention *m = &r->numbers.items[i];
        head(&b, "number", d, m->span, m->sentence);
        truce_buf_printf(&b, ",\"value\":%.15g", m->value);
        if (m->bound == TRUCE_BOUND_RANGE)
            truce_buf_printf(&b, ",\"value_max\":%.15g", m->value_max);
        str_field(&b, "bound", truce_bound_name(m->bound));
        str_field(&b, "what", m->what);
        truce_buf_puts(&b, "}\n");
    }
    for (size_t i = 0; i < r->places.n; i++) {
        const truce_place_mention *m = &r->places.items[i];
        head(&b, "place", d, m->span, m->sentence);
        str_field(&b, "name", m->name);
        if (m->geonames_id)
            truce_buf_printf(&b, ",\"geonames_id\":%ld", m->geonames_id);
        else
            truce_buf_puts(&b, ",\"geonames_id\":null");
        truce_buf_printf(&b, ",\"lat\":%.5f,\"lon\":%.5f", m->lat, m->lon);
        str_field(&b, "country", m->country[0] ? m->country : NULL);
        char fc[2] = { m->feature_class, 0 };
        str_field(&b, "feature_class", fc[0] ? fc : NULL);
        str_field(&b, "precision", truce_place_precision_name(m->precision));
        if (m->metonym) truce_buf_puts(&b, ",\"metonym\":true"); /* a capital standing for its government */
        str_field(&b, "basis", m->basis);
        truce_buf_puts(&b, "}\n");
    }
    for (size_t i = 0; i < r->actors.n; i++) {
        const truce_actor_mention *m = &r->actors.items[i];
        head(&b, "actor", d, m->span, m->sentence);
        str_field(&b, "name", m->name);
        str_field(&b, "actor_kind", truce_actor_kind_name(m->kind));
        str_field(&b, "country", m->country[0] ? m->country : NULL);
        /* "basis" as for every other kind (the reader calls it its rule) */
        str_field(&b, "basis", m->rule);
        truce_buf_puts(&b, "}\n");
    }
    fwrite(b.data ? b.data : "", 1, b.len, stdout);
    rc = b.failed ? EXIT_FATAL : 0;
    truce_buf_free(&b);
    truce_arena_free(a);
    truce_resources_close(&res);
    free(raw);
    return rc;
}
