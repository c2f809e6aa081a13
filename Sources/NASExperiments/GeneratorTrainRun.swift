import Foundation
import NASCore
import NASMetaD2A
import NASOracle
import NASTensor
import NASTensorState

/// Trains MetaD2A's generator (``GeneratorTrainSpec``) as generator/solver.py does: on (task set,
/// cell) pairs (``GeneratorPairs``: per task the best of `candidates` random cells by a trained
/// meta-predictor), the set drawn afresh per pair and epoch, loss = reconstruction + 0.005 KL with
/// the reparameterisation noise scaled by 0.01 (``GraphGenerator/loss(mean:logVariance:graphs:using:)``),
/// Adam, ReduceLROnPlateau (0.1, patience 10) stepped with the epoch's training loss. Whole tasks
/// are held out (stream 4 of trial 0); every epoch their pairs are scored at `z = mu`: loss,
/// reconstruction accuracy and validity of the most likely decode. Seeds: the model from stream 1
/// of trial 0, epoch e's order, sets and noise from stream 2 of trial e, its held-out sets from
/// stream 3, the pairs from stream 5.
///
/// Writes in `out`: `config.json`, `generator-db.csv`, `generator.json`, `epochs.csv`, `timing.csv`
/// (wall seconds, the one file that differs between runs), `state.json` + `checkpoint-EPOCH.h5`
/// (model and Adam: the resume point), and at the end `generator.h5` (the last epoch's weights, as
/// the authors' meta-test loads) and `result.json`. A killed run resumes to the same bytes.
public enum GeneratorTrainRun {
    public struct Outcome: Codable, Sendable, Equatable {
        public var epochs: Int
        public var trainingPairs: Int
        public var validationPairs: Int
        public var distinctTrainingCells: Int
        /// The last epoch's validation scores (NaN as null when there is no held-out task).
        public var validation: GeneratorScore

        private enum CodingKeys: String, CodingKey {
            case epochs, trainingPairs = "training_pairs", validationPairs = "validation_pairs"
            case distinctTrainingCells = "distinct_training_cells", validation
        }
    }

    struct State: Codable {
        var epoch: Int
        var trainLosses: [Double]
        var validation: GeneratorScore
    }

    static let epochsHeader = ["epoch", "learning_rate", "train_loss", "train_reconstruction", "train_kl", "valid_loss",
                               "valid_reconstruction", "valid_kl", "valid_reconstruction_accuracy", "valid_validity"]
    static let timingHeader = ["epoch", "train_seconds", "eval_seconds"]

    /// Runs (or, under `resume`, continues) the training. `afterEpoch` is called once an epoch's
    /// checkpoint and state are written (a throw there stops the run as a kill would).
    @discardableResult
    public static func run(_ spec: GeneratorTrainSpec, database path: String, features: [(path: String, file: EncoderFeatureFile)],
                           predictor predictorPath: String, out: String, resume: Bool, progress: Bool = isatty(STDERR_FILENO) != 0,
                           afterEpoch: (Int) throws -> Void = { _ in }) throws -> Outcome {
        try spec.validate()
        let database = try MetaTrainingDatabase.read(path)
        let sets = try MetaFeatureSets.tasks(of: database, files: features)
        let (predictorModel, predictor) = try MetaPredictorModel.load(predictorPath)
        guard predictorModel.configuration.featureSize == sets.dimension else {
            throw ExperimentError.badInput("the predictor reads \(predictorModel.configuration.featureSize) features an image, the --features files have \(sets.dimension)")
        }
        try sets.check(samples: max(spec.numSample, predictorModel.numSample))
        var splitRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: 0, stream: 4))
        let heldOut = try MetaPairSplit.heldOutTasks(database.tasks.count, fraction: spec.heldOutTasks, using: &splitRNG)
        let pairs = GeneratorPairs(tasks: database.tasks.count, sets: sets, predictor: predictor, model: predictorModel, spec: spec)
        let training = pairs.pairs.indices.filter { !heldOut.contains(pairs.pairs[$0].task) }
        let validation = pairs.pairs.indices.filter { heldOut.contains(pairs.pairs[$0].task) }
        let configuration = GeneratorConfiguration(featureSize: sets.dimension, hiddenSize: spec.hiddenSize, latentSize: spec.latentSize,
                                                   numHeads: spec.numHeads)
        let model = MetaGeneratorModel(configuration: configuration, numSample: spec.numSample,
                                       trainingCells: Set(training.map { pairs.pairs[$0].cell.description }).sorted())
        let (_, predictorWeights) = try ModelFiles.locate(predictorPath, description: MetaPredictorModel.descriptionFile,
                                                          weights: MetaPredictorModel.weightsFile, what: "--predictor")
        var config = try spec.recorded(in: [
            "experiment": GeneratorTrainSpec.experiment, "features": MetaFeatureSets.provenance(features), "database_sha256": try SHA256Digest.hex(ofFile: path),
            "predictor_weights_sha256": try SHA256Digest.hex(ofFile: predictorWeights),
            "predictor": try JSONSerialization.jsonObject(with: try JSONEncoder().encode(predictorModel)),
            "held_out_tasks": heldOut.sorted(), "random_streams": TrialRunner.randomStreams,
        ])
        config["model"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(configuration))
        let configText = String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]), as: UTF8.self) + "\n"
        let folder = try ConetRunFolder(path: out, config: configText, resume: resume)
        try ResultsStore.writeAtomically(pairs.csv, to: folder.file("generator-db.csv"))
        try ResultsStore.writeAtomically(try ModelFiles.json(model), to: folder.file(MetaGeneratorModel.descriptionFile))
        let state = try folder.readState(State.self)
        try folder.openTable("epochs.csv", header: epochsHeader, keepingUpTo: state?.epoch)
        try folder.openTable("timing.csv", header: timingHeader, keepingUpTo: state?.epoch)

        var initRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: 0, stream: 1))
        let generator = GraphGenerator(configuration: configuration, using: &initRNG)
        let optimizer = Adam(parameters: generator.parameters(), learningRate: Float(spec.learningRate))
        var schedule = PlateauSchedule(initialRate: spec.learningRate)
        var losses: [Double] = [], last = GeneratorScore.none
        if let state {
            schedule = try folder.restore(generator, optimizer: optimizer, epoch: state.epoch, losses: state.trainLosses, initialRate: spec.learningRate)
            (losses, last) = (state.trainLosses, state.validation)
        }
        let data = GeneratorBatches(pairs: pairs.pairs, sets: sets, numSample: spec.numSample)
        for epoch in (state.map { $0.epoch + 1 } ?? 0)..<spec.epochs {
            let rate = schedule.rate
            optimizer.learningRate = schedule.learningRate
            var trainRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: epoch, stream: 2))
            let bar = Progress(total: (training.count + spec.batchSize - 1) / spec.batchSize, label: "epoch \(epoch + 1)/\(spec.epochs)", enabled: progress)
            let clock = Date()
            let fit = data.trainEpoch(generator, optimizer: optimizer, pairs: training, batchSize: spec.batchSize, using: &trainRNG) { bar.advance() }
            let trained = Date()
            var evalRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: epoch, stream: 3))
            last = data.score(generator, pairs: validation, batchSize: spec.batchSize, using: &evalRNG)
            schedule.step(metric: fit.total)
            losses.append(fit.total)
            try folder.append("epochs.csv", rows: [["\(epoch)", CSVLine.number(rate)] + [fit.total, fit.reconstruction, fit.kl].map { CSVLine.number($0) }
                + last.fields])
            try folder.append("timing.csv", rows: [["\(epoch)", ConetSearchRun.seconds(clock, trained), ConetSearchRun.seconds(trained, Date())]])
            try folder.finishEpoch(epoch, model: generator, optimizer: optimizer, state: State(epoch: epoch, trainLosses: losses, validation: last))
            try afterEpoch(epoch)
        }
        try generator.saveState(to: folder.file(MetaGeneratorModel.weightsFile))
        let outcome = Outcome(epochs: spec.epochs, trainingPairs: training.count, validationPairs: validation.count,
                              distinctTrainingCells: model.trainingCells.count, validation: last)
        try ResultsStore.writeAtomically(try ModelFiles.json(outcome), to: folder.file("result.json"))
        return outcome
    }
}
