/* store/store_impl.h: what the store's files share; not public. */
#ifndef TRUCE_STORE_IMPL_H
#define TRUCE_STORE_IMPL_H

#include <stdio.h>
#include <sqlite3.h>

#include "truce/store.h"

struct truce_store {
    sqlite3 *db;
    char path[512];
    size_t batch;       /* documents per transaction */
    size_t pending;     /* documents written in the open transaction */
    bool in_txn;
};

int store_migrate(sqlite3 *db, truce_error *err, const char *path);
int store_fail(truce_store *s, truce_error *err, const char *what);

#endif
