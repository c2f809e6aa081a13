"""Faults with nothing lost (docs/RELIABILITY.md): `kill -9` at seeded random points of search,
predictors, rwe, moo (NSGA-II with RWE), conet search, conet train, metad2a build-db and metad2a train-encoder runs, each resumed to the bytes of an uninterrupted run; a full disk and a
read-only output folder (tmpfs mounts, root only) giving a one-line error with earlier results
intact and a resume that completes them; a table replaced while a run reads it; two runs given one
--out (the second refused by the run lock)."""
import os
import random
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "data" / "nb201-analog-sample100.h5"
COLUMN = "cifar10.test.accuracy.e200"
KILLS_PER_KIND = 3


def binary():
    path = os.environ.get("NASBENCH_BIN") or str(ROOT / ".build/debug/nasbench")
    if not Path(path).exists():
        pytest.fail(f"nasbench binary not found at {path}: run `swift build --product nasbench` (make test does)")
    return path


def search(out, trials=40, table=TABLE):
    return ["search", "--table", table, "--search-column", COLUMN, "--test-column", COLUMN, "--query-seed", "mean",
            "--strategies", "random,evolution,local", "--trials", trials, "--budget", "60", "--jobs", "2", "--out", out]


def predictors(out, table=TABLE):
    return ["predictors", "--table", table, "--dataset", "cifar10", "--split", "test", "--metric", "accuracy",
            "--epochs", "200", "--train-sizes", "10,30", "--trials", "12", "--predictors", "rf,ridge,gbdt",
            "--jobs", "2", "--out", out]


def rwe(out, cifar):
    return ["rwe", "--table", TABLE, "--cifar", cifar, "--truth", COLUMN, "--sample", "8", "--seed", "3",
            "--channels", "4", "--images", "60", "--test-images", "40", "--naswot-batch", "8", "--head-steps", "60",
            "--out", out]


def moo(out, cifar, table):
    return ["moo", "--table", table, "--accuracy", "rwe", "--truth", COLUMN, "--cost", "flops", "--population", "6",
            "--generations", "2", "--seed", "3", "--cifar", cifar, "--channels", "4", "--images", "60",
            "--test-images", "40", "--head-steps", "60", "--out", out]


def conet(out, cifar):
    return ["conet", "search", "--cifar", cifar, "--train-images", "96", "--test-images", "50", "--trials", "9",
            "--initial-width", "4", "--step-size", "4", "--min-width", "4", "--max-width", "16", "--initial-epochs", "1",
            "--epochs-per-trial", "1", "--batch-size", "32", "--seed", "3", "--out", out]


def conet_train(out, cifar):
    return ["conet", "train", "--cifar", cifar, "--train-images", "96", "--test-images", "50", "--epochs", "8",
            "--widths", ",".join(["4"] * 12), "--step-epochs", "3", "--batch-size", "32", "--seed", "3", "--out", out]


def metad2a(out, cifar):
    return ["metad2a", "build-db", "--sources", "cifar10", "--cifar", cifar, "--tasks", "3", "--cells-per-task", "4",
            "--seed", "3", "--train-per-class", "12", "--valid-per-class", "6", "--channels", "4", "--epochs", "2",
            "--image-size", "16", "--out", out]


def metad2a_encoder(out):
    return ["metad2a", "train-encoder", "--sources", "digits", "--width", "4", "--epochs", "6", "--train-per-class", "16",
            "--batch-size", "16", "--eval-per-class", "4", "--seed", "3", "--out", out]


# What each kind writes that must come out byte-identical (timings are wall-clock, so left out), and
# the file whose rows count finished trials.
KINDS = {
    "search": (["queries.csv", "trials.csv", "summary.csv", "curves.csv", "config.json"], "trials.csv"),
    "predictors": (["results.csv", "summary.csv", "config.json"], "results.csv"),
    "rwe": (["results.csv", "summary.csv", "config.json"], "results.csv"),
    # conet writes a trial's rows, its weights, then its state (the resume point); timing.csv is wall-clock.
    "conet": (["trials.csv", "layers.csv", "groups.csv", "result.json", "config.json"], "trials.csv"),
    # conet train checkpoints weights and SGD momentum after every epoch.
    "conet-train": (["epochs.csv", "layers.csv", "result.json", "config.json"], "epochs.csv"),
    # moo journals each RWE score (rwe-cells.csv) and writes the rest at the end.
    "moo": (["front.csv", "comparison.csv", "generations.csv", "config.json", "rwe-cells.csv", "spec.json"],
            "rwe-cells.csv"),
    # metad2a build-db: one label a trial; seconds.csv is wall-clock, the database is written at the end.
    "metad2a": (["labels.csv", "config.json", "tasks.json", "metad2a-db.h5"], "labels.csv"),
    # metad2a train-encoder checkpoints encoder, head and SGD momentum after every epoch; timing.csv is wall-clock.
    "metad2a-encoder": (["epochs.csv", "config.json", "result.json", "encoder.h5", "checkpoint-5.h5"], "epochs.csv"),
}


def nasbench(*args, check=True):
    result = subprocess.run([binary(), *map(str, args)], capture_output=True, text=True)
    if check:
        assert result.returncode == 0, f"nasbench {' '.join(map(str, args))}: {result.stderr}"
    return result


def one_line_error(result):
    assert result.returncode != 0, result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("nasbench: error:"), result.stderr
    assert "Fatal error" not in result.stderr and "Stack dump" not in result.stderr


def rows(path):
    try:
        return max(0, path.read_text().count("\n") - 1)
    except (FileNotFoundError, UnicodeDecodeError):
        return 0


def start(args):
    return subprocess.Popen([binary(), *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_for_rows(process, path, count, timeout=300):
    """Until `path` holds `count` rows; False if the run ended first."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if rows(path) >= count:
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    raise AssertionError(f"{path} did not reach {count} rows in {timeout} s")


def same_files(a, b, names):
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs from the uninterrupted run"


@pytest.fixture(scope="module")
def cifar():
    data = os.environ.get("NASBENCH_DATA")
    if not data:
        return None
    archive = Path(data) / "cifar10" / "cifar-10-binary-subset.tar.gz"
    if not archive.exists():
        pytest.fail(f"NASBENCH_DATA={data} is set but {archive} is missing")
    return archive


@pytest.fixture(scope="module")
def nb201_table(tmp_path_factory):
    """The real NB201 table (moo needs every cell's cost): make regress's import, or a fresh one."""
    data = os.environ.get("NASBENCH_DATA")
    if not data:
        return None
    cached = ROOT / "data" / "cache" / "nb201.h5"
    if cached.exists():
        return cached
    path = tmp_path_factory.mktemp("nb201") / "nb201.h5"
    nasbench("import", "nb201", Path(data) / "nb201", "-o", path)
    return path


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_kill_at_random_points_then_resume_gives_the_same_bytes(kind, cifar, nb201_table, tmp_path):
    if kind in ("rwe", "moo", "conet", "conet-train", "metad2a") and cifar is None:
        pytest.skip(f"NASBENCH_DATA not set: {kind} needs the real CIFAR-10 archive (set it to a folder like ../shared/data)")
    if kind == "metad2a-encoder" and nasbench("metad2a", "images", "digits", check=False).returncode != 0:
        pytest.skip("scikit-learn's digits file not found (make venv)")
    make = {"search": search, "predictors": predictors, "rwe": lambda out: rwe(out, cifar),
            "moo": lambda out: moo(out, cifar, nb201_table), "conet": lambda out: conet(out, cifar),
            "conet-train": lambda out: conet_train(out, cifar), "metad2a": lambda out: metad2a(out, cifar),
            "metad2a-encoder": metad2a_encoder}[kind]
    names, counted = KINDS[kind]
    nasbench(*make(tmp_path / "clean"))
    total = rows(tmp_path / "clean" / counted)
    assert total >= 6, f"{kind}: too few trials to kill in between"
    rng = random.Random(f"faults-{kind}")
    killed_mid_run = 0
    for attempt in range(KILLS_PER_KIND):
        out = tmp_path / f"killed-{attempt}"
        # Kill after a random number of finished trials plus a random slice of the next one, then
        # again in the resumed run, so that a folder survives several kills.
        for _ in range(2):
            resume = ["--resume"] if (out / "config.json").exists() or (out / "spec.json").exists() else []
            process = start([*make(out), *resume])
            done = rows(out / counted)
            target = rng.randint(done, max(done, total - 2))
            running = wait_for_rows(process, out / counted, target)
            time.sleep(rng.uniform(0, 0.05))
            if running and process.poll() is None:
                process.kill()
                killed_mid_run += 1
            process.wait()
        nasbench(*make(out), "--resume")
        same_files(out, tmp_path / "clean", names)
    assert killed_mid_run >= KILLS_PER_KIND, f"{kind}: only {killed_mid_run} kills landed mid-run"


def test_two_runs_on_one_out_are_refused_not_interleaved(tmp_path):
    nasbench(*search(tmp_path / "clean", trials=150))
    out = tmp_path / "shared"
    first = start(search(out, trials=150))
    assert wait_for_rows(first, out / "trials.csv", 1), first.stderr.read()
    for extra in ([], ["--resume"]):
        second = nasbench(*search(out, trials=150), *extra, check=False)
        one_line_error(second)
        assert "another nasbench run is writing to" in second.stderr, second.stderr
    assert first.wait() == 0, first.stderr.read()
    same_files(out, tmp_path / "clean", KINDS["search"][0])


def test_table_replaced_while_a_run_reads_it(tmp_path):
    table = tmp_path / "table.h5"
    shutil.copy(TABLE, table)
    nasbench(*search(tmp_path / "clean", trials=150, table=table))
    out = tmp_path / "run"
    process = start(search(out, trials=150, table=table))
    assert wait_for_rows(process, out / "trials.csv", 1)
    # Replaced in place (not renamed over): the run has its columns in memory and finishes as if
    # nothing happened.
    table.write_bytes(b"not an HDF5 file" * 64)
    assert process.wait() == 0, process.stderr.read()
    same_files(out, tmp_path / "clean", KINDS["search"][0])
    # Resuming against the replaced file is refused in one line.
    one_line_error(nasbench(*search(out, trials=150, table=table), "--resume", check=False))
    # Against a valid table with other values (one accuracy changed), the recorded hash refuses it.
    h5py = pytest.importorskip("h5py")
    shutil.copy(TABLE, table)
    with h5py.File(table, "r+") as f:
        column = next(name for name in walk(f) if COLUMN in name)
        f[column][0] = f[column][0] + 1.0
    refused = nasbench(*search(out, trials=150, table=table), "--resume", check=False)
    one_line_error(refused)


def walk(group, prefix=""):
    """Every dataset path in an h5py group."""
    for key, item in group.items():
        path = f"{prefix}/{key}"
        if hasattr(item, "items"):
            yield from walk(item, path)
        else:
            yield path


@pytest.fixture
def tmpfs(tmp_path):
    """A small tmpfs mounted at tmp_path/disk (root only), unmounted afterwards."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full disk and a read-only folder are made with tmpfs mounts, which need root")
    point = tmp_path / "disk"
    point.mkdir()

    def mount(options):
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", point], check=True)

    def remount(options):
        subprocess.run(["mount", "-o", f"remount,{options}", point], check=True)

    try:
        yield point, mount, remount
    finally:
        subprocess.run(["umount", point], check=False)


def test_full_disk_gives_one_line_and_resume_completes(tmpfs, tmp_path):
    point, mount, remount = tmpfs
    nasbench(*search(tmp_path / "clean"))
    clean_queries = (tmp_path / "clean" / "queries.csv").read_bytes()
    assert len(clean_queries) > 64 * 1024, "the run must write more than the small disk holds"
    mount("size=64k")
    out = point / "run"
    full = nasbench(*search(out), check=False)
    one_line_error(full)
    assert "No space left" in full.stderr or "space" in full.stderr.lower(), full.stderr
    # Whatever is there is the start of the uninterrupted run's rows (up to a cut line that --resume
    # removes), and no temporary file is left behind.
    leftovers = sorted(p.name for p in out.iterdir())
    assert set(leftovers) <= {".lock", "config.json", "queries.csv", "trials.csv"}, leftovers
    for name in ("queries.csv", "trials.csv"):
        if (out / name).exists():
            written = (out / name).read_bytes()
            whole = written[: written.rfind(b"\n") + 1]
            assert (tmp_path / "clean" / name).read_bytes().startswith(whole), name
    remount("size=16m")
    nasbench(*search(out), "--resume")
    same_files(out, tmp_path / "clean", KINDS["search"][0])


def test_read_only_output_folder_keeps_earlier_results(tmpfs, tmp_path):
    point, mount, remount = tmpfs
    nasbench(*search(tmp_path / "clean"))
    mount("size=16m")
    out = point / "run"
    process = start(search(out))
    wait_for_rows(process, out / "trials.csv", 10)
    process.kill()
    process.wait()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    remount("ro")
    for extra in (["--resume"], []):
        one_line_error(nasbench(*search(out), *extra, check=False))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before, "a refused run changed the folder"
    fresh = nasbench(*search(point / "new"), check=False)
    one_line_error(fresh)
    remount("rw")
    nasbench(*search(out), "--resume")
    same_files(out, tmp_path / "clean", KINDS["search"][0])
