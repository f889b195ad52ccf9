/*
 * zz_pending/pending.c: TEMPORARY weak placeholders for readers still being
 * written (dates, numbers, places), so the CLI and the case driver link while
 * they land. A real definition anywhere in lib/ overrides these (weak symbols;
 * this directory sorts last in the archive). This file is deleted before the
 * work is submitted: it must never ship.
 */
#include <string.h>
#include "truce/pipeline.h"
#define PENDING __attribute__((weak))
PENDING const char *truce_date_precision_name(truce_date_precision p){static const char*n[]={"unknown","day","month","year","range"};return n[p];}
PENDING const char *truce_bound_name(truce_bound b){static const char*n[]={"exact","approx","at_least","at_most","range"};return n[b];}
PENDING const char *truce_place_precision_name(truce_place_precision p){static const char*n[]={"unknown","point","district","region","country"};return n[p];}
PENDING int truce_read_infer_date(truce_arena *a, const char *t, size_t l, char o[11], const char **b, truce_error *e){(void)a;(void)t;(void)l;(void)o;(void)b;(void)e;return TRUCE_ENOTFOUND;}
PENDING int truce_read_dates(truce_arena *a, const char *t, size_t l, const truce_sentence_list *s, const char *r, truce_date_list *o, truce_error *e){(void)a;(void)t;(void)l;(void)s;(void)r;(void)e;o->n=0;o->items=NULL;return 0;}
PENDING int truce_read_numbers(truce_arena *a, const char *t, size_t l, const truce_sentence_list *s, truce_number_list *o, truce_error *e){(void)a;(void)t;(void)l;(void)s;(void)e;o->n=0;o->items=NULL;return 0;}
PENDING int truce_gazetteer_open(const char *p, truce_gazetteer **o, truce_error *e){(void)p;*o=NULL;return truce_error_set(e,TRUCE_ENOTFOUND,"gaz",-1,"stub");}
PENDING void truce_gazetteer_close(truce_gazetteer *g){(void)g;}
PENDING int truce_read_places(truce_arena *a, const truce_gazetteer *g, const char *t, size_t l, const truce_sentence_list *s, truce_place_list *o, truce_error *e){(void)a;(void)g;(void)t;(void)l;(void)s;(void)e;o->n=0;return 0;}
