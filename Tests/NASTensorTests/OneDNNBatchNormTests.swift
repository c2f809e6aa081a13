import NASTensor
import TestSupport
import XCTest

/// oneDNN batch normalisation against the engine's reference, training and inference, forward
/// and backward, within derived float32 bounds.
///
/// Bounds (first order; two float32 implementations differ by at most `2 gamma(terms)` times the
/// magnitude, see `Float32Tolerance`): a channel's mean and variance are sums of `M = N*H*W`
/// terms, each off by at most `gamma(M)` times its sum of magnitudes; propagated through
/// `y = gamma * (x - mu) / sigma + beta` that gives the magnitude
/// `|gamma| / sigma * (mean|x - mu| + mean|x| + |x - mu|) + |beta|` with `M` roundings.
/// The backward sums (`sum g`, `sum g * xhat`) are dot products of `M` terms, and
/// `dx = gamma / sigma * (g - mean g - xhat * mean(g xhat))` inherits their bounds plus that of
/// `xhat`. With running statistics nothing is reduced over the batch: a handful of roundings
/// per element (`terms = 4`).
final class OneDNNBatchNormTests: XCTestCase {
    /// Per-channel statistics in Double: mean, biased variance, mean |x|, mean |x - mu|.
    private func stats(_ x: Tensor) -> [(mu: Double, v: Double, absMean: Double, absDev: Double)] {
        let n = x.shape[0], c = x.shape[1], hw = x.count / (n * c)
        return (0..<c).map { ch in
            var vals: [Double] = []
            for b in 0..<n { for i in 0..<hw { vals.append(Double(x.data[(b * c + ch) * hw + i])) } }
            let mu = vals.reduce(0, +) / Double(vals.count)
            let v = vals.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / Double(vals.count)
            return (mu, v, vals.map(abs).reduce(0, +) / Double(vals.count), vals.map { abs($0 - mu) }.reduce(0, +) / Double(vals.count))
        }
    }

    private func check(_ shape: [Int], training: Bool, shift: Float = 0, seed: UInt64 = 5,
                       file: StaticString = #filePath, line: UInt = #line) {
        var rng = SplitMix64(seed: seed)
        let c = shape[1], count = shape.reduce(1, *), per = count / (shape[0] * c), m = count / c
        let x = Tensor(shape: shape, data: Tensor.randomUniform(shape, bound: 2, using: &rng).data.map { $0 + shift })
        let gamma = Tensor(shape: [c], data: (0..<c).map { _ in Float.random(in: 0.5..<1.5, using: &rng) })
        let beta = Tensor(shape: [c], data: (0..<c).map { _ in Float.random(in: -1..<1, using: &rng) })
        let rm = (0..<c).map { _ in Float.random(in: -0.5..<0.5, using: &rng) + shift }
        let rv = (0..<c).map { _ in Float.random(in: 0.5..<2, using: &rng) }
        let g = Tensor.randomUniform(shape, bound: 1, using: &rng).data
        let bn = { (t: [Tensor]) in
            t[0].batchNorm(gamma: t[1], beta: t[2], runningMean: rm, runningVar: rv, training: training).0
        }
        let fast = TensorBackend.withAllOneDNNOps {
            runWithGradients(.onednn, [x, gamma, beta], seed: g, file: file, line: line, bn)
        }
        let ref = runWithGradients(.reference, [x, gamma, beta], seed: g, file: file, line: line, bn)
        let st = stats(x)
        func channel(_ i: Int) -> Int { (i / per) % c }
        let eps = 1e-5
        // Per element: statistics used, sigma, xhat.
        func used(_ ch: Int) -> (mu: Double, sigma: Double) {
            training ? (st[ch].mu, (st[ch].v + eps).squareRoot()) : (Double(rm[ch]), (Double(rv[ch]) + eps).squareRoot())
        }
        let terms = training ? m : 4
        let yMag: [Float] = x.data.indices.map { i in
            let ch = channel(i), (mu, sigma) = used(ch), xi = Double(x.data[i])
            let k = Double(gamma.data[ch]) / sigma
            let core = training ? st[ch].absDev + st[ch].absMean + abs(xi - mu) : abs(xi) + abs(mu)
            return Float(k * core + abs(Double(beta.data[ch])))
        }
        assertWithinDerivedBound(fast.output, ref.output, magnitude: yMag, terms: terms, what: "forward", file: file, line: line)
        // Backward magnitudes: sum |g|, sum |g xhat| per channel; dx as described above.
        var sg = [Double](repeating: 0, count: c), sgx = [Double](repeating: 0, count: c)
        for i in g.indices {
            let ch = channel(i), (mu, sigma) = used(ch)
            sg[ch] += abs(Double(g[i])); sgx[ch] += abs(Double(g[i]) * (Double(x.data[i]) - mu) / sigma)
        }
        let dxMag: [Float] = x.data.indices.map { i in
            let ch = channel(i), (mu, sigma) = used(ch), xhat = abs((Double(x.data[i]) - mu) / sigma)
            let k = Double(gamma.data[ch]) / sigma
            return Float(training ? k * (abs(Double(g[i])) + sg[ch] / Double(m) + (1 + xhat) * sgx[ch] / Double(m))
                                  : k * abs(Double(g[i])))
        }
        assertWithinDerivedBound(fast.grads[0], ref.grads[0], magnitude: dxMag, terms: training ? m : 4,
                                 what: "input gradient", file: file, line: line)
        assertWithinDerivedBound(fast.grads[1], ref.grads[1], magnitude: sgx.map { Float($0) }, terms: m,
                                 what: "gamma gradient", file: file, line: line)
        assertWithinDerivedBound(fast.grads[2], ref.grads[2], magnitude: sg.map { Float($0) }, terms: m,
                                 what: "beta gradient", file: file, line: line)
    }

    func testTraining() {
        check([4, 3, 5, 5], training: true)
        check([7, 16, 6, 6], training: true)
        check([6, 4], training: true)
        check([8, 5, 3, 3], training: true, shift: 20)  // |mean| >> std
    }

    func testInference() {
        check([4, 3, 5, 5], training: false)
        check([7, 16, 6, 6], training: false)
        check([6, 4], training: false)
    }

    func testBatchStatisticsReported() {
        var rng = SplitMix64(seed: 9)
        let x = Tensor.randomNormal([8, 3, 4, 4], std: 2, using: &rng)
        let gamma = Tensor.ones([3]), beta = Tensor.zeros([3])
        let run = { (b: TensorBackend) in
            TensorBackend.with(b) {
                x.batchNorm(gamma: gamma, beta: beta, runningMean: [0, 0, 0], runningVar: [1, 1, 1], training: true).1
            }
        }
        let fast = TensorBackend.withAllOneDNNOps { run(.onednn) }
        guard let fast, let ref = run(.reference) else { return XCTFail("no statistics") }
        XCTAssertEqual(fast.count, ref.count)
        let st = stats(x), m = 8 * 16
        assertWithinDerivedBound(fast.mean, ref.mean, magnitude: st.map { Float($0.absMean) }, terms: m, what: "batch mean")
        assertWithinDerivedBound(fast.variance, ref.variance, magnitude: st.map { Float($0.v + 2 * $0.absDev * $0.absMean) },
                                 terms: m, what: "batch variance")
    }
}
