import Foundation
import NASCore
import NASMetaD2A
import NASOracle
import NASTensor
import NASTensorState

/// Trains MetaD2A's meta-predictor (``PredictorTrainSpec``) on a database's (task, cell, accuracy)
/// pairs, as predictor/predictor.py does: per pair, the task's set drawn afresh (`numSample`
/// training images of each class), labels scaled by ``AccuracyScaling`` (training pairs' mean and
/// std), summed squared error, Adam, ReduceLROnPlateau (0.1, patience 10) stepped with the epoch's
/// training loss (or, with `plateauOn` `.valid`, the held-out pairs' loss), the best checkpoint by Pearson on the held-out pairs. A ``MetaPairSplit`` also
/// holds out whole tasks, scored every epoch. Seeds: the model from `TrialSeed.derive(base: seed,
/// trial: 0, stream: 1)`, epoch e's order and training sets from stream 2 of trial e, its held-out
/// sets from stream 3, the split from stream 4 of trial 0.
///
/// Writes in `out`: `config.json`, `predictor.json` (sizes, scaling), `epochs.csv`, `timing.csv`
/// (wall seconds, the one file that differs between runs), `state.json` + `checkpoint-EPOCH.h5`
/// (model and Adam: the resume point), `predictor.h5` (the best weights so far) and at the end
/// `result.json`. A killed run resumes with `resume` to the same bytes.
public enum PredictorTrainRun {
    public struct Outcome: Codable, Sendable, Equatable {
        public var epochs: Int
        public var trainingPairs: Int
        public var bestEpoch: Int
        /// Scores of the best checkpoint (the epoch it was written).
        public var heldOutPairs: HeldOutScore
        public var heldOutTasks: HeldOutScore

        private enum CodingKeys: String, CodingKey {
            case epochs, trainingPairs = "training_pairs", bestEpoch = "best_epoch", heldOutPairs = "held_out_pairs"
            case heldOutTasks = "held_out_tasks"
        }
    }

    struct State: Codable {
        var epoch: Int
        /// Every finished epoch's plateau metric (``PredictorTrainSpec/plateauOn``): the schedule is replayed from them.
        var plateauMetrics: [Double]
        var best: Outcome?
    }

    static let epochsHeader = ["epoch", "learning_rate", "train_loss", "train_pearson"]
        + ["pairs", "tasks"].flatMap { group in ["loss", "pearson", "spearman", "kendall"].map { "\(group)_\($0)" } } + ["best_epoch"]
    static let timingHeader = ["epoch", "train_seconds", "eval_seconds"]

    /// The resolved configuration: spec, database and features by content, split, scaling.
    static func config(_ spec: PredictorTrainSpec, database: String, features: [(path: String, file: EncoderFeatureFile)],
                       split: MetaPairSplit, model: MetaPredictorModel) throws -> String {
        var config = try spec.recorded(in: ["experiment": PredictorTrainSpec.experiment, "features": MetaFeatureSets.provenance(features),
                                            "database_sha256": try SHA256Digest.hex(ofFile: database)])
        config["split"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(split))
        config["model"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(model))
        config["random_streams"] = TrialRunner.randomStreams
        return String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]), as: UTF8.self) + "\n"
    }

    /// Runs (or, under `resume`, continues) the training. `afterEpoch` is called once an epoch's
    /// checkpoint and state are written (a throw there stops the run as a kill would).
    @discardableResult
    public static func run(_ spec: PredictorTrainSpec, database path: String, features: [(path: String, file: EncoderFeatureFile)],
                           out: String, resume: Bool, progress: Bool = isatty(STDERR_FILENO) != 0,
                           afterEpoch: (Int) throws -> Void = { _ in }) throws -> Outcome {
        try spec.validate()
        let database = try MetaTrainingDatabase.read(path)
        let sets = try MetaFeatureSets.tasks(of: database, files: features)
        try sets.check(samples: spec.numSample)
        let split = try MetaPairSplit(labelTasks: database.labels.map(\.task), taskCount: database.tasks.count,
                                      taskFraction: spec.heldOutTasks, pairFraction: spec.heldOutPairs, seed: spec.seed)
        let scaling: AccuracyScaling
        do { scaling = try AccuracyScaling(trainingAccuracies: split.training.map { database.labels[$0].accuracy }) } catch {
            throw ExperimentError.badInput("\(path): \(error)")
        }
        let configuration = MetaPredictorConfiguration(featureSize: sets.dimension, hiddenSize: spec.hiddenSize,
                                                       embeddingSize: spec.embeddingSize, numHeads: spec.numHeads)
        let model = MetaPredictorModel(configuration: configuration, scaling: scaling, numSample: spec.numSample)
        let folder = try ConetRunFolder(path: out, config: try config(spec, database: path, features: features, split: split, model: model),
                                        resume: resume)
        try ResultsStore.writeAtomically(try ModelFiles.json(model), to: folder.file(MetaPredictorModel.descriptionFile))
        let state = try folder.readState(State.self)
        try folder.openTable("epochs.csv", header: epochsHeader, keepingUpTo: state?.epoch)
        try folder.openTable("timing.csv", header: timingHeader, keepingUpTo: state?.epoch)
        var initRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: 0, stream: 1))
        let predictor = MetaPredictor(configuration: configuration, using: &initRNG)
        let optimizer = Adam(parameters: predictor.parameters(), learningRate: Float(spec.learningRate))
        var schedule = PlateauSchedule(initialRate: spec.learningRate)
        var losses: [Double] = [], best: Outcome? = nil
        if let state {
            schedule = try folder.restore(predictor, optimizer: optimizer, epoch: state.epoch, losses: state.plateauMetrics, initialRate: spec.learningRate)
            (losses, best) = (state.plateauMetrics, state.best)
        }
        let pairs = PredictorPairs(database: database, sets: sets, scaling: scaling, numSample: spec.numSample)
        for epoch in (state.map { $0.epoch + 1 } ?? 0)..<spec.epochs {
            let rate = schedule.rate
            optimizer.learningRate = schedule.learningRate
            var trainRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: epoch, stream: 2))
            let bar = Progress(total: (split.training.count + spec.batchSize - 1) / spec.batchSize, label: "epoch \(epoch + 1)/\(spec.epochs)", enabled: progress)
            let clock = Date()
            let fit = pairs.trainEpoch(predictor, optimizer: optimizer, labels: split.training, batchSize: spec.batchSize, using: &trainRNG) { bar.advance() }
            let trained = Date()
            var evalRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: epoch, stream: 3))
            let heldPairs = pairs.score(predictor, labels: split.heldOutPairs, batchSize: spec.batchSize, using: &evalRNG)
            let heldTasks = pairs.score(predictor, labels: split.taskPairs, batchSize: spec.batchSize, using: &evalRNG)
            let metric = spec.plateauOn == .train ? fit.loss : heldPairs.loss
            schedule.step(metric: metric)
            losses.append(metric)
            if heldPairs.pearson > (best?.heldOutPairs.pearson ?? -.infinity) {
                best = Outcome(epochs: spec.epochs, trainingPairs: split.training.count, bestEpoch: epoch, heldOutPairs: heldPairs, heldOutTasks: heldTasks)
                try predictor.saveState(to: folder.file(MetaPredictorModel.weightsFile))
            }
            try folder.append("epochs.csv", rows: [["\(epoch)", CSVLine.number(rate), CSVLine.number(fit.loss), CSVLine.number(fit.pearson)]
                + heldPairs.fields + heldTasks.fields + [best.map { "\($0.bestEpoch)" } ?? ""]])
            try folder.append("timing.csv", rows: [["\(epoch)", ConetSearchRun.seconds(clock, trained), ConetSearchRun.seconds(trained, Date())]])
            try folder.finishEpoch(epoch, model: predictor, optimizer: optimizer, state: State(epoch: epoch, plateauMetrics: losses, best: best))
            try afterEpoch(epoch)
        }
        if best == nil {
            // No epoch gave a finite held-out Pearson: keep the last weights, say so in result.json.
            try predictor.saveState(to: folder.file(MetaPredictorModel.weightsFile))
        }
        let outcome = best ?? Outcome(epochs: spec.epochs, trainingPairs: split.training.count, bestEpoch: spec.epochs - 1,
                                      heldOutPairs: HeldOutScore(predicted: [], actual: [], squaredError: 0),
                                      heldOutTasks: HeldOutScore(predicted: [], actual: [], squaredError: 0))
        try ResultsStore.writeAtomically(try ModelFiles.json(outcome), to: folder.file("result.json"))
        return outcome
    }
}
