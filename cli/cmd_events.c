/*
 * cli/cmd_events.c: `truce export`, `truce events`, `truce why`, `truce correct`:
 * reading the event record back out.
 */
#include <stdlib.h>
#include <string.h>

#include "cli_util.h"
#include "commands.h"

static const char FILTER_HELP[] =
    "  --type PREFIX        type or type prefix (conflict. or conflict.shelling)\n"
    "  --from YYYY-MM-DD    events whose date range ends on or after\n"
    "  --to YYYY-MM-DD      events whose date range starts on or before\n"
    "  --place NAME         place name contains NAME\n"
    "  --bbox W,S,E,N       place inside the bounding box (lon/lat degrees)\n"
    "  --actor NAME         some actor's name contains NAME\n"
    "  --claimant NAME      claimant contains NAME\n"
    "  --doc ID             document id prefix\n";

/* Parses the shared filter options; returns 1 if argv[*i] was one. */
static int filter_opt(int argc, char **argv, int *i, truce_event_filter *f)
{
    const char *v;
    if (cli_opt(argc, argv, i, "--type", &f->type_prefix) || cli_opt(argc, argv, i, "--from", &f->date_from) ||
        cli_opt(argc, argv, i, "--to", &f->date_to) || cli_opt(argc, argv, i, "--place", &f->place) ||
        cli_opt(argc, argv, i, "--actor", &f->actor) || cli_opt(argc, argv, i, "--claimant", &f->claimant) ||
        cli_opt(argc, argv, i, "--doc", &f->doc)) {
        if ((f->date_from && !cli_date_valid(argv[0], "--from", f->date_from)) ||
            (f->date_to && !cli_date_valid(argv[0], "--to", f->date_to)))
            exit(EXIT_USAGE);
        return 1;
    }
    if (cli_opt(argc, argv, i, "--bbox", &v)) {
        if (sscanf(v, "%lf,%lf,%lf,%lf", &f->bbox[0], &f->bbox[1], &f->bbox[2], &f->bbox[3]) != 4) {
            fprintf(stderr, "truce: --bbox wants W,S,E,N, not \"%s\"\n", v);
            exit(EXIT_USAGE);
        }
        f->has_bbox = true;
        return 1;
    }
    return 0;
}

typedef struct out_ctx {
    int format; /* 0 jsonl, 1 csv, 2 geojson, 3 table */
    size_t n;
    truce_buf b;
} out_ctx;

static int emit(void *ctx, const truce_stored_event *e)
{
    out_ctx *c = ctx;
    truce_buf_reset(&c->b);
    if (c->format == 0)
        truce_export_jsonl(e, &c->b);
    else if (c->format == 1)
        truce_export_csv(e, &c->b);
    else if (c->format == 2)
        truce_export_geojson_feature(e, c->n == 0, &c->b);
    else {
        const truce_event *v = &e->ev;
        char date[32];
        if (!v->date_start[0])
            snprintf(date, sizeof date, "-");
        else if (v->date_end[0] && strcmp(v->date_start, v->date_end))
            snprintf(date, sizeof date, "%s/%s", v->date_start, v->date_end + 5);
        else
            snprintf(date, sizeof date, "%s", v->date_start);
        truce_buf_printf(&c->b, "%5lld  %-30.30s %-16s %-18.18s ", e->id, v->type, date,
                         v->place_name ? v->place_name : v->place_written ? v->place_written : "-");
        /* actors in a fixed column: a longer list is cut and marked with '+' */
        char actors[27];
        size_t w = 0;
        bool cut = false;
        for (size_t i = 0; i < v->n_actors && !cut; i++) {
            const char *name = v->actors[i].name ? v->actors[i].name : "";
            size_t need = strlen(name) + (i ? 1 : 0);
            if (w + need > 26) {
                /* a first name too long for the column is shown cut */
                if (i == 0)
                    w = (size_t)snprintf(actors, sizeof actors, "%.25s", name) > 25 ? 25 : strlen(actors);
                cut = true;
                break;
            }
            w += (size_t)snprintf(actors + w, sizeof actors - w, "%s%s", i ? "," : "", name);
        }
        if (cut) {
            if (w > 25)
                w = 25;
            actors[w++] = '+';
        }
        actors[w] = '\0';
        truce_buf_printf(&c->b, "%-26s ", actors);
        for (size_t i = 0; i < v->n_figures; i++)
            truce_buf_printf(&c->b, "%s%.0f %s", i ? "," : "", v->figures[i].value, v->figures[i].what ? v->figures[i].what : "");
        truce_buf_printf(&c->b, "  [%s%s%s]\n", truce_certainty_name(v->certainty), v->claimant ? "; " : "",
                         v->claimant ? v->claimant : "");
    }
    fwrite(c->b.data, 1, c->b.len, stdout);
    c->n++;
    return c->b.failed ? 1 : 0;
}

static int run_query(const char *cmd, const char *db, const truce_event_filter *f, int format)
{
    truce_store *s;
    int rc = cli_open_store(db, &s);
    if (rc)
        return rc;
    out_ctx c = { format, 0, { NULL, 0, 0, false } };
    truce_buf_init(&c.b);
    if (format == 1) {
        truce_export_csv_header(&c.b);
        fwrite(c.b.data, 1, c.b.len, stdout);
    } else if (format == 2) {
        fputs("{\"type\":\"FeatureCollection\",\"features\":[", stdout);
    } else if (format == 3) {
        printf("%5s  %-30s %-16s %-18s %-26s %s\n", "id", "type", "date", "place", "actors", "figures  [certainty; claimant]");
    }
    truce_error err;
    truce_error_clear(&err);
    rc = truce_store_query_events(s, f, emit, &c, &err);
    if (format == 2)
        fputs("\n]}\n", stdout);
    truce_buf_free(&c.b);
    truce_store_close(s);
    if (rc) {
        cli_error(cmd, &err);
        return EXIT_FATAL;
    }
    fprintf(stderr, "truce %s: %zu events\n", cmd, c.n);
    return 0;
}

static const char EXPORT_HELP[] =
    "usage: truce export [--db FILE] [--format jsonl|csv|geojson] [FILTERS]\n"
    "\n"
    "Writes events to stdout. jsonl fields: id, key, doc, doc_id, source, type,\n"
    "acled{event_type,sub_event_type}, cameo,\n"
    "date{start,end,precision}, place{name (as written),resolved,lat,lon,geonames_id,country,precision},\n"
    "actors[{name,role,kind}], figures[{value,what,bound}], claimant, certainty,\n"
    "evidence{text,start,end} (byte offsets in the original document), corrected.\n"
    "csv uses ACLED's column names where they apply; geojson is a FeatureCollection.\n"
    "Filters:\n";

int truce_cmd_export(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        printf("%s%s", EXPORT_HELP, FILTER_HELP);
        return 0;
    }
    const char *db = cli_default_db(), *fmt = "jsonl";
    truce_event_filter f;
    memset(&f, 0, sizeof f);
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &db) || cli_opt(argc, argv, &i, "--format", &fmt) ||
            filter_opt(argc, argv, &i, &f))
            continue;
        fprintf(stderr, "truce export: unknown argument %s\n%s%s", argv[i], EXPORT_HELP, FILTER_HELP);
        return EXIT_USAGE;
    }
    int format = !strcmp(fmt, "jsonl") ? 0 : !strcmp(fmt, "csv") ? 1 : !strcmp(fmt, "geojson") ? 2 : -1;
    if (format < 0) {
        fprintf(stderr, "truce export: unknown format \"%s\" (jsonl, csv, geojson)\n", fmt);
        return EXIT_USAGE;
    }
    return run_query("export", db, &f, format);
}

static const char EVENTS_HELP[] =
    "usage: truce events [--db FILE] [--json] [FILTERS]\n"
    "\n"
    "Prints a table of events: id, type, date, place, actors, figures, certainty, claimant.\n"
    "--json prints JSON Lines as `truce export` does.\n"
    "Filters:\n";

int truce_cmd_events(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        printf("%s%s", EVENTS_HELP, FILTER_HELP);
        return 0;
    }
    const char *db = cli_default_db();
    truce_event_filter f;
    memset(&f, 0, sizeof f);
    int format = 3;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &db) || filter_opt(argc, argv, &i, &f))
            continue;
        if (!strcmp(argv[i], "--json")) {
            format = 0;
            continue;
        }
        fprintf(stderr, "truce events: unknown argument %s\n%s%s", argv[i], EVENTS_HELP, FILTER_HELP);
        return EXIT_USAGE;
    }
    return run_query("events", db, &f, format);
}

static void span_line(const char *label, const char *text, size_t tlen, size_t ev_start, truce_span sp,
                      const char *rule, const char *value)
{
    printf("  %-10s %s", label, value ? value : "-");
    if (sp.end > sp.start && sp.start >= ev_start && sp.end - ev_start <= tlen)
        printf("   from \"%.*s\" [%zu-%zu]", (int)(sp.end - sp.start), text + (sp.start - ev_start), sp.start, sp.end);
    else if (sp.end > sp.start)
        printf("   [%zu-%zu, outside the sentence]", sp.start, sp.end);
    printf("%s%s\n", rule ? "   rule: " : "", rule ? rule : "");
}

static int explain(void *ctx, const truce_stored_event *e)
{
    ++*(size_t *)ctx;
    const truce_event *v = &e->ev;
    const char *t = e->evidence_text ? e->evidence_text : "";
    size_t tl = strlen(t), st = v->evidence.start;
    printf("event %lld (%s)%s\n", e->id, e->key, e->corrected ? "  [corrected by an analyst]" : "");
    printf("document  %s  %s\n", e->doc_id, e->doc_path ? e->doc_path : e->doc_url ? e->doc_url : "");
    printf("sentence  %u, text bytes %zu-%zu, original bytes %zu-%zu:\n  %s\n\n", v->sentence, v->evidence.start,
           v->evidence.end, e->evidence_raw.start, e->evidence_raw.end, t);
    span_line("type", t, tl, st, v->trigger, v->type_rule, v->type);
    char date[64];
    if (v->date_start[0])
        snprintf(date, sizeof date, "%s..%s (%s)", v->date_start, v->date_end, truce_date_precision_name(v->date_precision));
    else
        snprintf(date, sizeof date, "unknown");
    span_line("date", t, tl, st, v->date_span, v->date_basis, date);
    char place[256];
    if (v->place_name || v->place_written)
        snprintf(place, sizeof place, "%s (geonames %ld, %.4f,%.4f, %s)", v->place_name ? v->place_name : v->place_written,
                 v->geonames_id, v->lat, v->lon, truce_place_precision_name(v->place_precision));
    else
        snprintf(place, sizeof place, "unknown");
    span_line("place", t, tl, st, v->place_span, v->place_rule, place);
    for (size_t i = 0; i < v->n_actors; i++) {
        char val[256];
        snprintf(val, sizeof val, "%s (%s, %s%s%s)", v->actors[i].name, v->actors[i].role,
                 truce_actor_kind_name(v->actors[i].kind), v->actors[i].country[0] ? ", " : "", v->actors[i].country);
        span_line("actor", t, tl, st, v->actors[i].span, v->actors[i].rule, val);
    }
    for (size_t i = 0; i < v->n_figures; i++) {
        char val[128];
        snprintf(val, sizeof val, "%.15g %s (%s)", v->figures[i].value, v->figures[i].what ? v->figures[i].what : "",
                 truce_bound_name(v->figures[i].bound));
        span_line("figure", t, tl, st, v->figures[i].span, v->figures[i].rule, val);
    }
    span_line("claimant", t, tl, st, v->claimant_span, v->claimant_rule, v->claimant);
    span_line("certainty", t, tl, st, (truce_span){ 0, 0 }, v->certainty_rule, truce_certainty_name(v->certainty));
    putchar('\n');
    return 0;
}

static const char WHY_HELP[] =
    "usage: truce why [--db FILE] EVENT\n"
    "\n"
    "Explains an event (its numeric id from `truce events`): the sentence, the spans\n"
    "used, and for each field the rule or basis that produced it.\n";

int truce_cmd_why(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(WHY_HELP, stdout);
        return 0;
    }
    const char *db = cli_default_db();
    truce_event_filter f;
    memset(&f, 0, sizeof f);
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &db))
            continue;
        char *end;
        long long id = strtoll(argv[i], &end, 10);
        if (*end || id <= 0 || f.event_id) {
            fprintf(stderr, "truce why: unexpected argument %s\n%s", argv[i], WHY_HELP);
            return EXIT_USAGE;
        }
        f.event_id = id;
    }
    if (!f.event_id) {
        fprintf(stderr, "truce why: no EVENT given\n%s", WHY_HELP);
        return EXIT_USAGE;
    }
    truce_store *s;
    int rc = cli_open_store(db, &s);
    if (rc)
        return rc;
    truce_error err;
    truce_error_clear(&err);
    size_t n = 0;
    rc = truce_store_query_events(s, &f, explain, &n, &err);
    truce_store_close(s);
    if (rc) {
        cli_error("why", &err);
        return EXIT_FATAL;
    }
    if (n == 0) {
        fprintf(stderr, "truce why: no event %lld\n", f.event_id);
        return EXIT_NOTFOUND;
    }
    return 0;
}

static const char CORRECT_HELP[] =
    "usage: truce correct [--db FILE] [--analyst NAME] EVENT FIELD VALUE\n"
    "\n"
    "Records an analyst's correction of an event. FIELD is type, date (YYYY-MM-DD or\n"
    "YYYY-MM-DD/YYYY-MM-DD), place, claimant, certainty or deleted (1/0). Corrections\n"
    "are kept by the event's stable key, so they survive re-ingesting and re-extraction.\n"
    "A value outside the vocabulary (type, certainty) or the calendar (date) is refused\n"
    "with exit 2. A corrected place is looked up in the gazetteer and keeps its\n"
    "coordinates when the whole name is one place; `truce why` shows the correction as\n"
    "the field's rule.\n";

/* A corrected place name looked up in the gazetteer: when the whole name
 * is one place, its coordinates as "LAT LON GEONAMES_ID CC PRECISION". */
static bool resolve_place(const char *name, char *out, size_t cap)
{
    truce_gazetteer *g = NULL;
    truce_error err;
    truce_error_clear(&err);
    if (truce_gazetteer_open(NULL, &g, &err) != TRUCE_OK)
        return false;
    truce_arena *a = truce_arena_new(16 * 1024);
    bool ok = false;
    truce_place_list pl;
    size_t n = strlen(name);
    if (a && truce_read_places(a, g, name, n, NULL, &pl, &err) == TRUCE_OK && pl.n == 1 &&
        pl.items[0].span.start == 0 && pl.items[0].span.end == n) {
        const truce_place_mention *m = &pl.items[0];
        snprintf(out, cap, "%.5f %.5f %ld %s %s", m->lat, m->lon, m->geonames_id,
                 m->country[0] ? m->country : "-", truce_place_precision_name(m->precision));
        ok = true;
    }
    truce_arena_free(a);
    truce_gazetteer_close(g);
    return ok;
}

static int find_key(void *ctx, const truce_stored_event *e)
{
    snprintf((char *)ctx, 96, "%s", e->key);
    return 1;
}

int truce_cmd_correct(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(CORRECT_HELP, stdout);
        return 0;
    }
    const char *db = cli_default_db(), *analyst = NULL;
    const char *pos[3] = { NULL, NULL, NULL };
    int np = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &db) || cli_opt(argc, argv, &i, "--analyst", &analyst))
            continue;
        if (np == 3) {
            fprintf(stderr, "truce correct: too many arguments\n%s", CORRECT_HELP);
            return EXIT_USAGE;
        }
        pos[np++] = argv[i];
    }
    if (np != 3) {
        fprintf(stderr, "truce correct: wants EVENT FIELD VALUE\n%s", CORRECT_HELP);
        return EXIT_USAGE;
    }
    if (!strcmp(pos[1], "date")) {
        /* one day or "start/end", each a real date */
        char a[11] = "", b[11] = "";
        const char *slash = strchr(pos[2], '/');
        size_t la = slash ? (size_t)(slash - pos[2]) : strlen(pos[2]);
        if (la < sizeof a)
            memcpy(a, pos[2], la);
        if (slash && strlen(slash + 1) < sizeof b)
            memcpy(b, slash + 1, strlen(slash + 1));
        if (!cli_date_valid("correct", "date", la < sizeof a ? a : pos[2]) ||
            (slash && !cli_date_valid("correct", "date", b[0] ? b : slash + 1)))
            return EXIT_USAGE;
    }
    truce_store *s;
    int rc = cli_open_store(db, &s);
    if (rc)
        return rc;
    truce_event_filter f;
    memset(&f, 0, sizeof f);
    f.event_id = strtoll(pos[0], NULL, 10);
    char key[96] = "";
    truce_error err;
    truce_error_clear(&err);
    if (f.event_id > 0)
        truce_store_query_events(s, &f, find_key, key, &err);
    if (!key[0]) {
        fprintf(stderr, "truce correct: no event %s\n", pos[0]);
        truce_store_close(s);
        return EXIT_NOTFOUND;
    }
    if (!strcmp(pos[1], "place_geo")) {
        fprintf(stderr, "truce correct: place_geo is recorded by a place correction, not given\n");
        truce_store_close(s);
        return EXIT_USAGE;
    }
    rc = truce_store_correct(s, key, pos[1], pos[2], analyst, &err);
    if (rc == TRUCE_OK && !strcmp(pos[1], "place")) {
        char geo[128];
        if (resolve_place(pos[2], geo, sizeof geo))
            rc = truce_store_correct(s, key, "place_geo", geo, analyst, &err);
        else
            fprintf(stderr, "truce correct: \"%s\" is not in the gazetteer; the place is recorded without coordinates\n",
                    pos[2]);
    }
    truce_store_close(s);
    if (rc) {
        cli_error("correct", &err);
        return rc == TRUCE_EUSAGE ? EXIT_USAGE : EXIT_FATAL;
    }
    fprintf(stderr, "truce correct: %s %s = %s recorded\n", key, pos[1], pos[2]);
    return 0;
}

static const char INCIDENTS_HELP[] =
    "usage: truce incidents [--db FILE]\n"
    "\n"
    "Groups stored events from different sources into incidents (same type, overlapping\n"
    "dates, agreeing place and actors; reposts count once) and prints one JSON object a\n"
    "line for each incident told by two or more sources, with each source's claimant,\n"
    "certainty, figures and evidence side by side.\n";

static int print_json(void *ctx, const char *json, size_t len)
{
    ++*(size_t *)ctx;
    fwrite(json, 1, len, stdout);
    putchar('\n');
    return 0;
}

int truce_cmd_incidents(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        fputs(INCIDENTS_HELP, stdout);
        return 0;
    }
    const char *db = cli_default_db();
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &db))
            continue;
        fprintf(stderr, "truce incidents: unknown argument %s\n%s", argv[i], INCIDENTS_HELP);
        return EXIT_USAGE;
    }
    truce_store *s;
    int rc = cli_open_store(db, &s);
    if (rc)
        return rc;
    truce_error err;
    truce_error_clear(&err);
    size_t n = 0, shown = 0;
    if (truce_store_merge(s, &n, &err) != TRUCE_OK || truce_store_incidents(s, print_json, &shown, &err) != TRUCE_OK) {
        cli_error("incidents", &err);
        truce_store_close(s);
        return EXIT_FATAL;
    }
    truce_store_close(s);
    fprintf(stderr, "truce incidents: %zu incidents, %zu told by two or more sources\n", n, shown);
    return 0;
}
