#!/usr/bin/env python3
"""CONetV2's channel search between trials, restated with numpy from the authors' code
(mahdihosseini/CONetV2: searching_algorithm/common.py, greedy.py, simulated_annealing.py,
scaling_method/default_scaling.py and the trial loop of main.py), for NASConetTests.

Reads a JSON scenario (path in argv[1]):
  groups: [[producer conv indices], [consumer conv indices]] per group
  widths: initial width per group
  settings: algorithm ("sa" | "greedy"), trials, gamma, alpha, step_size, min_width, max_width, select_from
  metrics: per trained trial, {"input": [[per-epoch values] per conv], "output": [...]}
  draws: per trained trial, one uniform in [0, 1) per group (used by annealing from trial 1 on)
Prints JSON: widths after each trial, the combined metric, the best trial and widths.

Departures from the authors' files, all mechanical: the layer metrics come from the scenario
instead of the trial's spreadsheet; Python's `random.random()` is replaced by the given draws;
default_scaling's bounds are the scenario's (the authors' call leaves them at 16 and 256).
"""
import json
import math
import sys

import numpy as np


def round_even(number):
    return int(round(number / 2) * 2)


def default_scaling(metric_difference, prev_channel_size, min_conv_size, max_conv_size, delta_scale=1):
    scaling_factor = 1 + metric_difference * delta_scale
    if scaling_factor < 0.5:
        scaling_factor = 0.5
    elif scaling_factor > 2:
        scaling_factor = 2
    new_channel_size = round_even(prev_channel_size * scaling_factor)
    if new_channel_size > max_conv_size:
        new_channel_size = max_conv_size
    elif new_channel_size < min_conv_size:
        new_channel_size = min_conv_size
    return new_channel_size


def accepting_function(delt, temp):
    return math.exp(-delt / temp)


def group_values(groups, in_mM, out_mM):
    # get_metric_by_dependency + getCumulativeMetricPerDependency('average')
    return [float(np.average(np.array([out_mM[i] for i in producers] + [in_mM[i] for i in consumers])))
            for producers, consumers in groups]


def main():
    with open(sys.argv[1]) as f:
        scenario = json.load(f)
    groups = scenario["groups"]
    s = scenario["settings"]
    widths = list(scenario["widths"])
    total = s["trials"]
    in_mM = out_mM = None
    best_metric, best_size, best_trial = 0, None, None
    history, combined = [], []
    for i in range(1, total):
        cur = i - 1
        m = scenario["metrics"][cur]
        in_m = np.amax(np.array(m["input"]), axis=1)   # epoch_selection 'max'
        out_m = np.amax(np.array(m["output"]), axis=1)
        old_widths = list(widths)
        if cur == 0:
            in_mM = np.zeros(len(in_m))
            out_mM = np.zeros(len(out_m))
            in_mM = in_mM * s["gamma"] + in_m
            out_mM = out_mM * s["gamma"] + out_m
            new_values = group_values(groups, in_mM, out_mM)
            widths = [w + s["step_size"] for w in widths]
        else:
            old_values = group_values(groups, in_mM, out_mM)
            in_mM = in_mM * s["gamma"] + in_m
            out_mM = out_mM * s["gamma"] + out_m
            new_values = group_values(groups, in_mM, out_mM)
            temp = s["alpha"] * (total - cur) / total
            for g in range(len(groups)):
                difference = new_values[g] - old_values[g]
                if s["algorithm"] == "sa":
                    p = accepting_function(1 / abs(difference), temp) if difference != 0 else 0.0
                    if scenario["draws"][cur][g] < p:
                        difference = difference + p
                widths[g] = default_scaling(difference, widths[g], s["min_width"], s["max_width"])
        cm = float(np.average(np.array(new_values)))
        combined.append(cm)
        if i > s["select_from"] and cm > best_metric:
            best_metric, best_size, best_trial = cm, old_widths, cur
        history.append(list(widths))
    json.dump({"widths": history, "combined": combined, "best_trial": best_trial, "best_widths": best_size,
               "best_metric": best_metric}, sys.stdout)


if __name__ == "__main__":
    main()
