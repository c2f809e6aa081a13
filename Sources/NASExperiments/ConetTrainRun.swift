import Foundation
import NASConet
import NASCore
import NASTensor
import NASTensorState

/// Trains one network from scratch (``ConetTrainSpec``) epoch by epoch, recording after each epoch
/// the test accuracy and every convolution's quality (for the metric's claim: does QC track
/// accuracy?). Seeds: the initialisation from `TrialSeed.derive(base: seed, trial: 0, stream: 1)`,
/// epoch e's order and augmentation from stream 2 of trial e.
///
/// Writes in `out`: `epochs.csv`, `layers.csv`, `timing.csv` (wall seconds) and `result.json`;
/// resumes after a kill from the last finished epoch (weights and SGD momentum in
/// `checkpoint-EPOCH.h5`) to the same bytes.
public enum ConetTrainRun {
    public struct Outcome: Codable, Sendable, Equatable {
        public var widths: [Int]
        public var parameters: Int
        public var macs: Int
        public var epochs: Int
        /// The last epoch's test accuracy (%).
        public var testAccuracy: Double
        public var bestTestAccuracy: Double

        private enum CodingKeys: String, CodingKey {
            case widths, parameters, macs, epochs, testAccuracy = "test_accuracy", bestTestAccuracy = "best_test_accuracy"
        }
    }

    struct State: Codable {
        var epoch: Int
        /// The epoch's layer qualities: a layer whose next measure fails keeps these (the authors'
        /// previous-epoch rule), also across a resume.
        var qualities: [LayerQuality]?
    }

    /// The network and the optimiser's momentum as one module state, for checkpoints.
    final class Checkpoint: Module {
        let network: ConetNetwork
        let optimizer: SGD
        let momentum: [Tensor]

        init(network: ConetNetwork, optimizer: SGD) {
            self.network = network
            self.optimizer = optimizer
            momentum = optimizer.parameters.enumerated().map { k, p in
                let buffer = optimizer.momentumBuffers[k]
                return Tensor(shape: p.shape, data: buffer.isEmpty ? [Float](repeating: 0, count: p.count) : buffer)
            }
        }

        func callAsFunction(_ x: Tensor) -> Tensor { network(x) }
        func namedParameters() -> [(String, Tensor)] { network.namedParameters() }
        func namedBuffers() -> [(String, Tensor)] {
            network.namedBuffers() + momentum.enumerated().map { ("optimizer.momentum.\($0)", $1) }
        }
        func setTraining(_ training: Bool) { network.setTraining(training) }

        /// Hands the loaded momentum to the optimiser.
        func restoreMomentum() { optimizer.momentumBuffers = momentum.map(\.data) }
    }

    static let epochsHeader = ["epoch", "learning_rate", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "mean_qc", "mean_kg"]
    static let timingHeader = ["epoch", "train_seconds", "metric_seconds", "test_seconds"]

    public static func run(_ spec: ConetTrainSpec, out: String, resume: Bool, progress: Bool = isatty(STDERR_FILENO) != 0) throws -> Outcome {
        let (graph, widths) = try spec.validate()
        let (train, test) = try spec.data.load()
        let config = try spec.recorded(in: ["experiment": ConetTrainSpec.experiment])
        let folder = try ConetRunFolder(
            path: out, config: String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self) + "\n",
            resume: resume)
        let state = try folder.readState(State.self)
        try folder.openTable("epochs.csv", header: epochsHeader, keepingUpTo: state?.epoch)
        try folder.openTable("layers.csv", header: ["epoch"] + ConetSearchRun.layersHeader.dropFirst(2), keepingUpTo: state?.epoch)
        try folder.openTable("timing.csv", header: timingHeader, keepingUpTo: state?.epoch)
        var initRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: 0, stream: 1))
        let network = try ConetNetwork(graph: graph, widths: widths, using: &initRNG)
        let optimizer = spec.optimiser.sgd(network.parameters())
        if let state {
            let checkpoint = Checkpoint(network: network, optimizer: optimizer)
            try folder.loadCheckpoint(state.epoch) { try checkpoint.loadState(from: $0) }
            checkpoint.restoreMomentum()
        }
        var previous = state?.qualities
        for epoch in (state.map { $0.epoch + 1 } ?? 0)..<spec.epochs {
            let rate = spec.learningRate(epoch: epoch)
            optimizer.learningRate = Float(rate)
            var dataRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: epoch, stream: 2))
            let bar = Progress(total: (train.count + spec.batchSize - 1) / spec.batchSize, label: "epoch \(epoch + 1)/\(spec.epochs)",
                               enabled: progress)
            let clock = Date()
            let fit = ConetTrainer.trainEpoch(network, optimizer: optimizer, data: train, batchSize: spec.batchSize, using: &dataRNG) {
                bar.advance()
            }
            let trained = Date()
            let qualities = try ConetTrainer.qualities(of: network, previous: previous)
            previous = qualities
            let measured = Date()
            let scored = ConetTrainer.evaluate(network, data: test)
            try folder.append("epochs.csv", rows: [["\(epoch)", CSVLine.number(rate), CSVLine.number(fit.loss), CSVLine.number(fit.accuracy),
                                                    CSVLine.number(scored.loss), CSVLine.number(scored.accuracy)]
                                                   + ConetSearchRun.networkMeans(qualities)])
            try folder.append("layers.csv", rows: ConetSearchRun.layerTable(qualities, names: network.convolutions.map(\.name), trial: epoch,
                                                                           epoch: epoch).map { [$0[0]] + $0.dropFirst(2) })
            try folder.append("timing.csv", rows: [["\(epoch)", ConetSearchRun.seconds(clock, trained), ConetSearchRun.seconds(trained, measured),
                                                    ConetSearchRun.seconds(measured, Date())]])
            try Checkpoint(network: network, optimizer: optimizer).saveState(to: folder.checkpointPath(epoch))
            try folder.writeState(State(epoch: epoch, qualities: qualities))
            folder.dropCheckpoints(except: epoch)
        }
        let accuracies = try readAccuracies(folder.file("epochs.csv"))
        let cost = try graph.cost(widths: widths, imageSize: train.height)
        let outcome = Outcome(widths: widths, parameters: cost.parameters, macs: cost.macs, epochs: spec.epochs,
                              testAccuracy: accuracies.last ?? 0, bestTestAccuracy: accuracies.max() ?? 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try ResultsStore.writeAtomically(String(decoding: try encoder.encode(outcome), as: UTF8.self) + "\n", to: folder.file("result.json"))
        return outcome
    }

    /// The test accuracy column of `epochs.csv`, in epoch order.
    static func readAccuracies(_ path: String) throws -> [Double] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let column = epochsHeader.firstIndex(of: "test_accuracy")!
        return try text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > column, let value = Double(fields[column]) else {
                throw ExperimentError.corruptResults(path: path, why: "a row has no test accuracy")
            }
            return value
        }
    }
}
