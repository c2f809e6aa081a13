import Foundation
import NASCore
import NASOracle
import NASSearch
import NASSpaces

/// NSGA-II on NB201 with a chosen accuracy (a table column or RWE) against a cost, judged by
/// the oracle: the final front's true accuracy and hypervolume, beside the same search on the
/// oracle's accuracy (the upper bound) and random search with as many evaluations.
///
/// Hypervolumes are taken on the oracle's objectives scaled to [0, 1] over the whole table
/// (best 0, worst 1; accuracy is `--truth`, cost is `--cost`) with reference point (1, 1).
/// The "estimated" hypervolume is the same area in the search's own objectives (for RWE,
/// 1 - RWE accuracy against the scaled cost), so it shows what the search believed.
public struct MooExperiment {
    public let truthColumn: ColumnKey
    public let cost: MooCost
    public let populationSize: Int
    public let generations: Int
    public let seed: UInt64
    let table: BenchmarkTable
    let truth: [Float]
    let costs: [Float]
    let truthRange: (lo: Float, hi: Float)
    let costRange: (lo: Float, hi: Float)
    /// Rows with both a finite truth and a finite cost.
    let rows: [Int]

    public init(table: BenchmarkTable, truth truthColumn: ColumnKey, cost: MooCost, populationSize: Int,
                generations: Int, seed: UInt64) throws {
        guard table.space == .nb201 else { throw ExperimentError.badInput("moo needs an nb201 table (got \(table.space.rawValue))") }
        guard populationSize >= 4, generations >= 0 else {
            throw ExperimentError.badInput("--population must be at least 4 and --generations at least 0")
        }
        let truth = try table.column(truthColumn)
        let costs = try cost.values(in: table)
        let rows = (0..<table.rowCount).filter { truth[$0].isFinite && costs[$0].isFinite }
        guard let aLo = rows.map({ truth[$0] }).min(), let aHi = rows.map({ truth[$0] }).max(),
              let cLo = rows.map({ costs[$0] }).min(), let cHi = rows.map({ costs[$0] }).max() else {
            throw ExperimentError.badInput("the table has no cell with both \(truthColumn.name) and \(cost.name)")
        }
        self.table = table
        self.truthColumn = truthColumn
        self.cost = cost
        self.populationSize = populationSize
        self.generations = generations
        self.seed = seed
        self.truth = truth
        self.costs = costs
        self.truthRange = (aLo, aHi)
        self.costRange = (cLo, cHi)
        self.rows = rows
    }

    /// The cost of `cell` scaled to [0, 1] over the table, or nil when unknown.
    func scaledCost(_ cell: NB201Cell) -> Double? {
        guard let row = table.row(ofRank: cell.rank), costs[row].isFinite else { return nil }
        return Double(costs[row] - costRange.lo) / Double(max(costRange.hi - costRange.lo, 1e-12))
    }

    /// The oracle's scaled objectives of `cell`; (1, 1) when the table lacks it.
    func trueObjectives(_ cell: NB201Cell) -> [Double] {
        guard let row = table.row(ofRank: cell.rank) else { return [1, 1] }
        return trueObjectives(row: row)
    }

    /// The oracle's scaled objectives of table row `row`; (1, 1) when a value is missing.
    func trueObjectives(row: Int) -> [Double] {
        guard truth[row].isFinite, costs[row].isFinite else { return [1, 1] }
        return [Double(truthRange.hi - truth[row]) / Double(max(truthRange.hi - truthRange.lo, 1e-12)),
                Double(costs[row] - costRange.lo) / Double(max(costRange.hi - costRange.lo, 1e-12))]
    }

    /// The search's objectives of `cell` under `accuracy`; (1, 1) when unknown.
    func searchObjectives(_ cell: NB201Cell, _ accuracy: MooAccuracy) throws -> [Double] {
        switch accuracy {
        case .column(let key) where key == truthColumn:
            return trueObjectives(cell)
        case .column(let key):
            let column = try table.column(key)
            let finite = column.filter(\.isFinite)
            guard let row = table.row(ofRank: cell.rank), column[row].isFinite, let c = scaledCost(cell),
                  let lo = finite.min(), let hi = finite.max() else { return [1, 1] }
            return [Double(hi - column[row]) / Double(max(hi - lo, 1e-12)), c]
        case .rwe(let objective):
            guard let c = scaledCost(cell) else { return [1, 1] }
            return [1 - (try objective.accuracy(cell)), c]
        }
    }

    /// The search's estimate of `cell`'s accuracy in the truth's units (RWE as a percentage).
    func estimate(_ cell: NB201Cell, _ accuracy: MooAccuracy) throws -> Double {
        switch accuracy {
        case .column(let key):
            guard let row = table.row(ofRank: cell.rank) else { return .nan }
            return Double(try table.column(key)[row])
        case .rwe(let objective):
            return 100 * (try objective.accuracy(cell))
        }
    }

    /// Runs NSGA-II with `accuracy`, then the oracle-objective NSGA-II and random search (also per
    /// generation: the first as many random cells as the search had evaluated by then).
    public func run(accuracy: MooAccuracy) throws -> MooReport {
        let nsga = NSGA2(populationSize: populationSize, generations: generations)
        var rng = SplitMix64(seed: seed)
        var report = MooReport(experiment: self, accuracyName: accuracy.name)
        let outcome = try nsga.run(
            objectives: { try searchObjectives($0, accuracy) },
            onGeneration: { generation, population, points, evaluations in
                report.generations.append(try self.generationRow(
                    "nsga2", accuracy, generation, Self.frontCells(population, points), evaluations))
            }, using: &rng)
        let evaluations = outcome.evaluated.count
        let front = Self.frontCells(outcome.population, outcome.objectives)
        report.front = try front.map { cell in
            let row = table.row(ofRank: cell.rank)
            return MooReport.FrontRow(
                cell: cell, estimate: try estimate(cell, accuracy),
                truth: row.map { Double(truth[$0]) } ?? .nan, cost: row.map { Double(costs[$0]) } ?? .nan)
        }
        report.methods.append(try method("nsga2", accuracy.name, front, evaluations, accuracy))

        if case .column(let key) = accuracy, key == truthColumn {} else {
            var oracleRNG = SplitMix64(seed: seed)
            let oracle = try nsga.run(
                objectives: { trueObjectives($0) },
                onGeneration: { generation, population, points, evaluations in
                    report.generations.append(try self.generationRow(
                        "nsga2", .column(truthColumn), generation, Self.frontCells(population, points), evaluations))
                }, using: &oracleRNG)
            let oracleFront = Self.frontCells(oracle.population, oracle.objectives)
            report.methods.append(try method(
                "nsga2", truthColumn.name, oracleFront, oracle.evaluated.count, .column(truthColumn)))
        }
        var randomRNG = SplitMix64(seed: TrialSeed.derive(base: seed, trial: 0, stream: 3))
        let space = NB201Space()
        var sampled: [NB201Cell] = [], seen = Set<NB201Cell>()
        while sampled.count < min(evaluations, NB201Cell.count) {
            let cell = space.sample(using: &randomRNG)
            if seen.insert(cell).inserted { sampled.append(cell) }
        }
        let randomPoints = try sampled.map { try searchObjectives($0, accuracy) }
        report.methods.append(try method(
            "random", accuracy.name, Self.frontCells(sampled, randomPoints), sampled.count, accuracy))
        if case .column(let key) = accuracy, key == truthColumn {} else {
            report.methods.append(try method(
                "random", truthColumn.name, Self.frontCells(sampled, sampled.map(trueObjectives)), sampled.count,
                .column(truthColumn)))
        }
        // Random search at each generation's evaluations (the first that many random cells), judged as above.
        let searched = report.generations.filter { $0.method == "nsga2" && $0.objective == accuracy.name }
        for g in searched {
            let k = min(g.evaluations, sampled.count)
            let prefix = Array(sampled[0..<k])
            report.generations.append(try generationRow(
                "random", accuracy, g.generation, Self.frontCells(prefix, Array(randomPoints[0..<k])), k))
            if case .column(let key) = accuracy, key == truthColumn { continue }
            report.generations.append(try generationRow(
                "random", .column(truthColumn), g.generation, Self.frontCells(prefix, prefix.map(trueObjectives)), k))
        }
        let truePoints = rows.map { trueObjectives(row: $0) }
        let trueFront = Pareto.nonDominated2D(truePoints)
        report.trueFrontSize = trueFront.count
        report.trueFrontHypervolume = Pareto.hypervolume2D(trueFront.map { truePoints[$0] }, reference: [1, 1])
        if case .rwe(let objective) = accuracy {
            report.rweSeconds = objective.seconds
            report.rweEvaluations = objective.evaluatedCount
        }
        return report
    }

    /// The front's hypervolume in the oracle's scaled objectives and in the search's own.
    func hypervolumes(_ front: [NB201Cell], _ accuracy: MooAccuracy) throws -> (true: Double, estimated: Double) {
        (Pareto.hypervolume2D(front.map(trueObjectives), reference: [1, 1]),
         Pareto.hypervolume2D(try front.map { try searchObjectives($0, accuracy) }, reference: [1, 1]))
    }

    /// One line of the comparison: the front's true hypervolume and its hypervolume in the
    /// search's own objectives.
    func method(_ name: String, _ objective: String, _ front: [NB201Cell], _ evaluations: Int,
                _ accuracy: MooAccuracy) throws -> MooReport.Method {
        let volume = try hypervolumes(front, accuracy)
        return MooReport.Method(
            name: name, objective: objective, evaluations: evaluations, frontSize: front.count,
            trueHypervolume: volume.true, estimatedHypervolume: volume.estimated)
    }

    /// One row of `generations.csv`: the hypervolumes of a generation's non-dominated cells.
    func generationRow(_ name: String, _ accuracy: MooAccuracy, _ generation: Int, _ front: [NB201Cell],
                       _ evaluations: Int) throws -> MooReport.Generation {
        let volume = try hypervolumes(front, accuracy)
        return MooReport.Generation(
            method: name, objective: accuracy.name, generation: generation, evaluations: evaluations,
            trueHypervolume: volume.true, estimatedHypervolume: volume.estimated)
    }

    /// The distinct cells of the first non-dominated front of `points`, by increasing cost.
    static func frontCells(_ cells: [NB201Cell], _ points: [[Double]]) -> [NB201Cell] {
        let front = (Pareto.nonDominatedSort(points).first ?? []).sorted {
            points[$0][1] != points[$1][1] ? points[$0][1] < points[$1][1] : cells[$0].rank < cells[$1].rank
        }
        var seen = Set<NB201Cell>()
        return front.map { cells[$0] }.filter { seen.insert($0).inserted }
    }
}
