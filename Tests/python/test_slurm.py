"""`nasbench slurm` on a real single-node Slurm cluster (tools/scripts/slurm-local.sh): a 20-trial search
and a small predictors experiment submitted as job arrays merge to byte-identical files as the same
experiments run locally; a failing task leaves the merge job cancelled, not pending forever."""
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "scripts" / "slurm-local.sh"
TABLE = ROOT / "data" / "nb201-analog-sample100.h5"
COLUMN = "cifar10.test.accuracy.e200"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    missing = [tool for tool in ("munged", "slurmctld", "slurmd", "sbatch") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"Slurm is not installed ({', '.join(missing)} missing): `make deps` installs slurm-wlm and munge")
    if os.geteuid() != 0:
        pytest.skip("the local Slurm cluster runs its daemons as root; run as root to test `nasbench slurm`")
    folder = tmp_path_factory.mktemp("slurm")
    env = dict(os.environ, SLURM_LOCAL_DIR=str(folder), SLURM_LOCAL_PORT="16917")
    started = subprocess.run([SCRIPT, "start"], capture_output=True, text=True, env=env)
    assert started.returncode == 0, started.stderr
    env["SLURM_CONF"] = str(folder / "slurm.conf")
    try:
        yield env
    finally:
        subprocess.run([SCRIPT, "stop"], env=env, check=True)
        status = subprocess.run([SCRIPT, "status"], capture_output=True, text=True, env=env).stdout
        assert "running" not in status, status


def run(nasbench_path, env, *args, check=True):
    result = subprocess.run([nasbench_path, *map(str, args)], capture_output=True, text=True, env=env)
    if check:
        assert result.returncode == 0, f"nasbench {' '.join(map(str, args))}: {result.stderr}"
    return result


def wait_for_jobs(env, timeout=300):
    """Until the queue is empty (the array and the merge job have ended)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        queue = subprocess.run(["squeue", "-h"], capture_output=True, text=True, env=env).stdout
        if not queue.strip():
            return
        time.sleep(0.5)
    raise AssertionError(f"Slurm jobs still queued after {timeout} s")


@pytest.fixture(scope="module")
def binary():
    path = os.environ.get("NASBENCH_BIN") or str(ROOT / ".build/debug/nasbench")
    return str(Path(path).resolve())


@pytest.mark.parametrize("experiment,files", [
    (["search", "--table", TABLE, "--search-column", COLUMN, "--test-column", COLUMN, "--query-seed", "mean",
      "--strategies", "random,evolution,local", "--trials", "20", "--budget", "60"],
     ["queries.csv", "trials.csv", "summary.csv", "curves.csv", "config.json"]),
    (["predictors", "--table", TABLE, "--dataset", "cifar10", "--split", "test", "--metric", "accuracy",
      "--epochs", "200", "--train-sizes", "10,30", "--trials", "3", "--predictors", "rf,ridge"],
     ["results.csv", "summary.csv", "config.json"]),
])
def test_slurm_array_merges_to_the_local_run(cluster, binary, tmp_path, experiment, files):
    submitted = run(binary, cluster, "slurm", "--shards", "3", "--cpus-per-task", "1", "--",
                    *experiment, "--out", tmp_path / "slurm")
    assert "submitted job array" in submitted.stdout, submitted.stdout
    run(binary, cluster, *experiment, "--out", tmp_path / "local")
    wait_for_jobs(cluster)
    logs = sorted((tmp_path / "slurm" / "slurm").glob("*.log"))
    assert [p.name for p in logs] == ["merge.log", "task-0.log", "task-1.log", "task-2.log"], logs
    for name in files:
        assert (tmp_path / "slurm" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_failed_task_cancels_the_merge(cluster, binary, tmp_path):
    # A column the table lacks: every task fails, and the merge job must not wait forever.
    submitted = run(binary, cluster, "slurm", "--shards", "2", "--", "search", "--table", TABLE,
                    "--search-column", "cifar100.valid.accuracy.e200", "--trials", "4", "--out", tmp_path / "bad")
    assert "submitted" in submitted.stdout
    wait_for_jobs(cluster, timeout=60)
    assert not (tmp_path / "bad" / "summary.csv").exists()
    assert "no column" in (tmp_path / "bad" / "slurm" / "task-0.log").read_text()


def test_dry_run_and_bad_arguments(binary, tmp_path):
    env = dict(os.environ)
    dry = run(binary, env, "slurm", "--shards", "4", "--partition", "cpu", "--time", "01:00:00", "--dry-run", "--",
              "search", "--spec", "x.yaml", "--out", tmp_path / "x")
    assert "#SBATCH --array=0-3" in dry.stdout and "#SBATCH --partition=cpu" in dry.stdout
    assert '--shard "$SLURM_ARRAY_TASK_ID/4" --resume' in dry.stdout
    assert "--dependency=afterok:" in dry.stdout
    assert not (tmp_path / "x").exists(), "a dry run writes nothing"
    for args, message in [(["--shards", "2", "--", "moo", "--out", "y"], "sharded experiment"),
                          (["--shards", "2", "--", "search", "--table", "t.h5"], "needs --out"),
                          (["--shards", "2", "--", "search", "--out", "y", "--shard", "0/2"], "leave out --shard"),
                          (["--shards", "0", "--", "search", "--out", "y"], "at least 1")]:
        bad = run(binary, env, "slurm", *args, check=False)
        assert bad.returncode != 0
        assert message in bad.stderr and bad.stderr.count("\n") == 1, bad.stderr
