/// A learning rate as a function of the (0-based) step or epoch index.
public protocol LRSchedule: Sendable {
    /// The learning rate to use at `step`.
    func learningRate(at step: Int) -> Float
}
