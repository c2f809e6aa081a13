import CKernels
import Foundation
import NASTensor

/// Adam with PyTorch's semantics (L2 weight decay as `torch.optim.Adam`), the engine's update
/// kernel (`nb_adam_update`, so each step is bit for bit the engine `Adam`'s), and its state in
/// the open: the first and second moments are tensors and the step counts a vector, so a
/// ``TrainingCheckpoint`` can save and restore them and a resumed run continues exactly.
///
/// It exists because the engine's `Adam` keeps its moments private (see docs/METAD2A.md).
public final class ResumableAdam: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Float
    public let beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float
    /// Per parameter, the first moment (`exp_avg`), shaped as the parameter.
    public let firstMoments: [Tensor]
    /// Per parameter, the second moment (`exp_avg_sq`).
    public let secondMoments: [Tensor]
    /// Per parameter, the steps taken (a parameter without a gradient skips a step).
    public private(set) var steps: [Int]

    public init(parameters: [Tensor], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon; self.weightDecay = weightDecay
        firstMoments = parameters.map { Tensor.zeros($0.shape) }
        secondMoments = parameters.map { Tensor.zeros($0.shape) }
        steps = parameters.map { _ in 0 }
    }

    /// The step counts as one tensor (exact as float up to 2^24 steps), for a checkpoint.
    public var stepTensor: Tensor { Tensor(shape: [steps.count], data: steps.map(Float.init)) }

    /// Takes the step counts back from a checkpoint's ``stepTensor``.
    public func restoreSteps(from tensor: Tensor) {
        precondition(tensor.count == steps.count, "ResumableAdam.restoreSteps: \(tensor.count) counts for \(steps.count) parameters")
        steps = tensor.data.map { Int($0) }
    }

    public func step() {
        for (k, p) in parameters.enumerated() {
            guard let g = p.gradStorage else { continue }
            steps[k] += 1
            update(p, firstMoments[k], secondMoments[k], gradient: g, step: steps[k])
        }
    }

    private func update(_ p: Tensor, _ m: Tensor, _ v: Tensor, gradient g: [Float], step: Int) {
        let t = Double(step)
        let corrected1 = Float(1 - pow(Double(beta1), t)), corrected2 = Float(1 - pow(Double(beta2), t))
        let (lr, wd, b1, b2, eps) = (learningRate, weightDecay, beta1, beta2, epsilon)
        p.withMutableData { w in
            m.withMutableData { mb in
                v.withMutableData { vb in
                    g.withUnsafeBufferPointer { gb in
                        guard let wp = w.baseAddress, let mp = mb.baseAddress, let vp = vb.baseAddress, let gp = gb.baseAddress else { return }
                        nb_adam_update(w.count, wp, mp, vp, gp, lr, wd, 0, b1, b2, lr / corrected1, corrected2.squareRoot(), eps)
                    }
                }
            }
        }
    }
}
