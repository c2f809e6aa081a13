#ifndef NASBENCH_COPENBLAS_SHIM_H
#define NASBENCH_COPENBLAS_SHIM_H
#include <cblas.h>
/* cblas.h from OpenBLAS already declares these; re-declared here so the
   module exposes them even with a cblas.h that omits the OpenBLAS extras. */
char *openblas_get_corename(void);
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
#endif
