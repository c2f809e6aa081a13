#!/usr/bin/env python3
"""PIL's bilinear enlargement (what torchvision's Resize does to a PIL image) of scikit-learn's
digits, for NASDatasetsTests: the first N images, pixels scaled 0-16 -> 0-255 as
SklearnDigits does, resized to SIDE x SIDE. Prints JSON: a list of images, each SIDE*SIDE ints.

Usage: resize_reference.py DIGITS_CSV_GZ N SIDE
"""
import json
import sys

import numpy as np
from PIL import Image
path, n, side = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
images = np.loadtxt(path, delimiter=",", max_rows=n)[:, :64].reshape(-1, 8, 8)
out = []
for image in images:
    pixels = np.floor(image * 255 / 16 + 0.5).astype(np.uint8)  # round half up, as Swift's rounded()
    resized = Image.fromarray(pixels, mode="L").resize((side, side), Image.BILINEAR)
    out.append(np.asarray(resized).astype(int).ravel().tolist())
json.dump(out, sys.stdout)
