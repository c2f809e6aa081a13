import Foundation

/// Best-so-far curves of a search run against queries and against simulated training time,
/// averaged over each strategy's trials: `curves.csv` beside the run's other files.
///
/// A trial's value at `x` is that of its last query at or before `x` (queries, or cumulative
/// simulated hours). Trials that stopped before `x` (their budget was reached, e.g. the optimum
/// found) keep their last values; trials that had not queried anything yet by `x` (time axis)
/// are left out, so `trials` says how many trials each point averages (points with none are
/// not written).
public struct SearchCurves: Sendable {
    /// One point of one strategy's curve.
    public struct Point: Sendable, Equatable {
        public var strategy: String
        public var axis: Axis
        public var x: Double
        public var trials: Int
        public var meanBestSearch: Double
        public var meanSearchRegret: Double
        public var meanTestRegret: Double
        /// Fraction of the strategy's trials that had queried the search optimum by `x`.
        public var foundFraction: Double
    }

    /// What the curves are plotted against.
    public enum Axis: String, Sendable {
        case queries, hours
    }

    public static let fileName = "curves.csv"
    public static let header = [
        "strategy", "axis", "x", "trials", "mean_best_search", "mean_search_regret", "mean_test_regret", "found_fraction",
    ]

    public var points: [Point]

    /// One trial's rows, in query order.
    private struct Trace {
        var strategy = ""
        var queries: [Double] = []
        var hours: [Double] = []
        var bestSearch: [Double] = []
        var searchRegret: [Double] = []
        var testRegret: [Double] = []
        var foundAt: Double = .infinity
    }

    /// Reads `queries.csv` of a finished (or merged) search run in `folder`.
    public init(folder: String) throws {
        let path = (folder as NSString).appendingPathComponent("queries.csv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.badInput("\(path) is missing (for a sharded run, `nasbench merge` it first)")
        }
        var lines = text.split(separator: "\n")[...]
        guard let headerLine = lines.popFirst() else { throw ExperimentError.corruptResults(path: path, why: "empty") }
        let header = headerLine.split(separator: ",").map(String.init)
        let wanted = ["trial", "strategy", "query", "best_search", "search_regret", "test_regret", "simulated_s"]
        let columns = wanted.compactMap { header.firstIndex(of: $0) }
        guard columns.count == wanted.count else { throw ExperimentError.corruptResults(path: path, why: "unexpected header") }
        var traces: [Int: Trace] = [:]
        var order: [Int] = []
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count, let trial = Int(fields[columns[0]]) else {
                throw ExperimentError.corruptResults(path: path, why: "a row does not match the header")
            }
            if traces[trial] == nil {
                order.append(trial)
                traces[trial] = Trace(strategy: String(fields[columns[1]]))
            }
            let number = { (i: Int) in Double(fields[columns[i]]) ?? .nan }
            traces[trial]?.queries.append(number(2))
            traces[trial]?.bestSearch.append(number(3))
            traces[trial]?.searchRegret.append(number(4))
            traces[trial]?.testRegret.append(number(5))
            traces[trial]?.hours.append(number(6) / 3600)
        }
        for (trial, query) in try Self.queriesToSearchOptimum(folder: folder) { traces[trial]?.foundAt = query }
        let strategies = order.compactMap { traces[$0]?.strategy }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        points = []
        for strategy in strategies {
            let mine = order.compactMap { traces[$0] }.filter { $0.strategy == strategy }
            let maxQueries = mine.map { $0.queries.last ?? 0 }.max() ?? 0
            let maxHours = mine.map { $0.hours.last ?? 0 }.max() ?? 0
            for x in Self.grid(upTo: maxQueries, from: 1) { points.append(Self.point(strategy, .queries, x, mine)) }
            for x in Self.grid(upTo: maxHours, from: 0.1) { points.append(Self.point(strategy, .hours, x, mine)) }
            points.removeAll { $0.trials == 0 }
        }
    }

    /// 1-2-5 steps per decade from `start` up to the first step at or beyond `maximum`.
    static func grid(upTo maximum: Double, from start: Double) -> [Double] {
        var values: [Double] = []
        var decade = start
        while maximum > 0, values.last.map({ $0 < maximum }) ?? true {
            for step in [1.0, 2, 5] where values.last.map({ $0 < maximum }) ?? true { values.append(decade * step) }
            decade *= 10
        }
        return values
    }

    private static func point(_ strategy: String, _ axis: Axis, _ x: Double, _ traces: [Trace]) -> Point {
        var n = 0, best = 0.0, searchRegret = 0.0, testRegret = 0.0, found = 0
        for trace in traces {
            let positions = axis == .queries ? trace.queries : trace.hours
            // The last row at or before x (rows are in query order, so positions are increasing).
            var low = 0, high = positions.count
            while low < high {
                let mid = (low + high) / 2
                if positions[mid] <= x { low = mid + 1 } else { high = mid }
            }
            if low > 0 {
                n += 1
                best += trace.bestSearch[low - 1]
                searchRegret += trace.searchRegret[low - 1]
                testRegret += trace.testRegret[low - 1]
                if trace.foundAt <= trace.queries[low - 1] { found += 1 }
            }
        }
        let d = Double(max(n, 1))
        return Point(
            strategy: strategy, axis: axis, x: x, trials: n, meanBestSearch: best / d, meanSearchRegret: searchRegret / d,
            meanTestRegret: testRegret / d, foundFraction: Double(found) / Double(max(traces.count, 1)))
    }

    /// The query at which each trial first queried the search optimum (trials that did), from `trials.csv`.
    private static func queriesToSearchOptimum(folder: String) throws -> [Int: Double] {
        let path = (folder as NSString).appendingPathComponent("trials.csv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.badInput("\(path) is missing")
        }
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let header = rows.first, let column = header.firstIndex(of: "queries_to_search_optimum") else {
            throw ExperimentError.corruptResults(path: path, why: "unexpected header")
        }
        var result: [Int: Double] = [:]
        for row in rows.dropFirst() where row.count == header.count {
            if let trial = Int(row[0]), let query = Double(row[column]) { result[trial] = query }
        }
        return result
    }

    /// The curves as CSV.
    public var csv: String {
        let rows = points.map { p in
            [
                CSVLine.quote(p.strategy), p.axis.rawValue, CSVLine.number(p.x), "\(p.trials)", String(format: "%.4f", p.meanBestSearch),
                String(format: "%.4f", p.meanSearchRegret), String(format: "%.4f", p.meanTestRegret),
                String(format: "%.3f", p.foundFraction),
            ].joined(separator: ",")
        }
        return ([Self.header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    }

    /// Writes `curves.csv` into the run folder.
    public func write(to folder: String) throws {
        try ResultsStore.writeAtomically(csv, to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}
