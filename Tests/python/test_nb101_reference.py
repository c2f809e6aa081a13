"""The committed NB101 test data is what the generator scripts print (official graph code, format)."""
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_reference_hashes_are_regenerated_identically():
    pytest.importorskip("numpy")
    try:
        import importlib.metadata
        importlib.metadata.distribution("nasbench-pytorch")
    except importlib.metadata.PackageNotFoundError:
        pytest.fail("nasbench-pytorch is not installed: pip install --no-deps -r tools/requirements-nb101.txt")
    out = subprocess.run([sys.executable, str(ROOT / "tools/reference/nb101_reference_hashes.py")], check=True,
                         capture_output=True, text=True).stdout
    assert out == (ROOT / "Tests/NASSpacesTests/NB101ReferenceHashes.swift").read_text()


def test_tfrecord_fixtures_are_regenerated_identically():
    folder = ROOT / "Tests/NASOracleTests/Fixtures/nb101"
    with tempfile.TemporaryDirectory() as temp:
        subprocess.run([sys.executable, str(ROOT / "tools/reference/nb101_tfrecord_fixtures.py"), temp], check=True)
        made = sorted(p.name for p in Path(temp).iterdir())
        assert made == sorted(p.name for p in folder.iterdir())
        for name in made:
            assert (Path(temp) / name).read_bytes() == (folder / name).read_bytes(), name


def test_nasbench_reads_the_official_record_framing(nasbench, tmp_path):
    """Our reader accepts the generator's file and rejects a flipped bit, end to end."""
    good = ROOT / "Tests/NASOracleTests/Fixtures/nb101/only108.tfrecord"
    nasbench("import", "nb101", good, "-o", tmp_path / "t.h5")
    data = bytearray(good.read_bytes())
    data[40] ^= 0x10
    (tmp_path / "bad.tfrecord").write_bytes(bytes(data))
    result = nasbench("import", "nb101", tmp_path / "bad.tfrecord", "-o", tmp_path / "x.h5", check=False)
    assert result.returncode != 0 and "CRC-32C" in result.stderr
