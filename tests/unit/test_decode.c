/* tests/unit/test_decode.c: charset detection, NFC, line ends, offset maps, refusals. */
#include "check.h"
#include "truce/ingest.h"

static truce_arena *A;

typedef struct decoded {
    int rc;
    char *text;
    size_t len;
    truce_offset_map map;
    const char *enc, *warn;
    truce_error err;
} decoded;

static decoded dec(const void *raw, size_t len, const char *charset)
{
    decoded d;
    memset(&d, 0, sizeof d);
    truce_error_clear(&d.err);
    d.rc = truce_ingest_decode(A, raw, len, charset, "fixture.txt", &d.text, &d.len, &d.map, &d.enc,
                               &d.warn, &d.err);
    return d;
}

int main(void)
{
    A = truce_arena_new(0);

    /* plain UTF-8 with CRLF: text uses LF, offsets still point at the original */
    const char *crlf = "Line one.\r\nLine two \xE2\x80\x93 Shushi.\r\n";
    decoded d = dec(crlf, strlen(crlf), NULL);
    CHECK_INT(d.rc, TRUCE_OK);
    CHECK_STR(d.enc, "utf-8");
    CHECK(d.warn == NULL);
    CHECK_STR(d.text, "Line one.\nLine two \xE2\x80\x93 Shushi.\n");
    /* "Line two" starts at text offset 10 and raw offset 11 */
    CHECK_INT(truce_offset_to_raw(&d.map, 10), 11);
    truce_span sp = { 10, 18 };
    truce_span r = truce_offset_span_to_raw(&d.map, sp);
    CHECK_INT(r.start, 11);
    CHECK_INT(r.end, 19);
    CHECK(memcmp(crlf + r.start, "Line two", 8) == 0);

    /* NFC: e + combining acute becomes é, and maps to both raw bytes */
    const char *nfd = "Caf\x65\xCC\x81 on the square.";
    d = dec(nfd, strlen(nfd), NULL);
    CHECK_INT(d.rc, TRUCE_OK);
    CHECK_STR(d.text, "Caf\xC3\xA9 on the square.");
    sp.start = 3; sp.end = 5;
    r = truce_offset_span_to_raw(&d.map, sp);
    CHECK_INT(r.start, 3);
    CHECK_INT(r.end, 6);
    /* after the composed character, offsets shift by one */
    CHECK_INT(truce_offset_to_raw(&d.map, 6), 7);

    /* Windows-1252: curly quotes and euro sign, with a warning */
    const unsigned char cp1252[] = { 0x93, 'P', 'e', 'a', 'c', 'e', 0x94, ' ', 0x80, '5', ' ', 'p', 'a', 'i', 'd', '.' };
    d = dec(cp1252, sizeof cp1252, NULL);
    CHECK_INT(d.rc, TRUCE_OK);
    CHECK_STR(d.enc, "windows-1252");
    CHECK(d.warn != NULL);
    CHECK_STR(d.text, "\xE2\x80\x9CPeace\xE2\x80\x9D \xE2\x82\xAC" "5 paid.");
    CHECK_INT(truce_offset_to_raw(&d.map, 3), 1); /* 'P' */
    /* declared Windows-1251: Cyrillic */
    const unsigned char cp1251[] = { 0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0, '.' };
    d = dec(cp1251, sizeof cp1251, "windows-1251");
    CHECK_INT(d.rc, TRUCE_OK);
    CHECK_STR(d.text, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0.");

    /* BOM is not text, offsets skip it */
    const char *bom = "\xEF\xBB\xBFHello there.";
    d = dec(bom, strlen(bom), NULL);
    CHECK_INT(d.rc, TRUCE_OK);
    CHECK_STR(d.text, "Hello there.");
    CHECK_INT(truce_offset_to_raw(&d.map, 0), 3);

    /* UTF-16LE with BOM */
    const unsigned char u16[] = { 0xFF, 0xFE, 'H', 0, 'i', 0, '.', 0 };
    d = dec(u16, sizeof u16, NULL);
    CHECK_INT(d.rc, TRUCE_OK);
    CHECK_STR(d.enc, "utf-16le");
    CHECK_STR(d.text, "Hi.");
    CHECK_INT(truce_offset_to_raw(&d.map, 1), 4);

    /* refusals name the reason */
    d = dec("", 0, NULL);
    CHECK_INT(d.rc, TRUCE_EINPUT);
    CHECK(strstr(d.err.msg, "empty") != NULL);
    CHECK_STR(d.err.doc, "fixture.txt");
    const unsigned char bin[] = { 0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0 };
    d = dec(bin, sizeof bin, NULL);
    CHECK_INT(d.rc, TRUCE_EINPUT);
    CHECK(strstr(d.err.msg, "binary") != NULL);
    d = dec(" \n\t\n", 4, NULL);
    CHECK_INT(d.rc, TRUCE_EINPUT);

    /* sha256 of "abc" (FIPS 180-4 example) */
    char hex[65];
    truce_sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    truce_sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    char big[1000];
    memset(big, 'a', sizeof big);
    truce_sha256_hex(big, 56, hex); /* padding crosses a block */
    CHECK(strlen(hex) == 64);

    /* sniffing */
    CHECK_INT(truce_ingest_sniff("a.txt", (const unsigned char *)"<!DOCTYPE html><p>x</p>", 23), TRUCE_FORMAT_HTML);
    CHECK_INT(truce_ingest_sniff("a.html", (const unsigned char *)"Just words.", 11), TRUCE_FORMAT_HTML);
    CHECK_INT(truce_ingest_sniff("a.txt", (const unsigned char *)"WARC/1.1\r\n", 10), TRUCE_FORMAT_WARC);
    CHECK_INT(truce_ingest_sniff("a.txt", (const unsigned char *)"Just words.", 11), TRUCE_FORMAT_TEXT);

    /* offset map survives encoding */
    truce_buf b;
    truce_buf_init(&b);
    d = dec(crlf, strlen(crlf), NULL);
    CHECK_INT(truce_offset_map_encode(&d.map, &b), TRUCE_OK);
    truce_offset_map back;
    CHECK_INT(truce_offset_map_decode(A, b.data, b.len, strlen(crlf), &back), TRUCE_OK);
    CHECK_INT(back.n, d.map.n);
    CHECK_INT(truce_offset_to_raw(&back, 10), 11);
    truce_buf_free(&b);

    truce_arena_free(A);
    return check_done("test_decode");
}
