/*
 * store/read_events.c: querying events with filters, applying analysts'
 * corrections on the way out, and recording new corrections.
 * Each event handed to the callback lives only for that call.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "store_impl.h"

static truce_date_precision parse_precision(const char *s)
{
    if (!s) return TRUCE_DATE_UNKNOWN;
    if (!strcmp(s, "day")) return TRUCE_DATE_DAY;
    if (!strcmp(s, "month")) return TRUCE_DATE_MONTH;
    if (!strcmp(s, "year")) return TRUCE_DATE_YEAR;
    if (!strcmp(s, "range")) return TRUCE_DATE_RANGE;
    return TRUCE_DATE_UNKNOWN;
}

static truce_place_precision parse_place_precision(const char *s)
{
    if (!s) return TRUCE_PLACE_UNKNOWN;
    if (!strcmp(s, "point")) return TRUCE_PLACE_POINT;
    if (!strcmp(s, "district")) return TRUCE_PLACE_DISTRICT;
    if (!strcmp(s, "region")) return TRUCE_PLACE_REGION;
    if (!strcmp(s, "country")) return TRUCE_PLACE_COUNTRY;
    return TRUCE_PLACE_UNKNOWN;
}

static truce_certainty parse_certainty(const char *s)
{
    for (int c = TRUCE_CERT_REPORTED; c <= TRUCE_CERT_DENIED; c++)
        if (s && !strcmp(s, truce_certainty_name((truce_certainty)c)))
            return (truce_certainty)c;
    return TRUCE_CERT_REPORTED;
}

static truce_bound parse_bound(const char *s)
{
    for (int b = TRUCE_BOUND_EXACT; b <= TRUCE_BOUND_RANGE; b++)
        if (s && !strcmp(s, truce_bound_name((truce_bound)b)))
            return (truce_bound)b;
    return TRUCE_BOUND_EXACT;
}

static truce_actor_kind parse_kind(const char *s)
{
    for (int k = TRUCE_ACTOR_UNKNOWN; k <= TRUCE_ACTOR_MEDIA; k++)
        if (s && !strcmp(s, truce_actor_kind_name((truce_actor_kind)k)))
            return (truce_actor_kind)k;
    return TRUCE_ACTOR_UNKNOWN;
}

static const char *dup(truce_arena *a, sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? truce_arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

static truce_span col_span(sqlite3_stmt *st, int i)
{
    truce_span sp = { 0, 0 };
    if (sqlite3_column_type(st, i) != SQLITE_NULL) {
        sp.start = (size_t)sqlite3_column_int64(st, i);
        sp.end = (size_t)sqlite3_column_int64(st, i + 1);
    }
    return sp;
}

static bool contains_ci(const char *hay, const char *needle)
{
    if (!hay || !needle)
        return false;
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return true;
    return false;
}

/* The coordinates `truce correct` records beside a place correction the
 * gazetteer resolved: "LAT LON GEONAMES_ID CC PRECISION" (CC "-" when the
 * place has no country). */
typedef struct place_geo {
    double lat, lon;
    long geonames_id;
    char country[3];
    truce_place_precision precision;
} place_geo;

static bool parse_place_geo(const char *value, place_geo *g)
{
    char cc[3], prec[16];
    if (!value || sscanf(value, "%lf %lf %ld %2s %15s", &g->lat, &g->lon, &g->geonames_id, cc, prec) != 5 ||
        g->lat < -90 || g->lat > 90 || g->lon < -180 || g->lon > 180)
        return false;
    if (strcmp(cc, "-") == 0)
        g->country[0] = '\0';
    else
        memcpy(g->country, cc, 3);
    for (int pr = TRUCE_PLACE_POINT; pr <= TRUCE_PLACE_COUNTRY; pr++)
        if (!strcmp(prec, truce_place_precision_name((truce_place_precision)pr))) {
            g->precision = (truce_place_precision)pr;
            return true;
        }
    return false;
}

/* Applies every correction recorded for the event's key, oldest first. */
static bool apply_corrections(truce_store *s, truce_arena *a, truce_stored_event *e)
{
    sqlite3_stmt *st;
    bool deleted = false;
    if (sqlite3_prepare_v2(s->db, "SELECT field, value FROM corrections WHERE event_key=? ORDER BY id", -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, e->key, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *field = (const char *)sqlite3_column_text(st, 0);
        const char *value = dup(a, st, 1);
        e->corrected = true;
        if (!field)
            continue;
        if (!strcmp(field, "deleted"))
            deleted = value && strcmp(value, "0") != 0;
        else if (!strcmp(field, "type") && value) {
            e->ev.type = value;
            e->ev.type_rule = "analyst correction";
        } else if (!strcmp(field, "claimant")) {
            e->ev.claimant = value;
            e->ev.claimant_rule = "analyst correction";
        } else if (!strcmp(field, "certainty") && value) {
            e->ev.certainty = parse_certainty(value);
            e->ev.certainty_rule = "analyst correction";
        } else if (!strcmp(field, "place")) {
            e->ev.place_name = value;
            e->ev.place_written = value;
            e->ev.has_coords = false;
            e->ev.geonames_id = 0;
            e->ev.country[0] = '\0';
            e->ev.place_rule = "analyst correction (no coordinates)";
        } else if (!strcmp(field, "place_geo") && value) {
            place_geo g;
            if (parse_place_geo(value, &g)) {
                e->ev.lat = g.lat;
                e->ev.lon = g.lon;
                e->ev.has_coords = true;
                e->ev.geonames_id = g.geonames_id;
                if (g.country[0])
                    memcpy(e->ev.country, g.country, 3);
                e->ev.place_precision = g.precision;
                e->ev.place_rule = "analyst correction, resolved in the gazetteer";
            }
        } else if (!strcmp(field, "date") && value) {
            /* "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD" */
            snprintf(e->ev.date_start, sizeof e->ev.date_start, "%.10s", value);
            const char *slash = strchr(value, '/');
            snprintf(e->ev.date_end, sizeof e->ev.date_end, "%.10s", slash ? slash + 1 : value);
            e->ev.date_precision = slash ? TRUCE_DATE_RANGE : TRUCE_DATE_DAY;
            e->ev.date_basis = "analyst correction";
        }
    }
    sqlite3_finalize(st);
    return deleted;
}

int truce_store_query_events(truce_store *s, const truce_event_filter *f, truce_event_cb cb,
                             void *ctx, truce_error *err)
{
    static const truce_event_filter none;
    if (!f)
        f = &none;
    sqlite3_stmt *st, *ac, *fi;
    const char *sql =
        "SELECT e.id, e.key, e.doc_id, d.path, d.url, src.name, d.published,"
        " CAST(substr(CASE WHEN d.text_is_raw THEN d.raw ELSE CAST(d.text AS BLOB) END, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS TEXT),"
        " e.sentence, e.evidence_start, e.evidence_end, e.type, e.type_rule, e.trigger_start, e.trigger_end,"
        " e.date_start, e.date_end, e.date_precision, e.date_basis, e.date_span_start, e.date_span_end,"
        " e.place_written, e.place_name, e.geonames_id, e.lat, e.lon, e.country, e.place_precision,"
        " e.place_rule, e.place_span_start, e.place_span_end, e.claimant, e.claimant_rule,"
        " e.claimant_span_start, e.claimant_span_end, e.certainty, e.certainty_rule, d.offset_map, length(d.raw)"
        " FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN sources src ON src.id = d.source_id"
        " WHERE (?1 IS NULL OR e.type = ?1 OR e.type LIKE ?1 || '%')"
        "  AND (?2 IS NULL OR e.doc_id LIKE ?2 || '%')"
        "  AND (?3 = 0 OR e.id = ?3)"
        " ORDER BY coalesce(e.date_start, d.published), e.id";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "query events");
    sqlite3_prepare_v2(s->db, "SELECT name, role, kind, country, start, end, rule FROM event_actors WHERE event_id=? ORDER BY ord", -1, &ac, NULL);
    sqlite3_prepare_v2(s->db, "SELECT value, value_max, what, bound, start, end, rule FROM event_figures WHERE event_id=? ORDER BY ord", -1, &fi, NULL);
    if (f->type_prefix) sqlite3_bind_text(st, 1, f->type_prefix, -1, SQLITE_STATIC);
    if (f->doc) sqlite3_bind_text(st, 2, f->doc, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, f->event_id > 0 ? f->event_id : 0);
    truce_arena *a = truce_arena_new(16384);
    if (!a || !ac || !fi) {
        sqlite3_finalize(st);
        sqlite3_finalize(ac);
        sqlite3_finalize(fi);
        truce_arena_free(a);
        return truce_error_set(err, TRUCE_ENOMEM, s->path, -1, "out of memory");
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        truce_arena_reset(a);
        truce_stored_event e;
        memset(&e, 0, sizeof e);
        int k = 0;
        e.id = sqlite3_column_int64(st, k++);
        snprintf(e.key, sizeof e.key, "%s", (const char *)sqlite3_column_text(st, k++));
        e.doc_id = dup(a, st, k++);
        e.doc_path = dup(a, st, k++);
        e.doc_url = dup(a, st, k++);
        e.source = dup(a, st, k++);
        e.published = dup(a, st, k++);
        e.evidence_text = dup(a, st, k++);
        truce_event *v = &e.ev;
        v->sentence = (uint32_t)sqlite3_column_int64(st, k++);
        v->evidence.start = (size_t)sqlite3_column_int64(st, k++);
        v->evidence.end = (size_t)sqlite3_column_int64(st, k++);
        v->type = dup(a, st, k++);
        v->type_rule = dup(a, st, k++);
        v->trigger = col_span(st, k); k += 2;
        const char *ds = (const char *)sqlite3_column_text(st, k++);
        const char *de = (const char *)sqlite3_column_text(st, k++);
        snprintf(v->date_start, sizeof v->date_start, "%s", ds ? ds : "");
        snprintf(v->date_end, sizeof v->date_end, "%s", de ? de : "");
        v->date_precision = parse_precision((const char *)sqlite3_column_text(st, k++));
        v->date_basis = dup(a, st, k++);
        v->date_span = col_span(st, k); k += 2;
        v->place_written = dup(a, st, k++);
        v->place_name = dup(a, st, k++);
        v->geonames_id = (long)sqlite3_column_int64(st, k++);
        v->has_coords = sqlite3_column_type(st, k) != SQLITE_NULL;
        v->lat = sqlite3_column_double(st, k++);
        v->lon = sqlite3_column_double(st, k++);
        const char *cc = (const char *)sqlite3_column_text(st, k++);
        snprintf(v->country, sizeof v->country, "%s", cc ? cc : "");
        v->place_precision = parse_place_precision((const char *)sqlite3_column_text(st, k++));
        v->place_rule = dup(a, st, k++);
        v->place_span = col_span(st, k); k += 2;
        v->claimant = dup(a, st, k++);
        v->claimant_rule = dup(a, st, k++);
        v->claimant_span = col_span(st, k); k += 2;
        v->certainty = parse_certainty((const char *)sqlite3_column_text(st, k++));
        v->certainty_rule = dup(a, st, k++);
        truce_offset_map map;
        if (truce_offset_map_decode(a, sqlite3_column_blob(st, k), (size_t)sqlite3_column_bytes(st, k),
                                    (size_t)sqlite3_column_int64(st, k + 1), &map) == TRUCE_OK)
            e.evidence_raw = truce_offset_span_to_raw(&map, v->evidence);
        /* actors and figures */
        sqlite3_bind_int64(ac, 1, e.id);
        size_t cap = 0;
        while (sqlite3_step(ac) == SQLITE_ROW) {
            if (v->n_actors == cap) {
                cap = cap ? cap * 2 : 4;
                truce_event_actor *p = truce_arena_grow(a, v->actors, v->n_actors, cap, sizeof *p);
                if (!p)
                    break;
                v->actors = p;
            }
            truce_event_actor *x = &v->actors[v->n_actors++];
            memset(x, 0, sizeof *x);
            x->name = dup(a, ac, 0);
            x->role = dup(a, ac, 1);
            x->kind = parse_kind((const char *)sqlite3_column_text(ac, 2));
            const char *c2 = (const char *)sqlite3_column_text(ac, 3);
            snprintf(x->country, sizeof x->country, "%s", c2 ? c2 : "");
            x->span = col_span(ac, 4);
            x->rule = dup(a, ac, 6);
        }
        sqlite3_reset(ac);
        sqlite3_bind_int64(fi, 1, e.id);
        cap = 0;
        while (sqlite3_step(fi) == SQLITE_ROW) {
            if (v->n_figures == cap) {
                cap = cap ? cap * 2 : 4;
                truce_event_figure *p = truce_arena_grow(a, v->figures, v->n_figures, cap, sizeof *p);
                if (!p)
                    break;
                v->figures = p;
            }
            truce_event_figure *x = &v->figures[v->n_figures++];
            memset(x, 0, sizeof *x);
            x->value = sqlite3_column_double(fi, 0);
            x->value_max = sqlite3_column_double(fi, 1);
            x->what = dup(a, fi, 2);
            x->bound = parse_bound((const char *)sqlite3_column_text(fi, 3));
            x->span = col_span(fi, 4);
            x->rule = dup(a, fi, 6);
        }
        sqlite3_reset(fi);
        if (apply_corrections(s, a, &e))
            continue;
        /* Filters that need the corrected values. */
        if (f->date_from && v->date_end[0] && strcmp(v->date_end, f->date_from) < 0)
            continue;
        if (f->date_to && v->date_start[0] && strcmp(v->date_start, f->date_to) > 0)
            continue;
        if ((f->date_from || f->date_to) && !v->date_start[0])
            continue;
        if (f->place && !contains_ci(v->place_name, f->place) && !contains_ci(v->place_written, f->place))
            continue;
        if (f->has_bbox && (!v->has_coords || v->lon < f->bbox[0] || v->lat < f->bbox[1] ||
                            v->lon > f->bbox[2] || v->lat > f->bbox[3]))
            continue;
        if (f->claimant && !contains_ci(v->claimant, f->claimant))
            continue;
        if (f->actor) {
            bool hit = false;
            for (size_t i = 0; i < v->n_actors && !hit; i++)
                hit = contains_ci(v->actors[i].name, f->actor);
            if (!hit)
                continue;
        }
        if (cb(ctx, &e))
            break;
    }
    rc = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? TRUCE_OK : store_fail(s, err, "query events");
    sqlite3_finalize(st);
    sqlite3_finalize(ac);
    sqlite3_finalize(fi);
    truce_arena_free(a);
    return rc;
}

/* Why a correction's value is refused, or NULL when it is acceptable. */
static const char *invalid_value(const char *field, const char *value)
{
    if (!strcmp(field, "claimant"))
        return NULL;
    if (!value || !*value)
        return "wants a value";
    if (!strcmp(field, "type"))
        return truce_event_type_lookup(value) ? NULL : "is not a type of the vocabulary (docs/EVENTS.md)";
    if (!strcmp(field, "certainty")) {
        for (int c = TRUCE_CERT_REPORTED; c <= TRUCE_CERT_DENIED; c++)
            if (!strcmp(value, truce_certainty_name((truce_certainty)c)))
                return NULL;
        return "is not a certainty (reported, claimed, alleged, planned, denied)";
    }
    if (!strcmp(field, "deleted"))
        return !strcmp(value, "0") || !strcmp(value, "1") ? NULL : "wants 1 or 0";
    if (!strcmp(field, "date")) {
        const char *slash = strchr(value, '/');
        size_t n1 = slash ? (size_t)(slash - value) : strlen(value);
        if (!truce_date_is_iso_day(value, n1) || (slash && !truce_date_is_iso_day(slash + 1, strlen(slash + 1))))
            return "wants YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD, real days";
        if (slash && strncmp(slash + 1, value, 10) < 0)
            return "ends before it starts";
        return NULL;
    }
    if (!strcmp(field, "place_geo")) {
        place_geo g;
        return parse_place_geo(value, &g) ? NULL : "wants \"LAT LON GEONAMES_ID CC PRECISION\"";
    }
    return NULL;
}

int truce_store_correct(truce_store *s, const char *event_key, const char *field,
                        const char *value, const char *analyst, truce_error *err)
{
    static const char *const FIELDS[] = { "type", "date", "place", "place_geo", "claimant", "certainty", "deleted" };
    bool ok = false;
    for (size_t i = 0; i < sizeof FIELDS / sizeof *FIELDS; i++)
        ok = ok || (field && !strcmp(field, FIELDS[i]));
    if (!ok)
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1,
                               "cannot correct field \"%s\" (type, date, place, claimant, certainty, deleted)",
                               field ? field : "");
    const char *why = invalid_value(field, value);
    if (why)
        return truce_error_set(err, TRUCE_EUSAGE, NULL, -1, "correction of %s: \"%s\" %s", field,
                               value ? value : "", why);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "INSERT INTO corrections(event_key, field, value, analyst) VALUES(?,?,?,?)", -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "correction");
    sqlite3_bind_text(st, 1, event_key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
    if (value) sqlite3_bind_text(st, 3, value, -1, SQLITE_STATIC); else sqlite3_bind_null(st, 3);
    if (analyst) sqlite3_bind_text(st, 4, analyst, -1, SQLITE_STATIC); else sqlite3_bind_null(st, 4);
    int rc = sqlite3_step(st) == SQLITE_DONE ? TRUCE_OK : store_fail(s, err, "correction");
    sqlite3_finalize(st);
    return rc;
}
