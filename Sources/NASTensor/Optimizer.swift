/// Updates parameters in place from their accumulated gradients.
public protocol Optimizer: AnyObject {
    /// The tensors being optimised.
    var parameters: [Tensor] { get }
    /// Current learning rate (set it from an ``LRSchedule`` each step).
    var learningRate: Float { get set }
    /// Applies one update; parameters without a gradient are skipped.
    func step()
}

extension Optimizer {
    /// Clears all parameter gradients.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}
