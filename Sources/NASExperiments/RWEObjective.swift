import Foundation
import NASCore
import NASDatasets
import NASEvaluators
import NASSpaces

/// Random-weight evaluation as a search objective: the RWE held-out accuracy of a cell,
/// computed once per distinct cell and cached. A cell's weights are seeded from the base seed
/// and the cell's rank, so its score does not depend on the order cells are asked for.
public final class RWEObjective {
    public let evaluator: RandomWeightEvaluator
    public let images: EvaluationImages
    public let seed: UInt64
    private var cache: [NB201Cell: Double] = [:]
    /// Wall-clock seconds spent in RWE so far (cached answers cost nothing).
    public private(set) var seconds = 0.0

    public init(evaluator: RandomWeightEvaluator, images: EvaluationImages, seed: UInt64) {
        self.evaluator = evaluator
        self.images = images
        self.seed = seed
    }

    /// RWE images for `seed`: seeded subsets of `train` and `test`, drawn as `nasbench rwe` draws them.
    public static func sampleImages(train: ImageDataset, test: ImageDataset, trainImages: Int, testImages: Int,
                              seed: UInt64) throws -> EvaluationImages {
        guard trainImages > 1, trainImages <= train.count, testImages > 0, testImages <= test.count else {
            throw ExperimentError.badInput(
                "--images must be in 2...\(train.count) (the archive's training images) and --test-images in 1...\(test.count) "
                    + "(its test images), got \(trainImages) and \(testImages)")
        }
        var rng = SplitMix64(seed: TrialSeed.derive(base: seed, trial: 0, stream: 2))
        return try EvaluationImages(
            train: train.randomSubset(trainImages, using: &rng), test: test.randomSubset(testImages, using: &rng))
    }

    /// Where each new score is journaled (a `moo --out` run), and whose journal seeds the cache.
    var folder: MooRunFolder? {
        didSet { if let folder { cache.merge(folder.journaled) { old, _ in old } } }
    }

    /// RWE held-out accuracy of `cell` (a fraction), evaluated on first use.
    public func accuracy(_ cell: NB201Cell) throws -> Double {
        if let known = cache[cell] { return known }
        let start = Date()
        var rng = SplitMix64(seed: TrialSeed.derive(base: seed, trial: cell.rank, stream: 4))
        let value = try evaluator.randomWeightScore(cell, images: images, using: &rng).score.accuracy
        seconds += Date().timeIntervalSince(start)
        try folder?.record(cell, value)
        cache[cell] = value
        return value
    }

    /// Distinct cells evaluated so far.
    public var evaluatedCount: Int { cache.count }
}
