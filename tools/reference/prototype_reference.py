#!/usr/bin/env python3
"""Nearest-class-prototype accuracy in NumPy (float64), for NASMetaD2ATests: the independent
check of PrototypeAccuracy. Reads JSON {"dimension": D, "features": [rows * D floats],
"episodes": [{"support": [[row, ...] per way], "queries": [[row, ...] per way]}]} and prints JSON:
per episode {"correct": int, "total": int, "predicted": [way per query, in way then row order]}.
Prototype = mean of the way's support rows; a query goes to the least squared Euclidean distance,
ties to the lower way (np.argmin).

Usage: prototype_reference.py INPUT_JSON
"""
import json
import sys

import numpy as np

spec = json.load(open(sys.argv[1]))
features = np.asarray(spec["features"], dtype=np.float64).reshape(-1, spec["dimension"])
out = []
for episode in spec["episodes"]:
    prototypes = np.stack([features[np.asarray(rows)].mean(axis=0) for rows in episode["support"]])
    predicted, correct, total = [], 0, 0
    for way, rows in enumerate(episode["queries"]):
        queries = features[np.asarray(rows)]
        distances = ((queries[:, None, :] - prototypes[None, :, :]) ** 2).sum(axis=2)
        nearest = distances.argmin(axis=1)
        predicted += nearest.tolist()
        correct += int((nearest == way).sum())
        total += len(rows)
    out.append({"correct": correct, "total": total, "predicted": predicted})
json.dump(out, sys.stdout)
