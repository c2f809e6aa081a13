import Foundation

/// Cosine annealing from `baseRate` to `minRate` over `totalSteps`, with an
/// optional linear warm-up; constant at `minRate` afterwards.
public struct CosineSchedule: LRSchedule {
    public let baseRate: Float, minRate: Float, totalSteps: Int, warmupSteps: Int

    public init(baseRate: Float, totalSteps: Int, minRate: Float = 0, warmupSteps: Int = 0) {
        precondition(totalSteps > 0 && warmupSteps >= 0 && warmupSteps < totalSteps,
                     "CosineSchedule: totalSteps \(totalSteps) must exceed warmupSteps \(warmupSteps) >= 0")
        self.baseRate = baseRate; self.minRate = minRate
        self.totalSteps = totalSteps; self.warmupSteps = warmupSteps
    }

    public func learningRate(at step: Int) -> Float {
        if step < warmupSteps { return baseRate * Float(step + 1) / Float(warmupSteps) }
        let t = Double(min(step, totalSteps) - warmupSteps) / Double(totalSteps - warmupSteps)
        return minRate + (baseRate - minRate) * Float(0.5 * (1 + cos(Double.pi * t)))
    }
}
