"""Shared fixtures for the Python cross-checks: the nasbench binary and the real-data folder."""
import itertools
import os
import subprocess
from pathlib import Path

import pytest

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def nb201_string(ops):
    """Official NB201 string of 6 op indices in the official edge order."""
    o = [OPS[i] for i in ops]
    return f"|{o[0]}~0|+|{o[1]}~0|{o[2]}~1|+|{o[3]}~0|{o[4]}~1|{o[5]}~2|"


def all_nb201_cells():
    return list(itertools.product(range(5), repeat=6))


@pytest.fixture(scope="session")
def nasbench():
    binary = os.environ.get("NASBENCH_BIN") or str(Path(__file__).resolve().parents[2] / ".build/debug/nasbench")
    if not Path(binary).exists():
        pytest.fail(f"nasbench binary not found at {binary}: run `swift build --product nasbench` (make test does)")

    def run(*args, check=True, input=None):
        result = subprocess.run([binary, *map(str, args)], capture_output=True, text=True, input=input)
        if check and result.returncode != 0:
            raise AssertionError(f"nasbench {' '.join(map(str, args))} failed: {result.stderr}")
        return result

    return run


@pytest.fixture(scope="session")
def real_data():
    path = os.environ.get("NASBENCH_DATA")
    if not path:
        pytest.skip("NASBENCH_DATA not set: real-data check skipped (set it to a folder like ../shared/data)")
    folder = Path(path)
    if not (folder / "nb201" / "nb201_full.csv").exists():
        pytest.fail(f"NASBENCH_DATA={path} is set but nb201/nb201_full.csv is missing")
    return folder
