import NASConet

/// Everything that decides a CONetV2 channel search (`nasbench conet search`): the network, the
/// images, the trial training and the search rules. Defaults are the authors'
/// `configs/config_resnet.yaml` where it applies (36 trials of 2 epochs, lr 0.03, gamma 0.8, widths
/// from 16 in steps of 16 within [16, 256], simulated annealing with alpha 5), on ResNet-20 and
/// CIFAR-10's first 10,000 training images. Unknown keys are an error.
public struct ConetSearchSpec: ExperimentSpec, Sendable, Equatable {
    public var model = "resnet20"
    public var data = ConetData()
    public var seed: UInt64 = 0
    /// Every group's width in trial 0.
    public var initialWidth = 16
    /// `initial_epochs`: trial 0's epochs.
    public var initialEpochs = 2
    /// `epochs_per_trial`.
    public var epochsPerTrial = 2
    public var learningRate = 0.03
    public var momentum = 0.9
    public var weightDecay = 5e-4
    public var batchSize = 128
    public var search = ChannelSearch.Settings()

    public init() {}

    public static let experiment = "conet-search"

    public var hinted: Self {
        var spec = self
        spec.data = data.hinted
        return spec
    }

    private enum CodingKeys: String, CodingKey {
        case model, data, seed, initialWidth = "initial_width", initialEpochs = "initial_epochs"
        case epochsPerTrial = "epochs_per_trial", learningRate = "learning_rate", momentum, weightDecay = "weight_decay"
        case batchSize = "batch_size", search
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decodeIfPresent(String.self, forKey: .model) ?? model
        data = try c.decodeIfPresent(ConetData.self, forKey: .data) ?? data
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
        initialWidth = try c.decodeIfPresent(Int.self, forKey: .initialWidth) ?? initialWidth
        initialEpochs = try c.decodeIfPresent(Int.self, forKey: .initialEpochs) ?? initialEpochs
        epochsPerTrial = try c.decodeIfPresent(Int.self, forKey: .epochsPerTrial) ?? epochsPerTrial
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? learningRate
        momentum = try c.decodeIfPresent(Double.self, forKey: .momentum) ?? momentum
        weightDecay = try c.decodeIfPresent(Double.self, forKey: .weightDecay) ?? weightDecay
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? batchSize
        search = try c.decodeIfPresent(ChannelSearch.Settings.self, forKey: .search) ?? search
    }

    var optimiser: ConetOptimiser {
        ConetOptimiser(learningRate: learningRate, momentum: momentum, weightDecay: weightDecay, batchSize: batchSize)
    }

    /// Checks what can be checked without the data: the model, the epochs, the optimiser and the
    /// search settings, with the initial widths inside the bounds.
    func validate() throws -> (graph: ChannelGraph, search: ChannelSearch) {
        let graph: ChannelGraph
        do { graph = try ChannelGraph.model(named: model).graph } catch { throw ExperimentError.badInput("\(error)") }
        guard initialEpochs >= 1, epochsPerTrial >= 1 else {
            throw ExperimentError.badInput("initial epochs \(initialEpochs), epochs per trial \(epochsPerTrial): each must be at least 1")
        }
        try optimiser.validate()
        do {
            let widths = Array(repeating: initialWidth, count: graph.dependencyGroups().count)
            return (graph, try ChannelSearch(graph: graph, initialWidths: widths, settings: search))
        } catch let error as ChannelSearchError {
            throw ExperimentError.badInput("\(error)")
        }
    }
}
