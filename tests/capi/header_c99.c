/* The public header must compile as C99 with -pedantic -Werror. */
#include "banmian/banmian.h"
int bm_header_c99_dummy(void) { return BM_OK; }
