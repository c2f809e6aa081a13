import Foundation
import NASConet

/// A from-scratch training of one network at given widths (`nasbench conet train`): the authors'
/// full training (`main.py` after the search: SGD from `init_lr_full` 0.1 under StepLR(25, 0.5)
/// for 250 epochs) shortened to `epochs`, with the step scaled alike by default (every 2 of 20
/// epochs). Unknown keys are an error.
public struct ConetTrainSpec: ExperimentSpec, Sendable, Equatable {
    public var model = "resnet20"
    public var data = ConetData()
    public var seed: UInt64 = 0
    /// One width per dependency group; empty: the model's standard widths.
    public var widths: [Int] = []
    public var epochs = 20
    public var learningRate = 0.1
    /// Epochs between learning-rate steps (StepLR's `step_size`).
    public var stepEpochs = 2
    /// StepLR's factor.
    public var stepGamma = 0.5
    public var momentum = 0.9
    public var weightDecay = 5e-4
    public var batchSize = 128

    public init() {}

    public static let experiment = "conet-train"

    public var hinted: Self {
        var spec = self
        spec.data = data.hinted
        return spec
    }

    private enum CodingKeys: String, CodingKey {
        case model, data, seed, widths, epochs, learningRate = "learning_rate", stepEpochs = "step_epochs", stepGamma = "step_gamma"
        case momentum, weightDecay = "weight_decay", batchSize = "batch_size"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decodeIfPresent(String.self, forKey: .model) ?? model
        data = try c.decodeIfPresent(ConetData.self, forKey: .data) ?? data
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
        widths = try c.decodeIfPresent([Int].self, forKey: .widths) ?? widths
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? epochs
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? learningRate
        stepEpochs = try c.decodeIfPresent(Int.self, forKey: .stepEpochs) ?? stepEpochs
        stepGamma = try c.decodeIfPresent(Double.self, forKey: .stepGamma) ?? stepGamma
        momentum = try c.decodeIfPresent(Double.self, forKey: .momentum) ?? momentum
        weightDecay = try c.decodeIfPresent(Double.self, forKey: .weightDecay) ?? weightDecay
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? batchSize
    }

    var optimiser: ConetOptimiser {
        ConetOptimiser(learningRate: learningRate, momentum: momentum, weightDecay: weightDecay, batchSize: batchSize)
    }

    /// The learning rate of `epoch` (0-based) under the step schedule.
    func learningRate(epoch: Int) -> Double {
        learningRate * Foundation.pow(stepGamma, Double(epoch / stepEpochs))
    }

    /// The graph and the widths to train, checked.
    func validate() throws -> (graph: ChannelGraph, widths: [Int]) {
        let model: (graph: ChannelGraph, widths: [Int])
        do { model = try ChannelGraph.model(named: self.model) } catch { throw ExperimentError.badInput("\(error)") }
        let chosen = widths.isEmpty ? model.widths : widths
        do { _ = try model.graph.channelCounts(widths: chosen) } catch { throw ExperimentError.badInput("--widths: \(error)") }
        guard epochs >= 1, stepEpochs >= 1, stepGamma > 0, stepGamma.isFinite else {
            throw ExperimentError.badInput("epochs \(epochs), step every \(stepEpochs) epochs by \(stepGamma): need epochs >= 1, step >= 1, factor > 0")
        }
        try optimiser.validate()
        return (model.graph, chosen)
    }
}
