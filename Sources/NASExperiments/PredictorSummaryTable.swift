import Foundation

/// Mean and standard deviation of every score per predictor and train size, from a predictor
/// run's `results.csv`; written as `summary.csv` and printed as text (with the median fit and
/// predict times from `timings.csv`, which are not written: they differ between runs).
public struct PredictorSummaryTable: Sendable {
    /// One (predictor, train size) line.
    public struct Line: Sendable {
        public var predictor: String
        public var trainSize: Int
        public var trials: Int
        /// Per score column (``PredictorMetrics/header`` order), over the trials where it is defined.
        public var scores: [SummaryStatistics]
        /// Median fit and predict seconds, when `timings.csv` is there.
        public var medianFitSeconds: Double?
        public var medianPredictSeconds: Double?
    }

    public static let fileName = "summary.csv"
    public static let header = ["predictor", "train_size", "trials"]
        + PredictorMetrics.header.flatMap { ["\($0)_mean", "\($0)_std"] }

    public var lines: [Line]

    /// Reads a finished run (or a merged sharded one) in `folder`.
    public init(folder: String) throws {
        let configPath = (folder as NSString).appendingPathComponent("config.json")
        guard ExperimentKind(folder: folder) == .predictors else {
            throw ExperimentError.badInput("\(configPath) is not a predictors run's configuration")
        }
        let results = try Self.table(folder, "results.csv", hint: "for a sharded run, `nasbench merge` it first")
        let timings = try? Self.table(folder, "timings.csv", hint: "")
        var order: [String] = []
        var groups: [String: [[String: String]]] = [:]
        for row in results {
            let key = "\(row["predictor"] ?? ""),\(row["train_size"] ?? "")"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        var times: [String: [(Double, Double)]] = [:]
        for row in timings ?? [] {
            guard let fit = row["fit_s"].flatMap(Double.init), let predict = row["predict_s"].flatMap(Double.init) else { continue }
            times["\(row["predictor"] ?? ""),\(row["train_size"] ?? "")", default: []].append((fit, predict))
        }
        lines = order.map { key in
            let rows = groups[key] ?? []
            let scores = PredictorMetrics.header.map { column in
                SummaryStatistics(rows.compactMap { $0[column].flatMap(Double.init) }.filter { !$0.isNaN })
            }
            let timing = times[key] ?? []
            return Line(
                predictor: rows.first?["predictor"] ?? "", trainSize: Int(rows.first?["train_size"] ?? "") ?? 0,
                trials: rows.count, scores: scores,
                medianFitSeconds: timing.isEmpty ? nil : SummaryStatistics(timing.map(\.0)).median,
                medianPredictSeconds: timing.isEmpty ? nil : SummaryStatistics(timing.map(\.1)).median)
        }
    }

    /// The rows of a CSV in the run folder as dictionaries keyed by the header.
    private static func table(_ folder: String, _ name: String, hint: String) throws -> [[String: String]] {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.badInput("\(path) is missing" + (hint.isEmpty ? "" : " (\(hint))"))
        }
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first else { throw ExperimentError.corruptResults(path: path, why: "empty") }
        return try rows.dropFirst().map { row in
            guard row.count == header.count else {
                throw ExperimentError.corruptResults(path: path, why: "a row has \(row.count) fields, expected \(header.count)")
            }
            return Dictionary(uniqueKeysWithValues: zip(header, row))
        }
    }

    /// The table as CSV (numbers in shortest round-trip form; `nan` where no trial defines a score).
    public var csv: String {
        let body = lines.map { line in
            [line.predictor, "\(line.trainSize)", "\(line.trials)"]
                + line.scores.flatMap { [CSVLine.number($0.mean), CSVLine.number($0.std)] }
        }
        return ([Self.header] + body).map(CSVLine.join).joined(separator: "\n") + "\n"
    }

    /// Kendall tau, Spearman, precision@k and MAE (mean ± std) per line as aligned text, with median timings.
    public var text: String {
        let shown = [0, 1, 3, 4, 5]
        let names = ["predictor", "train_size", "trials"] + shown.map { PredictorMetrics.header[$0] } + ["fit_s", "predict_s"]
        let pm = { (s: SummaryStatistics) in s.count == 0 ? "-" : String(format: "%.4f ± %.4f", s.mean, s.count > 1 ? s.std : 0) }
        let time = { (v: Double?) in v.map { String(format: "%.4f", $0) } ?? "-" }
        let table = [names] + lines.map { line in
            [line.predictor, "\(line.trainSize)", "\(line.trials)"] + shown.map { pm(line.scores[$0]) }
                + [time(line.medianFitSeconds), time(line.medianPredictSeconds)]
        }
        let widths = names.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        let body = table.map { row in
            zip(row, widths).enumerated().map { c, pair in
                c == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: pair.1 - pair.0.count) + pair.0
            }.joined(separator: "  ")
        }
        return "scores on the held-out cells (mean ± std over trials; median seconds)\n" + body.joined(separator: "\n") + "\n"
    }

    /// Writes `summary.csv` into the run folder.
    public func write(to folder: String) throws {
        try ResultsStore.writeAtomically(csv, to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}
