/// PyTorch's `ReduceLROnPlateau`: multiplies the learning rate by `factor` once the monitored
/// metric has not improved for more than `patience` consecutive steps.
///
/// Each ``step(metric:)`` follows `torch.optim.lr_scheduler.ReduceLROnPlateau.step`:
/// 1. the metric improves on the best so far when, in `.min` mode, it is below
///    `best * (1 - threshold)` (`.relative`) or `best - threshold` (`.absolute`), and in `.max`
///    mode above `best * (1 + threshold)` or `best + threshold`; the first metric always improves
///    on the initial best (`+inf` / `-inf`), a NaN never does. An improvement sets the best and
///    clears the count of bad steps; otherwise the count grows by one.
/// 2. During a cool-down (`cooldown` steps after a reduction) the counter of cool-down steps
///    drops by one and bad steps are not counted.
/// 3. When the count exceeds `patience`, the rate becomes `max(rate * factor, minRate)` (kept
///    unchanged if that lowers it by no more than `epsilon`), the cool-down starts and the count
///    is cleared.
///
/// Defaults are PyTorch's (factor 0.1, patience 10, threshold 1e-4 relative, cool-down 0,
/// minimum rate 0, epsilon 1e-8). MetaD2A's generator and predictor solvers use
/// `ReduceLROnPlateau(optimizer, 'min', factor=0.1, patience=10)` on Adam at 1e-4, stepped
/// once per epoch with the epoch's loss. Rates are kept in `Double`, as Python's floats.
public struct PlateauSchedule: Sendable, Equatable {
    /// Whether a smaller or a larger metric is better.
    public enum Mode: String, Sendable, CaseIterable { case min, max }
    /// Whether `threshold` is relative to the best value or absolute.
    public enum ThresholdMode: String, Sendable, CaseIterable { case relative = "rel", absolute = "abs" }

    public let mode: Mode
    public let factor: Double
    public let patience: Int
    public let threshold: Double
    public let thresholdMode: ThresholdMode
    public let cooldown: Int
    public let minRate: Double
    public let epsilon: Double

    /// The current learning rate.
    public private(set) var rate: Double
    /// The best metric so far (`+inf` in `.min` mode, `-inf` in `.max` mode before the first step).
    public private(set) var best: Double
    /// Consecutive steps without improvement since the last improvement or reduction.
    public private(set) var badSteps = 0
    /// Steps of cool-down left.
    public private(set) var cooldownLeft = 0
    /// Steps taken.
    public private(set) var steps = 0

    /// - Precondition: `0 < factor < 1`, `patience >= 0`, `threshold >= 0`, `cooldown >= 0`, `minRate >= 0`.
    public init(initialRate: Double, mode: Mode = .min, factor: Double = 0.1, patience: Int = 10,
                threshold: Double = 1e-4, thresholdMode: ThresholdMode = .relative, cooldown: Int = 0,
                minRate: Double = 0, epsilon: Double = 1e-8) {
        precondition(factor > 0 && factor < 1, "PlateauSchedule: factor must be in (0, 1), got \(factor)")
        precondition(patience >= 0 && cooldown >= 0 && threshold >= 0 && minRate >= 0 && epsilon >= 0,
                     "PlateauSchedule: patience \(patience), cooldown \(cooldown), threshold \(threshold), minRate \(minRate) and epsilon \(epsilon) must not be negative")
        self.mode = mode; self.factor = factor; self.patience = patience
        self.threshold = threshold; self.thresholdMode = thresholdMode
        self.cooldown = cooldown; self.minRate = minRate; self.epsilon = epsilon
        rate = initialRate
        best = mode == .min ? .infinity : -.infinity
    }

    /// The current rate as the optimisers take it.
    public var learningRate: Float { Float(rate) }

    /// Whether `metric` improves on ``best`` by more than the threshold.
    public func isImprovement(_ metric: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .relative): return metric < best * (1 - threshold)
        case (.min, .absolute): return metric < best - threshold
        case (.max, .relative): return metric > best * (threshold + 1)
        case (.max, .absolute): return metric > best + threshold
        }
    }

    /// Records one epoch's metric and returns the learning rate for the next epoch.
    @discardableResult
    public mutating func step(metric: Double) -> Double {
        steps += 1
        if isImprovement(metric) {
            best = metric
            badSteps = 0
        } else {
            badSteps += 1
        }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            badSteps = 0
        }
        if badSteps > patience {
            let reduced = Swift.max(rate * factor, minRate)
            if rate - reduced > epsilon { rate = reduced }
            cooldownLeft = cooldown
            badSteps = 0
        }
        return rate
    }
}
