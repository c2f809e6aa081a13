#include "ckernels.h"
#include <math.h>

void nb_adam_update(long count, float *restrict w, float *restrict m, float *restrict v,
                    const float *restrict g, float lr, float wd, int decoupled, float b1, float b2,
                    float step, float bc2_root, float eps) {
    const float c1 = 1 - b1, c2 = 1 - b2;
    if (decoupled) {
        const float shrink = 1 - lr * wd;
        for (long i = 0; i < count; i++) {
            const float gi = g[i];
            const float mi = b1 * m[i] + c1 * gi, vi = b2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] = w[i] * shrink - step * mi / (sqrtf(vi) / bc2_root + eps);
        }
    } else {
        for (long i = 0; i < count; i++) {
            const float gi = g[i] + wd * w[i];
            const float mi = b1 * m[i] + c1 * gi, vi = b2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= step * mi / (sqrtf(vi) / bc2_root + eps);
        }
    }
}
