import CKernels
import Foundation

/// Adam (Kingma & Ba) and AdamW (Loshchilov & Hutter) with PyTorch's semantics.
///
/// With `decoupledWeightDecay` false, `weightDecay` is added to the gradient
/// (L2, `torch.optim.Adam`); with true it shrinks weights directly by
/// `lr * wd * p` (`torch.optim.AdamW`).
public final class Adam: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Float
    public let beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float
    public let decoupledWeightDecay: Bool
    /// Per parameter, the first moment (`exp_avg`) and the second (`exp_avg_sq`), row-major as the
    /// parameter, and the steps taken (a parameter without a gradient skips a step): the state a
    /// checkpoint saves, and ``restoreState(firstMoments:secondMoments:steps:)`` puts back.
    public private(set) var firstMoments: [[Float]], secondMoments: [[Float]], steps: [Int]

    public init(parameters: [Tensor], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupledWeightDecay: Bool = false) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon
        self.weightDecay = weightDecay; self.decoupledWeightDecay = decoupledWeightDecay
        firstMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
        secondMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
        steps = parameters.map { _ in 0 }
    }

    /// Puts back a saved state (a resumed run then steps exactly as the uninterrupted one).
    /// Traps when the counts do not match the parameters, like every shape error.
    public func restoreState(firstMoments m: [[Float]], secondMoments v: [[Float]], steps s: [Int]) {
        precondition(m.map(\.count) == parameters.map(\.count) && v.map(\.count) == parameters.map(\.count) && s.count == parameters.count,
                     "Adam.restoreState: the state does not match the \(parameters.count) parameters")
        firstMoments = m; secondMoments = v; steps = s
    }

    /// AdamW: Adam with decoupled weight decay (default 0.01 as in PyTorch).
    public static func adamW(parameters: [Tensor], learningRate: Float = 1e-3, beta1: Float = 0.9,
                             beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0.01) -> Adam {
        Adam(parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2,
             epsilon: epsilon, weightDecay: weightDecay, decoupledWeightDecay: true)
    }

    public func step() {
        let lr = learningRate, b1 = beta1, b2 = beta2, eps = epsilon, wd = weightDecay
        let decoupled = decoupledWeightDecay
        for (k, p) in parameters.enumerated() {
            guard let g = p.gradStorage else { continue }
            steps[k] += 1
            let t = Double(steps[k])
            let bc1 = Float(1 - pow(Double(b1), t)), bc2 = Float(1 - pow(Double(b2), t))
            let stepSize = lr / bc1, bc2Root = bc2.squareRoot()
            var mk = firstMoments[k], vk = secondMoments[k]
            firstMoments[k] = []; secondMoments[k] = []
            p.withMutableData { w in
                mk.withUnsafeMutableBufferPointer { mb in
                    vk.withUnsafeMutableBufferPointer { vb in
                        g.withUnsafeBufferPointer { gb in
                            guard let wp = w.baseAddress, let mp = mb.baseAddress, let vp = vb.baseAddress,
                                  let gp = gb.baseAddress else { return }
                            // C: Swift's Float.squareRoot() keeps this loop scalar on Linux.
                            nb_adam_update(w.count, wp, mp, vp, gp, lr, wd, decoupled ? 1 : 0, b1, b2,
                                           stepSize, bc2Root, eps)
                        }
                    }
                }
            }
            firstMoments[k] = mk; secondMoments[k] = vk
        }
    }
}
