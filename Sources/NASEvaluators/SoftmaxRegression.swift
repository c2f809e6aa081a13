import NASTensor

/// A linear classifier fitted by full-batch softmax regression: standardised features,
/// Adam on the mean cross-entropy plus an L2 penalty, a fixed number of steps.
///
/// The problem is convex and small (`4C` features, 10 classes), so full-batch Adam from a
/// zero start converges in a few hundred steps and is deterministic, with no dependence on a
/// data order. It costs milliseconds next to the feature extraction, so no mini-batching or
/// second-order solver is needed.
public struct SoftmaxRegression: Sendable {
    public var steps = 300
    public var learningRate: Float = 0.05
    public var l2: Float = 1e-4

    public init(steps: Int = 300, learningRate: Float = 0.05, l2: Float = 1e-4) {
        self.steps = steps
        self.learningRate = learningRate
        self.l2 = l2
    }

    /// Fits on `features` (`[n, d]`) and returns held-out accuracy (fraction) and mean loss.
    public func fitAndScore(features: [Float], labels: [Int], testFeatures: [Float], testLabels: [Int],
                            width d: Int, classes: Int) -> (accuracy: Double, loss: Double) {
        let n = labels.count, m = testLabels.count
        var mean = [Float](repeating: 0, count: d), std = [Float](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { mean[j] += features[i * d + j] / Float(n) } }
        for i in 0..<n { for j in 0..<d { let z = features[i * d + j] - mean[j]; std[j] += z * z / Float(n) } }
        std = std.map { max($0.squareRoot(), 1e-6) }
        func standardise(_ x: [Float], _ rows: Int) -> Tensor {
            var out = x
            for i in 0..<rows { for j in 0..<d { out[i * d + j] = (x[i * d + j] - mean[j]) / std[j] } }
            return Tensor(shape: [rows, d], data: out)
        }
        let x = standardise(features, n), xt = standardise(testFeatures, m)
        let w = Tensor.zeros([d, classes], requiresGrad: true)
        let b = Tensor.zeros([classes], requiresGrad: true)
        let optimiser = Adam(parameters: [w, b], learningRate: learningRate)
        for _ in 0..<steps {
            optimiser.zeroGrad()
            let loss = (x.matmul(w) + b).softmaxCrossEntropy(labels: labels) + l2 * (w * w).sum()
            loss.backward()
            optimiser.step()
        }
        return GradMode.withNoGrad {
            let logits = xt.matmul(w) + b
            let predicted = logits.argmaxRows()
            let correct = zip(predicted, testLabels).filter { $0 == $1 }.count
            let loss = Double(logits.softmaxCrossEntropy(labels: testLabels).item)
            return (Double(correct) / Double(max(m, 1)), loss)
        }
    }
}
