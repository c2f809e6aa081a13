#ifndef NASBENCH_COPENBLAS_SHIM_H
#define NASBENCH_COPENBLAS_SHIM_H
#include <stddef.h>
#include <cblas.h>
/* cblas.h from OpenBLAS already declares these; re-declared here so the
   module exposes them even with a cblas.h that omits the OpenBLAS extras. */
char *openblas_get_corename(void);
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);

/* LAPACK's divide-and-conquer SVD as OpenBLAS exports it (Fortran calling convention: every
   argument by pointer, and the hidden length of the CHARACTER argument JOBZ last; no LAPACKE
   header is installed). LP64 OpenBLAS: INTEGER is int. */
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork,
             int *iwork, int *info, size_t jobz_len);
void sgesdd_(const char *jobz, const int *m, const int *n, float *a, const int *lda, float *s,
             float *u, const int *ldu, float *vt, const int *ldvt, float *work, const int *lwork,
             int *iwork, int *info, size_t jobz_len);
#endif
