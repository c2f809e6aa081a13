import Foundation
import NASCore
import NASMetaD2A
import NASTensor
import NASTensorState

/// Trains MetaD2A's image encoder (``EncoderTrainSpec``) epoch by epoch on the meta-training sets'
/// training images: encoder, a linear head over every class of every set, cross-entropy, Nesterov
/// SGD with a per-batch cosine schedule; each epoch a fresh shuffled order, the last partial batch
/// dropped (batch norm needs two images); no augmentation. After each epoch the head's accuracy on
/// the first `evalPerClass` held-out images of each class is scored in inference mode. Seeds: the
/// encoder then the head from `TrialSeed.derive(base: seed, trial: 0, stream: 1)`, epoch e's order
/// from stream 2 of trial e.
///
/// Writes in `out`: `config.json`, `epochs.csv`, `timing.csv` (wall seconds), `state.json` and
/// `checkpoint-EPOCH.h5` (the resume point: encoder, head, momentum), and at the end `encoder.h5`
/// (the encoder alone, what `nasbench metad2a encode` reads) and `result.json`. A killed run resumes
/// from its last finished epoch to the same bytes.
public enum EncoderTrainRun {
    public static let encoderFile = "encoder.h5"

    public struct Outcome: Codable, Sendable, Equatable {
        public var epochs: Int
        public var trainImages: Int
        public var classes: Int
        public var heldOutAccuracy: Double
        public var parameters: Int
        public var macsPerImage: Int

        private enum CodingKeys: String, CodingKey {
            case epochs, trainImages = "train_images", classes, heldOutAccuracy = "held_out_accuracy", parameters
            case macsPerImage = "macs_per_image"
        }
    }

    struct State: Codable { var epoch: Int }

    static let epochsHeader = ["epoch", "learning_rate", "train_loss", "train_accuracy", "held_out_accuracy"]
    static let timingHeader = ["epoch", "train_seconds", "eval_seconds", "train_images"]

    /// The training and scored held-out images of `pool` under `spec`, one label space.
    static func images(_ spec: EncoderTrainSpec, pool: MetaTaskPool) throws -> (train: EncoderImages, heldOut: EncoderImages, classes: Int) {
        var offsets: [Int] = [], train: [[Int]] = [], heldOut: [[Int]] = []
        var classes = 0
        for member in pool.members {
            offsets.append(classes)
            classes += member.classImages.count
            let split = member.encoderSplit(holdoutEvery: spec.holdoutEvery)
            train.append(split.training.flatMap { spec.trainPerClass > 0 ? Array($0.prefix(spec.trainPerClass)) : $0 })
            heldOut.append(split.heldOut.flatMap { $0.prefix(spec.evalPerClass) })
        }
        return (try EncoderImages(members: pool.members, rows: train, labelOffsets: offsets),
                try EncoderImages(members: pool.members, rows: heldOut, labelOffsets: offsets), classes)
    }

    /// The resolved configuration: the spec and the sets by content.
    static func config(_ spec: EncoderTrainSpec, pool: MetaTaskPool, trainImages: Int) throws -> String {
        let sources: [[String: Any]] = pool.members.map {
            ["name": $0.source.rawValue, "images": $0.images.count, "classes": $0.classImages.count, "sha256": $0.digest]
        }
        var config = try spec.recorded(in: ["experiment": EncoderTrainSpec.experiment, "sources": sources, "train_images": trainImages])
        config["random_streams"] = TrialRunner.randomStreams
        return String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]), as: UTF8.self) + "\n"
    }

    /// Runs (or, under `resume`, continues) the training. `afterEpoch` is called once an epoch's
    /// checkpoint and state are written (a throw there stops the run as a kill would).
    @discardableResult
    public static func run(_ spec: EncoderTrainSpec, pool: MetaTaskPool, out: String, resume: Bool,
                           progress: Bool = isatty(STDERR_FILENO) != 0, afterEpoch: (Int) throws -> Void = { _ in }) throws -> Outcome {
        try spec.validate()
        guard pool.members.map(\.source) == spec.sources else {
            throw ExperimentError.badInput("the image pool does not hold the spec's sources in order")
        }
        let (train, heldOut, classes) = try images(spec, pool: pool)
        let batches = train.count / spec.batchSize
        guard batches >= 1 else {
            throw ExperimentError.badInput("\(train.count) training images make no batch of \(spec.batchSize)")
        }
        let folder = try ConetRunFolder(path: out, config: try config(spec, pool: pool, trainImages: train.count), resume: resume)
        let state = try folder.readState(State.self)
        try folder.openTable("epochs.csv", header: epochsHeader, keepingUpTo: state?.epoch)
        try folder.openTable("timing.csv", header: timingHeader, keepingUpTo: state?.epoch)
        var initRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: 0, stream: 1))
        let encoder: ImageEncoder
        do { encoder = try ImageEncoder(spec.encoder, using: &initRNG) } catch { throw ExperimentError.badInput("\(error)") }
        let head = Linear(spec.encoder.featureSize, classes, using: &initRNG)
        let optimizer = SGD(parameters: encoder.parameters() + head.parameters(), learningRate: Float(spec.learningRate),
                            momentum: Float(spec.momentum), weightDecay: Float(spec.weightDecay), nesterov: spec.momentum > 0)
        if let state {
            let checkpoint = EncoderCheckpoint(encoder: encoder, head: head, optimizer: optimizer)
            do { try checkpoint.loadState(from: folder.checkpointPath(state.epoch)) } catch {
                throw ExperimentError.corruptResults(path: folder.checkpointPath(state.epoch), why: "\(error)")
            }
            checkpoint.restoreMomentum()
        }
        let schedule = CosineSchedule(baseRate: Float(spec.learningRate), totalSteps: spec.epochs * batches)
        for epoch in (state.map { $0.epoch + 1 } ?? 0)..<spec.epochs {
            var orderRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: epoch, stream: 2))
            let bar = Progress(total: batches, label: "epoch \(epoch + 1)/\(spec.epochs)", enabled: progress)
            let clock = Date()
            let fit = trainEpoch(encoder: encoder, head: head, optimizer: optimizer, images: train, batchSize: spec.batchSize,
                                 schedule: schedule, firstStep: epoch * batches, using: &orderRNG) { bar.advance() }
            let trained = Date()
            let accuracy = heldOut.count > 0 ? score(encoder: encoder, head: head, images: heldOut) : 0
            try folder.append("epochs.csv", rows: [["\(epoch)", CSVLine.number(schedule.learningRate(at: epoch * batches)),
                                                    CSVLine.number(fit.loss), CSVLine.number(fit.accuracy), CSVLine.number(accuracy)]])
            try folder.append("timing.csv", rows: [["\(epoch)", ConetSearchRun.seconds(clock, trained), ConetSearchRun.seconds(trained, Date()),
                                                    "\(batches * spec.batchSize)"]])
            try EncoderCheckpoint(encoder: encoder, head: head, optimizer: optimizer).saveState(to: folder.checkpointPath(epoch))
            try folder.writeState(State(epoch: epoch))
            folder.dropCheckpoints(except: epoch)
            try afterEpoch(epoch)
        }
        try encoder.saveState(to: folder.file(encoderFile))
        let outcome = Outcome(epochs: spec.epochs, trainImages: train.count, classes: classes,
                              heldOutAccuracy: heldOut.count > 0 ? score(encoder: encoder, head: head, images: heldOut) : 0,
                              parameters: spec.encoder.parameterCount, macsPerImage: spec.encoder.macs(imageSide: train.side))
        let jsonEncoder = JSONEncoder()
        jsonEncoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try ResultsStore.writeAtomically(String(decoding: try jsonEncoder.encode(outcome), as: UTF8.self) + "\n", to: folder.file("result.json"))
        return outcome
    }

    /// One epoch: mean batch loss and training accuracy (%) over the images seen.
    static func trainEpoch(encoder: ImageEncoder, head: Linear, optimizer: SGD, images: EncoderImages, batchSize: Int,
                           schedule: CosineSchedule, firstStep: Int, using rng: inout some RandomNumberGenerator,
                           onBatch: () -> Void) -> (loss: Double, accuracy: Double) {
        encoder.train()
        var order = Array(0..<images.count)
        rng.shuffle(&order)
        var lossSum = 0.0, correct = 0
        let batches = images.count / batchSize
        for b in 0..<batches {
            let rows = order[(b * batchSize)..<((b + 1) * batchSize)]
            let labels = rows.map { images.labels[$0] }
            optimizer.learningRate = schedule.learningRate(at: firstStep + b)
            optimizer.zeroGrad()
            let logits = head(encoder(images.batch(rows)))
            let loss = logits.softmaxCrossEntropy(labels: labels)
            loss.backward()
            optimizer.step()
            lossSum += Double(loss.item)
            for (p, y) in zip(logits.argmaxRows(), labels) where p == y { correct += 1 }
            onBatch()
        }
        return (lossSum / Double(batches), 100 * Double(correct) / Double(batches * batchSize))
    }

    /// The head's top-1 accuracy (%) on `images` in inference mode, batches of 100.
    static func score(encoder: ImageEncoder, head: Linear, images: EncoderImages) -> Double {
        encoder.eval()
        defer { encoder.train() }
        var correct = 0
        GradMode.withNoGrad {
            var lo = 0
            while lo < images.count {
                let rows = Array(lo..<min(lo + 100, images.count))[...]
                for (p, row) in zip(head(encoder(images.batch(rows))).argmaxRows(), rows) where p == images.labels[row] { correct += 1 }
                lo += 100
            }
        }
        return 100 * Double(correct) / Double(images.count)
    }
}
