import Foundation
import NASPredictors

/// The CONetV2 study's tables and verdict from its run folders (experiments/conet-study.sh):
/// `search-NAME/` (``ConetSearchRun``) and `final-RULE-sSEED/` (``ConetTrainRun``).
///
/// Verdict rule, fixed before the runs: with A the searched config's (SA gamma 0.7, `final-sa07-*`)
/// mean last-epoch test accuracy, U the scaled-width mean and R the random-width mean, the margin is
/// min(A - U, A - R); "replicated" when the margin is >= 0.5 points and both searched seeds are
/// above both scaled seeds; "not replicated" when the margin is <= 0; "inconclusive" otherwise.
public enum ConetReport {
    public struct FinalRun: Sendable, Equatable {
        public var name: String, rule: String, seed: Int
        public var widths: [Int], parameters: Int, macs: Int
        public var testAccuracy: Double, bestTestAccuracy: Double
        /// Per epoch: network-mean QC, KG and test accuracy.
        public var meanQC: [Double], meanKG: [Double], accuracies: [Double]
    }

    public struct Verdict: Sendable, Equatable {
        public var searched: [Double], scaled: [Double], random: [Double]
        public var margin: Double
        public var verdict: String
        /// Whether every run the design names is in (``designedRandomRuns`` random configs); until
        /// then the verdict is provisional.
        public var complete: Bool { random.count >= ConetReport.designedRandomRuns }
    }

    /// The random configs the study's design compares against (`final-random0...2-s0`).
    public static let designedRandomRuns = 3

    /// Reads every finished `final-*` run in `folder`.
    public static func finalRuns(in folder: String) throws -> [FinalRun] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("final-") }.sorted()
        return try names.compactMap { name in
            let run = (folder as NSString).appendingPathComponent(name)
            let resultPath = (run as NSString).appendingPathComponent("result.json")
            guard let data = FileManager.default.contents(atPath: resultPath) else { return nil }
            guard let result = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let widths = result["widths"] as? [Int],
                  let parameters = result["parameters"] as? Int, let macs = result["macs"] as? Int,
                  let accuracy = result["test_accuracy"] as? Double, let best = result["best_test_accuracy"] as? Double else {
                throw ExperimentError.corruptResults(path: resultPath, why: "not a conet train result")
            }
            let parts = name.dropFirst("final-".count).split(separator: "-")
            guard parts.count == 2, parts[1].hasPrefix("s"), let seed = Int(parts[1].dropFirst()) else {
                throw ExperimentError.badInput("\(run): run folders are named final-RULE-sSEED")
            }
            let table = try columns(of: (run as NSString).appendingPathComponent("epochs.csv"), ["mean_qc", "mean_kg", "test_accuracy"])
            return FinalRun(name: name, rule: String(parts[0]), seed: seed, widths: widths, parameters: parameters, macs: macs,
                            testAccuracy: accuracy, bestTestAccuracy: best, meanQC: table[0], meanKG: table[1], accuracies: table[2])
        }
    }

    /// Numeric columns of a CSV by header name.
    static func columns(of path: String, _ names: [String]) throws -> [[Double]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.corruptResults(path: path, why: "cannot be read")
        }
        let lines = text.split(separator: "\n")
        guard let header = lines.first?.split(separator: ",").map(String.init) else {
            throw ExperimentError.corruptResults(path: path, why: "empty")
        }
        let indices = try names.map { name in
            guard let i = header.firstIndex(of: name) else { throw ExperimentError.corruptResults(path: path, why: "no \(name) column") }
            return i
        }
        var out = Array(repeating: [Double](), count: names.count)
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            for (k, i) in indices.enumerated() {
                guard i < fields.count, let value = Double(fields[i]) else {
                    throw ExperimentError.corruptResults(path: path, why: "a row has no number in column \(names[k])")
                }
                out[k].append(value)
            }
        }
        return out
    }

    /// The fixed rule applied to the last-epoch accuracies; nil until the searched, scaled and
    /// random runs it needs exist.
    public static func verdict(_ runs: [FinalRun], searchedRule: String = "sa07") -> Verdict? {
        func accuracies(_ rule: (String) -> Bool) -> [Double] { runs.filter { rule($0.rule) }.map(\.testAccuracy) }
        let a = accuracies { $0 == searchedRule }, u = accuracies { $0 == "scaled" }, r = accuracies { $0.hasPrefix("random") }
        guard a.count >= 2, u.count >= 2, !r.isEmpty else { return nil }
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        let margin = min(mean(a) - mean(u), mean(a) - mean(r))
        let verdict = margin >= 0.5 && a.min()! > u.max()! ? "replicated" : margin <= 0 ? "not replicated" : "inconclusive"
        return Verdict(searched: a, scaled: u, random: r, margin: margin, verdict: verdict)
    }

    /// Writes final.csv, metric.csv, cost.csv (``costs(in:)``) and verdict.csv into `out` and returns a
    /// text summary.
    public static func write(runsFolder: String, out: String) throws -> String {
        let runs = try finalRuns(in: runsFolder)
        guard !runs.isEmpty else { throw ExperimentError.badInput("\(runsFolder) holds no finished final-* run (experiments/conet-study.sh final)") }
        try ExperimentError.writing(out) { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        var final = [CSVLine.join(["run", "rule", "seed", "widths", "parameters", "macs", "test_accuracy", "best_test_accuracy",
                                   "last_mean_qc", "last_mean_kg"])]
        for run in runs {
            final.append(CSVLine.join([run.name, run.rule, "\(run.seed)", run.widths.map(String.init).joined(separator: " "), "\(run.parameters)",
                                       "\(run.macs)", CSVLine.number(run.testAccuracy), CSVLine.number(run.bestTestAccuracy),
                                       CSVLine.number(run.meanQC.last), CSVLine.number(run.meanKG.last)]))
        }
        try ResultsStore.writeAtomically(final.joined(separator: "\n") + "\n", to: (out as NSString).appendingPathComponent("final.csv"))
        // The metric's claim: does network-mean QC rank epochs (within a run) and networks (across
        // runs, last epoch) like their test accuracy? Beside it, parameters, MACs and KG.
        var metric = [CSVLine.join(["scope", "run", "statistic", "spearman_with_test_accuracy", "points"])]
        for run in runs where run.accuracies.count >= 3 {
            metric.append(CSVLine.join(["epochs", run.name, "mean_qc", CSVLine.number(try? RankingMetrics.spearman(run.meanQC, run.accuracies)),
                                        "\(run.accuracies.count)"]))
            metric.append(CSVLine.join(["epochs", run.name, "mean_kg", CSVLine.number(try? RankingMetrics.spearman(run.meanKG, run.accuracies)),
                                        "\(run.accuracies.count)"]))
        }
        if runs.count >= 3 {
            let accuracy = runs.map(\.testAccuracy)
            for (statistic, values) in [("mean_qc", runs.map { $0.meanQC.last ?? .nan }), ("mean_kg", runs.map { $0.meanKG.last ?? .nan }),
                                        ("parameters", runs.map { Double($0.parameters) }), ("macs", runs.map { Double($0.macs) })] {
                metric.append(CSVLine.join(["networks", "all", statistic, CSVLine.number(try? RankingMetrics.spearman(values, accuracy)),
                                            "\(runs.count)"]))
            }
        }
        try ResultsStore.writeAtomically(metric.joined(separator: "\n") + "\n", to: (out as NSString).appendingPathComponent("metric.csv"))
        let costs = try costs(in: runsFolder)
        try ResultsStore.writeAtomically(costTable(costs), to: (out as NSString).appendingPathComponent("cost.csv"))
        var text = runs.map { String(format: "%@: %.2f%% (%d parameters)", $0.name, $0.testAccuracy, $0.parameters) }.joined(separator: "\n") + "\n"
        if let v = verdict(runs) {
            let row = CSVLine.join(["searched_sa07", v.searched.map { CSVLine.number($0) }.joined(separator: " "), "scaled",
                                    v.scaled.map { CSVLine.number($0) }.joined(separator: " "), "random",
                                    v.random.map { CSVLine.number($0) }.joined(separator: " "), CSVLine.number(v.margin), v.verdict])
            try ResultsStore.writeAtomically("searched,searched_accuracies,baseline_a,a_accuracies,baseline_b,b_accuracies,margin,verdict,complete\n"
                                             + row + "," + (v.complete ? "yes" : "no") + "\n",
                                             to: (out as NSString).appendingPathComponent("verdict.csv"))
            text += String(format: "margin %.2f points: %@", v.margin, v.verdict)
                + (v.complete ? "\n" : " (provisional: \(v.random.count) of \(designedRandomRuns) random configs in)\n")
        } else {
            text += "verdict: not yet (needs final-sa07-s0/s1, final-scaled-s0/s1 and a final-random run)\n"
        }
        return text
    }
}
