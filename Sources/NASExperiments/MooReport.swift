import Foundation
import NASSpaces

/// What `nasbench moo` found: the final front (estimated and true accuracy, cost) and a
/// comparison of hypervolumes with the oracle-objective search and random search.
public struct MooReport {
    /// A cell of the final front.
    public struct FrontRow {
        public var cell: NB201Cell
        /// The search's accuracy (a table column's value, or RWE accuracy in %).
        public var estimate: Double
        /// The oracle's accuracy (`--truth`).
        public var truth: Double
        public var cost: Double
    }

    /// One search's result: how many distinct cells it evaluated and its front's hypervolumes.
    public struct Method {
        public var name: String
        /// The accuracy it searched on (a column name or `rwe`).
        public var objective: String
        public var evaluations: Int
        public var frontSize: Int
        /// Hypervolume of the front's cells in the oracle's scaled objectives.
        public var trueHypervolume: Double
        /// Hypervolume of the front in the objectives the search saw.
        public var estimatedHypervolume: Double
    }

    /// One NSGA-II generation: the hypervolumes of its population's non-dominated cells.
    public struct Generation {
        public var method: String
        public var objective: String
        /// 0 for the initial population.
        public var generation: Int
        /// Distinct cells evaluated up to and including this generation.
        public var evaluations: Int
        public var trueHypervolume: Double
        public var estimatedHypervolume: Double
    }

    public var config: [String: Any]
    public var accuracyName: String
    public var truthName: String
    public var costName: String
    public var front: [FrontRow] = []
    public var methods: [Method] = []
    /// Per generation of each NSGA-II run (the searched objective's, then the oracle's), then random search at the same evaluations.
    public var generations: [Generation] = []
    public var trueFrontSize = 0
    public var trueFrontHypervolume = 0.0
    /// Wall-clock seconds and distinct cells of RWE (nil without RWE).
    public var rweSeconds: Double?
    public var rweEvaluations: Int?

    init(experiment e: MooExperiment, accuracyName: String) {
        self.accuracyName = accuracyName
        truthName = e.truthColumn.name
        costName = e.cost.name
        config = [
            "experiment": "moo", "schema_version": 1, "accuracy": accuracyName, "truth": e.truthColumn.name,
            "cost": e.cost.name, "population": e.populationSize, "generations": e.generations, "seed": e.seed,
        ]
    }

    /// `front.csv`'s columns.
    public static let frontColumns = CSVColumns<FrontRow>([
        .integer("rank") { $0.cell.rank }, .init("arch") { NB201Space().describe($0.cell) },
        .number("estimate") { $0.estimate }, .number("truth") { $0.truth }, .number("cost") { $0.cost },
    ])

    /// `front.csv`: one row a front cell, by increasing cost.
    public var frontCSV: String { Self.frontColumns.text(front) }

    /// A row of `comparison.csv` or `generations.csv`: a front's hypervolumes.
    struct VolumeRow: Sendable {
        var method: String
        var objective: String
        var generation: Int?
        var evaluations: Int?
        var frontSize: Int?
        var trueHypervolume: Double
        var estimatedHypervolume: Double?
    }

    /// The columns of `comparison.csv` (with front sizes) or `generations.csv` (with generations);
    /// fractions are of the true front's hypervolume.
    func volumeColumns(generations: Bool) -> CSVColumns<VolumeRow> {
        let whole = max(trueFrontHypervolume, 1e-12)
        let fixed: @Sendable (Double?) -> String = { value in value.map { String(format: "%.6f", $0) } ?? "" }
        let middle: [CSVColumns<VolumeRow>.Column] = generations
            ? [.integer("generation") { $0.generation }, .integer("evaluations") { $0.evaluations }]
            : [.integer("evaluations") { $0.evaluations }, .integer("front_size") { $0.frontSize }]
        return CSVColumns([.init("method") { $0.method }, .init("objective") { $0.objective }] + middle + [
            .init("true_hypervolume") { fixed($0.trueHypervolume) },
            .init("fraction_of_true_front") { fixed($0.trueHypervolume / whole) },
            .init("estimated_hypervolume") { fixed($0.estimatedHypervolume) },
        ])
    }

    /// `comparison.csv`: one row a search, then the true front.
    public var comparisonCSV: String {
        volumeColumns(generations: false).text(methods.map {
            VolumeRow(method: $0.name, objective: $0.objective, evaluations: $0.evaluations, frontSize: $0.frontSize,
                      trueHypervolume: $0.trueHypervolume, estimatedHypervolume: $0.estimatedHypervolume)
        } + [VolumeRow(method: "true-front", objective: truthName, frontSize: trueFrontSize,
                       trueHypervolume: trueFrontHypervolume)])
    }

    /// `generations.csv`: hypervolume per generation of each NSGA-II run.
    public var generationsCSV: String {
        volumeColumns(generations: true).text(generations.map {
            VolumeRow(method: $0.method, objective: $0.objective, generation: $0.generation, evaluations: $0.evaluations,
                      trueHypervolume: $0.trueHypervolume, estimatedHypervolume: $0.estimatedHypervolume)
        })
    }

    /// The report for the terminal.
    public var text: String {
        let space = NB201Space()
        var out = accuracyName == truthName ? "\(truthName)\t\(costName)\tcell\n" : "\(accuracyName)\t\(truthName)\t\(costName)\tcell\n"
        for r in front {
            let values = accuracyName == truthName ? [r.truth, r.cost] : [r.estimate, r.truth, r.cost]
            out += values.map { String(format: "%.4g", $0) }.joined(separator: "\t") + "\t\(space.describe(r.cell))\n"
        }
        for m in methods {
            out += String(format: "%@ on %@: %d distinct cells, front of %d, true hypervolume %.4f (%.1f%% of the true front's), estimated %.4f\n",
                          m.name, m.objective, m.evaluations, m.frontSize, m.trueHypervolume,
                          100 * m.trueHypervolume / max(trueFrontHypervolume, 1e-12), m.estimatedHypervolume)
        }
        out += String(format: "true front: %d cells, hypervolume %.4f\n", trueFrontSize, trueFrontHypervolume)
        if let rweSeconds, let rweEvaluations {
            out += String(format: "RWE: %d cells in %.1f s (%.2f s a cell)\n", rweEvaluations, rweSeconds,
                          rweSeconds / Double(max(rweEvaluations, 1)))
        }
        return out
    }

    /// Writes front.csv, comparison.csv, generations.csv and config.json (byte-reproducible) and
    /// timings.csv into `folder`.
    public func write(to folder: String) throws {
        try ExperimentError.writing(folder) { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        try ResultsStore.writeAtomically(frontCSV, to: path("front.csv"))
        try ResultsStore.writeAtomically(comparisonCSV, to: path("comparison.csv"))
        try ResultsStore.writeAtomically(generationsCSV, to: path("generations.csv"))
        let json = try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted])
        try ResultsStore.writeAtomically(String(decoding: json, as: UTF8.self), to: path("config.json"))
        if let rweSeconds, let rweEvaluations {
            try ResultsStore.writeAtomically(
                "rwe_cells,rwe_seconds\n\(rweEvaluations),\(String(format: "%.3f", rweSeconds))\n", to: path("timings.csv"))
        }
    }
}
