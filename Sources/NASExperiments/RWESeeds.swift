import NASCore

/// The seeds of a random-weight evaluation run, kept apart so each source of randomness can be
/// varied alone: the cell sample, the image subsets, and the weights of each cell (with
/// `repeats` independent initialisations a cell). A run given only one seed uses it for all
/// three, with the streams it used before they were separable, so its bytes are unchanged.
public struct RWESeeds: Sendable, Equatable {
    /// Seed of the cell sample (`seed`).
    public var cells: UInt64
    /// Seed of the training and test image subsets (`data_seed`).
    public var data: UInt64
    /// Base seed of the weights (`weight_seed`).
    public var weights: UInt64
    /// Weight initialisations a cell (`weight_seeds`), at least 1.
    public var repeats: Int

    public init(cells: UInt64, data: UInt64, weights: UInt64, repeats: Int = 1) {
        self.cells = cells
        self.data = data
        self.weights = weights
        self.repeats = repeats
    }

    /// One seed for everything, one initialisation a cell.
    public init(_ seed: UInt64) {
        self.init(cells: seed, data: seed, weights: seed)
    }

    /// Throws unless there is at least one initialisation a cell.
    public func validate() throws {
        guard repeats > 0 else { throw ExperimentError.badInput("--weight-seeds (weight_seeds) must be at least 1, got \(repeats)") }
    }

    /// The generator seed of the cell sample.
    var cellSample: UInt64 { TrialSeed.derive(base: cells, trial: 0, stream: 1) }

    /// The weight seed of cell `trial`, initialisation `index`: stream 0 for the first (the seed
    /// every run used before repeats existed), `firstRepeatStream + index - 1` for the others,
    /// clear of the streams the cell sample (1), the images (2) and moo's objective (4) draw from.
    func weightSeed(trial: Int, repeat index: Int) -> UInt64 {
        TrialSeed.derive(base: weights, trial: trial, stream: index == 0 ? 0 : Self.firstRepeatStream + UInt64(index - 1))
    }

    static let firstRepeatStream: UInt64 = 16
}
