/// The ops that keep a result in oneDNN's blocked layout (``DNNLBlockedData``) instead of converting
/// it to row-major: ReLU, a same-shape sum, batch normalisation. Each returns `nil` when its input is
/// not blocked, and the caller runs its row-major path. With a graph, their backward passes take the
/// output gradient in either layout (a row-major one is converted to the output's layout) and give
/// the input's gradient blocked.
///
/// Values equal the row-major path's bit for bit for ReLU, the sum and running-statistics batch norm
/// (the same float operations per element, forward and backward); batch statistics and the batch
/// norm's gradient sums are added in another order (per image and lane, then across images in
/// order, so results do not depend on the worker count).
extension Tensor {
    /// `relu()` on blocked values.
    func reluBlocked() -> Tensor? {
        guard let x = blocked else { return nil }
        let y = x.sameLayout()
        Tensor.forEachImageChunk(x) { first, floats in
            Kernels.reluRaw(y.image(first), x.image(first), floats)
        }
        return Tensor.makeBlockedResult(shape: shape, blocked: y, parents: [self]) { g in
            let gb = g.blocked(like: y), dx = y.sameLayout()
            Tensor.forEachImageChunk(y) { first, floats in
                Kernels.reluBackwardRaw(dx.image(first), gb.image(first), y.image(first), floats)
            }
            return [.blocked(dx)]
        }
    }

    /// `a + b` of the same shape when either is blocked, in the layout of the first blocked one: the
    /// other operand is reordered into it (a sum of a convolution and a skip edge whose layouts differ,
    /// or of a blocked and a row-major value, stays blocked for the ops after it).
    static func addBlocked(_ a: Tensor, _ b: Tensor) -> Tensor? {
        guard a.shape == b.shape, a.rank == 4, let lead = a.blocked ?? b.blocked else { return nil }
        func inLayout(_ t: Tensor) -> DNNLBlockedData {
            guard let own = t.blocked else { return DNNLBlockedData(rowMajor: t.data, tag: lead.tag, dims: lead.dims) }
            return own.matches(lead) ? own : own.converted(to: lead.tag)
        }
        let x = inLayout(a), z = inLayout(b)
        let y = x.sameLayout()
        forEachImageChunk(x) { first, floats in
            Kernels.addRaw(y.image(first), x.image(first), z.image(first), floats)
        }
        let needA = a.requiresGrad, needB = b.requiresGrad
        return makeBlockedResult(shape: a.shape, blocked: y, parents: [a, b]) { g in
            [needA ? g : nil, needB ? g : nil]
        }
    }

    /// Runs `body(firstImage, floats)` over contiguous chunks of images on the engine's workers.
    static func forEachImageChunk(_ x: DNNLBlockedData, _ body: (Int, Int) -> Void) {
        Parallel.forEachChunk(count: x.dims[0]) { range, _ in
            body(range.lowerBound, range.count * x.floatsPerImage)
        }
    }

    /// `batchNorm` on blocked values (any of ``DNNLBlockedData/layouts``), the same formulas as
    /// ``batchNormReference(gamma:beta:runningMean:runningVar:training:epsilon:)``; with `relu`, a
    /// ReLU applied in the same pass (forward, and backward: the gradient mask is recomputed from
    /// the input, so neither the normalised values nor the ReLU's gradient are stored), with the
    /// same values as batch norm then ``relu()``.
    func batchNormBlocked(gamma: Tensor, beta: Tensor, runningMean: [Float], runningVar: [Float],
                          training: Bool, epsilon: Float, relu: Bool = false) -> (Tensor, BatchStatistics?)? {
        guard let x = blocked else { return nil }
        let (n, c, hw, k) = (x.dims[0], x.dims[1], x.dims[2] * x.dims[3], x.lanes)
        let blocks = (c + k - 1) / k, padded = blocks * k, m = n * hw
        var mean = runningMean, variance = runningVar
        if training {
            // One pass over data shifted by each channel's first value: Float sums per image and
            // lane, Double across images (the reference's method).
            var shift = [Float](repeating: 0, count: padded)
            for ch in 0..<padded { shift[ch] = x.pointer[(ch / k) * hw * k + ch % k] }
            let (s1, s2) = Tensor.laneSums(x, shift: shift, weights: nil)
            for ch in 0..<c {
                var t1: Double = 0, t2: Double = 0
                for b in 0..<n { t1 += Double(s1[b * padded + ch]); t2 += Double(s2[b * padded + ch]) }
                let dm = t1 / Double(m)
                mean[ch] = Float(Double(shift[ch]) + dm)
                variance[ch] = Float(Swift.max(t2 / Double(m) - dm * dm, 0) * Double(m) / Double(m))
            }
        }
        // Per padded channel, as the reference computes them; zero in the padding.
        var scale = [Float](repeating: 0, count: padded), offset = [Float](repeating: 0, count: padded)
        var invStd = [Float](repeating: 0, count: padded)
        let gd = gamma.data, bd = beta.data
        for ch in 0..<c {
            let mu = mean[ch], inv = 1 / (variance[ch] + epsilon).squareRoot(), ga = gd[ch], be = bd[ch]
            invStd[ch] = inv
            scale[ch] = inv * ga
            offset[ch] = be - mu * inv * ga
        }
        let y = x.sameLayout()
        Tensor.laneAffine(y, x, nil, a: scale, b: nil, c: offset, relu: relu)
        let stats = training ? BatchStatistics(mean: mean, variance: variance, count: m) : nil
        let needX = requiresGrad, needG = gamma.requiresGrad, needB = beta.requiresGrad, meanUsed = mean
        let result = Tensor.makeBlockedResult(shape: shape, blocked: y, parents: [self, gamma, beta]) { g in
            let gb = g.blocked(like: x)
            var shiftMu = [Float](repeating: 0, count: padded)
            for ch in 0..<c { shiftMu[ch] = meanUsed[ch] }
            // Per channel: sum g and sum g * (x - mu), Float across images in order.
            let (p1, p2) = Tensor.laneSums(gb, shift: shiftMu, weights: x, mask: relu ? (scale, offset) : nil)
            var dgamma = [Float](repeating: 0, count: c), dbeta = [Float](repeating: 0, count: c)
            var a = [Float](repeating: 0, count: padded), bx = [Float](repeating: 0, count: padded)
            var cc = [Float](repeating: 0, count: padded)
            let fm = Float(m)
            for ch in 0..<c {
                var sg: Float = 0, sgx: Float = 0
                for b in 0..<n { sg += p1[b * padded + ch]; sgx += p2[b * padded + ch] * invStd[ch] }
                dbeta[ch] = sg; dgamma[ch] = sgx
                // dx = k * (g - mean(g) - xhat * mean(g * xhat)) as a*g + b*x + c.
                let kk = gd[ch] * invStd[ch], mg = sg / fm, mgx = sgx / fm, inv = invStd[ch], mu = meanUsed[ch]
                a[ch] = kk
                bx[ch] = training ? -kk * inv * mgx : 0
                cc[ch] = training ? -kk * mg + kk * inv * mgx * mu : 0
            }
            var dx: Gradient? = nil
            if needX {
                let d = x.sameLayout()
                Tensor.laneAffine(d, gb, x, a: a, b: bx, c: cc, mask: relu ? (scale, offset) : nil)
                dx = .blocked(d)
            }
            return [dx, needG ? .plain(dgamma) : nil, needB ? .plain(dbeta) : nil]
        }
        return (result, stats)
    }

    /// Per image and padded channel: `sum_p (u - shift)` and `sum_p (u - shift)^2` (no `weights`),
    /// or `sum_p u` and `sum_p u * (w - shift)` (with `weights` w, same layout), each `[N * padded]`;
    /// with `mask` (per padded channel scale and shift; only with `weights`), `u` counts only where
    /// `scale * w + shift > 0`.
    private static func laneSums(_ u: DNNLBlockedData, shift: [Float], weights: DNNLBlockedData?,
                                 mask: ([Float], [Float])? = nil) -> ([Float], [Float]) {
        let (n, hw, k) = (u.dims[0], u.dims[2] * u.dims[3], u.lanes)
        let padded = shift.count, blocks = padded / k
        var s1 = [Float](repeating: 0, count: n * padded), s2 = [Float](repeating: 0, count: n * padded)
        s1.withUnsafeMutableBufferPointer { p1 in
            s2.withUnsafeMutableBufferPointer { p2 in
                shift.withUnsafeBufferPointer { ps in
                  withLaneAffine(mask) { laneMask in
                    guard let a1 = p1.baseAddress, let a2 = p2.baseAddress, let sh = ps.baseAddress else { return }
                    Parallel.forEachChunk(count: n) { range, _ in
                        for b in range {
                            for cb in 0..<blocks {
                                let off = cb * hw * k, lane = b * padded + cb * k
                                let src = u.image(b) + off, o1 = a1 + lane, o2 = a2 + lane, s = sh + cb * k
                                let m = laneMask?.advanced(by: cb * k)
                                if k % 16 == 0 {
                                    Kernels.laneSums16(o1, o2, src, weights?.image(b).advanced(by: off), shift: s,
                                                       pixels: hw, lanes: k, mask: m)
                                } else if let w = weights?.image(b).advanced(by: off) {
                                    for p in 0..<hw {
                                        let row = src + p * k, wr = w + p * k
                                        for l in 0..<k {
                                            let v: Float = m.map { $0.passes(wr[l], lane: l) } ?? true ? row[l] : 0
                                            o1[l] += v; o2[l] += v * (wr[l] - s[l])
                                        }
                                    }
                                } else {
                                    for p in 0..<hw {
                                        let row = src + p * k
                                        for l in 0..<k { let d = row[l] - s[l]; o1[l] += d; o2[l] += d * d }
                                    }
                                }
                            }
                        }
                    }
                  }
                }
            }
        }
        return (s1, s2)
    }

    /// `dst = a[ch] * u + b[ch] * v + c[ch]` per padded channel over blocked buffers of one layout
    /// (`b` and `v` absent: `a[ch] * u + c[ch]`, the same two operations as the reference's affine map,
    /// then with `relu` values not above 0 set to 0). With `mask` (per padded channel scale and shift),
    /// `u` is taken as 0 where `scale * v + shift` is not above 0.
    private static func laneAffine(_ dst: DNNLBlockedData, _ u: DNNLBlockedData, _ v: DNNLBlockedData?,
                                   a: [Float], b: [Float]?, c: [Float], relu: Bool = false, mask: ([Float], [Float])? = nil) {
        let (hw, k) = (u.dims[2] * u.dims[3], u.lanes)
        let blocks = a.count / k
        a.withUnsafeBufferPointer { pa in
            c.withUnsafeBufferPointer { pc in
                (b ?? []).withUnsafeBufferPointer { pb in
                  withLaneAffine(mask) { laneMask in
                    guard let ap = pa.baseAddress, let cp = pc.baseAddress else { return }
                    Parallel.forEachChunk(count: u.dims[0]) { range, _ in
                        for img in range {
                            for cb in 0..<blocks {
                                let off = cb * hw * k
                                let d = dst.image(img) + off, x = u.image(img) + off, m = laneMask?.advanced(by: cb * k)
                                if let v, let bp = pb.baseAddress, k % 16 == 0 {
                                    Kernels.linearCombinationLanes16(d, x, v.image(img) + off, pixels: hw, lanes: k,
                                                                     a: ap + cb * k, b: bp + cb * k, c: cp + cb * k, mask: m)
                                } else if let v, let bp = pb.baseAddress {
                                    let y = v.image(img) + off, av = ap + cb * k, bv = bp + cb * k, cv = cp + cb * k
                                    for p in 0..<hw {
                                        let r = p * k
                                        for l in 0..<k {
                                            let xu: Float = m.map { $0.passes(y[r + l], lane: l) } ?? true ? x[r + l] : 0
                                            d[r + l] = av[l] * xu + bv[l] * y[r + l] + cv[l]
                                        }
                                    }
                                } else {
                                    Kernels.affineLanes(d, x, pixels: hw, lanes: k, scale: ap + cb * k, shift: cp + cb * k, relu: relu)
                                }
                            }
                        }
                    }
                  }
                }
            }
        }
    }

    /// Runs `body` with `mask`'s arrays as a ``LaneAffine`` (nil without a mask).
    private static func withLaneAffine(_ mask: ([Float], [Float])?, _ body: (LaneAffine?) -> Void) {
        guard let (scale, shift) = mask else { return body(nil) }
        scale.withUnsafeBufferPointer { ps in
            shift.withUnsafeBufferPointer { ph in
                guard let sp = ps.baseAddress, let hp = ph.baseAddress else { return body(nil) }
                body(LaneAffine(scale: sp, shift: hp))
            }
        }
    }
}
