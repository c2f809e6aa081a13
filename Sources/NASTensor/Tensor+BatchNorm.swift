extension Tensor {
    /// Batch statistics computed by ``batchNorm(gamma:beta:runningMean:runningVar:training:epsilon:relu:)``.
    public struct BatchStatistics: Sendable {
        /// Per-channel mean of the batch.
        public let mean: [Float]
        /// Per-channel biased variance of the batch.
        public let variance: [Float]
        /// Elements per channel (`N * H * W`).
        public let count: Int
    }

    /// Batch normalisation over channel axis 1 of `[N, C]` or `[N, C, H, W]`.
    ///
    /// In training it normalises with the batch mean and biased variance (and
    /// reports them so a module can update running statistics); in inference it
    /// uses `runningMean` / `runningVar`. Runs on oneDNN or on
    /// ``batchNormReference(gamma:beta:runningMean:runningVar:training:epsilon:)`` (``TensorBackend``).
    /// With `relu`, the result is `relu()` of the normalised values; on a blocked input
    /// (docs/PERFORMANCE.md, "Layouts") both run in one pass forward and backward, with the same
    /// values and gradients as the two ops one after the other.
    public func batchNorm(gamma: Tensor, beta: Tensor, runningMean: [Float], runningVar: [Float],
                          training: Bool, epsilon: Float = 1e-5, relu: Bool = false) -> (Tensor, BatchStatistics?) {
        checkBatchNorm(gamma: gamma, beta: beta, runningMean: runningMean, runningVar: runningVar, training: training)
        if let blockedResult = batchNormBlocked(gamma: gamma, beta: beta, runningMean: runningMean, runningVar: runningVar,
                                                training: training, epsilon: epsilon, relu: relu) {
            return blockedResult
        }
        if relu {
            let (y, stats) = batchNorm(gamma: gamma, beta: beta, runningMean: runningMean, runningVar: runningVar,
                                       training: training, epsilon: epsilon)
            return (y.relu(), stats)
        }
        if TensorBackend.usesOneDNN(training ? .batchNormTraining : .batchNormInference) {
            do {
                return try batchNormDNNL(gamma: gamma, beta: beta, runningMean: runningMean, runningVar: runningVar,
                                         training: training, epsilon: epsilon, dnnl: DNNL.shared.get())
            } catch {
                TensorBackend.recordFallback(error)
            }
        }
        return batchNormReference(gamma: gamma, beta: beta, runningMean: runningMean, runningVar: runningVar,
                                  training: training, epsilon: epsilon)
    }

    /// Checks the shapes of a batch normalisation (traps on a mismatch, like every shape error).
    func checkBatchNorm(gamma: Tensor, beta: Tensor, runningMean: [Float], runningVar: [Float], training: Bool) {
        precondition(rank == 2 || rank == 4, "batchNorm: input must be [N, C] or [N, C, H, W], got \(shape)")
        let c = shape[1]
        precondition(gamma.shape == [c] && beta.shape == [c] && runningMean.count == c && runningVar.count == c,
                     "batchNorm: input \(shape) needs gamma/beta/running stats of [\(c)], got \(gamma.shape), \(beta.shape), \(runningMean.count), \(runningVar.count)")
        if training {
            precondition(count / c > 1, "batchNorm: training needs more than one value per channel, input \(shape)")
        }
    }

    /// The engine's own fused batch normalisation (parallel over channels; one pass over data
    /// shifted by each channel's first value for the statistics): the reference the oneDNN
    /// path is tested against. Same arguments and results as
    /// ``batchNorm(gamma:beta:runningMean:runningVar:training:epsilon:relu:)``.
    public func batchNormReference(gamma: Tensor, beta: Tensor, runningMean: [Float], runningVar: [Float],
                                   training: Bool, epsilon: Float = 1e-5) -> (Tensor, BatchStatistics?) {
        checkBatchNorm(gamma: gamma, beta: beta, runningMean: runningMean, runningVar: runningVar, training: training)
        let n = shape[0], c = shape[1], hw = rank == 4 ? shape[2] * shape[3] : 1
        let m = n * hw
        var mean = runningMean, variance = runningVar
        var out = [Float](repeating: 0, count: count)
        var invStd = [Float](repeating: 0, count: c)
        let gd = gamma.data, bd = beta.data
        data.withUnsafeBufferPointer { px in
                out.withUnsafeMutableBufferPointer { po in
                    mean.withUnsafeMutableBufferPointer { pm in
                        variance.withUnsafeMutableBufferPointer { pv in
                            invStd.withUnsafeMutableBufferPointer { ps in
                                guard let xp = px.baseAddress, let op = po.baseAddress,
                                      let mp = pm.baseAddress, let vp = pv.baseAddress, let sp = ps.baseAddress else { return }
                                Parallel.forEachChunk(count: c) { channels, _ in
                                    for ch in channels {
                                        if training {
                                            // One pass over data shifted by the channel's first value
                                            // (robust against |mean| >> std); Float partial sums per
                                            // row, Double across rows.
                                            let shift = xp[ch * hw]
                                            var s1: Double = 0, s2: Double = 0
                                            for b in 0..<n {
                                                let row = xp + (b * c + ch) * hw
                                                let (a1, a2) = Reductions.shiftedMoments(row, hw, shift: shift)
                                                s1 += Double(a1); s2 += Double(a2)
                                            }
                                            let dm = s1 / Double(m)
                                            let mu = Float(Double(shift) + dm)
                                            let v = Swift.max(s2 / Double(m) - dm * dm, 0) * Double(m)
                                            mp[ch] = mu
                                            vp[ch] = Float(v / Double(m))
                                        }
                                        let mu = mp[ch], inv = 1 / (vp[ch] + epsilon).squareRoot()
                                        sp[ch] = inv
                                        let ga = gd[ch], be = bd[ch]
                                        for b in 0..<n {
                                            let base = (b * c + ch) * hw
                                            let scale = inv * ga, shift = be - mu * inv * ga
                                            Reductions.affine(op + base, xp + base, hw, scale: scale, shift: shift)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
        }
        let stats = training ? BatchStatistics(mean: mean, variance: variance, count: m) : nil
        let needX = requiresGrad, needG = gamma.requiresGrad, needB = beta.requiresGrad
        // x-hat is recomputed in the backward pass rather than stored.
        let xd = data, meanUsed = mean
        let result = Tensor.makeResult(shape: shape, data: out, parents: [self, gamma, beta]) { g in
            var dgamma = [Float](repeating: 0, count: c), dbeta = [Float](repeating: 0, count: c)
            var dx = [Float](repeating: 0, count: needX ? g.count : 0)
            let fm = Float(m)
            g.withUnsafeBufferPointer { pg in
                xd.withUnsafeBufferPointer { ph in
                    dx.withUnsafeMutableBufferPointer { pd in
                        dgamma.withUnsafeMutableBufferPointer { pdg in
                            dbeta.withUnsafeMutableBufferPointer { pdb in
                                guard let gp = pg.baseAddress, let hp = ph.baseAddress,
                                      let dgp = pdg.baseAddress, let dbp = pdb.baseAddress else { return }
                                let dp = needX ? pd.baseAddress : nil
                                Parallel.forEachChunk(count: c) { channels, _ in
                                    for ch in channels {
                                        let mu = meanUsed[ch], inv = invStd[ch]
                                        var sg: Float = 0, sgx: Float = 0
                                        for b in 0..<n {
                                            let base = (b * c + ch) * hw
                                            let (a1, a2) = Reductions.sumAndCenteredDot(gp + base, hp + base, hw, mu: mu)
                                            sg += a1; sgx += a2 * inv
                                        }
                                        dbp[ch] = sg; dgp[ch] = sgx
                                        guard let dp else { continue }
                                        // dx = k * (g - mean(g) - xhat * mean(g * xhat)) as a*g + b*x + c.
                                        let k = gd[ch] * invStd[ch], mg = sg / fm, mgx = sgx / fm
                                        let a = k, b = training ? -k * inv * mgx : 0
                                        let cc = training ? -k * mg + k * inv * mgx * mu : 0
                                        for bi in 0..<n {
                                            let base = (bi * c + ch) * hw
                                            Reductions.linearCombination(dp + base, gp + base, hp + base, hw, a: a, b: b, c: cc)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return [needX ? dx : nil, needG ? dgamma : nil, needB ? dbeta : nil]
        }
        return (result, stats)
    }
}
