/// Multiplies `baseRate` by `gamma` every `stepSize` steps (PyTorch `StepLR`).
public struct StepSchedule: LRSchedule {
    public let baseRate: Float, stepSize: Int, gamma: Float

    public init(baseRate: Float, stepSize: Int, gamma: Float = 0.1) {
        precondition(stepSize > 0, "StepSchedule: stepSize must be positive, got \(stepSize)")
        self.baseRate = baseRate; self.stepSize = stepSize; self.gamma = gamma
    }

    public func learningRate(at step: Int) -> Float {
        var r = baseRate
        for _ in 0..<(max(step, 0) / stepSize) { r *= gamma }
        return r
    }
}
