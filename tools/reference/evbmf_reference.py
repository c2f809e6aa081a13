"""Reference for nasbench's EVBMF (Sources/NASConet/EVBMF.swift): the empirical VBMF of
Nakajima et al. (JMLR 2013) restated in numpy, with the noise variance found by SciPy's bounded
minimiser exactly as CONetV2/AdaS call it (minimize_scalar(method='bounded'), default xatol).

usage: evbmf_reference.py COUNT SEED  -> JSON on stdout: a list of cases, each with the matrix
(row-major), numpy's singular values, and EVBMF's sigma2, rank and kept (shrunk) values.
Matrices are low rank plus Gaussian noise, of varied shapes, about a third of them taller than
wide (L > M, which EVBMF handles by transposing)."""
import json
import sys

import numpy as np
from scipy.optimize import minimize_scalar


def free_energy(sigma2, L, M, s, residual, xubar):
    H = len(s)
    alpha = L / M
    x = s ** 2 / (M * sigma2)
    z1 = x[x > xubar]
    z2 = x[x <= xubar]
    tau = 0.5 * (z1 - (1 + alpha) + np.sqrt((z1 - (1 + alpha)) ** 2 - 4 * alpha))
    return (np.sum(z2 - np.log(z2)) + np.sum(z1 - tau) + np.sum(np.log((tau + 1) / z1))
            + alpha * np.sum(np.log(tau / alpha + 1)) + residual / (M * sigma2) + (L - H) * np.log(sigma2))


def evbmf(Y, transpose_tall=True):
    """With transpose_tall False, a tall matrix is taken as given, as CONetV2's torch EVBMF does:
    H = L in the bounds, while the free energy's H is the number of singular values."""
    if transpose_tall and Y.shape[0] > Y.shape[1]:
        Y = Y.T
    L, M = Y.shape
    H = L
    alpha = L / M
    tauubar = 2.5129 * np.sqrt(alpha)
    s = np.linalg.svd(Y, compute_uv=False)[:H]
    residual = 0.0
    xubar = (1 + tauubar) * (1 + alpha / tauubar)
    eh = int(np.min([np.ceil(L / (1 + alpha)) - 1, H])) - 1
    upper = (np.sum(s ** 2) + residual) / (L * M)
    lower = max(s[eh + 1] ** 2 / (M * xubar), np.mean(s[eh + 1:] ** 2) / M)
    sigma2 = minimize_scalar(free_energy, args=(L, M, s, residual, xubar), bounds=[lower, upper], method="bounded").x
    threshold = np.sqrt(M * sigma2 * (1 + tauubar) * (1 + alpha / tauubar))
    kept = s[s > threshold]
    ratio = (L + M) * sigma2 / kept ** 2
    d = kept / 2 * (1 - ratio + np.sqrt((1 - ratio) ** 2 - 4 * L * M * sigma2 ** 2 / kept ** 4))
    return s, float(sigma2), d


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        small = int(rng.integers(3, 40))
        large = int(rng.integers(small, 3 * small + 1))
        rows, cols = (large, small) if i % 3 == 2 else (small, large)
        rank = int(rng.integers(0, small // 2 + 1))
        signal = rng.normal(size=(rows, rank)) @ rng.normal(size=(rank, cols)) * rng.uniform(0.5, 5)
        Y = signal + rng.normal(scale=rng.uniform(0.05, 1.0), size=(rows, cols))
        s, sigma2, d = evbmf(Y)
        cases.append({"rows": rows, "columns": cols, "matrix": Y.ravel().tolist(),
                      "singular_values": np.linalg.svd(Y, compute_uv=False).tolist(),
                      "sigma2": sigma2, "rank": int(len(d)), "kept": d.tolist()})
    json.dump(cases, sys.stdout)


if __name__ == "__main__":
    main()
