import Foundation

/// Queries to the optimum per strategy (mean, median, std), from a search run's `trials.csv`
/// and `config.json`; written as `summary.csv` and printed as text.
public struct SearchSummaryTable: Sendable {
    /// One strategy's line.
    public struct Line: Sendable {
        public var strategy: String
        public var trials: Int
        /// Over the trials that found the optimum (`searchFound` of them).
        public var toSearchOptimum: SummaryStatistics
        public var toTestOptimum: SummaryStatistics
        /// Queries until the search optimum was queried or recommended (the WeakNAS authors'
        /// protocol; the same as `toSearchOptimum` for strategies that recommend nothing).
        public var toSearchOptimumOrTop1: SummaryStatistics
        /// `nil` when the table records no training time (every trial's simulated time is zero).
        public var meanHoursToSearchOptimum: Double?
        public var meanFinalTestRegret: Double
        /// `(N + 1) / (k + 1)` for random search when cells are not merged into classes.
        public var expected: Double?
    }

    public static let fileName = "summary.csv"
    public static let header = [
        "strategy", "trials", "search_found", "search_mean", "search_median", "search_std", "test_found", "test_mean",
        "test_median", "test_std", "mean_hours_to_search_optimum", "mean_final_test_regret", "random_expectation",
        "search_or_top1_found", "search_or_top1_mean", "search_or_top1_median", "search_or_top1_std",
    ]

    public var lines: [Line]
    /// The run's budget, as recorded in its configuration.
    public var budget: String

    /// Reads a finished run (or a merged sharded one) in `folder`.
    public init(folder: String) throws {
        let configPath = (folder as NSString).appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: configPath),
            let config = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw ExperimentError.badInput("\(folder) holds no search run (no readable config.json)") }
        guard config["experiment"] as? String == "search" else {
            throw ExperimentError.badInput("\(configPath) is not a search run's configuration")
        }
        let trialsPath = (folder as NSString).appendingPathComponent("trials.csv")
        guard let text = try? String(contentsOfFile: trialsPath, encoding: .utf8) else {
            throw ExperimentError.badInput("\(trialsPath) is missing (for a sharded run, `nasbench merge` it first)")
        }
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let strategyColumn = header.firstIndex(of: "strategy"),
            let searchColumn = header.firstIndex(of: "queries_to_search_optimum"),
            let testColumn = header.firstIndex(of: "queries_to_test_optimum"),
            let secondsColumn = header.firstIndex(of: "seconds_to_search_optimum"),
            let regretColumn = header.firstIndex(of: "final_test_regret")
        else { throw ExperimentError.corruptResults(path: trialsPath, why: "unexpected header") }
        let top1Column = header.firstIndex(of: "queries_to_search_optimum_or_top1")  // absent in older runs
        var order: [String] = []
        var byStrategy: [String: [[String]]] = [:]
        for row in rows.dropFirst() {
            guard row.count == header.count else {
                throw ExperimentError.corruptResults(path: trialsPath, why: "a row has \(row.count) fields, expected \(header.count)")
            }
            if byStrategy[row[strategyColumn]] == nil { order.append(row[strategyColumn]) }
            byStrategy[row[strategyColumn], default: []].append(row)
        }
        let expectation = config["random_search_expectation"] as? Double
        lines = order.map { strategy in
            let trials = byStrategy[strategy] ?? []
            let numbers = { (column: Int) in trials.compactMap { Double($0[column]) } }
            let hours = numbers(secondsColumn).map { $0 / 3600 }
            let timed = hours.contains { $0 != 0 }
            let regrets = numbers(regretColumn)
            return Line(
                strategy: strategy, trials: trials.count, toSearchOptimum: SummaryStatistics(numbers(searchColumn)),
                toTestOptimum: SummaryStatistics(numbers(testColumn)),
                toSearchOptimumOrTop1: SummaryStatistics(top1Column.map(numbers) ?? []),
                meanHoursToSearchOptimum: timed ? SummaryStatistics(hours).mean : nil, meanFinalTestRegret: SummaryStatistics(regrets).mean,
                expected: strategy == "random" ? expectation : nil)
        }
        budget = config["budget"] as? String ?? "?"
    }

    private static func format(_ value: Double?, _ digits: Int = 1) -> String {
        guard let value, !value.isNaN else { return "" }
        return String(format: "%.\(digits)f", value)
    }

    private func fields(_ line: Line) -> [String] {
        let f = Self.format
        return [
            line.strategy, "\(line.trials)", "\(line.toSearchOptimum.count)", f(line.toSearchOptimum.mean, 1),
            f(line.toSearchOptimum.median, 1), f(line.toSearchOptimum.std, 1), "\(line.toTestOptimum.count)",
            f(line.toTestOptimum.mean, 1), f(line.toTestOptimum.median, 1), f(line.toTestOptimum.std, 1),
            f(line.meanHoursToSearchOptimum, 2), f(line.meanFinalTestRegret, 4), f(line.expected, 1),
            "\(line.toSearchOptimumOrTop1.count)", f(line.toSearchOptimumOrTop1.mean, 1),
            f(line.toSearchOptimumOrTop1.median, 1), f(line.toSearchOptimumOrTop1.std, 1),
        ]
    }

    /// The table as CSV.
    public var csv: String {
        ([Self.header] + lines.map(fields)).map(CSVLine.join).joined(separator: "\n") + "\n"
    }

    /// Whether the budget's goal credits the predictor's top-1 (the WeakNAS authors' protocol).
    private var countsTop1: Bool { budget.contains("top1") }

    /// The narrow table: what answers "how many queries to the optimum" (the goal the budget
    /// names), with the random-search expectation; fits a terminal.
    public var text: String { text(wide: false) }

    /// The table as aligned text, with the budget the trials ran under: narrow by default, every
    /// column of `summary.csv` with `wide` (a value with no meaning for the table shows as `–`).
    public func text(wide: Bool) -> String {
        let f = Self.format
        let table: [[String]]
        let title: String
        if wide {
            table = [Self.header] + lines.map { fields($0).map { $0.isEmpty ? "–" : $0 } }
            title = "queries to the optimum (budget \(budget); mean/median/std over the trials that found it)"
        } else {
            let goal = countsTop1 ? "the search optimum, queried or named as the predicted best" : "the search optimum"
            table = [["strategy", "trials", "found", "mean", "median", "std", "random_expectation"]]
                + lines.map { line in
                    let s = countsTop1 ? line.toSearchOptimumOrTop1 : line.toSearchOptimum
                    return [line.strategy, "\(line.trials)", "\(s.count)", f(s.mean, 1), f(s.median, 1), f(s.std, 1),
                            line.expected.map { f($0, 1) } ?? "–"]
                }
            title = "queries to \(goal) (budget \(budget); over the trials that found it)"
        }
        let hint = wide ? "" : "(--wide or summary.csv: the test optimum, regret, simulated hours)\n"
        return title + "\n" + Self.aligned(table) + hint
    }

    /// Rows as text: the first column left-aligned, the others right-aligned, two spaces apart.
    private static func aligned(_ table: [[String]]) -> String {
        let columns = table.first?.count ?? 0
        let widths = (0..<columns).map { c in table.map { $0[c].count }.max() ?? 0 }
        return table.map { row in
            zip(row, widths).enumerated().map { c, pair in
                c == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: pair.1 - pair.0.count) + pair.0
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Writes `summary.csv` into the run folder.
    public func write(to folder: String) throws {
        try ResultsStore.writeAtomically(csv, to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}
