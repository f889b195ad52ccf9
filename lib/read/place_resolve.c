/*
 * read/place_resolve.c: chooses one gazetteer entry for each place name the
 * matcher (place.c) found, from what the whole document says: countries
 * named outright or through demonyms, first-level regions that contain a
 * candidate, other places near a candidate, "X, Y" written together
 * ("Springfield, Illinois"), and population and admin level as the prior.
 * Two passes: the second trusts the first pass's readings of the other
 * names. Allocates only in the caller's arena; never prints.
 */
#include <math.h>
#include <string.h>

#include "read/gazetteer_impl.h"

#define MAX_CTX 64
#define NEAR_KM 150.0
/* the country-context bonus: 1 + CTX_K per unit of evidence, up to CTX_CAP
 * units (a document full of one country's places leans on it harder) */
#define CTX_K 0.4
#define CTX_CAP 4.0
/* a country over a division or town of the same weight ("Georgia") */
#define COUNTRY_BONUS 1.5
/* a first-level division over a town of the same weight ("Wyoming") */
#define REGION_BONUS 0.5

static double dist_km(double la1, double lo1, double la2, double lo2)
{
    const double r = 0.017453292519943295;
    double dla = (la2 - la1) * r, dlo = (lo2 - lo1) * r;
    double h = sin(dla / 2) * sin(dla / 2) + cos(la1 * r) * cos(la2 * r) * sin(dlo / 2) * sin(dlo / 2);
    return 2 * 6371.0 * asin(sqrt(h < 1 ? h : 1));
}

/* dist_km(...) < lim, without the trigonometry for most far pairs: the
 * great-circle distance is never less than the earth's radius times the
 * difference in latitude, so a pair whose latitudes alone lie well beyond
 * lim (with a margin far above rounding error) is not near. */
static bool near_km(double la1, double lo1, double la2, double lo2, double lim)
{
    if (fabs(la2 - la1) * (6371.0 * 0.017453292519943295) > lim * 1.001 + 0.01) return false;
    return dist_km(la1, lo1, la2, lo2) < lim;
}

static const gz_rec *cand(const truce_gazetteer *g, const pmatch *m, size_t k)
{
    return &g->recs[m->recs ? m->recs[k] : g->names[m->first + k].rec];
}

static bool cc_eq(const char a[2], const char b[2]) { return a[0] && a[0] == b[0] && a[1] == b[1]; }

static bool same_admin1(const gz_rec *a, const gz_rec *b)
{
    return cc_eq(a->cc, b->cc) && a->admin1[0] && a->admin1[0] == b->admin1[0] && a->admin1[1] == b->admin1[1];
}

/* Whether `outer` (a country or a first-level region) contains `inner`. */
static bool contains(const gz_rec *outer, const gz_rec *inner)
{
    if (outer == inner || inner->prec >= outer->prec) return false;
    if (outer->prec == TRUCE_PLACE_COUNTRY) return cc_eq(outer->cc, inner->cc);
    if (outer->prec == TRUCE_PLACE_REGION) return same_admin1(outer, inner);
    return false;
}

/* The prior: population (for a division, of the GeoNames places in it),
 * countries a step above, first-level divisions half a step, capitals and
 * seats a little up,
 * our own supplement rows a little up (they are there because news names
 * them). */
static double base_score(const gz_rec *r)
{
    double s = log10((double)r->pop + 10.0);
    if (r->prec == TRUCE_PLACE_COUNTRY) return s + COUNTRY_BONUS;
    if (r->prec == TRUCE_PLACE_REGION) s += REGION_BONUS;
    if (r->flags & GZ_SUPPLEMENT) s += 0.5;
    if (r->flags & GZ_CAPITAL) s += 1.0;
    if (r->flags & GZ_ADMIN_SEAT) s += 0.5;
    return s;
}

/* Our supplement row for a place GeoNames also has under this name gives
 * way, so the mention keeps its GeoNames id. */
static bool shadowed(const truce_gazetteer *g, const pmatch *m, const gz_rec *r)
{
    for (size_t k = 0; k < m->count; k++) {
        const gz_rec *o = cand(g, m, k);
        if (o != r && o->gid && o->prec == r->prec && near_km(o->lat, o->lon, r->lat, r->lon, 30)) return true;
    }
    return false;
}

/* A division bearing the name of a town inside it that holds at least half
 * its weight ("Shusha" the rayon and Şuşa the town; "Kalbajar"): named
 * bare, the town is meant. A division much larger than its namesake town
 * keeps its name ("New York", "Quebec"). */
static bool town_inside(const truce_gazetteer *g, const pmatch *m, const gz_rec *r)
{
    for (size_t k = 0; k < m->count; k++) {
        const gz_rec *o = cand(g, m, k);
        if (o == r || o->fclass != 'P' || o->prec != TRUCE_PLACE_POINT || !cc_eq(o->cc, r->cc)) continue;
        if (2.0 * o->pop < (double)r->pop) continue;
        if ((o->flags & GZ_SUPPLEMENT) && shadowed(g, m, o)) continue;
        if (r->prec == TRUCE_PLACE_REGION && same_admin1(o, r)) return true;
        if (near_km(o->lat, o->lon, r->lat, r->lon, 60) && (!o->admin1[0] || same_admin1(o, r))) return true;
    }
    return false;
}

static bool usable(const truce_gazetteer *g, const pmatch *m, const gz_rec *r)
{
    if (r->flags & GZ_DEMONYM) return false;
    if ((r->flags & GZ_SUPPLEMENT) && shadowed(g, m, r)) return false;
    bool division = r->prec == TRUCE_PLACE_REGION || r->prec == TRUCE_PLACE_DISTRICT;
    /* "Donetsk region": only the divisions */
    if (m->want_prec) return division;
    if (division && town_inside(g, m, r)) return false;
    return true;
}

typedef struct ccw { char cc[2]; double w; } ccw;

static void ctx_add(ccw *ctx, size_t *n, const char cc[2], double w)
{
    if (!cc[0]) return;
    for (size_t c = 0; c < *n; c++)
        if (cc_eq(ctx[c].cc, cc)) { ctx[c].w += w; return; }
    if (*n == MAX_CTX) return;
    ctx[*n].cc[0] = cc[0];
    ctx[*n].cc[1] = cc[1];
    ctx[*n].w = w;
    (*n)++;
}

static double ctx_get(const ccw *ctx, size_t n, const char cc[2])
{
    for (size_t c = 0; c < n; c++)
        if (cc_eq(ctx[c].cc, cc)) return ctx[c].w;
    return 0;
}

/* "X, Y": some candidate of `outer_m` contains r. */
static bool written_inside(const truce_gazetteer *g, const pmatch *outer_m, const gz_rec *r)
{
    for (size_t k = 0; k < outer_m->count; k++) {
        const gz_rec *q = cand(g, outer_m, k);
        if (!(q->flags & GZ_DEMONYM) && contains(q, r)) return true;
    }
    return false;
}

/* "X, Y": r (a reading of Y) contains some candidate of `inner_m`. */
static bool written_around(const truce_gazetteer *g, const pmatch *inner_m, const gz_rec *r)
{
    for (size_t k = 0; k < inner_m->count; k++) {
        const gz_rec *q = cand(g, inner_m, k);
        if (!(q->flags & GZ_DEMONYM) && contains(r, q)) return true;
    }
    return false;
}

enum why { W_POP, W_CTX, W_NEAR, W_REGION, W_CONTAINS, W_PATTERN, W_LEVEL, W_METONYM };

/* Some reading of another name (counted once per distinct name) lies within
 * PAIR_KM of r: two ambiguous names that can be read as neighbours
 * ("Huntsville" and "Walker County") most likely are. */
#define PAIR_KM 60.0
static bool pairs_with(const truce_gazetteer *g, const pmatch *m, size_t nm, const bool *first_of_key,
                       size_t x, const gz_rec *r)
{
    double dlat = PAIR_KM / 111.0, dlon = dlat / (cos(r->lat * 0.017453292519943295) + 0.01);
    for (size_t y = 0; y < nm; y++) {
        if (!first_of_key[y] || !strcmp(m[y].key, m[x].key)) continue;
        for (size_t k = 0; k < m[y].count; k++) {
            const gz_rec *q = cand(g, &m[y], k);
            if (q->prec > TRUCE_PLACE_DISTRICT || (q->flags & GZ_DEMONYM)) continue;
            if (fabs(q->lat - r->lat) > dlat || fabs(q->lon - r->lon) > dlon) continue;
            if (near_km(r->lat, r->lon, q->lat, q->lon, PAIR_KM)) return true;
        }
    }
    return false;
}

int place_resolve(truce_arena *a, const truce_gazetteer *g, const pmatch *m, size_t nm,
                  const pdemonyms *dem, presolved *out)
{
    const gz_rec **pick = truce_arena_calloc(a, nm, sizeof *pick);
    double *conf = truce_arena_calloc(a, nm, sizeof *conf);
    double *nconf = truce_arena_calloc(a, nm, sizeof *nconf);
    bool *first_of_key = truce_arena_calloc(a, nm, sizeof *first_of_key);
    if (!pick || !conf || !nconf || !first_of_key) return TRUCE_ENOMEM;
    for (size_t x = 0; x < nm; x++) {
        first_of_key[x] = true;
        for (size_t y = 0; y < x && first_of_key[x]; y++)
            if (!strcmp(m[y].key, m[x].key)) first_of_key[x] = false;
    }

    /* What does not depend on the other names' readings, once per
     * candidate: usable, inside a region another name may be, paired with a
     * reading of another name, written with its region ("X, Y"). */
    size_t *off = truce_arena_calloc(a, nm + 1, sizeof *off);
    if (!off) return TRUCE_ENOMEM;
    for (size_t x = 0; x < nm; x++) off[x + 1] = off[x] + m[x].count;
    double *fixed = truce_arena_calloc(a, off[nm] ? off[nm] : 1, sizeof *fixed);
    unsigned char *fwhy = truce_arena_calloc(a, off[nm] ? off[nm] : 1, 1);
    bool *ok = truce_arena_calloc(a, off[nm] ? off[nm] : 1, sizeof *ok);
    if (!fixed || !fwhy || !ok) return TRUCE_ENOMEM;
    for (size_t x = 0; x < nm; x++)
        for (size_t k = 0; k < m[x].count; k++) {
            const gz_rec *r = cand(g, &m[x], k);
            size_t c = off[x] + k;
            ok[c] = usable(g, &m[x], r);
            if (!ok[c]) continue;
            enum why w = W_POP;
            double f = 0;
            bool inside = false;
            for (size_t y = 0; y < nm && m[x].count > 1 && !inside; y++) {
                if (y == x || !first_of_key[y] || !strcmp(m[y].key, m[x].key)) continue;
                /* inside a first-level region some reading of another name is
                 * ("Dublin" with "Georgia"): any candidate counts */
                if (r->prec <= TRUCE_PLACE_DISTRICT && r->admin1[0])
                    for (size_t k2 = 0; k2 < m[y].count; k2++) {
                        const gz_rec *o = cand(g, &m[y], k2);
                        if (o->prec == TRUCE_PLACE_REGION && !(o->flags & GZ_DEMONYM) && same_admin1(o, r)) {
                            inside = true;
                            break;
                        }
                    }
            }
            if (m[x].count > 1 && r->prec <= TRUCE_PLACE_DISTRICT && pairs_with(g, m, nm, first_of_key, x, r)) {
                f += 1.5;
                w = W_NEAR;
            }
            if (inside) { f += 2.0; w = W_REGION; }
            /* "Springfield, Illinois": the name and the region it is in */
            if (m[x].comma_next != PM_NONE && written_inside(g, &m[m[x].comma_next], r)) { f += 4.0; w = W_PATTERN; }
            if (m[x].comma_prev != PM_NONE && written_around(g, &m[m[x].comma_prev], r)) { f += 3.0; w = W_PATTERN; }
            /* "Lachin district": a district before a region of that name */
            if (m[x].want_prec && r->prec == m[x].want_prec) { f += 1.5; w = W_LEVEL; }
            /* "Washington said": the capital, standing for its government */
            if (m[x].metonym && (r->flags & GZ_CAPITAL)) { f += 3.0; w = W_METONYM; }
            fixed[c] = f;
            fwhy[c] = (unsigned char)w;
        }

    /* pass 0: the prior alone */
    for (size_t x = 0; x < nm; x++) {
        double best = -1e9, second = -1e9;
        size_t usable_n = 0;
        for (size_t k = 0; k < m[x].count; k++) {
            const gz_rec *r = cand(g, &m[x], k);
            if (!ok[off[x] + k]) continue;
            usable_n++;
            double s = base_score(r);
            if (s > best) { second = best; best = s; pick[x] = r; }
            else if (s > second) second = s;
        }
        if (!pick[x]) continue;
        conf[x] = usable_n == 1 ? 1.0 : (best - second > 1.0 ? 0.6 : 0.2);
        if (pick[x]->prec == TRUCE_PLACE_COUNTRY) conf[x] = 2.0;
    }

    for (int pass = 0; pass < 2; pass++) {
        ccw ctx[MAX_CTX];
        size_t nctx = 0;
        for (size_t x = 0; x < nm; x++)
            if (pick[x]) ctx_add(ctx, &nctx, pick[x]->cc, conf[x]);
        for (size_t d = 0; dem && d < dem->n; d++) ctx_add(ctx, &nctx, dem->cc[d], 1.0);

        for (size_t x = 0; x < nm; x++) {
            double best = -1e9, second = -1e9, best_base = 0, runner_base = -1e9;
            const gz_rec *br = NULL;
            enum why bw = W_POP;
            size_t usable_n = 0;
            for (size_t k = 0; k < m[x].count; k++) {
                const gz_rec *r = cand(g, &m[x], k);
                if (!ok[off[x] + k]) continue;
                usable_n++;
                double b = base_score(r), s = b;
                enum why w = W_POP;
                double cw = ctx_get(ctx, nctx, r->cc);
                if (pick[x] && cc_eq(pick[x]->cc, r->cc)) cw -= conf[x];
                if (cw > 0.1) { s += 1.0 + CTX_K * (cw > CTX_CAP ? CTX_CAP : cw); w = W_CTX; }
                bool near = false, holds = false;
                for (size_t y = 0; y < nm && m[x].count > 1 && !(near && holds); y++) {
                    if (y == x || !first_of_key[y] || !pick[y] || conf[y] < 0.5 || !strcmp(m[y].key, m[x].key))
                        continue;
                    const gz_rec *q = pick[y];
                    /* near another place read with some confidence */
                    if (!near && r->prec <= TRUCE_PLACE_DISTRICT && q->prec <= TRUCE_PLACE_DISTRICT &&
                        near_km(r->lat, r->lon, q->lat, q->lon, NEAR_KM))
                        near = true;
                    /* a region holding another place the document names */
                    if (!holds && r->prec == TRUCE_PLACE_REGION && contains(r, q)) holds = true;
                    if (r->prec > TRUCE_PLACE_DISTRICT && r->prec != TRUCE_PLACE_REGION) break;
                }
                /* the neighbour pairing counts only when no confident reading
                 * is near already */
                double f = fixed[off[x] + k];
                if (near && fwhy[off[x] + k] == W_NEAR) f -= 1.5;
                if (f > 0) { s += f; w = (enum why)fwhy[off[x] + k]; }
                if (near) { s += 2.0; if (w != W_REGION && w != W_PATTERN) w = W_NEAR; }
                if (holds) { s += 2.0; if (w != W_PATTERN) w = W_CONTAINS; }
                if (s > best) {
                    if (br) runner_base = best_base > runner_base ? best_base : runner_base;
                    second = best;
                    best = s; br = r; best_base = b; bw = w;
                } else {
                    if (s > second) second = s;
                    if (b > runner_base) runner_base = b;
                }
            }
            if (!br) { out[x].rec = NULL; out[x].basis = NULL; continue; }
            out[x].rec = br;
            nconf[x] = br->prec == TRUCE_PLACE_COUNTRY ? 2.0 :
                       usable_n == 1 || best - second > 2.0 ? 1.0 : best - second > 1.0 ? 0.6 : 0.2;
            if (br->prec == TRUCE_PLACE_COUNTRY) out[x].basis = "country name";
            else if (usable_n == 1) out[x].basis = "only candidate";
            else if (best_base >= runner_base || bw == W_POP) out[x].basis = "population";
            else if (bw == W_PATTERN) out[x].basis = "written with the region it is in";
            else if (bw == W_LEVEL) out[x].basis = "division named in text";
            else if (bw == W_METONYM) out[x].basis = "capital named as a government";
            else if (bw == W_CONTAINS) out[x].basis = "holds other place in document";
            else if (bw == W_REGION) out[x].basis = "region in document";
            else if (bw == W_NEAR) out[x].basis = "near other place in document";
            else out[x].basis = "country in document";
            /* a lone word naming only a hamlet, with nothing in the document
             * around it, is more often a word or a name than that hamlet */
            if (pass == 1 && m[x].t0 == m[x].t1 && br->pop < 1000 && !(br->flags & GZ_SUPPLEMENT) &&
                br->prec == TRUCE_PLACE_POINT && bw != W_CTX && bw != W_NEAR && bw != W_REGION && bw != W_PATTERN)
                out[x].rec = NULL;
        }
        if (pass == 0)
            for (size_t x = 0; x < nm; x++) {
                pick[x] = out[x].rec;
                conf[x] = nconf[x];
            }
    }
    return TRUCE_OK;
}
