"""tools/scripts/report.py: report.md with non-trivial PNGs from the committed CSVs, the same bytes twice,
and sections skipped (not a crash) when inputs are missing."""
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "scripts" / "report.py"
PNGS = ["report-predictors-tau.png", "report-search-queries.png", "report-search-curves.png", "report-weaknas-authors.png"]


def make_report(data, out):
    return subprocess.run([sys.executable, SCRIPT, "--data", data, "--out", out], check=True, capture_output=True,
                          text=True)


def test_report_plots_are_non_trivial_and_deterministic(tmp_path):
    data = ROOT / "notebooks-export" / "data"
    make_report(data, tmp_path / "a")
    make_report(data, tmp_path / "b")
    report = (tmp_path / "a" / "report.md").read_text()
    for name in PNGS:
        png = tmp_path / "a" / name
        assert f"]({name})" in report
        assert png.stat().st_size > 20_000, name
        pixels = mpimg.imread(png)[..., :3]
        assert pixels.std() > 0.05, f"{name} looks blank"
        assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50, f"{name} has almost no colours"
        assert png.read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert report == (tmp_path / "b" / "report.md").read_text()


def test_committed_report_is_current(tmp_path):
    make_report(ROOT / "notebooks-export" / "data", tmp_path)
    assert (tmp_path / "report.md").read_text() == (ROOT / "notebooks-export" / "report.md").read_text()


def test_missing_inputs_are_skipped(tmp_path):
    (tmp_path / "data").mkdir()
    result = make_report(tmp_path / "data", tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "Sections skipped" in report and "rwe-nb201/results.csv" in report
    # The optional scatter extras are not sections a reader should miss: never listed as skipped.
    assert "rwe*.csv" not in report and "pareto*.csv" not in report
    assert not list((tmp_path / "out").glob("*.png"))
    assert "skipped a section" in result.stderr


def test_optional_sections_appear_when_their_csvs_exist(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "notebooks-export" / "data", data)
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 10, 40)
    (data / "rwe_scatter.csv").write_text("latency_ms,accuracy\n" + "".join(f"{a},{b}\n" for a, b in zip(x, 90 - x)))
    (data / "pareto_front.csv").write_text("latency_ms,accuracy\n1,80\n2,85\n4,90\n")
    make_report(data, tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "## RWE scatter" in report and "## Pareto front" in report and "Sections skipped" not in report
    assert (tmp_path / "out" / "report-rwe.png").stat().st_size > 10_000


def test_rwe_noise_section_draws_the_repeat_agreement(tmp_path):
    """With an RWE run of several weight initialisations a cell, the noise section reports scipy's tau
    between initialisations and of their mean against the truth."""
    from scipy import stats

    data = tmp_path / "data"
    shutil.copytree(ROOT / "notebooks-export" / "data", data)
    rng = np.random.default_rng(1)
    truth = rng.uniform(70, 94, 30)
    scores = [[t / 100 + rng.normal(0, 0.05) for _ in range(3)] for t in truth]
    lines = ["trial,seed,rank,arch,rwe_accuracy,neg_rwe_loss,params,macs,naswot,synflow_log,truth"]
    lines += [f"{c},{k},{c},x,{s[k]},-1,1,1,1,1,{truth[c]}" for c, s in enumerate(scores) for k in range(3)]
    (data / "rwe-noise-nb201").mkdir(exist_ok=True)
    (data / "rwe-noise-nb201" / "results.csv").write_text("\n".join(lines) + "\n")
    make_report(data, tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "## RWE noise: agreement between weight initialisations" in report
    tau12 = stats.kendalltau([s[0] for s in scores], [s[1] for s in scores]).statistic
    assert f"| initialisation 1 vs 2 | {tau12:.3f} |" in report
    mean = [sum(s) / 3 for s in scores]
    assert f"| mean of 3 vs truth | {stats.kendalltau(mean, truth).statistic:.3f} |" in report


def test_rwe_grid_section_reports_scipy_tau_with_the_intervals(tmp_path):
    """With a settings grid, the section recomputes RWE's tau per setting with scipy (cells' means over
    their initialisations) and shows grid.csv's bootstrap interval and repeat agreement."""
    from scipy import stats

    data = tmp_path / "data"
    shutil.copytree(ROOT / "notebooks-export" / "data", data)
    grid = data / "rwe-grid-nb201"
    shutil.rmtree(grid, ignore_errors=True)
    grid.mkdir()
    rng = np.random.default_rng(2)
    truth = rng.uniform(70, 94, 20)
    header = ("setting,options,cells,rwe_tau,rwe_tau_low,rwe_tau_high,rwe_minus_params_low,rwe_minus_params_high,"
              "repeat_agreement,rwe_spearman,neg_loss_tau,params_tau,naswot_tau,synflow_tau,rwe_seconds,"
              "baseline_seconds,head_iterations_max,head_gradient_max")
    lines, expected = [header], {}
    for name, noise in [("fresh-c8n1-1k", 0.02), ("estimate-c16n5-10k", 0.005)]:
        scores = [[t / 100 + rng.normal(0, noise) for _ in range(2)] for t in truth]
        rows = ["trial,seed,rank,arch,rwe_accuracy,neg_rwe_loss,params,macs,naswot,synflow_log,truth"]
        rows += [f"{c},{k},{c},x,{s[k]},-1,1,1,1,1,{truth[c]}" for c, s in enumerate(scores) for k in range(2)]
        (grid / name).mkdir()
        (grid / name / "results.csv").write_text("\n".join(rows) + "\n")
        expected[name] = stats.kendalltau([sum(s) / 2 for s in scores], truth).statistic
        lines.append(f"{name},x,20,{expected[name]:.4f},0.1000,0.9000,-0.2000,0.5000,0.7000,0.9,0.5,0.4,0.3,0.6,1.5,0.04,300,9.9e-07")
    (grid / "grid.csv").write_text("\n".join(lines) + "\n")
    make_report(data, tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "## RWE settings grid" in report
    for name, tau in expected.items():
        assert f"| {name} | 20 | {tau:.3f} | 0.100 to 0.900 | 0.7000 | 0.400 | 0.600 | -0.200 to 0.500 | 1.5 |" in report, report
    assert (tmp_path / "out" / "report-rwe-grid.png").stat().st_size > 10_000


def test_metad2a_section_tables_the_arms_and_their_cells(tmp_path):
    """With a meta-test's arms.csv and cells.csv, the MetaD2A section shows each arm's intervals and the
    top cells' operation shares, and draws both plots."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "notebooks-export" / "data", data)
    shutil.rmtree(data / "metad2a-protocol-b", ignore_errors=True)  # absent: its section is not drawn
    study = data / "metad2a-study"
    study.mkdir(exist_ok=True)
    (study / "arms.csv").write_text(
        "arm,runs,best_mean,best_ci95,top1_mean,top1_ci95,top10_mean,top10_ci95,validity,uniqueness,novelty\n"
        "dataset-blind,10,93.9000,0.1200,92.0000,0.5000,92.5000,0.2000,1.0000,0.9000,0.8000\n"
        "metad2a,10,94.1234,0.0567,93.0000,0.4000,93.2000,0.1000,0.9900,0.9500,0.8500\n")
    (study / "cells.csv").write_text(
        "arm,subset,runs,cells,iso_uniqueness,none,skip_connect,nor_conv_1x1,nor_conv_3x3,avg_pool_3x3,generate_seconds,rank_seconds\n"
        "dataset-blind,all,10,500.0,0.9000,0.1000,0.2000,0.2000,0.4000,0.1000,3.000,4.000\n"
        "dataset-blind,top,10,30.0,1.0000,0.0500,0.1500,0.2000,0.5000,0.1000,3.000,4.000\n"
        "metad2a,all,10,500.0,0.9500,0.1000,0.2000,0.2000,0.4000,0.1000,3.500,4.500\n"
        "metad2a,top,10,30.0,1.0000,0.0000,0.1000,0.2000,0.6500,0.0500,3.500,4.500\n")
    make_report(data, tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "## MetaD2A on CIFAR-10, protocol A" in report and "protocol B" not in report
    assert "| metad2a | 10 | 94.12 ± 0.06 | 93.00 ± 0.40 | 93.20 ± 0.10 | 0.9900 | 0.9500 | 0.8500 |" in report, report
    assert "| metad2a (top) | 30.0 | 1.0000 | 0.0000 | 0.1000 | 0.2000 | 0.6500 | 0.0500 | 3.500 | 4.500 |" in report, report
    for png in ("report-metad2a-study.png", "report-metad2a-study-ops.png"):
        assert (tmp_path / "out" / png).stat().st_size > 10_000


def test_conet_section_tables_the_cost(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "notebooks-export" / "data", data)
    (data / "conet" / "cost.csv").write_text(
        "run,kind,finished,units,unit,train_seconds,metric_seconds,test_seconds,total_seconds,seconds_per_unit\n"
        "final-sa07-s0,final,yes,20,epoch,2332.551,0.349,1666.244,3999.144,199.957\n"
        "search-greedy,search,no,3,trial,158.254,0.014,50.757,209.025,69.675\n"
        "all-finished,final,yes,20,epoch,2332.551,0.349,1666.244,3999.144,199.957\n")
    make_report(data, tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "| final-sa07-s0 | yes | 20 epochs | 1.11 | 200 |" in report
    assert "| search-greedy | no | 3 trials | 0.06 | 70 |" in report
    assert "| all-finished (final) | yes | 20 epochs | 1.11 | 200 |" in report


def test_rwe_confirm_section_recomputes_the_taus_and_the_repeat_agreement(tmp_path):
    """With a confirmed setting, the section recomputes each tau (RWE on the cells' K-means) and the mean
    repeat agreement with scipy, beside intervals.csv's intervals and the paired differences."""
    from itertools import combinations

    from scipy import stats

    data = tmp_path / "data"
    shutil.copytree(ROOT / "notebooks-export" / "data", data)
    folder = data / "rwe-confirm-nb201" / "fresh-c8n1-10k"
    shutil.rmtree(folder.parent, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = np.random.default_rng(5)
    truth = rng.uniform(70, 94, 30)
    params = truth + rng.normal(0, 4, 30)
    scores = [[t / 100 + rng.normal(0, 0.03) for _ in range(3)] for t in truth]
    rows = ["trial,seed,rank,arch,rwe_accuracy,neg_rwe_loss,params,macs,naswot,synflow_log,truth"]
    rows += [f"{c},{k},{c},x,{s[k]},-1,{params[c]},1,{c % 7},{-c},{truth[c]}" for c, s in enumerate(scores) for k in range(3)]
    (folder / "results.csv").write_text("\n".join(rows) + "\n")
    stats_lines = ["statistic,value,ci95_low,ci95_high,cells,resamples,seed"]
    for name in ["rwe_accuracy", "params", "naswot", "synflow_log"]:
        stats_lines.append(f"tau({name}),0,-0.1000,0.2000,30,2000,0")
    stats_lines += ["tau(rwe_accuracy)-tau(params),0,-0.3000,-0.0500,30,2000,0",
                    "tau(rwe_accuracy)-tau(synflow_log),0,0.4000,0.9000,30,2000,0"]
    (folder / "intervals.csv").write_text("\n".join(stats_lines) + "\n")
    make_report(data, tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "## RWE confirmation on 200 other cells" in report
    rwe = stats.kendalltau([sum(s) / 3 for s in scores], truth).statistic
    par = stats.kendalltau(params, truth).statistic
    assert f"| fresh-c8n1-10k | RWE | 30 | {rwe:.3f} | -0.100 to 0.200 |" in report, report
    assert f"| fresh-c8n1-10k | params | 30 | {par:.3f} | -0.100 to 0.200 |" in report, report
    assert f"| fresh-c8n1-10k | RWE - params (paired) | 30 | {rwe - par:.3f} | -0.300 to -0.050 |" in report, report
    pairs = [stats.kendalltau([s[a] for s in scores], [s[b] for s in scores]).statistic for a, b in combinations(range(3), 2)]
    assert f"| fresh-c8n1-10k | repeat agreement (mean of 3 pairs) | 30 | {sum(pairs) / 3:.3f} |" in report, report
    assert (tmp_path / "out" / "report-rwe-confirm.png").stat().st_size > 10_000


def test_rwe_moo_section_tables_the_last_generation_over_seeds(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "notebooks-export" / "data", data)
    folder = data / "rwe-moo-nb201"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    lines = ["method,objective,generation,seeds,evaluations_mean,fraction_of_true_front_mean,fraction_of_true_front_sd"]
    for method, objective, base in [("nsga2", "rwe", 0.8), ("nsga2", "cifar10.test.accuracy.e200", 0.9), ("random", "rwe", 0.85)]:
        lines += [f"{method},{objective},{g},5,{20 * (g + 1)}.0,{base + g / 100:.6f},0.020000" for g in range(10)]
    (folder / "hypervolume.csv").write_text("\n".join(lines) + "\n")
    make_report(data, tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "## RWE inside NSGA-II, over seeds" in report
    assert "| NSGA-II | rwe | 5 | 9 | 200.0 | 0.890 | 0.020 |" in report, report
    assert "| random | rwe | 5 | 9 | 200.0 | 0.940 | 0.020 |" in report, report
    assert (tmp_path / "out" / "report-rwe-moo.png").stat().st_size > 10_000
