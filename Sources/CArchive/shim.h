#ifndef NASBENCH_CARCHIVE_SHIM_H
#define NASBENCH_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>

/// AE_IFREG is a macro of an octal constant with a cast, which Swift does not import.
static inline unsigned int nb_ae_ifreg(void) { return AE_IFREG; }
#endif
