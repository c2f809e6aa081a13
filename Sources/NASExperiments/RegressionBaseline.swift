import Foundation

/// The committed baseline of a regression suite: one CSV row per statistic (`id`, direction,
/// mean, std, trials, standard error), written by `nasbench regress --update`.
public struct RegressionBaseline: Sendable, Equatable {
    public static let header = ["statistic", "direction", "mean", "std", "trials", "std_error"]

    public var statistics: [RegressionStatistic]

    public init(statistics: [RegressionStatistic]) { self.statistics = statistics }

    /// Reads a baseline CSV.
    ///
    /// - Throws: ``ExperimentError/badInput(_:)`` when it is missing (run with `--update` first),
    ///   ``ExperimentError/corruptResults(path:why:)`` when a row does not parse.
    public init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.badInput("no baseline at \(path): run `nasbench regress --suite ... --update` to write it")
        }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.first == Self.header.joined(separator: ",") else {
            throw ExperimentError.corruptResults(path: path, why: "its header is not \(Self.header.joined(separator: ","))")
        }
        statistics = try lines.dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let parts = f.first?.split(separator: "/", omittingEmptySubsequences: false).map(String.init) ?? []
            guard f.count == Self.header.count, parts.count >= 3, let mean = Double(f[2]), let std = Double(f[3]),
                let trials = Int(f[4]), f[1] == "higher" || f[1] == "lower"
            else { throw ExperimentError.corruptResults(path: path, why: "bad row '\(line)'") }
            return RegressionStatistic(
                experiment: parts[0], group: parts[1..<(parts.count - 1)].joined(separator: "/"),
                metric: parts[parts.count - 1], higherIsBetter: f[1] == "higher", mean: mean, std: std, trials: trials)
        }
    }

    /// The baseline as CSV text (shortest round-trip numbers, so it reads back exactly).
    public var csv: String {
        let rows = statistics.map { s in
            [s.id, s.higherIsBetter ? "higher" : "lower", CSVLine.number(s.mean), CSVLine.number(s.std), "\(s.trials)",
             CSVLine.number(s.standardError)]
        }
        return ([Self.header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Writes the CSV atomically.
    public func write(to path: String) throws {
        try ResultsStore.writeAtomically(csv, to: path)
    }
}
