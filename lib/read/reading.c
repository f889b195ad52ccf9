/*
 * read/reading.c: running every reader over one document, and opening the
 * data files the readers need. Owns the resources it opens (closed with
 * truce_resources_close); per-document results live in the caller's arena.
 * The date and number readers share one scan of the text (date_scan.h).
 */
#include <stdio.h>
#include <string.h>

#include "read/date_scan.h"
#include "truce/read.h"

int truce_resources_open(const char *data_dir, truce_resources *out, truce_error *err)
{
    memset(out, 0, sizeof *out);
    char path[1024];
    truce_error e2;
    truce_error_clear(&e2);
    const char *gpath = NULL, *apath = NULL;
    char apath_buf[1024];
    if (data_dir) {
        snprintf(path, sizeof path, "%s/gazetteer.bin", data_dir);
        gpath = path;
        snprintf(apath_buf, sizeof apath_buf, "%s/actors", data_dir);
        apath = apath_buf;
    }
    int missing = 0;
    if (truce_gazetteer_open(gpath, &out->gazetteer, &e2) != TRUCE_OK) {
        out->gazetteer = NULL;
        missing++;
        truce_error_set(err, TRUCE_ENOTFOUND, e2.doc, -1, "places will not be read: %s", e2.msg);
    }
    truce_error_clear(&e2);
    if (truce_actor_dict_open(apath, &out->actors, &e2) != TRUCE_OK) {
        out->actors = NULL;
        missing++;
        truce_error_set(err, TRUCE_ENOTFOUND, e2.doc, -1, "actors will not be read: %s", e2.msg);
    }
    (void)missing;
    return TRUCE_OK;
}

void truce_resources_close(truce_resources *r)
{
    if (!r)
        return;
    truce_gazetteer_close(r->gazetteer);
    truce_actor_dict_close(r->actors);
    r->gazetteer = NULL;
    r->actors = NULL;
}

int truce_read_all(truce_arena *a, const truce_resources *res, const char *text, size_t len,
                   const char *reference_date, truce_reading *out, truce_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = truce_read_sentences(a, text, len, &out->sentences, err);
    if (!rc)
        rc = truce_read_tokens(a, text, len, &out->sentences, &out->tokens, err);
    /* one scan of the text serves the date and the number readers */
    ds_toks k = {NULL, 0};
    if (!rc && len && text && (rc = ds_scan(a, text, len, &out->sentences, &k)))
        rc = truce_error_set(err, rc, NULL, -1, "date and number readers: out of memory");
    if (!rc)
        rc = dt_read_scanned(a, text, len, &k, reference_date, &out->dates, err);
    if (!rc)
        rc = num_read_scanned(a, text, len, &k, &out->numbers, err);
    if (!rc && res && res->gazetteer)
        rc = truce_read_places(a, res->gazetteer, text, len, &out->sentences, &out->places, err);
    if (!rc && res && res->actors)
        rc = truce_read_actors(a, res->actors, text, len, &out->sentences, &out->actors, err);
    return rc;
}
