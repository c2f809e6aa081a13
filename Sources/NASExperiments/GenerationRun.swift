import Foundation
import NASCore
import NASMetaD2A
import NASOracle
import NASSpaces
import NASTensor

/// MetaD2A's meta-test on one dataset (`nasbench metad2a generate`, the authors'
/// `generate_architectures` then `meta_test_per_dataset`), or one of its baselines
/// (``GenerationSpec/cells``, ``GenerationSpec/ranking``, ``GenerationSpec/datasetBlind``): decode from fresh set draws of the
/// dataset's features at `z = mu` with sampled decoding until `count` unique valid NB201 cells (or
/// the decode cap), rank them by the meta-predictor averaged over `setDraws` set draws (the same
/// draws for every cell), and, given a table, look up each cell's test accuracy (200 epochs, seed
/// mean). Seeds: generation from `TrialSeed.derive(base: seed, trial: 0, stream: 1)`, ranking sets
/// from stream 2, the dataset-blind control's training-task draws from stream 3.
///
/// Writes in `out`: `config.json`, `ranked.csv` (`rank,arch,predicted_accuracy,predicted_std,novel`
/// and `test_accuracy` with a table), `summary.json` (``GenerationSummary``) and `timing.csv` (wall
/// seconds, the one file that differs between runs).
public enum GenerationRun {
    /// A resolved table column to score cells with.
    public struct Scoring {
        let oracle: TabularOracle
        let query: ResolvedQuery
        let column: String
    }

    /// Opens `path` and resolves `DATASET.test.accuracy.e200` (seed mean) in it.
    public static func scoring(table path: String, dataset: String) throws -> Scoring {
        guard FileManager.default.fileExists(atPath: path) else { throw ExperimentError.badInput("--table \(path): no such file") }
        do {
            let table = try BenchmarkTable.load(path)
            guard table.space == .nb201 else { throw ExperimentError.badInput("--table \(path) is a \(table.space) table, not nb201") }
            let oracle = TabularOracle(table: table)
            let query = Query(dataset: try table.dataset(named: dataset), split: .test, metric: .accuracy, epochs: 200, seed: .mean)
            return Scoring(oracle: oracle, query: try oracle.resolve(query), column: query.columnKey.name)
        } catch let error as OracleError {
            throw ExperimentError.badInput("--table \(path): \(error)")
        }
    }

    /// The meta-training tasks the dataset-blind control averages over: a database and the feature
    /// files of its image sets.
    public struct TrainingTasks {
        public let database: String
        public let features: [String]
        public init(database: String, features: [String]) { self.database = database; self.features = features }
    }

    @discardableResult
    public static func run(_ spec: GenerationSpec, generator generatorPath: String, predictor predictorPath: String, features path: String,
                           scoring: Scoring?, training: TrainingTasks? = nil, out: String) throws -> GenerationSummary {
        try spec.validate()
        guard !spec.datasetBlind || training != nil else {
            throw ExperimentError.badInput("--dataset-blind needs the meta-training tasks: --db and --training-features")
        }
        let (generatorModel, generator) = try MetaGeneratorModel.load(generatorPath)
        let (predictorModel, predictor) = try MetaPredictorModel.load(predictorPath)
        guard let features = try MetaFeatureSets.read([path]).first else { throw ExperimentError.badInput("give --features") }
        let sets = try MetaFeatureSets.dataset(features.file, path: path)
        for (what, size) in [("generator", generatorModel.configuration.featureSize), ("predictor", predictorModel.configuration.featureSize)]
        where size != sets.dimension {
            throw ExperimentError.badInput("the \(what) reads \(size) features an image, \(path) has \(sets.dimension)")
        }
        try sets.check(samples: max(generatorModel.numSample, predictorModel.numSample))
        var blind: (mu: Tensor, embedding: Tensor)?
        if spec.datasetBlind, let training {
            let tasks = try MetaFeatureSets.tasks(of: try MetaTrainingDatabase.read(training.database),
                                                  files: try MetaFeatureSets.read(training.features))
            try tasks.check(samples: max(generatorModel.numSample, predictorModel.numSample))
            var blindRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: 0, stream: 3))
            blind = GeneratedCells.meanTaskEmbeddings(generator: generator, generatorSamples: generatorModel.numSample, predictor: predictor,
                                                      predictorSamples: predictorModel.numSample, training: tasks, using: &blindRNG)
        }
        try ExperimentError.writing(out) { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        let config: [String: Any] = [
            "experiment": "metad2a-generate", "spec": try JSONSerialization.jsonObject(with: try JSONEncoder().encode(spec)),
            "features": MetaFeatureSets.provenance([features]), "table_column": scoring?.column ?? NSNull(),
            "training_tasks": training.map { ["database": PathHint.hint(for: $0.database), "features": $0.features.map(PathHint.hint(for:))] as [String: Any] }
                ?? NSNull(),
            "generator": (try? SHA256Digest.hex(ofFile: (try ModelFiles.locate(generatorPath, description: MetaGeneratorModel.descriptionFile,
                                                                             weights: MetaGeneratorModel.weightsFile, what: "--generator")).1)) ?? "",
            "predictor": (try? SHA256Digest.hex(ofFile: (try ModelFiles.locate(predictorPath, description: MetaPredictorModel.descriptionFile,
                                                                             weights: MetaPredictorModel.weightsFile, what: "--predictor")).1)) ?? "",
        ]
        try ResultsStore.writeAtomically(String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]), as: UTF8.self) + "\n",
                                         to: (out as NSString).appendingPathComponent("config.json"))
        let clock = Date()
        var rng = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: 0, stream: 1))
        let found = spec.cells == .random ? GeneratedCells(randomCells: spec.count, using: &rng)
            : try GeneratedCells(generator: generator, sets: sets, numSample: generatorModel.numSample, count: spec.count,
                                 attempts: spec.attempts, fixedMean: blind?.mu, using: &rng)
        let generated = Date()
        var rankRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: 0, stream: 2))
        let ranked = GeneratedCells.rank(found.cells, predictor: predictor, model: predictorModel, sets: sets, draws: spec.setDraws,
                                         sorted: spec.ranking == .predictor, fixedEmbedding: blind?.embedding, using: &rankRNG)
        let rankedAt = Date()
        let training = Set(generatorModel.trainingCells)
        var oracle = scoring?.oracle, unused = SplitMix64(seed: 0)
        let accuracies: [Double]? = scoring.map { s in
            ranked.map { r in Double((try? oracle?.value(r.cell, s.query, using: &unused)) ?? .nan) }
        }
        var lines = ["rank,arch,predicted_accuracy,predicted_std,novel" + (scoring == nil ? "" : ",test_accuracy")]
        for (k, r) in ranked.enumerated() {
            lines.append(CSVLine.join(["\(k + 1)", r.cell.description, CSVLine.number(r.mean), CSVLine.number(r.std),
                                       training.contains(r.cell.description) ? "0" : "1"] + (accuracies.map { [CSVLine.number($0[k])] } ?? [])))
        }
        try ResultsStore.writeAtomically(lines.joined(separator: "\n") + "\n", to: (out as NSString).appendingPathComponent("ranked.csv"))
        let unique = found.cells.count, novel = found.cells.filter { !training.contains($0.description) }.count
        let topAccuracies = accuracies.map { Array($0.prefix(spec.top)) }
        let summary = GenerationSummary(
            requested: spec.count, decoded: found.decoded, valid: found.valid, unique: unique, novel: novel,
            validity: Double(found.valid) / Double(max(found.decoded, 1)), uniqueness: Double(unique) / Double(max(found.valid, 1)),
            novelty: Double(novel) / Double(max(unique, 1)), complete: unique == spec.count, top: spec.top, setDraws: spec.setDraws,
            tableColumn: scoring?.column, tableOptimum: scoring.map { Double($0.query.optimum.value) },
            topMaxAccuracy: topAccuracies?.filter { !$0.isNaN }.max(), top1Accuracy: finite(topAccuracies?.first),
            top10MeanAccuracy: finite(topAccuracies.map { Array($0.prefix(10)) }.map { $0.reduce(0, +) / Double(max($0.count, 1)) }))
        try ResultsStore.writeAtomically(try ModelFiles.json(summary), to: (out as NSString).appendingPathComponent("summary.json"))
        try ResultsStore.writeAtomically("generate_seconds,rank_seconds\n\(ConetSearchRun.seconds(clock, generated)),\(ConetSearchRun.seconds(generated, rankedAt))\n",
                                         to: (out as NSString).appendingPathComponent("timing.csv"))
        return summary
    }

    /// `value` unless it is NaN (a cell the table lacks): JSON has no NaN.
    static func finite(_ value: Double?) -> Double? { value.flatMap { $0.isNaN ? nil : $0 } }
}
