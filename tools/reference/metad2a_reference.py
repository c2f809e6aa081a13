"""NumPy restatements of the engine pieces MetaD2A needs (Lee et al., ICLR 2021; code
HayeonLee/MetaD2A, MetaD2A_nas_bench_201), for nasbench's tests (Tests/NASTensorTests/MetaD2A*Tests.swift).

Each function restates PyTorch's documented semantics or MetaD2A's code in float64, written with
f32_bound's helpers so that `f32_bound.magnitude(f, ...)` gives the first-order Float32 error of the
engine's composition of the same steps (the tests' tolerance). Where PyTorch documents one formula
and the engine computes an algebraically equal one, the value follows the documentation and the
magnitude follows the engine (marked below).

Library use, from a test's NumPy snippet: `import metad2a_reference as R; out = R.gru_cell(...)`.
Command line: `metad2a_reference.py plateau SEED` and `metad2a_reference.py sampling SEED` print
JSON cases (see `plateau_cases` and `sampling_cases`).
"""
import json
import math
import sys

import numpy as np

from f32_bound import (Bounded, abs_, concatenate, constant, exp, log, log1p, magnitude, matmul, max_, mean,
                       minimum0, relu, split, sqrt, sum_, swap_last)

__all__ = ["magnitude"]


def _bounded(*xs):
    return any(isinstance(x, Bounded) for x in xs)


def sigmoid(x):
    if _bounded(x):
        # The engine's primitive: 1 / (1 + e^-x), or e^x / (1 + e^x) below 0: at most 6 roundings
        # relative to the result (expf 2, the sum's 1 plus the 2 it inherits, the division 1).
        r = 1 / (1 + np.exp(-x.v))
        return Bounded(r, r * (1 - r) * x.m + 6 * r)
    return 1 / (1 + np.exp(-x))


def tanh(x):
    if _bounded(x):
        # The engine's primitive, glibc's tanhf: allowed 4 ulp (8 u |r|); glibc lists 2.
        r = np.tanh(x.v)
        return Bounded(r, (1 - r * r) * x.m + 8 * np.abs(r))
    return np.tanh(x)


def softmax(x, axis):
    if _bounded(x):  # the engine: exp(logSoftmax), the max subtracted as a constant
        z = x - max_(x, axis=axis, keepdims=True)
        return exp(z - log(sum_(exp(z), axis=axis, keepdims=True)))
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def linear(x, w, b=None):
    """torch.nn.functional.linear: x w^T + b over the last axis, any leading axes."""
    y = matmul(x, swap_last(w))
    return y if b is None else y + b


# --- indexing (exact ops: the engine's values must equal these) -------------------------------

def index_select(x, indices, axis):
    """torch.index_select: entries `indices` (repeats allowed) along `axis`."""
    return np.take(x, indices, axis=axis)


def narrow(x, axis, start, stop):
    """torch.narrow(x, axis, start, stop - start)."""
    index = [slice(None)] * x.ndim
    index[axis] = slice(start, stop)
    return x[tuple(index)]


def stack(xs, axis):
    """torch.stack."""
    return np.stack(xs, axis=axis)


# --- losses, Gaussian -------------------------------------------------------------------------

def log_sigmoid(x):
    """torch.nn.functional.logsigmoid: log(1 / (1 + e^-x)) = min(x, 0) - log1p(e^-|x|)."""
    return minimum0(x) - log1p(exp(-abs_(x)))


def bce_with_logits(x, y, reduction):
    """torch.nn.BCEWithLogitsLoss: max(x, 0) - x y + log(1 + e^-|x|) per element."""
    per = relu(x) - x * y + log1p(exp(-abs_(x)))
    if reduction == "none":
        return per
    return mean(per) if reduction == "mean" else sum_(per)


def gaussian_kl(mu, logvar):
    """MetaD2A's kld: -0.5 * sum(1 + logvar - mu^2 - exp(logvar))."""
    return sum_((1 + logvar) - mu * mu - exp(logvar)) * -0.5


def reparameterize(mu, logvar, eps, scale):
    """MetaD2A's reparameterize: (eps * eps_scale) * exp(0.5 logvar) + mu, eps given."""
    s = constant(scale) if _bounded(mu, logvar) else scale
    return mu + (eps * s) * exp(logvar * 0.5)


# --- GRU ---------------------------------------------------------------------------------------

def gru_cell(x, h, w_ih, w_hh, b_ih, b_hh):
    """torch.nn.GRUCell's documented equations, gates r, z, n in the rows of w_ih / w_hh:
    r = sigmoid(W_ir x + b_ir + W_hr h + b_hr), z = sigmoid(W_iz x + b_iz + W_hz h + b_hz),
    n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h."""
    hs = h.shape[1]
    gi, gh = linear(x, w_ih, b_ih), linear(h, w_hh, b_hh)
    r = sigmoid(gi[:, :hs] + gh[:, :hs])
    z = sigmoid(gi[:, hs:2 * hs] + gh[:, hs:2 * hs])
    n = tanh(gi[:, 2 * hs:] + r * gh[:, 2 * hs:])
    if _bounded(n):
        return n + z * (h - n)  # the engine (and PyTorch's CPU kernel): the same value
    return (1 - z) * n + z * h


def gru_sequence(xs, h, w_ih, w_hh, b_ih, b_hh):
    """The cell unrolled over xs [T, N, in] from h [N, H]: every state stacked, [T, N, H]."""
    states = []
    for t in range(xs.shape[0]):
        h = gru_cell(xs[t], h, w_ih, w_hh, b_ih, b_hh)
        states.append(h.reshape(1, *h.shape))
    return concatenate(states, 0)


# --- Set Transformer blocks as MetaD2A uses them (set_encoder/setenc_modules.py) ----------------

def layer_norm(x, w, b, eps=1e-5):
    """torch.nn.LayerNorm over the last axis (biased variance)."""
    c = x - mean(x, axis=-1, keepdims=True)
    var = mean(c * c, axis=-1, keepdims=True)
    e = constant(eps) if _bounded(x) else eps
    return c / sqrt(var + e) * w + b


def mab(q, k, wq, bq, wk, bk, wv, bv, wo, bo, heads, ln=None):
    """MAB.forward: Q_, K_, V_ = cat(split(dim_V // heads, 2), 0) of the projections;
    A = softmax(Q_ K_^T / sqrt(dim_V), 2); O = cat((Q_ + A V_).split(B, 0), 2);
    O = ln0(O); O = O + relu(fc_o(O)); O = ln1(O). `ln` = (w0, b0, w1, b1) or None."""
    qp, kp, vp = linear(q, wq, bq), linear(k, wk, bk), linear(k, wv, bv)
    dim_v = qp.shape[2]
    ds = dim_v // heads
    q_ = concatenate(split(qp, ds, 2), 0)
    k_ = concatenate(split(kp, ds, 2), 0)
    v_ = concatenate(split(vp, ds, 2), 0)
    scale = constant(math.sqrt(dim_v)) if _bounded(q_) else math.sqrt(dim_v)
    a = softmax(matmul(q_, swap_last(k_)) / scale, 2)
    o = concatenate(split(q_ + matmul(a, v_), q.shape[0], 0), 2)
    if ln is not None:
        o = layer_norm(o, ln[0], ln[1])
    o = o + relu(linear(o, wo, bo))
    if ln is not None:
        o = layer_norm(o, ln[2], ln[3])
    return o


def sab(x, *params, heads):
    """SAB.forward: MAB(X, X)."""
    return mab(x, x, *params, heads=heads)


def pma(x, s, *params, heads):
    """PMA.forward: MAB(S.repeat(B, 1, 1), X)."""
    return mab(concatenate([s] * x.shape[0], 0), x, *params, heads=heads)


# --- ReduceLROnPlateau -------------------------------------------------------------------------

def plateau_rates(metrics, lr, mode="min", factor=0.1, patience=10, threshold=1e-4, threshold_mode="rel",
                  cooldown=0, min_lr=0.0, eps=1e-8):
    """torch.optim.lr_scheduler.ReduceLROnPlateau's documented rules, one step per metric; the rate
    after each step."""
    best = math.inf if mode == "min" else -math.inf
    bad = 0
    cooldown_left = 0
    rates = []
    for m in metrics:
        if mode == "min":
            better = m < best * (1 - threshold) if threshold_mode == "rel" else m < best - threshold
        else:
            better = m > best * (1 + threshold) if threshold_mode == "rel" else m > best + threshold
        if better:
            best, bad = m, 0
        else:
            bad += 1
        if cooldown_left > 0:
            cooldown_left -= 1
            bad = 0
        if bad > patience:
            new = max(lr * factor, min_lr)
            if lr - new > eps:
                lr = new
            cooldown_left = cooldown
            bad = 0
        rates.append(lr)
    return rates


def plateau_cases(seed):
    rng = np.random.default_rng(seed)
    configs = [
        dict(lr=1e-4, mode="min", factor=0.1, patience=10),  # MetaD2A's solvers
        dict(lr=1.0, mode="min", factor=0.5, patience=2, cooldown=3),
        dict(lr=0.1, mode="max", factor=0.5, patience=3, threshold=0.01),
        dict(lr=0.1, mode="min", factor=0.3, patience=1, threshold=0.05, threshold_mode="abs"),
        dict(lr=0.1, mode="max", factor=0.2, patience=0, threshold=0.02, threshold_mode="abs", cooldown=1),
        dict(lr=1.0, mode="min", factor=0.5, patience=1, min_lr=0.1),
        dict(lr=2e-8, mode="min", factor=0.1, patience=0, min_lr=0.0),  # drops by less than eps: kept
    ]
    cases = []
    for config in configs:
        n = 120
        trend = np.cumsum(np.where(rng.random(n) < 0.3, -rng.random(n) * 0.1, 0.0))
        metrics = 1.0 + trend + rng.normal(size=n) * 0.01 * rng.random()
        if config["mode"] == "max":
            metrics = -metrics + 3
        metrics = [float(v) for v in metrics]
        kwargs = {k: v for k, v in config.items() if k != "lr"}
        cases.append(dict(config=config, metrics=metrics, rates=plateau_rates(metrics, config["lr"], **kwargs)))
    return cases


# --- sampling with nasbench's SplitMix64 -------------------------------------------------------

MASK = (1 << 64) - 1


class SplitMix64:
    """NASCore's SplitMix64 and its nextUnitDouble()."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit_double(self):
        return (self.next() >> 11) * 2.0 ** -53


def categorical(p, rng):
    """numpy's random.choice(p=row) inversion with u from rng: per row, the first index whose
    normalised cumulative probability exceeds u."""
    picks = []
    for row in p.reshape(-1, p.shape[-1]):
        cdf = np.cumsum(row)
        cdf /= cdf[-1]
        picks.append(int(np.searchsorted(cdf, rng.unit_double(), side="right")))
    return picks


def bernoulli(p, rng):
    """MetaD2A's torch.rand_like(p) < p, one uniform per element in row-major order."""
    return [bool(rng.unit_double() < v) for v in p.ravel()]


def sampling_cases(seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(size=(40, 7)) * 2
    logits[::5, 2] = -np.inf  # categories of probability zero
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = (probs / probs.sum(axis=1, keepdims=True)).astype(np.float32).astype(np.float64)
    edge = (1 / (1 + np.exp(-rng.normal(size=(6, 9)) * 3))).astype(np.float32).astype(np.float64)
    edge[0, :3] = [0.0, 1.0, 0.5]
    stream = seed * 7 + 1
    return dict(stream_seed=stream, probabilities=probs.ravel().tolist(), shape=list(probs.shape),
                categorical=categorical(probs, SplitMix64(stream)),
                edge_probabilities=edge.ravel().tolist(), edge_shape=list(edge.shape),
                bernoulli=bernoulli(edge, SplitMix64(stream + 1)))


def main():
    command, seed = sys.argv[1], int(sys.argv[2])
    if command == "plateau":
        json.dump(plateau_cases(seed), sys.stdout)
    elif command == "sampling":
        json.dump(sampling_cases(seed), sys.stdout)
    else:
        sys.exit(f"unknown command {command!r} (expected plateau or sampling)")


if __name__ == "__main__":
    main()
