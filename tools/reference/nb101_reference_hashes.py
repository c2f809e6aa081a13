#!/usr/bin/env python3
"""Reference NAS-Bench-101 module hashes from the official graph code, as Swift test data.

The PyPI wheel `nasbench-pytorch` (1.3.1, Apache-2.0) carries the official `graph_util.py`
and `model_spec.py` of google-research/nasbench unchanged apart from the package path and a
`torch.tensor` conversion of the pruned matrix. This script loads those two files (not the
package, whose `__init__` needs PyTorch; `torch` is replaced by a stub whose `tensor` is
`numpy.array`) and hashes seeded specs exactly as `NASBench.query` does:
`ModelSpec(matrix, ops).hash_spec(['conv3x3-bn-relu', 'conv1x1-bn-relu', 'maxpool3x3'])`.

    pip install --no-deps nasbench-pytorch==1.3.1
    python3 tools/reference/nb101_reference_hashes.py > Tests/NASSpacesTests/NB101ReferenceHashes.swift

Output is deterministic (numpy RandomState seeds); Tests/python/test_nb101_reference.py checks
that the committed file is what this script prints.
"""
import importlib.metadata
import importlib.util
import os
import sys
import types

import numpy as np

AVAILABLE_OPS = ["conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"]
PINNED_VERSION = "1.3.1"


def load_official():
    """graph_util and model_spec modules from the installed nasbench-pytorch wheel."""
    dist = importlib.metadata.distribution("nasbench-pytorch")
    if dist.version != PINNED_VERSION:
        sys.exit(f"nb101_reference_hashes: error: nasbench-pytorch {dist.version} installed, expected {PINNED_VERSION}")
    folder = str(dist.locate_file("nasbench_pytorch/model"))
    package = types.ModuleType("nasbench_pytorch")
    package.__path__ = []
    model = types.ModuleType("nasbench_pytorch.model")
    model.__path__ = []
    sys.modules.update({"nasbench_pytorch": package, "nasbench_pytorch.model": model})
    sys.modules.setdefault("torch", types.SimpleNamespace(tensor=np.array))
    loaded = []
    for name in ("graph_util", "model_spec"):
        spec = importlib.util.spec_from_file_location(f"nasbench_pytorch.model.{name}", os.path.join(folder, f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        setattr(model, name, module)
        spec.loader.exec_module(module)
        loaded.append(module)
    return loaded


def text(matrix, ops):
    """nasbench's text form: matrix rows as digits, '|', the ops between input and output."""
    rows = ",".join("".join(str(int(x)) for x in row) for row in np.asarray(matrix))
    return rows + "|" + ",".join(ops[1:-1])


def official_hash(model_spec, matrix, ops):
    spec = model_spec.ModelSpec(np.array(matrix), list(ops))
    if not spec.valid_spec or int(np.sum(np.asarray(spec.matrix))) > 9:
        return None
    return spec.hash_spec(AVAILABLE_OPS)


def random_spec(rng):
    matrix = np.triu(rng.randint(0, 2, size=(7, 7)), 1)
    ops = ["input"] + [AVAILABLE_OPS[i] for i in rng.randint(0, 3, size=5)] + ["output"]
    return matrix, ops


def relabel(rng, matrix, ops):
    """A random renumbering of the intermediate vertices that keeps the matrix upper triangular."""
    n = len(ops)
    while True:
        inner = list(rng.permutation(range(1, n - 1)))
        order = [0] + inner + [n - 1]  # new vertex i is old vertex order[i]
        new = np.array([[matrix[order[i]][order[j]] for j in range(n)] for i in range(n)])
        if not np.any(np.tril(new)):
            return new, [ops[k] for k in order]


def vectors():
    graph_util, model_spec = load_official()
    cases = []
    # The README's Inception-like cell, and the smallest graphs.
    cases.append(([[0, 1, 1, 1, 0, 1, 0], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 1, 0, 0],
                   [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0]],
                  ["input", "conv1x1-bn-relu", "conv3x3-bn-relu", "conv3x3-bn-relu", "conv3x3-bn-relu", "maxpool3x3", "output"]))
    cases.append(([[0, 1], [0, 0]], ["input", "output"]))
    for op in AVAILABLE_OPS:
        cases.append(([[0, 1, 1], [0, 0, 1], [0, 0, 0]], ["input", op, "output"]))
        cases.append(([[0, 1, 0], [0, 0, 1], [0, 0, 0]], ["input", op, "output"]))
    rng = np.random.RandomState(101)
    # 40 valid random specs as the official example samples them (most prune to fewer vertices).
    found = 0
    while found < 40:
        matrix, ops = random_spec(rng)
        if official_hash(model_spec, matrix, ops) is not None:
            found += 1
            cases.append((matrix, ops))
    # 40 full 7-vertex DAGs (nothing pruned), the first 30 each followed by a random relabelling.
    found = 0
    while found < 40:
        matrix, ops = random_spec(rng)
        if not graph_util.is_full_dag(matrix) or official_hash(model_spec, matrix, ops) is None:
            continue
        found += 1
        cases.append((matrix, ops))
        if found <= 30:
            cases.append(relabel(rng, matrix, ops))
    lines = []
    for matrix, ops in cases:
        key = official_hash(model_spec, matrix, ops)
        assert key is not None
        # The official check on unpruned full DAGs, for the record.
        assert graph_util.hash_module(np.array(model_spec.ModelSpec(np.array(matrix), list(ops)).matrix),
                                      [-1] + [AVAILABLE_OPS.index(o) for o in model_spec.ModelSpec(np.array(matrix), list(ops)).ops[1:-1]] + [-2]) == key
        lines.append(f'        ("{text(matrix, ops)}", "{key}"),')
    return lines


def main():
    lines = vectors()
    print("// Generated by tools/reference/nb101_reference_hashes.py from the official graph code in the PyPI wheel")
    print("// nasbench-pytorch 1.3.1 (graph_util.py, model_spec.py). Do not edit by hand.")
    print("")
    print("/// (spec in nasbench's text form, official module hash): small graphs, 40 random valid specs,")
    print("/// then 40 random full 7-vertex DAGs, the first 30 each followed by a random relabelling of")
    print("/// itself (an isomorphic spec, which must hash the same).")
    print("enum NB101ReferenceHashes {")
    print("    static let vectors: [(cell: String, hash: String)] = [")
    print("\n".join(lines))
    print("    ]")
    print("}")


if __name__ == "__main__":
    main()
