import Foundation
import NASConet
import NASCore
import NASTensor
import NASTensorState

/// A CONetV2 channel search on the engine, trial by trial (`main.py`'s loop): build the network at
/// the trial's widths (trial 0 from its initialisation, later trials with the previous trial's
/// trained convolution weights transferred, BN, classifier and optimiser fresh), train it, take
/// each convolution's quality after every epoch, let ``ChannelSearch`` choose the next widths.
///
/// The last trial of `main.py` trains widths whose metrics nothing reads; it is not trained here
/// (the result does not change). Seeds: trial t's initialisation, data order + augmentation and
/// annealing draws come from `TrialSeed.derive(base: seed, trial: t, stream: 1 / 2 / 3)`, so a
/// resumed run continues the same streams.
///
/// Writes in `out`: `trials.csv` (per trial and epoch), `layers.csv` (per trial, epoch and
/// convolution), `groups.csv` (per trial and group: the search's move), `timing.csv` (wall
/// seconds, the one table that differs between runs) and `result.json`.
public enum ConetSearchRun {
    /// The search's answer.
    public struct Outcome: Codable, Sendable, Equatable {
        public var bestTrial: Int
        public var widths: [Int]
        public var combinedMetric: Double
        public var parameters: Int
        public var macs: Int
        public var trialsTrained: Int

        private enum CodingKeys: String, CodingKey {
            case bestTrial = "best_trial", widths, combinedMetric = "combined_metric", parameters, macs
            case trialsTrained = "trials_trained"
        }
    }

    struct State: Codable {
        /// The last trial trained and taken in.
        var trial: Int
        var trainedWidths: [Int]
        var search: ChannelSearch
    }

    static let trialsHeader = ["trial", "epoch", "widths", "parameters", "macs", "learning_rate", "train_loss", "train_accuracy",
                               "test_loss", "test_accuracy", "mean_qc", "mean_kg"]
    static let layersHeader = ["trial", "epoch", "layer", "name", "in_rank", "in_condition", "in_kg", "in_qc",
                               "out_rank", "out_condition", "out_kg", "out_qc"]
    static let groupsHeader = ["trial", "group", "old_width", "new_width", "old_value", "new_value", "delta", "probability",
                               "accepted", "temperature", "combined_metric", "became_best"]
    static let timingHeader = ["trial", "epoch", "train_seconds", "metric_seconds", "test_seconds"]

    /// Runs (or, with `resume`, continues) the search `spec` describes in folder `out`.
    public static func run(_ spec: ConetSearchSpec, out: String, resume: Bool, progress: Bool = isatty(STDERR_FILENO) != 0) throws -> Outcome {
        let (graph, initialSearch) = try spec.validate()
        let (train, test) = try spec.data.load()
        let folder = try ConetRunFolder(path: out, config: try configText(spec), resume: resume)
        let state = try folder.readState(State.self)
        for (name, header) in [("trials.csv", trialsHeader), ("layers.csv", layersHeader), ("groups.csv", groupsHeader),
                               ("timing.csv", timingHeader)] {
            try folder.openTable(name, header: header, keepingUpTo: state?.trial)
        }
        var search = state?.search ?? initialSearch
        var previous: ConetNetwork?
        if let state {
            var unused = SplitMix64(seed: 0)
            let network = try ConetNetwork(graph: graph, widths: state.trainedWidths, using: &unused)
            try folder.loadCheckpoint(state.trial) { try network.loadState(from: $0) }
            previous = network
        }
        while !search.isFinished {
            let t = search.trial
            let widths = search.widths
            var initRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: t, stream: 1))
            let network = try ConetNetwork(graph: graph, widths: widths, using: &initRNG)
            if let previous { try transferWeights(from: previous, to: network) }
            let cost = try graph.cost(widths: widths, imageSize: train.height)
            let optimizer = spec.optimiser.sgd(network.parameters())
            var dataRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: t, stream: 2))
            var trialRows: [[String]] = [], layerRows: [[String]] = [], timingRows: [[String]] = []
            var epochQualities: [[LayerQuality]] = []
            let epochs = t == 0 ? spec.initialEpochs : spec.epochsPerTrial
            for epoch in 0..<epochs {
                let bar = Progress(total: (train.count + spec.batchSize - 1) / spec.batchSize,
                                   label: "trial \(t + 1)/\(spec.search.trials - 1) epoch \(epoch + 1)/\(epochs)", enabled: progress)
                let clock = Date()
                let fit = ConetTrainer.trainEpoch(network, optimizer: optimizer, data: train, batchSize: spec.batchSize,
                                                  using: &dataRNG) { bar.advance() }
                let trained = Date()
                let qualities = try ConetTrainer.qualities(of: network, previous: epochQualities.last)
                let measured = Date()
                let scored = ConetTrainer.evaluate(network, data: test)
                epochQualities.append(qualities)
                trialRows.append(["\(t)", "\(epoch)", widths.map(String.init).joined(separator: " "), "\(cost.parameters)", "\(cost.macs)",
                                  CSVLine.number(spec.learningRate), CSVLine.number(fit.loss), CSVLine.number(fit.accuracy),
                                  CSVLine.number(scored.loss), CSVLine.number(scored.accuracy)] + networkMeans(qualities))
                layerRows += layerTable(qualities, names: network.convolutions.map(\.name), trial: t, epoch: epoch)
                timingRows.append(["\(t)", "\(epoch)", seconds(clock, trained), seconds(trained, measured), seconds(measured, Date())])
            }
            func perEpoch(_ mode: (LayerQuality) -> LayerQuality.Mode?) -> [[Double]] {
                (0..<network.convolutions.count).map { l in epochQualities.map { mode($0[l])?.quality ?? 0 } }
            }
            var annealRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: t, stream: 3))
            let step = try search.advance(input: perEpoch(\.input), output: perEpoch(\.output), using: &annealRNG)
            try folder.append("trials.csv", rows: trialRows)
            try folder.append("layers.csv", rows: layerRows)
            try folder.append("groups.csv", rows: groupTable(step))
            try folder.append("timing.csv", rows: timingRows)
            try network.saveState(to: folder.checkpointPath(t))
            try folder.writeState(State(trial: t, trainedWidths: widths, search: search))
            folder.dropCheckpoints(except: t)
            previous = network
        }
        guard let best = search.bestWidths, let bestTrial = search.bestTrial else {
            throw ExperimentError.badInput("the search selected no trial: the combined metric never rose above 0 after trial \(spec.search.selectFrom)")
        }
        let cost = try graph.cost(widths: best, imageSize: train.height)
        let outcome = Outcome(bestTrial: bestTrial, widths: best, combinedMetric: search.bestMetric, parameters: cost.parameters,
                              macs: cost.macs, trialsTrained: search.trial)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try ResultsStore.writeAtomically(String(decoding: try encoder.encode(outcome), as: UTF8.self) + "\n",
                                         to: folder.file("result.json"))
        return outcome
    }

    /// The previous trial's convolution weights, at the new widths (``WeightTransfer``).
    static func transferWeights(from old: ConetNetwork, to new: ConetNetwork) throws {
        for ((name, a), (_, b)) in zip(old.convolutions, new.convolutions) {
            let from = WeightTransfer.Shape(outChannels: a.weight.shape[0], inChannels: a.weight.shape[1], kh: a.weight.shape[2], kw: a.weight.shape[3])
            let to = WeightTransfer.Shape(outChannels: b.weight.shape[0], inChannels: b.weight.shape[1], kh: b.weight.shape[2], kw: b.weight.shape[3])
            do {
                b.weight.assign(try WeightTransfer.transfer(a.weight.data, from: from, to: to))
            } catch {
                throw ExperimentError.badInput("\(name): \(error)")
            }
        }
    }

    static func configText(_ spec: ConetSearchSpec) throws -> String {
        let config = try spec.recorded(in: ["experiment": ConetSearchSpec.experiment])
        return String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self) + "\n"
    }

    /// The network means of the layers' QC (both modes) and knowledge gain.
    static func networkMeans(_ qualities: [LayerQuality]) -> [String] {
        let modes = qualities.flatMap { [$0.input, $0.output] }.compactMap { $0 }
        guard !modes.isEmpty else { return ["", ""] }
        let n = Double(modes.count)
        return [CSVLine.number(modes.map(\.quality).reduce(0, +) / n), CSVLine.number(modes.map(\.knowledgeGain).reduce(0, +) / n)]
    }

    static func layerTable(_ qualities: [LayerQuality], names: [String], trial: Int, epoch: Int) -> [[String]] {
        func fields(_ mode: LayerQuality.Mode?) -> [String] {
            guard let mode else { return ["", "", "", ""] }
            return [mode.rank, mode.condition, mode.knowledgeGain, mode.quality].map { CSVLine.number($0) }
        }
        return zip(names, qualities).enumerated().map { layer, item in
            ["\(trial)", "\(epoch)", "\(layer)", item.0] + fields(item.1.input) + fields(item.1.output)
        }
    }

    static func groupTable(_ step: ChannelSearch.Step) -> [[String]] {
        step.moves.enumerated().map { group, move in
            ["\(step.trial)", "\(group)", "\(move.oldWidth)", "\(move.newWidth)", CSVLine.number(move.oldValue), CSVLine.number(move.newValue),
             CSVLine.number(move.delta), CSVLine.number(move.probability), move.accepted ? "1" : "0", CSVLine.number(step.temperature),
             CSVLine.number(step.combinedMetric), step.becameBest ? "1" : "0"]
        }
    }

    static func seconds(_ a: Date, _ b: Date) -> String { String(format: "%.3f", b.timeIntervalSince(a)) }
}
