"""First-order Float32 error magnitudes for nasbench's op tests (Tests/TestSupport/Float32Tolerance.swift).

`Bounded(v, m)` is an exact float64 value `v` with a coefficient `m >= 0` such that the engine's
Float32 result of the same computation differs from `v` by at most `u * m` to first order in the
unit roundoff `u = 2^-24`. Each operation adds its own rounding (relative to its result) to the
error it propagates from its operands (through its derivative, or its Lipschitz constant):

    a + b, a - b   m_a + m_b + |r|
    a * b          m_a |b| + |a| m_b + |r|
    a / b          m_a / |b| + |a| m_b / b^2 + |r|
    exp, log, log1p   propagated + 2 |r|   (glibc's expf/logf/log1pf: within 1 ulp <= 2u |r|)
    sqrt           m_a / (2 r) + |r|      (correctly rounded)
    relu, max      m_a                    (1-Lipschitz, exact)
    sum of n       sum m_i + n sum |t_i|  (Higham's gamma_(n-1) sum |t_i|, any order)
    matmul, K      m_a |B| + |A| m_b + K |A| |B|   (gamma_K sum |a_i b_j|, any BLAS order)

Reshapes, transposes, slices and concatenations are exact. A constant the engine rounds to Float
(1/n in a mean, sqrt(d), 1e-5) enters as `Bounded(c, |c|)`. Functions written with the helpers below
(`exp`, `matmul`, ...) run on plain numpy arrays (the float64 reference) or on `Bounded` values (the
magnitude); `magnitude(f, *inputs)` runs `f` on exact inputs and returns the coefficient array. Tests
assert `|ours - reference| <= gamma(2) * m`: twice the first-order bound, which covers the neglected
O(u^2) terms.
"""
import numpy as np


class Bounded:
    __array_ufunc__ = None  # numpy arrays and scalars defer to our operators

    def __init__(self, v, m=None):
        self.v = np.asarray(v, dtype=np.float64)
        self.m = np.zeros_like(self.v) if m is None else np.asarray(m, dtype=np.float64)

    @staticmethod
    def of(x):
        return x if isinstance(x, Bounded) else Bounded(x)

    @property
    def shape(self):
        return self.v.shape

    def __add__(self, o):
        o = Bounded.of(o); r = self.v + o.v
        return Bounded(r, self.m + o.m + np.abs(r))

    __radd__ = __add__

    def __sub__(self, o):
        o = Bounded.of(o); r = self.v - o.v
        return Bounded(r, self.m + o.m + np.abs(r))

    def __rsub__(self, o):
        return Bounded.of(o) - self

    def __neg__(self):
        return Bounded(-self.v, self.m)

    def __mul__(self, o):
        o = Bounded.of(o); r = self.v * o.v
        return Bounded(r, self.m * np.abs(o.v) + np.abs(self.v) * o.m + np.abs(r))

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Bounded.of(o); r = self.v / o.v
        return Bounded(r, self.m / np.abs(o.v) + np.abs(self.v) * o.m / o.v ** 2 + np.abs(r))

    def __rtruediv__(self, o):
        return Bounded.of(o) / self

    def __getitem__(self, index):
        return Bounded(self.v[index], self.m[index])

    def reshape(self, *shape):
        return Bounded(self.v.reshape(*shape), self.m.reshape(*shape))

    def transpose(self, *axes):
        return Bounded(self.v.transpose(*axes), self.m.transpose(*axes))


def constant(c):
    """A constant the engine rounds to Float: one rounding of its own."""
    return Bounded(c, abs(c))


def _unary(x, f, dfdx, lib_roundings):
    if not isinstance(x, Bounded):
        return f(x)
    r = f(x.v)
    return Bounded(r, np.abs(dfdx(x.v, r)) * x.m + lib_roundings * np.abs(r))


def exp(x):
    return _unary(x, np.exp, lambda a, r: r, 2)


def log(x):
    return _unary(x, np.log, lambda a, r: 1 / a, 2)


def log1p(x):
    return _unary(x, np.log1p, lambda a, r: 1 / (1 + a), 2)


def sqrt(x):
    return _unary(x, np.sqrt, lambda a, r: 0.5 / r, 1)


def relu(x):
    if not isinstance(x, Bounded):
        return np.maximum(x, 0)
    return Bounded(np.maximum(x.v, 0), x.m)


def abs_(x):
    if not isinstance(x, Bounded):
        return np.abs(x)
    return Bounded(np.abs(x.v), x.m)


def minimum0(x):
    if not isinstance(x, Bounded):
        return np.minimum(x, 0)
    return Bounded(np.minimum(x.v, 0), x.m)


def maximum0(x):
    return relu(x)


def sum_(x, axis=None, keepdims=False):
    if not isinstance(x, Bounded):
        return x.sum(axis=axis, keepdims=keepdims)
    n = x.v.size if axis is None else np.prod([x.v.shape[a] for a in np.atleast_1d(axis)])
    return Bounded(x.v.sum(axis=axis, keepdims=keepdims),
                   x.m.sum(axis=axis, keepdims=keepdims) + n * np.abs(x.v).sum(axis=axis, keepdims=keepdims))


def max_(x, axis=None, keepdims=False):
    if not isinstance(x, Bounded):
        return x.max(axis=axis, keepdims=keepdims)
    return Bounded(x.v.max(axis=axis, keepdims=keepdims), x.m.max(axis=axis, keepdims=keepdims))


def mean(x, axis=None, keepdims=False):
    """The engine's mean: the sum times the Float constant 1/n."""
    n = int(np.prod(x.shape)) if axis is None else x.shape[axis]
    s = sum_(x, axis, keepdims)
    return s * (constant(1.0 / n) if isinstance(x, Bounded) else 1.0 / n)


def matmul(a, b):
    if not isinstance(a, Bounded) and not isinstance(b, Bounded):
        return a @ b
    a, b = Bounded.of(a), Bounded.of(b)
    k = a.v.shape[-1]
    return Bounded(a.v @ b.v, a.m @ np.abs(b.v) + np.abs(a.v) @ b.m + k * (np.abs(a.v) @ np.abs(b.v)))


def swap_last(x):
    axes = list(range(len(x.shape)))
    axes[-1], axes[-2] = axes[-2], axes[-1]
    return x.transpose(*axes)


def concatenate(parts, axis):
    if not any(isinstance(p, Bounded) for p in parts):
        return np.concatenate(parts, axis=axis)
    parts = [Bounded.of(p) for p in parts]
    return Bounded(np.concatenate([p.v for p in parts], axis=axis), np.concatenate([p.m for p in parts], axis=axis))


def split(x, size, axis):
    """torch's tensor.split(size, axis) for a size that divides the axis."""
    n = x.shape[axis] // size
    index = [slice(None)] * len(x.shape)
    out = []
    for i in range(n):
        index[axis] = slice(i * size, (i + 1) * size)
        out.append(x[tuple(index)])
    return out


def magnitude(f, *inputs, **kwargs):
    """The first-order error coefficient of `f` evaluated in Float32 on exact `inputs`."""
    return f(*[Bounded(x) for x in inputs], **kwargs).m
