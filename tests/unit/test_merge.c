/* tests/unit/test_merge.c: grouping events from several sources into incidents. */
#include "check.h"
#include "truce/merge.h"

int main(void)
{
    long d;
    CHECK(truce_merge_day_number("1970-01-01", &d));
    CHECK_INT(d, 0);
    CHECK(truce_merge_day_number("2020-11-10", &d));
    CHECK_INT(d, 18576);
    CHECK(!truce_merge_day_number("yesterday", &d));

    truce_merge_item items[] = {
        /* two outlets, same shelling of Gori on overlapping days: one incident */
        { 1, "conflict.shelling", "2008-08-11", "2008-08-11", "gori", 615532, "russia", "Wire A", "d1" },
        { 2, "conflict.shelling", "2008-08-12", "2008-08-12", "gori", 615532, "russia|georgia", "Wire B", "d2" },
        /* same type and place, a month later: another incident */
        { 3, "conflict.shelling", "2008-09-15", "2008-09-15", "gori", 615532, "russia", "Wire A", "d3" },
        /* same day and place but another type */
        { 4, "humanitarian.aid", "2008-08-11", "2008-08-11", "gori", 615532, NULL, "Wire C", "d4" },
        /* same day, other place */
        { 5, "conflict.shelling", "2008-08-11", "2008-08-11", "tskhinvali", 0, "russia", "Wire C", "d5" },
        /* same document twice: never merged with itself */
        { 6, "conflict.shelling", "2008-08-11", "2008-08-11", "gori", 615532, "russia", "Wire A", "d1" },
        /* undated: not merged */
        { 7, "conflict.shelling", NULL, NULL, "gori", 615532, "russia", "Wire D", "d7" },
        /* actors that contradict */
        { 8, "conflict.shelling", "2008-08-11", "2008-08-11", "gori", 615532, "ukraine", "Wire E", "d8" },
    };
    size_t n = sizeof items / sizeof *items;
    size_t inc[8];
    size_t count = truce_merge_cluster(items, n, 1, inc);
    CHECK(inc[0] == inc[1]);
    CHECK(inc[0] != inc[2]);
    CHECK(inc[0] != inc[3]);
    CHECK(inc[0] != inc[4]);
    CHECK(inc[6] != inc[0]);
    CHECK(inc[7] != inc[0]);
    /* event 6 shares document d1 with event 1 but joins through event 2 (d2) */
    CHECK(inc[5] == inc[1]);
    CHECK_INT(count, 6);
    return check_done("test_merge");
}
