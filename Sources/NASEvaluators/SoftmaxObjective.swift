import Foundation
import NASTensor

/// The head's training objective in double precision: mean softmax cross-entropy of
/// `features . W + b` plus `l2 * |W|^2`, with its gradient. Parameters are `W` (`[width, classes]`,
/// row-major) followed by `b` (`classes`). Products run on BLAS `dgemm`; the scratch buffers make
/// an instance single-threaded.
final class SoftmaxObjective {
    let features: [Double]
    let labels: [Int]
    let width: Int
    let classes: Int
    let l2: Double
    private var logits: [Double]

    var parameterCount: Int { width * classes + classes }

    init(features: [Double], labels: [Int], width: Int, classes: Int, l2: Double) {
        self.features = features
        self.labels = labels
        self.width = width
        self.classes = classes
        self.l2 = l2
        logits = [Double](repeating: 0, count: labels.count * classes)
    }

    /// Fills `logits` with `features . W + b` for `theta`.
    private func computeLogits(_ theta: [Double]) {
        let n = labels.count, d = width, k = classes
        for i in 0..<n { for j in 0..<k { logits[i * k + j] = theta[d * k + j] } }
        features.withUnsafeBufferPointer { x in
            theta.withUnsafeBufferPointer { t in
                logits.withUnsafeMutableBufferPointer { z in
                    BLAS.dgemm(transA: false, transB: false, m: n, n: k, k: d, alpha: 1, a: x.baseAddress!, lda: d,
                               b: t.baseAddress!, ldb: k, beta: 1, c: z.baseAddress!, ldc: k)
                }
            }
        }
    }

    /// The objective at `theta`; its gradient goes to `gradient`.
    func callAsFunction(_ theta: [Double], _ gradient: inout [Double]) -> Double {
        let n = labels.count, d = width, k = classes
        computeLogits(theta)
        // Cross-entropy, and (softmax - one-hot) / n in place of the logits.
        var loss = 0.0
        for i in 0..<n {
            var top = -Double.infinity
            for j in 0..<k { top = max(top, logits[i * k + j]) }
            var sum = 0.0
            for j in 0..<k { sum += exp(logits[i * k + j] - top) }
            let logSum = top + log(sum)
            loss += logSum - logits[i * k + labels[i]]
            for j in 0..<k { logits[i * k + j] = exp(logits[i * k + j] - logSum) / Double(n) }
            logits[i * k + labels[i]] -= 1 / Double(n)
        }
        var penalty = 0.0
        for p in 0..<(d * k) { penalty += theta[p] * theta[p] }
        for p in 0..<(d * k) { gradient[p] = 2 * l2 * theta[p] }
        features.withUnsafeBufferPointer { x in
            logits.withUnsafeBufferPointer { r in
                gradient.withUnsafeMutableBufferPointer { g in
                    BLAS.dgemm(transA: true, transB: false, m: d, n: k, k: n, alpha: 1, a: x.baseAddress!, lda: d,
                               b: r.baseAddress!, ldb: k, beta: 1, c: g.baseAddress!, ldc: k)
                }
            }
        }
        for j in 0..<k {
            var s = 0.0
            for i in 0..<n { s += logits[i * k + j] }
            gradient[d * k + j] = s
        }
        return loss / Double(n) + l2 * penalty
    }

    /// Correct predictions (first maximum wins a tie) and the mean cross-entropy at `theta`.
    func score(_ theta: [Double]) -> (correct: Int, loss: Double) {
        let n = labels.count, k = classes
        computeLogits(theta)
        var correct = 0, loss = 0.0
        for i in 0..<n {
            var top = -Double.infinity, best = 0
            for j in 0..<k where logits[i * k + j] > top { top = logits[i * k + j]; best = j }
            var sum = 0.0
            for j in 0..<k { sum += exp(logits[i * k + j] - top) }
            loss += top + log(sum) - logits[i * k + labels[i]]
            if best == labels[i] { correct += 1 }
        }
        return (correct, loss / Double(max(n, 1)))
    }
}
