/* cli/truce.c: placeholder entry; replaced by the command dispatcher. */
#include <stdio.h>
int main(void) { fputs("truce: under construction\n", stderr); return 1; }
