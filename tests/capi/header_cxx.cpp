// The public header must compile as C++ too.
#include "banmian/banmian.h"
int bm_header_cxx_dummy() { return BM_OK; }
