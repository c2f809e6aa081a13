#ifndef NASBENCH_COPENBLAS_SHIM_H
#define NASBENCH_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
