/*
 * store/export.c: events as JSON Lines, CSV in ACLED's columns, and GeoJSON.
 * Pure formatting: takes a stored event, appends text to a buffer.
 * Evidence offsets are byte offsets in the ORIGINAL document bytes, so an
 * export line leads straight back to the source file.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "truce/store.h"

static const char *doc_name(const truce_stored_event *e)
{
    return e->doc_path ? e->doc_path : e->doc_url ? e->doc_url : e->doc_id;
}

static void place_json(truce_buf *b, const truce_event *v)
{
    if (!v->place_name && !v->place_written) {
        truce_buf_puts(b, "null");
        return;
    }
    /* "name" is the place as the report wrote it (what an analyst searches
     * for: Stepanakert, not GeoNames' Xankandi); "resolved" is the gazetteer's
     * name for the entry the coordinates and id belong to. */
    truce_buf_puts(b, "{\"name\":");
    truce_buf_json_text(b, v->place_written ? v->place_written : v->place_name);
    truce_buf_puts(b, ",\"resolved\":");
    truce_buf_json_text(b, v->place_name);
    if (v->has_coords)
        truce_buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f", v->lat, v->lon);
    else
        truce_buf_puts(b, ",\"lat\":null,\"lon\":null");
    if (v->geonames_id)
        truce_buf_printf(b, ",\"geonames_id\":%ld", v->geonames_id);
    else
        truce_buf_puts(b, ",\"geonames_id\":null");
    truce_buf_printf(b, ",\"country\":%s%s%s,\"precision\":\"%s\"}", v->country[0] ? "\"" : "",
                     v->country[0] ? v->country : "null", v->country[0] ? "\"" : "",
                     truce_place_precision_name(v->place_precision));
}

/* ACLED's sub-event type for this event: taking ground is "Government
 * regains territory" unless the side taking it is a non-state armed group. */
static const char *acled_sub_event(const truce_event *v, const truce_event_type_info *ti)
{
    if (!ti) return NULL;
    if (!strcmp(v->type, "conflict.territory_taken"))
        for (size_t i = 0; i < v->n_actors; i++)
            if (v->actors[i].role && !strcmp(v->actors[i].role, "actor1"))
                return v->actors[i].kind == TRUCE_ACTOR_GROUP ? "Non-state actor overtakes territory"
                                                             : ti->acled_sub_event_type;
    return ti->acled_sub_event_type;
}

static void number(truce_buf *b, double v)
{
    if (isfinite(v) && v == floor(v) && fabs(v) < 1e15)
        truce_buf_printf(b, "%.0f", v);
    else if (isfinite(v))
        truce_buf_printf(b, "%.6g", v);
    else
        truce_buf_puts(b, "null");
}

int truce_export_jsonl(const truce_stored_event *e, truce_buf *b)
{
    const truce_event *v = &e->ev;
    truce_buf_printf(b, "{\"id\":%lld,\"key\":", e->id);
    truce_buf_json_text(b, e->key);
    truce_buf_puts(b, ",\"doc\":");
    truce_buf_json_text(b, doc_name(e));
    truce_buf_puts(b, ",\"doc_id\":");
    truce_buf_json_text(b, e->doc_id);
    truce_buf_puts(b, ",\"source\":");
    truce_buf_json_text(b, e->source);
    truce_buf_puts(b, ",\"type\":");
    truce_buf_json_text(b, v->type);
    const truce_event_type_info *ti = truce_event_type_lookup(v->type);
    truce_buf_puts(b, ",\"acled\":");
    if (ti) {
        truce_buf_puts(b, "{\"event_type\":");
        truce_buf_json_text(b, ti->acled_event_type);
        truce_buf_puts(b, ",\"sub_event_type\":");
        truce_buf_json_text(b, acled_sub_event(v, ti));
        truce_buf_puts(b, "},\"cameo\":");
        truce_buf_json_text(b, ti->cameo_root);
    } else {
        truce_buf_puts(b, "null,\"cameo\":null");
    }
    if (v->date_start[0])
        truce_buf_printf(b, ",\"date\":{\"start\":\"%s\",\"end\":\"%s\",\"precision\":\"%s\"}", v->date_start,
                         v->date_end[0] ? v->date_end : v->date_start, truce_date_precision_name(v->date_precision));
    else
        truce_buf_puts(b, ",\"date\":null");
    truce_buf_puts(b, ",\"place\":");
    place_json(b, v);
    truce_buf_puts(b, ",\"actors\":[");
    for (size_t i = 0; i < v->n_actors; i++) {
        truce_buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
        truce_buf_json_text(b, v->actors[i].name);
        truce_buf_puts(b, ",\"role\":");
        truce_buf_json_text(b, v->actors[i].role);
        truce_buf_printf(b, ",\"kind\":\"%s\"}", truce_actor_kind_name(v->actors[i].kind));
    }
    truce_buf_puts(b, "],\"figures\":[");
    for (size_t i = 0; i < v->n_figures; i++) {
        truce_buf_puts(b, i ? ",{\"value\":" : "{\"value\":");
        number(b, v->figures[i].value);
        truce_buf_puts(b, ",\"what\":");
        truce_buf_json_text(b, v->figures[i].what);
        truce_buf_printf(b, ",\"bound\":\"%s\"}", truce_bound_name(v->figures[i].bound));
    }
    truce_buf_puts(b, "],\"claimant\":");
    truce_buf_json_text(b, v->claimant);
    truce_buf_printf(b, ",\"certainty\":\"%s\",\"evidence\":{\"text\":", truce_certainty_name(v->certainty));
    truce_buf_json_text(b, e->evidence_text);
    truce_buf_printf(b, ",\"start\":%zu,\"end\":%zu}", e->evidence_raw.start, e->evidence_raw.end);
    truce_buf_printf(b, ",\"corrected\":%s}\n", e->corrected ? "true" : "false");
    return b->failed ? TRUCE_ENOMEM : TRUCE_OK;
}

static void csv_field(truce_buf *b, const char *s, bool last)
{
    if (s) {
        bool quote = strpbrk(s, ",\"\n\r") != NULL;
        if (quote) {
            truce_buf_putc(b, '"');
            for (const char *p = s; *p; p++) {
                if (*p == '"')
                    truce_buf_putc(b, '"');
                truce_buf_putc(b, *p);
            }
            truce_buf_putc(b, '"');
        } else {
            truce_buf_puts(b, s);
        }
    }
    truce_buf_puts(b, last ? "\n" : ",");
}

int truce_export_csv_header(truce_buf *b)
{
    truce_buf_puts(b, "event_id_cnty,event_date,time_precision,event_type,sub_event_type,truce_type,cameo_root,"
                      "actor1,actor2,location,country,latitude,longitude,geo_precision,source,notes,"
                      "fatalities,certainty,claimant,doc,evidence_start,evidence_end\n");
    return b->failed ? TRUCE_ENOMEM : TRUCE_OK;
}

/* ACLED's time_precision: 1 day, 2 week/range, 3 month or coarser.
 * geo_precision: 1 point, 2 near/district, 3 region or coarser. */
int truce_export_csv(const truce_stored_event *e, truce_buf *b)
{
    const truce_event *v = &e->ev;
    const truce_event_type_info *ti = truce_event_type_lookup(v->type);
    char buf[64];
    csv_field(b, e->key, false);
    csv_field(b, v->date_start[0] ? v->date_start : NULL, false);
    int tp = v->date_precision == TRUCE_DATE_DAY ? 1 : v->date_precision == TRUCE_DATE_RANGE ? 2 : 3;
    snprintf(buf, sizeof buf, "%d", tp);
    csv_field(b, v->date_start[0] ? buf : NULL, false);
    csv_field(b, ti ? ti->acled_event_type : NULL, false);
    csv_field(b, acled_sub_event(v, ti), false);
    csv_field(b, v->type, false);
    csv_field(b, ti ? ti->cameo_root : NULL, false);
    const char *a1 = NULL, *a2 = NULL;
    for (size_t i = 0; i < v->n_actors; i++) {
        if (!a1 && v->actors[i].role && !strcmp(v->actors[i].role, "actor1"))
            a1 = v->actors[i].name;
        if (!a2 && v->actors[i].role && !strcmp(v->actors[i].role, "actor2"))
            a2 = v->actors[i].name;
    }
    csv_field(b, a1, false);
    csv_field(b, a2, false);
    csv_field(b, v->place_name ? v->place_name : v->place_written, false);
    csv_field(b, v->country[0] ? v->country : NULL, false);
    if (v->has_coords) {
        snprintf(buf, sizeof buf, "%.5f", v->lat);
        csv_field(b, buf, false);
        snprintf(buf, sizeof buf, "%.5f", v->lon);
        csv_field(b, buf, false);
    } else {
        csv_field(b, NULL, false);
        csv_field(b, NULL, false);
    }
    int gp = v->place_precision == TRUCE_PLACE_POINT ? 1 : v->place_precision == TRUCE_PLACE_DISTRICT ? 2 : 3;
    snprintf(buf, sizeof buf, "%d", gp);
    csv_field(b, (v->place_name || v->place_written) ? buf : NULL, false);
    csv_field(b, e->source, false);
    csv_field(b, e->evidence_text, false);
    /* the killed, each figure once: a part of a whole told before ("39 of
     * them", "including three children") and a repeat of the same count are
     * not added again */
    double fatalities = 0;
    for (size_t i = 0; i < v->n_figures; i++) {
        const truce_event_figure *f = &v->figures[i];
        if (!f->what || strcmp(f->what, "killed") != 0 || (f->rule && strstr(f->rule, "a part of")))
            continue;
        bool seen = false;
        for (size_t k = 0; k < i; k++)
            seen |= v->figures[k].what && !strcmp(v->figures[k].what, "killed") &&
                    v->figures[k].value == f->value;
        if (!seen)
            fatalities += f->value;
    }
    snprintf(buf, sizeof buf, "%.0f", fatalities);
    csv_field(b, buf, false);
    csv_field(b, truce_certainty_name(v->certainty), false);
    csv_field(b, v->claimant, false);
    csv_field(b, e->doc_path ? e->doc_path : e->doc_id, false);
    snprintf(buf, sizeof buf, "%zu", e->evidence_raw.start);
    csv_field(b, buf, false);
    snprintf(buf, sizeof buf, "%zu", e->evidence_raw.end);
    csv_field(b, buf, true);
    return b->failed ? TRUCE_ENOMEM : TRUCE_OK;
}

int truce_export_geojson_feature(const truce_stored_event *e, bool first, truce_buf *b)
{
    const truce_event *v = &e->ev;
    truce_buf_puts(b, first ? "\n" : ",\n");
    truce_buf_puts(b, "{\"type\":\"Feature\",\"geometry\":");
    if (v->has_coords)
        truce_buf_printf(b, "{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]}", v->lon, v->lat);
    else
        truce_buf_puts(b, "null");
    truce_buf_puts(b, ",\"properties\":");
    truce_buf line;
    truce_buf_init(&line);
    truce_export_jsonl(e, &line);
    if (line.failed) {
        truce_buf_free(&line);
        return TRUCE_ENOMEM;
    }
    if (line.len && line.data[line.len - 1] == '\n')
        line.len--;
    truce_buf_append(b, line.data, line.len);
    truce_buf_free(&line);
    truce_buf_putc(b, '}');
    return b->failed ? TRUCE_ENOMEM : TRUCE_OK;
}
