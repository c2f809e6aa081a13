/// How a MetaD2A database label is made (``MetaLabelRecipe``): the network, the images and the
/// short SGD schedule. The defaults make one label a few seconds on two cores (docs/METAD2A.md
/// has the measurement); NB201's own recipe (Dong & Yang, ICLR 2020: C=16, N=5, 200 epochs,
/// Nesterov SGD lr 0.1 cosine, momentum 0.9, decay 5e-4, batch 256, crop + flip) is the model,
/// shrunk.
public struct MetaLabelSettings: Codable, Sendable, Equatable {
    /// `C` of `NB201Network` (the benchmark's 16, halved).
    public var channels = 8
    /// `N` of `NB201Network` (the benchmark's 5).
    public var cellsPerStage = 1
    /// Training epochs over the task's training images. Calibrated on 10-way CIFAR-10 (50 cells,
    /// docs/METAD2A.md): 3 epochs ranked cells at Kendall tau 0.13 against the table, 10 at 0.42.
    public var epochs = 10
    public var batchSize = 32
    /// Initial rate of NB201's cosine schedule (annealed to 0 over the run), Nesterov momentum.
    public var learningRate = 0.05
    /// NB201's momentum.
    public var momentum = 0.9
    /// NB201's weight decay.
    public var weightDecay = 5e-4
    /// Side of the (square) images the network sees: the sets are loaded at 32, other sides are
    /// bilinear resizes of those (small sides are for tests).
    public var imageSize = 32
    /// NB201's `RandomCrop(pad 4)` + `RandomHorizontalFlip` on training batches.
    public var augment = false

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case channels, cellsPerStage = "cells_per_stage", epochs, batchSize = "batch_size", learningRate = "learning_rate"
        case momentum, weightDecay = "weight_decay", imageSize = "image_size", augment
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        channels = try c.decodeIfPresent(Int.self, forKey: .channels) ?? d.channels
        cellsPerStage = try c.decodeIfPresent(Int.self, forKey: .cellsPerStage) ?? d.cellsPerStage
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? d.epochs
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
        momentum = try c.decodeIfPresent(Double.self, forKey: .momentum) ?? d.momentum
        weightDecay = try c.decodeIfPresent(Double.self, forKey: .weightDecay) ?? d.weightDecay
        imageSize = try c.decodeIfPresent(Int.self, forKey: .imageSize) ?? d.imageSize
        augment = try c.decodeIfPresent(Bool.self, forKey: .augment) ?? d.augment
    }

    /// Rejects settings no training can use, in one line.
    public func validate() throws {
        guard channels >= 1, cellsPerStage >= 1, epochs >= 1, batchSize >= 1, imageSize >= 4 else {
            throw ExperimentError.badInput(
                "label training needs channels, cells per stage, epochs and batch size >= 1 and images of side >= 4 (got C=\(channels), N=\(cellsPerStage), \(epochs) epochs, batch \(batchSize), side \(imageSize))")
        }
        guard learningRate > 0, learningRate.isFinite, momentum > 0, momentum < 1, weightDecay >= 0, weightDecay.isFinite else {
            throw ExperimentError.badInput(
                "label training needs lr > 0, 0 < momentum < 1 (Nesterov) and decay >= 0 (got \(learningRate), \(momentum), \(weightDecay))")
        }
    }
}
