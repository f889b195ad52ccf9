/*
 * core/arena.c: bump allocator, one per document.
 * Owns its chunks; hands out memory that lives until reset or free.
 * Must not be shared between threads.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "truce/common.h"

typedef struct chunk {
    struct chunk *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
} chunk;

struct truce_arena {
    chunk *head;
    size_t chunk_size;
    size_t total;
};

truce_arena *truce_arena_new(size_t chunk_size)
{
    truce_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    return a;
}

static chunk *chunk_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(chunk))
        return NULL;
    chunk *c = malloc(sizeof(chunk) + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

void *truce_arena_alloc(truce_arena *a, size_t size)
{
    if (!a)
        return NULL;
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - 15)
        return NULL;
    size = (size + 15) & ~(size_t)15;
    chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        /* Large requests get a chunk of their own so they don't waste the current one. */
        size_t want = size > a->chunk_size / 2 ? size : a->chunk_size;
        chunk *n = chunk_new(want);
        if (!n)
            return NULL;
        if (want == size && c) {
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
    }
    void *p = c->data + c->used;
    c->used += size;
    a->total += size;
    return p;
}

void *truce_arena_calloc(truce_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = truce_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *truce_arena_strndup(truce_arena *a, const char *s, size_t n)
{
    char *p = truce_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *truce_arena_strdup(truce_arena *a, const char *s)
{
    return s ? truce_arena_strndup(a, s, strlen(s)) : NULL;
}

char *truce_arena_printf(truce_arena *a, const char *fmt, ...)
{
    va_list ap;
    int n;
    /* Format straight into the current chunk's free space: when the text
     * fits, the allocation that follows returns that very place, so the
     * string is formatted once instead of measured and then formatted. */
    chunk *c = a ? a->head : NULL;
    if (c && c->size > c->used) {
        size_t room = c->size - c->used;
        char *at = (char *)c->data + c->used;
        va_start(ap, fmt);
        n = vsnprintf(at, room, fmt, ap);
        va_end(ap);
        if (n < 0)
            return NULL;
        if ((((size_t)n + 1 + 15) & ~(size_t)15) <= room)
            return truce_arena_alloc(a, (size_t)n + 1); /* == at */
    } else {
        va_start(ap, fmt);
        n = vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return NULL;
    }
    char *p = truce_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void *truce_arena_grow(truce_arena *a, void *old, size_t old_n, size_t new_n, size_t elem)
{
    if (elem && new_n > SIZE_MAX / elem)
        return NULL;
    void *p = truce_arena_alloc(a, new_n * elem);
    if (p && old && old_n)
        memcpy(p, old, (old_n < new_n ? old_n : new_n) * elem);
    return p;
}

size_t truce_arena_used(const truce_arena *a)
{
    return a ? a->total : 0;
}

void truce_arena_reset(truce_arena *a)
{
    if (!a)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->total = 0;
}

void truce_arena_free(truce_arena *a)
{
    if (!a)
        return;
    truce_arena_reset(a);
    free(a);
}
