import Foundation

/// The meta-test's table (issue 17, experiments/metad2a-study.sh): per arm (MetaD2A or a baseline),
/// over its seeded `generate` runs (folders `ARM-sSEED` holding `summary.json`), the mean and the 95%
/// interval half-width (1.96 sd / sqrt(runs), sd with n - 1: the paper's convention) of the best,
/// top-1 and top-10-mean table accuracy among each run's top cells, and the mean validity,
/// uniqueness and novelty.
public struct GenerationArmsTable: Sendable {
    public struct Arm: Sendable, Equatable {
        public let name: String
        public let runs: Int
        /// (mean, 95% half-width) of the best, top-1 and top-10-mean accuracy.
        public let best: (mean: Double, ci95: Double), top1: (mean: Double, ci95: Double), top10: (mean: Double, ci95: Double)
        public let validity: Double, uniqueness: Double, novelty: Double

        public static func == (a: Arm, b: Arm) -> Bool {
            a.name == b.name && a.runs == b.runs && a.best == b.best && a.top1 == b.top1 && a.top10 == b.top10
                && a.validity == b.validity && a.uniqueness == b.uniqueness && a.novelty == b.novelty
        }
    }

    public let arms: [Arm]

    /// The finished seeded runs under `folder` (folders `ARM-sSEED` holding a `summary.json`), per
    /// arm in name order, each run's folder and summary. Shared by this table and
    /// ``GenerationCellsTable``.
    /// - Throws: ``ExperimentError`` when there is no such run or a summary is not a generate run's.
    static func seededRuns(in folder: String) throws -> [(arm: String, runs: [(path: String, summary: GenerationSummary)])] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var byArm: [String: [(path: String, summary: GenerationSummary)]] = [:]
        for name in names {
            guard let cut = name.range(of: "-s", options: .backwards), Int(name[cut.upperBound...]) != nil else { continue }
            let run = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: run + "/summary.json") else { continue }
            guard let summary = try? JSONDecoder().decode(GenerationSummary.self, from: data) else {
                throw ExperimentError.corruptResults(path: run + "/summary.json", why: "not a generate summary")
            }
            byArm[String(name[..<cut.lowerBound]), default: []].append((run, summary))
        }
        guard !byArm.isEmpty else { throw ExperimentError.badInput("\(folder) has no ARM-sSEED/summary.json runs") }
        return byArm.keys.sorted().map { ($0, byArm[$0] ?? []) }
    }

    /// Reads every `ARM-sSEED/summary.json` under `folder`; arms in name order.
    /// - Throws: ``ExperimentError`` when the folder has no such run, or a summary lacks table numbers.
    public init(folder: String) throws {
        arms = try Self.seededRuns(in: folder).map { name, seeded in
            let runs = seeded.map(\.summary)
            func stat(_ key: KeyPath<GenerationSummary, Double?>, _ what: String) throws -> (Double, Double) {
                let values = try runs.map { run -> Double in
                    guard let v = run[keyPath: key] else {
                        throw ExperimentError.corruptResults(path: folder + "/" + name, why: "a run has no \(what) (generate without --table?)")
                    }
                    return v
                }
                return Self.meanAndHalfWidth(values)
            }
            func mean(_ key: KeyPath<GenerationSummary, Double>) -> Double { runs.reduce(0) { $0 + $1[keyPath: key] } / Double(runs.count) }
            return Arm(name: name, runs: runs.count, best: try stat(\.topMaxAccuracy, "best accuracy"), top1: try stat(\.top1Accuracy, "top-1 accuracy"),
                       top10: try stat(\.top10MeanAccuracy, "top-10 accuracy"), validity: mean(\.validity), uniqueness: mean(\.uniqueness),
                       novelty: mean(\.novelty))
        }
    }

    /// Mean and 1.96 sd / sqrt(n) (0 for one value).
    static func meanAndHalfWidth(_ x: [Double]) -> (Double, Double) {
        (SampleStatistics.mean(x), 1.96 * SampleStatistics.standardDeviation(x) / Double(x.count).squareRoot())
    }

    /// `arms.csv`.
    public var csv: String {
        "arm,runs,best_mean,best_ci95,top1_mean,top1_ci95,top10_mean,top10_ci95,validity,uniqueness,novelty\n"
            + arms.map { a in
                String(format: "%@,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\n", a.name, a.runs, a.best.mean, a.best.ci95,
                       a.top1.mean, a.top1.ci95, a.top10.mean, a.top10.ci95, a.validity, a.uniqueness, a.novelty)
            }.joined()
    }

    /// The table as text.
    public var text: String {
        arms.map { a in
            String(format: "%@ (%d runs): best %.2f +- %.2f, top-1 %.2f +- %.2f, top-10 mean %.2f +- %.2f; validity %.3f, uniqueness %.3f, novelty %.3f",
                   a.name, a.runs, a.best.mean, a.best.ci95, a.top1.mean, a.top1.ci95, a.top10.mean, a.top10.ci95, a.validity, a.uniqueness, a.novelty)
        }.joined(separator: "\n") + "\n"
    }

    /// Writes `arms.csv` into `folder`.
    public func write(to folder: String) throws {
        try ResultsStore.writeAtomically(csv, to: (folder as NSString).appendingPathComponent("arms.csv"))
    }
}
