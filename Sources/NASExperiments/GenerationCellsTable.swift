import Foundation
import NASSpaces

/// What each arm of a meta-test generated (issue 17: "uniqueness under the benchmark's iso key, op
/// frequencies per dataset"), from the `ranked.csv` of its seeded `generate` runs (folders
/// `ARM-sSEED`), and what each phase cost (their `timing.csv`). Per arm and subset (`all` ranked
/// cells, or the `top` cells the meta-test keeps, `top` from the run's `summary.json`):
/// - `iso_uniqueness`: the classes of NB201's own isomorphism key (``NB201Cell/nb201Key``) among the
///   cells, over the cells; the mean over runs. The generator's `uniqueness` counts distinct cell
///   strings, so two strings of one benchmark entry count twice there and once here.
/// - one column per operation: its share of the cells' edges, pooled over runs (6 edges a cell).
/// - `generate_seconds`, `rank_seconds`: the mean wall seconds of the run's two phases.
public struct GenerationCellsTable: Sendable {
    public struct Row: Sendable, Equatable {
        public let arm: String
        public let subset: String
        public let runs: Int
        /// Mean cells a run.
        public let cells: Double
        public let isoUniqueness: Double
        /// Share of each operation (``NB201Op/allCases`` order) among the edges.
        public let opShares: [Double]
        public let generateSeconds: Double?
        public let rankSeconds: Double?
    }

    public let rows: [Row]

    /// Reads the `ranked.csv` and `timing.csv` of every finished `ARM-sSEED` run under `folder` (those
    /// ``GenerationArmsTable`` reads); arms in name order, `all` before `top`.
    /// - Throws: ``ExperimentError`` when the folder has no such run or a file is not a generate run's.
    public init(folder: String) throws {
        var rows: [Row] = []
        for (arm, seeded) in try GenerationArmsTable.seededRuns(in: folder) {
            let runs = try seeded.map { run in
                (cells: try Self.rankedCells(run.path + "/ranked.csv"), top: run.summary.top, seconds: try Self.seconds(run.path + "/timing.csv"))
            }
            let timed = runs.compactMap(\.seconds)
            let generate = timed.count == runs.count ? SampleStatistics.mean(timed.map(\.0)) : nil
            let rank = timed.count == runs.count ? SampleStatistics.mean(timed.map(\.1)) : nil
            for subset in ["all", "top"] {
                let lists = runs.map { subset == "all" ? $0.cells : Array($0.cells.prefix($0.top)) }
                rows.append(Row(arm: arm, subset: subset, runs: runs.count,
                                cells: SampleStatistics.mean(lists.map { Double($0.count) }),
                                isoUniqueness: SampleStatistics.mean(lists.map(Self.isoUniqueness)),
                                opShares: Self.opShares(lists.flatMap { $0 }), generateSeconds: generate, rankSeconds: rank))
            }
        }
        self.rows = rows
    }

    /// Distinct NB201 keys over cells (1 for no cells).
    static func isoUniqueness(_ cells: [NB201Cell]) -> Double {
        cells.isEmpty ? 1 : Double(Set(cells.map(\.nb201Key)).count) / Double(cells.count)
    }

    /// Each operation's share of the edges (zeros for no cells).
    static func opShares(_ cells: [NB201Cell]) -> [Double] {
        var counts = [Int](repeating: 0, count: NB201Op.count)
        for cell in cells { for op in cell.ops { counts[op.index] += 1 } }
        let edges = counts.reduce(0, +)
        return counts.map { edges == 0 ? 0 : Double($0) / Double(edges) }
    }

    /// The cells of a `ranked.csv`, in rank order.
    static func rankedCells(_ path: String) throws -> [NB201Cell] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.corruptResults(path: path, why: "unreadable")
        }
        let lines = text.split(separator: "\n")
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false),
              let column = header.firstIndex(of: "arch") else {
            throw ExperimentError.corruptResults(path: path, why: "no arch column (not a generate run's ranked.csv)")
        }
        let space = NB201Space()
        return try lines.dropFirst().enumerated().map { k, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard column < fields.count, let cell = try? space.parse(String(fields[column])) else {
                throw ExperimentError.corruptResults(path: path, why: "line \(k + 2) has no NB201 cell")
            }
            return cell
        }
    }

    /// (generate, rank) seconds of a `timing.csv`; nil when the file is absent.
    static func seconds(_ path: String) throws -> (Double, Double)? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0] == "generate_seconds,rank_seconds" else {
            throw ExperimentError.corruptResults(path: path, why: "expected generate_seconds,rank_seconds and one row")
        }
        let values = lines[1].split(separator: ",").compactMap { Double($0) }
        guard values.count == 2 else { throw ExperimentError.corruptResults(path: path, why: "the row is not two numbers") }
        return (values[0], values[1])
    }

    /// `cells.csv`.
    public var csv: String {
        let ops = NB201Op.allCases.map(\.rawValue).joined(separator: ",")
        return "arm,subset,runs,cells,iso_uniqueness,\(ops),generate_seconds,rank_seconds\n"
            + rows.map { r in
                CSVLine.join([r.arm, r.subset, "\(r.runs)", String(format: "%.1f", r.cells), String(format: "%.4f", r.isoUniqueness)]
                    + r.opShares.map { String(format: "%.4f", $0) }
                    + [r.generateSeconds, r.rankSeconds].map { $0.map { String(format: "%.3f", $0) } ?? "" }) + "\n"
            }.joined()
    }

    /// Writes `cells.csv` into `folder`.
    public func write(to folder: String) throws {
        try ResultsStore.writeAtomically(csv, to: (folder as NSString).appendingPathComponent("cells.csv"))
    }
}
