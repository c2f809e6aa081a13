// glibc malloc settings for the tensor engine (see NASTensor's AllocatorTuning).
#include "ckernels.h"

#include <limits.h>  // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>

void nb_keep_freed_blocks(void) {
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);  // glibc's maximum on 64-bit
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
    mallopt(M_MMAP_MAX, 0);  // no block is ever mmapped: above 32 MiB (an activation of 128 x 64 x 32 x 32) they were, each step

}
#else
void nb_keep_freed_blocks(void) {}
#endif
