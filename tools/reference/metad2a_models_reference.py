#!/usr/bin/env python3
"""NumPy restatements of MetaD2A's models (Lee et al., ICLR 2021; code HayeonLee/MetaD2A,
MetaD2A_nas_bench_201) for nasbench's NASMetaD2A tests (Tests/NASMetaD2ATests).

  generator: GeneratorModel.set_encode (fc1, fc2 on intra- then inter-class SetPool 'sabPF') and
             GeneratorModel.loss (teacher-forced vertex cross-entropy + edge BCE, beta * KL,
             reparameterisation with eps_scale), generator/model.py
  predictor: PredictorModel.set_encode, graph_encode (bidirectional gated GRU, hg_unify, fc1),
             predict (pred_fc) and the summed squared error, predictor/predictor_model.py

Written with f32_bound's helpers (through metad2a_reference), so each function runs on float64
arrays (the value) and on `Bounded` inputs (the first-order Float32 error of the engine's
composition of the same steps). The composition follows NASMetaD2A's Swift code step for step:
the gated sum masks every candidate predecessor and sums over them (the authors pad with zero
rows, which the bias-free mapper sends to 0: the same value); the edge term is BCE on logits.

Command line: `metad2a_models_reference.py generator|predictor INPUT.json` prints
{"values": {name: [...]}, "magnitudes": {name: [...]}}. INPUT.json holds "config", "state"
(parameter name -> {"shape", "data"}, the authors' state_dict names), "tasks" (each
[classes, samples, features]), "graphs" ({"types", "predecessors"}), "targets" (predictor), and
for the generator "mean_in", "log_variance_in", "noise": the decoder's loss is computed from these
given values (the test's own mean and log-variance), the outputs "mean", "log_variance" from the tasks.
"""
import json
import sys

import numpy as np

from f32_bound import Bounded, concatenate, constant, exp, log, max_, relu, sum_
from metad2a_reference import bce_with_logits, gaussian_kl, gru_cell, linear, pma, reparameterize, sab, sigmoid, tanh

NVT = 7


def _const(c, like):
    return constant(c) if isinstance(like, Bounded) else c


def log_softmax(x, axis):
    """The engine's logSoftmax: z = x - max (a constant), z - log(sum(exp(z)))."""
    z = x - max_(x, axis=axis, keepdims=True)
    return z - log(sum_(exp(z), axis=axis, keepdims=True))


def one_hot(indices, classes):
    return np.eye(classes)[np.asarray(indices, dtype=int)]


def mlp(x, st, prefix, activation):
    """nn.Sequential(Linear, activation, Linear): names prefix.0.*, prefix.2.*."""
    h = linear(x, st[prefix + '.0.weight'], st[prefix + '.0.bias'])
    h = relu(h) if activation == 'relu' else tanh(h)
    return linear(h, st[prefix + '.2.weight'], st[prefix + '.2.bias'])


def _mab_params(st, prefix):
    names = ['fc_q.weight', 'fc_q.bias', 'fc_k.weight', 'fc_k.bias', 'fc_v.weight', 'fc_v.bias', 'fc_o.weight', 'fc_o.bias']
    return [st[prefix + n] for n in names]


def set_pool(x, st, prefix, heads):
    """SetPool mode 'sabPF': SAB, SAB, PMA (one seed), Linear."""
    h = sab(x, *_mab_params(st, prefix + '.enc.0.mab.'), heads=heads)
    h = sab(h, *_mab_params(st, prefix + '.enc.1.mab.'), heads=heads)
    h = pma(h, st[prefix + '.dec.0.S'], *_mab_params(st, prefix + '.dec.0.mab.'), heads=heads)
    return linear(h, st[prefix + '.dec.1.weight'], st[prefix + '.dec.1.bias'])


def dataset_embedding(task, st, heads):
    """set_encode for one task [classes, samples, features]: intra_setpool per class, then
    inter_setpool over the prototypes; [1, e]."""
    protos = set_pool(task, st, 'intra_setpool', heads)
    classes, e = task.shape[0], protos.shape[2]
    return set_pool(protos.reshape(1, classes, e), st, 'inter_setpool', heads).reshape(1, e)


def message(states, neighbours, st, gate, mapper, max_n, hidden):
    """Gated sum over each graph's neighbours u of sigmoid(gate(x_u)) * mapper(x_u),
    x_u = [h_u, onehot(u)]; zeros without neighbours."""
    batch = len(neighbours)
    cands = sorted({u for ns in neighbours for u in ns})
    if not cands:
        return np.zeros((batch, hidden))
    ids = np.zeros((len(cands) * batch, max_n))
    mask = np.zeros((len(cands) * batch, 1))
    for k, u in enumerate(cands):
        for b in range(batch):
            ids[k * batch + b, u] = 1
            mask[k * batch + b, 0] = 1 if u in neighbours[b] else 0
    x = concatenate([concatenate([states[u] for u in cands], 0), ids], 1)
    g = sigmoid(linear(x, st[gate + '.weight'], st[gate + '.bias'])) * linear(x, st[mapper + '.weight']) * mask
    return sum_(g.reshape(len(cands), batch, hidden), axis=0)


def gru(prefix, st, types, h):
    return gru_cell(one_hot(types, NVT), h, st[prefix + '.weight_ih'], st[prefix + '.weight_hh'],
                    st[prefix + '.bias_ih'], st[prefix + '.bias_hh'])


def reconstruction(z, graphs, st, cfg):
    """GeneratorModel.loss's -log-likelihood under teacher forcing, summed over the batch."""
    n, hs, batch = cfg['max_n'], cfg['hidden'], len(graphs)
    types = [g['types'] for g in graphs]
    preds = [g['predecessors'] for g in graphs]
    h0 = tanh(linear(z, st['fc3.weight'], st['fc3.bias']))
    states = [gru('grud', st, [t[0] for t in types], h0)] + [None] * (n - 1)
    ll = 0.0
    for v in range(1, n):
        tv = [t[v] for t in types]
        scores = log_softmax(mlp(states[v - 1], st, 'add_vertex', 'relu'), 1)
        ll = ll + sum_(scores * one_hot(tv, NVT))
        h = gru('grud', st, tv, np.zeros((batch, hs)))
        added = [[] for _ in range(batch)]
        logits = []
        for u in reversed(range(v)):
            logits.append(mlp(concatenate([states[u], h], 1), st, 'add_edge', 'relu'))
            changed = False
            for b in range(batch):
                if u in preds[b][v]:
                    added[b].append(u)
                    changed = True
            if changed:
                h = gru('grud', st, tv, message(states, added, st, 'decoding_gate.0', 'decoding_mapper.0', n, hs))
        states[v] = h
        targets = np.zeros((batch, v))
        for b in range(batch):
            for u in preds[b][v]:
                targets[b, u] = 1
        ll = ll - bce_with_logits(concatenate(logits[::-1], 1), targets, 'sum')
    return -ll


def generator(inputs, st, cfg):
    v = concatenate([dataset_embedding(t, st, cfg['heads']) for t in inputs['tasks']], 0)
    mu = linear(v, st['fc1.weight'], st['fc1.bias'])
    logvar = linear(v, st['fc2.weight'], st['fc2.bias'])
    # The decoder from the test's own mean and log-variance (exact inputs), so that its bound does
    # not inherit the set encoder's (which compounds through eight attention blocks).
    mu_in, logvar_in, noise = inputs['mean_in'], inputs['log_variance_in'], inputs['noise']
    z = mu_in if noise is None else reparameterize(mu_in, logvar_in, noise, cfg['noise_scale'])
    rec = reconstruction(z, inputs['graphs'], st, cfg)
    kl = gaussian_kl(mu_in, logvar_in)
    total = rec + kl * _const(cfg['kl_weight'], kl)
    return {'mean': mu, 'log_variance': logvar, 'reconstruction': rec, 'kl': kl, 'total': total}


def predictor(inputs, st, cfg):
    n, hs, graphs = cfg['max_n'], cfg['hidden'], inputs['graphs']
    batch = len(graphs)
    d = concatenate([dataset_embedding(t, st, cfg['heads']) for t in inputs['tasks']], 0)
    types = [g['types'] for g in graphs]
    preds = [g['predecessors'] for g in graphs]
    succs = [[[w for w in range(n) if u in p[w]] for u in range(n)] for p in preds]
    fwd = [None] * n
    fwd[0] = gru('grue_forward', st, [t[0] for t in types], np.zeros((batch, hs)))
    for v in range(1, n):
        m = message(fwd, [p[v] for p in preds], st, 'gate_forward.0', 'mapper_forward.0', n, hs)
        fwd[v] = gru('grue_forward', st, [t[v] for t in types], m)
    bwd = [None] * n
    bwd[n - 1] = gru('grue_backward', st, [t[n - 1] for t in types], np.zeros((batch, hs)))
    for v in reversed(range(n - 1)):
        m = message(bwd, [s[v] for s in succs], st, 'gate_backward.0', 'mapper_backward.0', n, hs)
        bwd[v] = gru('grue_backward', st, [t[v] for t in types], m)
    hg = linear(concatenate([fwd[n - 1], bwd[0]], 1), st['hg_unify.0.weight'], st['hg_unify.0.bias'])
    g = linear(hg, st['fc1.weight'], st['fc1.bias'])
    pred = mlp(concatenate([d, g], 1), st, 'pred_fc', 'tanh')
    diff = pred - np.asarray(inputs['targets'], dtype=np.float64).reshape(batch, 1)
    return {'prediction': pred, 'loss': sum_(diff * diff)}


def _array(v):
    # Through float32 first: each shortest decimal parses back to exactly the Float the test holds.
    return np.array(v['data'], dtype=np.float32).astype(np.float64).reshape(v['shape'])


def run(model, raw, bounded):
    wrap = (lambda a: Bounded(a)) if bounded else (lambda a: a)
    st = {k: wrap(_array(v)) for k, v in raw['state'].items()}
    inputs = {'tasks': [wrap(_array(t)) for t in raw['tasks']], 'graphs': raw['graphs'],
              'noise': None if raw.get('noise') is None else wrap(_array(raw['noise'])),
              'targets': [float(np.float32(t)) for t in raw.get('targets', [])]}
    for name in ('mean_in', 'log_variance_in'):
        inputs[name] = wrap(_array(raw[name])) if name in raw else None
    cfg = {k: int(v) if k in ('hidden', 'max_n', 'heads') else float(v) for k, v in raw['config'].items()}
    return (generator if model == 'generator' else predictor)(inputs, st, cfg)


def main(argv):
    model, path = argv[1], argv[2]
    with open(path) as f:
        raw = json.load(f)
    values = run(model, raw, bounded=False)
    magnitudes = run(model, raw, bounded=True)
    print(json.dumps({'values': {k: np.ravel(np.asarray(v, dtype=np.float64)).tolist() for k, v in values.items()},
                      'magnitudes': {k: np.ravel(magnitudes[k].m).tolist() for k in values}}))


if __name__ == '__main__':
    main(sys.argv)
