#ifndef NASBENCH_CARCHIVE_SHIM_H
#define NASBENCH_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
