import NASSpaces

/// WeakNAS (Wu, Dai, Chen, Wang, Liu, Tian & Sun, "Stronger NAS with Weaker Predictors",
/// NeurIPS 2021), its NB201 set-up, against any ``RankingModel``.
///
/// Query `initialSamples` random cells (paper: 10). Then repeat: fit a fresh model on every
/// cell queried so far, labels standardised (mean 0, std 1, higher is better); rank every cell
/// of the space; draw `batchSize` cells (paper: M = 10) uniformly from the unqueried cells among
/// the predicted top `topN` (paper: N = 100) and query them. The model supplies the "weak
/// predictor"; the paper's is an MLP, which this type does not provide.
///
/// The top N is taken over *every* cell, queried or not, as the authors' code does
/// (`WeakNAS.py`: `all_index_by_acc[:top_acc]`, then the queried cells removed); when fewer than
/// M of those are unqueried, the M best-predicted unqueried cells are taken instead. As the
/// model learns its training cells, queried cells fill more of the top N and the draw narrows
/// towards the predicted optimum. ``WeakNASTopSet/available`` ranks only unqueried cells instead.
public struct WeakNAS<Model: RankingModel>: SearchStrategy {
    /// Random cells queried before the first fit (paper: 10).
    public var initialSamples: Int
    /// How many of the best-predicted cells the batch is drawn from (paper: N = 100).
    public var topN: Int
    /// Cells queried per iteration (paper: M = 10).
    public var batchSize: Int
    /// The unfitted model; each iteration fits a copy.
    public var model: Model
    /// Which cells the top N is taken from (authors' code: ``WeakNASTopSet/all``).
    public var topOf: WeakNASTopSet
    /// How labels are standardised before each fit (authors' code: ``WeakNASLabelScaling/table``).
    public var labelScaling: WeakNASLabelScaling

    public init(
        model: Model, initialSamples: Int = 10, topN: Int = 100, batchSize: Int = 10, topOf: WeakNASTopSet = .all,
        labelScaling: WeakNASLabelScaling = .queried
    ) throws {
        guard initialSamples > 1, topN > 0, batchSize > 0 else {
            throw SearchError.badInput("weaknas needs initial samples > 1 and positive top-N and batch size")
        }
        self.model = model
        self.initialSamples = initialSamples
        self.topN = topN
        self.batchSize = batchSize
        self.topOf = topOf
        self.labelScaling = labelScaling
    }

    /// `weaknas/` and the model's name, so results never hide which model ranked the cells.
    public var name: String { "weaknas/\(model.name)" }

    public var hyperparameters: [String: Hyperparameter] {
        var values: [String: Hyperparameter] = [
            "initial_samples": .int(initialSamples), "top_n": .int(topN), "batch_size": .int(batchSize),
            "model": .string(model.name), "top_of": .string(topOf.rawValue),
            "labels": .string(labelScaling.rawValue),
        ]
        for (key, value) in model.hyperparameters { values["model_" + key] = value }
        return values
    }

    public func run(_ session: SearchSession, using generator: inout some RandomNumberGenerator) throws {
        for _ in 0..<initialSamples {
            guard !session.isFinished, let row = session.randomAvailableRow(using: &generator) else { break }
            try session.query(row)
        }
        let tableScale = labelScaling == .table ? Self.tableScale(session.problem) : nil
        while !session.isFinished {
            let (rows, labels) = trainingSet(session, scale: tableScale)
            var fitted = model
            try fitted.fit(rows, of: session.problem.domain, labels: labels, using: &generator)
            let batch = try nextBatch(session, fitted, using: &generator)
            guard !batch.isEmpty else { return }
            for row in batch {
                guard !session.isFinished else { return }
                if session.isAvailable(row) { try session.query(row) }
            }
        }
    }

    /// The rows to query next: `batchSize` drawn uniformly from the unqueried rows of the
    /// predicted top `topN`, or the best-predicted unqueried rows when too few are left there.
    func nextBatch(
        _ session: SearchSession, _ fitted: Model, using generator: inout some RandomNumberGenerator
    ) throws -> [Int] {
        switch topOf {
        case .available:
            let top = try bestPredicted(session, fitted)
            if let best = top.first { session.recommend(best) }
            return generator.sampleIndices(batchSize, from: top.count).map { top[$0] }
        case .all:
            let order = try ranked(Array(0..<session.problem.table.rowCount), session, fitted)
            if let best = order.first { session.recommend(best) }
            let candidates = order.prefix(topN).filter { session.isAvailable($0) }
            if candidates.count >= batchSize {
                return generator.sampleIndices(batchSize, from: candidates.count).map { candidates[$0] }
            }
            return Array(order.lazy.filter { session.isAvailable($0) }.prefix(batchSize))
        }
    }

    /// The queried rows with finite answers and their fitness, standardised with `scale` (mean
    /// and std) or, when nil, with the queried cells' own mean and std.
    func trainingSet(_ session: SearchSession, scale: (mean: Double, std: Double)? = nil) -> ([Int], [Double]) {
        var rows: [Int] = []
        var fitness: [Double] = []
        for step in session.steps where step.searchValue.isFinite {
            rows.append(step.row)
            fitness.append(session.problem.fitness(step.searchValue))
        }
        let (mean, std) = scale ?? Self.meanAndStd(fitness)
        return (rows, fitness.map { ($0 - mean) / std })
    }

    /// Mean and std of the fitness of the search metric's seed mean over every table row with a
    /// finite value (``WeakNASLabelScaling/table``).
    static func tableScale(_ problem: SearchProblem) -> (mean: Double, std: Double) {
        meanAndStd(problem.table.columns[problem.searchQuery.column].lazy.filter(\.isFinite).map(problem.fitness))
    }

    /// Mean and population std (1 when the values are constant).
    private static func meanAndStd(_ values: some Collection<Double>) -> (mean: Double, std: Double) {
        let count = Double(max(1, values.count))
        let mean = values.reduce(0, +) / count
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
        return (mean, variance > 0 ? variance.squareRoot() : 1)
    }

    /// The `topN` available rows with the highest scores (ties: lower row first).
    func bestPredicted(_ session: SearchSession, _ fitted: Model) throws -> [Int] {
        Array(try ranked(session.availableRows.sorted().map(Int.init), session, fitted).prefix(topN))
    }

    /// `rows` (ascending) from the highest score to the lowest; ties keep the lower row first.
    private func ranked(_ rows: [Int], _ session: SearchSession, _ fitted: Model) throws -> [Int] {
        let scores = try fitted.scores(rows, of: session.problem.domain)
        return (0..<rows.count).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.map { rows[$0] }
    }
}
