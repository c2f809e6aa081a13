/// The ops that keep a no-gradient result in oneDNN's blocked layout (``DNNLBlockedData``) instead
/// of converting it to row-major: ReLU, a same-shape sum, batch normalisation. Each returns `nil`
/// when it does not apply (no blocked input, or a graph must be recorded), and the caller runs
/// its row-major path. The values equal the row-major path's: bit for bit for ReLU, the sum and
/// inference-mode batch norm (the same float operations per element); batch statistics are summed
/// in another order (per lane over the pixels instead of the reference's vector partial sums).
extension Tensor {
    /// Whether an op on this tensor records nothing and may stay blocked.
    private var blockedWithoutGraph: DNNLBlockedData? {
        guard let b = blocked, !(GradMode.isEnabled && requiresGrad) else { return nil }
        return b
    }

    /// `relu()` on blocked values.
    func reluBlocked() -> Tensor? {
        guard let x = blockedWithoutGraph else { return nil }
        let y = x.sameLayout()
        Tensor.forEachImageChunk(x) { first, floats in
            Kernels.reluRaw(y.image(first), x.image(first), floats)
        }
        return Tensor(shape: shape, blocked: y)
    }

    /// `a + b` on blocked values of the same shape and layout.
    static func addBlocked(_ a: Tensor, _ b: Tensor) -> Tensor? {
        guard let x = a.blockedWithoutGraph, let z = b.blockedWithoutGraph, x.matches(z) else { return nil }
        let y = x.sameLayout()
        forEachImageChunk(x) { first, floats in
            Kernels.addRaw(y.image(first), x.image(first), z.image(first), floats)
        }
        return Tensor(shape: a.shape, blocked: y)
    }

    /// Runs `body(firstImage, floats)` over contiguous chunks of images on the engine's workers.
    private static func forEachImageChunk(_ x: DNNLBlockedData, _ body: (Int, Int) -> Void) {
        Parallel.forEachChunk(count: x.dims[0]) { range, _ in
            body(range.lowerBound, range.count * x.floatsPerImage)
        }
    }

    /// `batchNorm` on blocked values (any of ``DNNLBlockedData/layouts``), the same formulas as
    /// ``batchNormReference(gamma:beta:runningMean:runningVar:training:epsilon:)``.
    func batchNormBlocked(gamma: Tensor, beta: Tensor, runningMean: [Float], runningVar: [Float],
                          training: Bool, epsilon: Float) -> (Tensor, BatchStatistics?)? {
        guard let x = blockedWithoutGraph,
              !(GradMode.isEnabled && (gamma.requiresGrad || beta.requiresGrad)) else { return nil }
        let (n, c, hw, k) = (x.dims[0], x.dims[1], x.dims[2] * x.dims[3], x.lanes)
        let blocks = (c + k - 1) / k
        var mean = runningMean, variance = runningVar
        if training {
            mean.withUnsafeMutableBufferPointer { pm in
                variance.withUnsafeMutableBufferPointer { pv in
                    guard let mp = pm.baseAddress, let vp = pv.baseAddress else { return }
                    Parallel.forEachChunk(count: blocks) { range, _ in
                        for cb in range {
                            Tensor.blockMoments(x, block: cb, channels: c, mean: mp, variance: vp)
                        }
                    }
                }
            }
        }
        // Per padded channel: scale and shift as the reference computes them; zero in the padding.
        var scale = [Float](repeating: 0, count: blocks * k), shift = [Float](repeating: 0, count: blocks * k)
        let gd = gamma.data, bd = beta.data
        for ch in 0..<c {
            let mu = mean[ch], inv = 1 / (variance[ch] + epsilon).squareRoot(), ga = gd[ch], be = bd[ch]
            scale[ch] = inv * ga
            shift[ch] = be - mu * inv * ga
        }
        let y = x.sameLayout()
        scale.withUnsafeBufferPointer { ps in
            shift.withUnsafeBufferPointer { ph in
                guard let sp = ps.baseAddress, let hp = ph.baseAddress else { return }
                Parallel.forEachChunk(count: n) { range, _ in
                    for b in range {
                        let src = x.image(b), dst = y.image(b)
                        for cb in 0..<blocks {
                            let off = cb * hw * k
                            Kernels.affineLanes(dst + off, src + off, pixels: hw, lanes: k,
                                                scale: sp + cb * k, shift: hp + cb * k)
                        }
                    }
                }
            }
        }
        let stats = training ? BatchStatistics(mean: mean, variance: variance, count: n * hw) : nil
        return (Tensor(shape: shape, blocked: y), stats)
    }

    /// Batch mean and biased variance of the channels in channel block `cb` of `x`, by the
    /// reference's method: values shifted by the channel's first value, Float sums per image,
    /// Double across images.
    private static func blockMoments(_ x: DNNLBlockedData, block cb: Int, channels c: Int,
                                     mean: UnsafeMutablePointer<Float>, variance: UnsafeMutablePointer<Float>) {
        let (n, hw, k) = (x.dims[0], x.dims[2] * x.dims[3], x.lanes)
        let lanes = Swift.min(k, c - cb * k)
        let first = x.image(0) + cb * hw * k
        var s1 = [Double](repeating: 0, count: k), s2 = [Double](repeating: 0, count: k)
        var a1 = [Float](repeating: 0, count: k), a2 = [Float](repeating: 0, count: k)
        for b in 0..<n {
            let src = x.image(b) + cb * hw * k
            for l in 0..<k { a1[l] = 0; a2[l] = 0 }
            for p in 0..<hw {
                let row = src + p * k
                for l in 0..<k {
                    let d = row[l] - first[l]
                    a1[l] += d; a2[l] += d * d
                }
            }
            for l in 0..<k { s1[l] += Double(a1[l]); s2[l] += Double(a2[l]) }
        }
        let m = Double(n * hw)
        for l in 0..<lanes {
            let dm = s1[l] / m
            mean[cb * k + l] = Float(Double(first[l]) + dm)
            variance[cb * k + l] = Float(Swift.max(s2[l] / m - dm * dm, 0) * m / m)
        }
    }
}
