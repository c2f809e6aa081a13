#!/usr/bin/env python3
"""Reference numbers for tensor-bench: NumPy float32 matmul GFLOP/s at the
same sizes, and the PyTorch CPU training-step time of the same Fashion-MNIST
CNN (batch 128, Adam) when torch is importable.

Usage: python3 tools/reference/tensor_bench_reference.py [--quick]
"""
import os
import sys
import time

import numpy as np

QUICK = "--quick" in sys.argv


def timeit(fn, repeats):
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


def blas_info():
    try:
        import threadpoolctl  # noqa: F401
        from threadpoolctl import threadpool_info
        for lib in threadpool_info():
            if lib.get("user_api") == "blas":
                return "%s %s, kernel %s, %s threads" % (
                    lib.get("internal_api"), lib.get("version"), lib.get("architecture"), lib.get("num_threads"))
    except ImportError:
        pass
    return "threadpoolctl not installed (kernel name unknown)"


print("NumPy", np.__version__, "-", blas_info())
print("OPENBLAS_CORETYPE=%s OPENBLAS_L2_SIZE=%s" % (
    os.environ.get("OPENBLAS_CORETYPE", "(unset)"), os.environ.get("OPENBLAS_L2_SIZE", "(unset)")))
print("\n== numpy float32 matmul (square n x n x n), GFLOP/s ==")
rng = np.random.default_rng(1)
for n in ([256, 1024] if QUICK else [128, 256, 512, 1024, 2048]):
    a = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    c = np.empty((n, n), dtype=np.float32)
    t = timeit(lambda: np.matmul(a, b, out=c), 5 if n >= 1024 else 20)
    print("%5d   %8.1f" % (n, 2.0 * n ** 3 / t / 1e9))

print("\n== PyTorch CPU CNN training step (batch 128, Adam) ==")
try:
    import torch
except ImportError:
    print("torch is not importable here: no PyTorch reference step time")
    sys.exit(0)

torch.manual_seed(1)
model = torch.nn.Sequential(
    torch.nn.Conv2d(1, 16, 3, padding=1, bias=False), torch.nn.BatchNorm2d(16), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
    torch.nn.Conv2d(16, 32, 3, padding=1, bias=False), torch.nn.BatchNorm2d(32), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
    torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(128, 1, 28, 28)
y = torch.arange(128) % 10


def step():
    opt.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()


print("torch %s, %d threads: step %.2f ms" % (torch.__version__, torch.get_num_threads(),
                                              timeit(step, 5 if QUICK else 20) * 1e3))
