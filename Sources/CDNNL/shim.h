#ifndef NASBENCH_CDNNL_SHIM_H
#define NASBENCH_CDNNL_SHIM_H
/* oneDNN's C API (Debian libdnnl-dev 2.x; it ships no pkg-config file, so the module map links
   "dnnl" directly). Debian builds oneDNN on OpenMP (libgomp): the engine sets the OpenMP thread
   count of each calling thread to 1 (see NASTensor/DNNL.swift for the threading policy). */
#include <dnnl.h>
void omp_set_num_threads(int num_threads);
int omp_get_max_threads(void);
#endif
