/* tests/case_driver.c: placeholder until the case format lands. */
int main(void) { return 1; }
