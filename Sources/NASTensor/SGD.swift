/// Stochastic gradient descent with PyTorch's semantics:
/// `g += wd * p; buf = momentum * buf + g; p -= lr * (nesterov ? g + momentum * buf : buf)`.
public final class SGD: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Float
    public let momentum: Float, weightDecay: Float, nesterov: Bool
    private var buffers: [[Float]]

    public init(parameters: [Tensor], learningRate: Float, momentum: Float = 0,
                weightDecay: Float = 0, nesterov: Bool = false) {
        precondition(!nesterov || momentum > 0, "SGD: Nesterov needs momentum > 0, got \(momentum)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum; self.weightDecay = weightDecay; self.nesterov = nesterov
        buffers = parameters.map { _ in [] }
    }

    /// The momentum buffers, one per parameter (empty before its first step), for checkpoints.
    public var momentumBuffers: [[Float]] {
        get { buffers }
        set {
            precondition(newValue.count == parameters.count && zip(newValue, parameters).allSatisfy { $0.isEmpty || $0.count == $1.count },
                         "SGD: momentum buffers do not match the parameters")
            buffers = newValue
        }
    }

    public func step() {
        let lr = learningRate, mu = momentum, wd = weightDecay, nest = nesterov
        for (k, p) in parameters.enumerated() {
            guard let g = p.gradStorage else { continue }
            if mu != 0 && buffers[k].isEmpty { buffers[k] = [Float](repeating: 0, count: p.count) }
            var buf = buffers[k]
            buffers[k] = []
            p.withMutableData { w in
                if mu == 0 {
                    for i in 0..<w.count { w[i] -= lr * (g[i] + wd * w[i]) }
                    return
                }
                buf.withUnsafeMutableBufferPointer { b in
                    for i in 0..<w.count {
                        let gi = g[i] + wd * w[i]
                        b[i] = mu * b[i] + gi
                        w[i] -= lr * (nest ? gi + mu * b[i] : b[i])
                    }
                }
            }
            buffers[k] = buf
        }
    }
}
