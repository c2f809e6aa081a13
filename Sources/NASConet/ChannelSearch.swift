import Foundation
import NASCore

/// CONetV2's channel search between trials (`searching_algorithm/greedy.py`,
/// `simulated_annealing.py`, `common.py`, `scaling_method/default_scaling.py`, the loop in
/// `main.py`), as a state that takes one trained trial's layer metrics at a time:
///
/// - per convolution and mode, the trial's metric m is the maximum over its epochs (`epoch_selection:
///   max`), and the momentum is mM <- gamma mM + m (from 0 before trial 0);
/// - a group's value is the average of its producers' output-mode mM and its consumers' input-mode mM;
/// - after trial 0 every width grows by the step size; after trial t > 0 each group's
///   delta = value(new mM) - value(old mM), and under simulated annealing, with T = alpha (trials - t) /
///   trials and p = exp(-(1/|delta|) / T), one uniform draw per group below p adds p to delta; the
///   width becomes round_even(c clip(1 + delta, 0.5, 2)) clipped to the bounds (round half to even,
///   as Python's `round`);
/// - CM, the mean of the group values, picks the result: after trial t >= `selectFrom` (5 in
///   `main.py`: `i > 5` with t = i - 1), a CM above the best so far (from 0) makes trial t's widths
///   the best.
public struct ChannelSearch: Codable, Sendable, Equatable {
    public enum Algorithm: String, Codable, Sendable, CaseIterable {
        case simulatedAnnealing = "sa"
        case greedy
    }

    public struct Settings: Codable, Sendable, Equatable {
        public var algorithm: Algorithm = .simulatedAnnealing
        /// `adapt_trials`: trials 0 ..< trials; the widths proposed after the second-to-last are final.
        public var trials: Int = 36
        public var gamma: Double = 0.8
        /// `ALPHA`, the annealing temperature's scale.
        public var alpha: Double = 5
        /// `init_step_size`: growth of every width after trial 0.
        public var stepSize: Int = 16
        public var minWidth: Int = 16
        public var maxWidth: Int = 256
        /// Trials before this one are not selectable (`i > 5` in `main.py`).
        public var selectFrom: Int = 5

        public init() {}

        private enum CodingKeys: String, CodingKey {
            case algorithm, trials, gamma, alpha, stepSize = "step_size", minWidth = "min_width", maxWidth = "max_width"
            case selectFrom = "select_from"
        }

        /// Absent keys keep the defaults (the authors' `configs/config_resnet.yaml`).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            algorithm = try c.decodeIfPresent(Algorithm.self, forKey: .algorithm) ?? algorithm
            trials = try c.decodeIfPresent(Int.self, forKey: .trials) ?? trials
            gamma = try c.decodeIfPresent(Double.self, forKey: .gamma) ?? gamma
            alpha = try c.decodeIfPresent(Double.self, forKey: .alpha) ?? alpha
            stepSize = try c.decodeIfPresent(Int.self, forKey: .stepSize) ?? stepSize
            minWidth = try c.decodeIfPresent(Int.self, forKey: .minWidth) ?? minWidth
            maxWidth = try c.decodeIfPresent(Int.self, forKey: .maxWidth) ?? maxWidth
            selectFrom = try c.decodeIfPresent(Int.self, forKey: .selectFrom) ?? selectFrom
        }

        public func validate() throws {
            guard trials > selectFrom + 1 else {
                throw ChannelSearchError(why: "\(trials) trials: the search selects among trials \(selectFrom)..<\(trials - 1), so it needs at least \(selectFrom + 2)")
            }
            guard gamma >= 0, gamma.isFinite, alpha > 0, alpha.isFinite else {
                throw ChannelSearchError(why: "gamma \(gamma) and alpha \(alpha): gamma must be >= 0 and alpha > 0, both finite")
            }
            guard stepSize >= 0, minWidth >= 1, minWidth <= maxWidth else {
                throw ChannelSearchError(why: "step \(stepSize), bounds [\(minWidth), \(maxWidth)]: need step >= 0 and 1 <= min <= max")
            }
        }
    }

    /// One group's move after a trial.
    public struct GroupMove: Codable, Sendable, Equatable {
        public var oldValue: Double?
        public var newValue: Double
        public var delta: Double?
        /// The annealing probability p (nil under greedy or after trial 0).
        public var probability: Double?
        public var accepted: Bool
        public var oldWidth: Int
        public var newWidth: Int
    }

    /// What one step decided.
    public struct Step: Codable, Sendable, Equatable {
        public var trial: Int
        public var temperature: Double?
        public var combinedMetric: Double
        public var moves: [GroupMove]
        public var becameBest: Bool
    }

    public let settings: Settings
    /// For each group, the indices (in graph convolution order) of its producers and consumers.
    public let producers: [[Int]], consumers: [[Int]]
    /// The widths of the next trial to train.
    public private(set) var widths: [Int]
    /// The next trial to train.
    public private(set) var trial = 0
    public private(set) var inputMomentum: [Double]
    public private(set) var outputMomentum: [Double]
    public private(set) var bestMetric = 0.0
    public private(set) var bestWidths: [Int]?
    public private(set) var bestTrial: Int?

    public init(graph: ChannelGraph, initialWidths: [Int], settings: Settings) throws {
        try settings.validate()
        let groups = graph.dependencyGroups()
        guard initialWidths.count == groups.count else {
            throw ChannelSearchError(why: "\(initialWidths.count) initial widths for \(groups.count) dependency groups")
        }
        if let bad = initialWidths.first(where: { $0 < settings.minWidth || $0 > settings.maxWidth }) {
            throw ChannelSearchError(why: "initial width \(bad) outside the bounds [\(settings.minWidth), \(settings.maxWidth)]")
        }
        let index = Dictionary(uniqueKeysWithValues: graph.convolutions.enumerated().map { ($1.name, $0) })
        producers = groups.map { $0.producers.compactMap { index[$0] } }
        consumers = groups.map { $0.consumers.compactMap { index[$0] } }
        self.settings = settings
        widths = initialWidths
        inputMomentum = Array(repeating: 0, count: index.count)
        outputMomentum = Array(repeating: 0, count: index.count)
    }

    /// Whether every trial that feeds the result has been taken in.
    public var isFinished: Bool { trial >= settings.trials - 1 }

    /// Takes in the trial just trained: `input[l][e]` / `output[l][e]` the metric of convolution l
    /// (graph order) at epoch e. Draws one uniform per group from `rng` under annealing.
    public mutating func advance(input: [[Double]], output: [[Double]], using rng: inout some RandomNumberGenerator) throws -> Step {
        guard !isFinished else { throw ChannelSearchError(why: "the search already took in its \(settings.trials - 1) trials") }
        guard input.count == inputMomentum.count, output.count == outputMomentum.count,
              !(input + output).contains(where: { $0.isEmpty || $0.contains { !$0.isFinite } }) else {
            throw ChannelSearchError(why: "trial \(trial): metrics of \(input.count)/\(output.count) layers for \(inputMomentum.count) convolutions, each needs finite values for at least one epoch")
        }
        let t = trial
        let old = groupValues()
        inputMomentum = zip(inputMomentum, input).map { settings.gamma * $0 + $1.max()! }
        outputMomentum = zip(outputMomentum, output).map { settings.gamma * $0 + $1.max()! }
        let new = groupValues()
        let temperature = settings.algorithm == .simulatedAnnealing ? settings.alpha * Double(settings.trials - t) / Double(settings.trials) : nil
        var moves: [GroupMove] = []
        for g in widths.indices {
            var move = GroupMove(oldValue: t == 0 ? nil : old[g], newValue: new[g], delta: nil, probability: nil, accepted: false,
                                 oldWidth: widths[g], newWidth: widths[g] + settings.stepSize)
            if t > 0 {
                var delta = new[g] - old[g]
                move.delta = delta
                if let temperature {
                    let p = delta == 0 ? 0 : Foundation.exp(-(1 / abs(delta)) / temperature)
                    move.probability = p
                    if rng.nextUnitDouble() < p {
                        delta += p
                        move.accepted = true
                    }
                }
                move.newWidth = Self.scaled(widths[g], delta: delta, min: settings.minWidth, max: settings.maxWidth)
            }
            moves.append(move)
        }
        let combined = new.reduce(0, +) / Double(max(new.count, 1))
        let becameBest = t >= settings.selectFrom && combined > bestMetric
        if becameBest {
            bestMetric = combined
            bestWidths = widths
            bestTrial = t
        }
        widths = moves.map(\.newWidth)
        trial += 1
        return Step(trial: t, temperature: temperature, combinedMetric: combined, moves: moves, becameBest: becameBest)
    }

    /// `default_scaling`: the width times clip(1 + delta, 0.5, 2), rounded to even (half to even),
    /// clipped to [min, max].
    public static func scaled(_ width: Int, delta: Double, min: Int, max: Int) -> Int {
        let factor = Swift.min(Swift.max(1 + delta, 0.5), 2)
        let even = Int((Double(width) * factor / 2).rounded(.toNearestOrEven)) * 2
        return Swift.min(Swift.max(even, min), max)
    }

    /// Each group's average of its producers' output-mode and consumers' input-mode momentum.
    func groupValues() -> [Double] {
        zip(producers, consumers).map { out, inp in
            let values = out.map { outputMomentum[$0] } + inp.map { inputMomentum[$0] }
            return values.reduce(0, +) / Double(max(values.count, 1))
        }
    }
}

/// Settings or inputs the channel search cannot work with.
public struct ChannelSearchError: Error, CustomStringConvertible, Sendable, Equatable {
    public let why: String
    public var description: String { "channel search: \(why)".oneLine }
}
