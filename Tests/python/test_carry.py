"""Carrying an unfinished run to a new machine (experiments/lib.sh; docs/RELIABILITY.md): snapshots
taken by `snapshot_run` (rwe) and `snapshot_journal` (moo --accuracy rwe) at random moments while a
run writes, then killed; each snapshot, restored by `restore_run` into an empty folder, resumes to
the bytes of an uninterrupted run. Needs the real CIFAR-10 archive (NASBENCH_DATA)."""
import os
import random
import subprocess
import time
from pathlib import Path

import pytest

from test_faults import ROOT, binary, cifar, moo, nasbench, nb201_table, rows, rwe, same_files, start  # noqa: F401

SNAPSHOTS = 4


def lib(*commands):
    """Runs bash commands after sourcing experiments/lib.sh (with this build as NASBENCH)."""
    script = f'source "{ROOT}/experiments/lib.sh"\n' + "\n".join(commands)
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                            env={**os.environ, "NASBENCH": binary()})
    assert result.returncode == 0, result.stderr
    return result


KINDS = {
    # snapshot function, the file its trials are counted in, the files compared after the resume
    "rwe": ("snapshot_run", "timings.csv", ["results.csv", "summary.csv", "config.json"]),
    "moo": ("snapshot_journal", "rwe-cells.csv",
            ["front.csv", "comparison.csv", "generations.csv", "config.json", "rwe-cells.csv", "spec.json"]),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_snapshots_taken_while_a_run_writes_resume_to_the_same_bytes(kind, cifar, nb201_table, tmp_path):
    if cifar is None:
        pytest.skip(f"NASBENCH_DATA not set: {kind} needs the real CIFAR-10 archive (set it to a folder like ../shared/data)")
    make = {"rwe": lambda out: rwe(out, cifar), "moo": lambda out: moo(out, cifar, nb201_table)}[kind]
    snapshot, counted, names = KINDS[kind]
    nasbench(*make(tmp_path / "clean"))
    total = rows(tmp_path / "clean" / counted)
    assert total >= 6, f"{kind}: too few trials to snapshot in between"

    rng = random.Random(f"carry-{kind}")
    run = tmp_path / "running"
    process = start(make(run))
    taken = []
    for index in range(SNAPSHOTS):
        # A random moment, mostly mid-write: after some rows plus a random slice of the next one.
        target = rng.randint(1, total - 1)
        while rows(run / counted) < target and process.poll() is None:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.03))
        dest = tmp_path / "carry" / f"snap-{index}"
        lib(f'{snapshot} "{run}" "{dest}"')
        if (dest / counted).exists():
            taken.append(dest)
    process.kill()
    process.wait()
    assert len(taken) >= 2, f"{kind}: only {len(taken)} snapshots were taken before the run ended"
    # Snapshots hold only complete rows (each line ends with a newline), and some left work to resume.
    for dest in taken:
        assert (dest / counted).read_bytes().endswith(b"\n")
    assert any(rows(dest / counted) < total for dest in taken), f"{kind}: every snapshot was of a finished run"

    for dest in taken:
        resumed = tmp_path / "resumed" / dest.name
        lib(f'restore_run "{dest}" "{resumed}"')
        assert rows(resumed / counted) <= total
        nasbench(*make(resumed), "--resume")
        same_files(resumed, tmp_path / "clean", names)


def test_restore_run_keeps_a_folder_that_already_holds_the_run(tmp_path):
    carried, run = tmp_path / "carried", tmp_path / "run"
    carried.mkdir()
    run.mkdir()
    (carried / "config.json").write_text("carried\n")
    (run / "config.json").write_text("local\n")
    lib(f'restore_run "{carried}" "{run}"')
    assert (run / "config.json").read_text() == "local\n"
    lib(f'restore_run "{carried}" "{tmp_path / "fresh"}"')
    assert (tmp_path / "fresh" / "config.json").read_text() == "carried\n"


@pytest.mark.parametrize("signal_name", ["TERM", "INT"])
def test_stopping_a_script_stops_its_child_and_removes_its_binary_copy(signal_name, tmp_path):
    """An experiment script stopped by a signal (kill, Ctrl-C) stops the computing command it runs
    with run_child, and its EXIT trap still removes the private binary copy (PRIVATE_BINARY=1) and
    ends keep_saving's loop with its pending sleep."""
    import signal
    pidfile, private = tmp_path / "child.pid", tmp_path / "private"
    pause = str(3000 + os.getpid() % 900 + len(signal_name))  # this test's own, to find its sleep below
    script = (f'source "{ROOT}/experiments/lib.sh"\n'
              f'echo "$NASBENCH" > "{private}"\n'
              f'SAVE_EVERY={pause} keep_saving true\n'
              f'run_child bash -c \'echo $$ > "{pidfile}"; exec sleep 60\'\n'
              f'echo "not reached" >&2\n')
    process = subprocess.Popen(["bash", "-c", script], stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "NASBENCH": binary(), "PRIVATE_BINARY": "1"})
    deadline = time.time() + 30
    while not (pidfile.exists() and pidfile.read_text().strip()) and time.time() < deadline:
        time.sleep(0.01)
    child = int(pidfile.read_text())
    copy = Path(private.read_text().strip())
    assert copy.exists() and copy != Path(binary())
    process.send_signal(getattr(signal, f"SIG{signal_name}"))
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 128 + getattr(signal, f"SIG{signal_name}"), stderr
    assert "not reached" not in stderr
    time.sleep(0.1)
    assert not Path(f"/proc/{child}").exists() or "zombie" in Path(f"/proc/{child}/status").read_text().lower(), \
        "the child outlived the script"
    assert not copy.exists(), "the private binary copy was left behind"
    sleeps = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _cmdline(p) == ["sleep", pause]]
    assert not sleeps, "keep_saving's sleep outlived the script"


def _cmdline(proc):
    try:
        return (proc / "cmdline").read_bytes().decode().split("\0")[:-1]
    except OSError:
        return []


def test_keep_saving_repeats_its_command_until_stop_saving(tmp_path):
    """keep_saving runs its command every SAVE_EVERY seconds; stop_saving ends the loop, after which
    the command runs no more."""
    log = tmp_path / "saves"
    lib(f'SAVE_EVERY=0.05 keep_saving bash -c \'echo saved >> "{log}"\'',
        'sleep 1', 'stop_saving', f'wc -l < "{log}" > "{tmp_path / "at-stop"}"', 'sleep 0.5')
    at_stop = int((tmp_path / "at-stop").read_text())
    assert at_stop >= 3, f"only {at_stop} saves in a second at SAVE_EVERY=0.05"
    assert len(log.read_text().splitlines()) == at_stop, "the command ran after stop_saving"
