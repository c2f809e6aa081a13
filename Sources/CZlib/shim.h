#ifndef NASBENCH_CZLIB_SHIM_H
#define NASBENCH_CZLIB_SHIM_H
#include <zlib.h>
#endif
