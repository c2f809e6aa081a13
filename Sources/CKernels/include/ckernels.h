#ifndef NASBENCH_CKERNELS_H
#define NASBENCH_CKERNELS_H

/// Element-wise kernels that Swift cannot vectorise on Linux: Swift's Float.squareRoot()
/// goes through glibc's errno-setting sqrtf, which keeps loops scalar. Compiled with
/// -fno-math-errno; IEEE sqrt and division are correctly rounded either way, so the results
/// are bit for bit those of the scalar loop.

/// One Adam step over `count` values: m = b1 m + (1 - b1) g', v = b2 v + (1 - b2) g'^2,
/// w = w * shrink - step * m / (sqrt(v) / bc2_root + eps), with g' = g + wd * w when
/// `decoupled` is 0 (L2) and g' = g, shrink = 1 - lr * wd when it is 1 (AdamW).
void nb_adam_update(long count, float *w, float *m, float *v, const float *g, float lr, float wd,
                    int decoupled, float b1, float b2, float step, float bc2_root, float eps);

/// Keeps freed heap blocks for reuse (glibc: largest mmap threshold, no trimming); no-op elsewhere.
void nb_keep_freed_blocks(void);

#endif
