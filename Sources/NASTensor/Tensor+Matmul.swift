extension Tensor {
    /// Matrix product through `cblas_sgemm`.
    ///
    /// Accepts `[M, K] x [K, N]`, batched `[B, M, K] x [B, K, N]`, and a 2-D
    /// operand shared across the batch of the other (`[B, M, K] x [K, N]` or
    /// `[M, K] x [B, K, N]`). `transposeSelf` / `transposeOther` use the
    /// transpose of the last two dimensions without copying.
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        let a = self, b = other
        precondition((a.rank == 2 || a.rank == 3) && (b.rank == 2 || b.rank == 3),
                     "matmul: needs 2-D or 3-D operands, got shapes \(a.shape) and \(b.shape)")
        let tA = transposeSelf, tB = transposeOther
        let ar = a.shape.suffix(2).map { $0 }, br = b.shape.suffix(2).map { $0 }
        let m = tA ? ar[1] : ar[0], ka = tA ? ar[0] : ar[1]
        let kb = tB ? br[1] : br[0], n = tB ? br[0] : br[1]
        precondition(ka == kb, "matmul: inner dimensions differ for shapes \(a.shape)\(tA ? "ᵀ" : "") and \(b.shape)\(tB ? "ᵀ" : "")")
        let batchA = a.rank == 3 ? a.shape[0] : 0, batchB = b.rank == 3 ? b.shape[0] : 0
        precondition(batchA == 0 || batchB == 0 || batchA == batchB,
                     "matmul: batch sizes differ for shapes \(a.shape) and \(b.shape)")
        let batch = Swift.max(batchA, batchB, 1)
        let k = ka
        let lda = tA ? m : k, ldb = tB ? k : n
        let strideA = batchA > 0 ? m * k : 0, strideB = batchB > 0 ? k * n : 0
        let outShape = (batchA > 0 || batchB > 0) ? [batch, m, n] : [m, n]
        var out = Tensor.uninitializedStorage(count: batch * m * n)
        let ad = a.data, bd = b.data
        ad.withUnsafeBufferPointer { pa in
            bd.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    guard let xa = pa.baseAddress, let xb = pb.baseAddress, let xc = pc.baseAddress else { return }
                    let gemm = batch == 1 ? BLAS.sgemmParallel : BLAS.sgemm
                    Tensor.forBatches(batch) { i in
                        gemm(tA, tB, m, n, k, 1, xa + i * strideA, lda, xb + i * strideB, ldb, 0, xc + i * m * n, n)
                    }
                }
            }
        }
        let needA = a.requiresGrad, needB = b.requiresGrad
        return Tensor.makeResult(shape: outShape, data: out, parents: [a, b]) { g in
            // A gradient written once per batch item needs no zero fill (beta 0); one shared
            // across the batch (stride 0) is accumulated over it (beta 1 on zeros).
            let betaA: Float = strideA > 0 || batch == 1 ? 0 : 1, betaB: Float = strideB > 0 || batch == 1 ? 0 : 1
            var ga = !needA ? [] : betaA == 0 ? Tensor.uninitializedStorage(count: ad.count) : [Float](repeating: 0, count: ad.count)
            var gb = !needB ? [] : betaB == 0 ? Tensor.uninitializedStorage(count: bd.count) : [Float](repeating: 0, count: bd.count)
            g.withUnsafeBufferPointer { pg in
                ad.withUnsafeBufferPointer { pa in
                    bd.withUnsafeBufferPointer { pb in
                        guard let xg = pg.baseAddress, let xa = pa.baseAddress, let xb = pb.baseAddress else { return }
                        let gemm = batch == 1 ? BLAS.sgemmParallel : BLAS.sgemm
                        if needA {
                            ga.withUnsafeMutableBufferPointer { pga in
                                guard let da = pga.baseAddress else { return }
                                let body = { (i: Int) in
                                    let gi = xg + i * m * n, bi = xb + i * strideB, ai = da + i * strideA
                                    if tA { gemm(tB, true, k, m, n, 1, bi, ldb, gi, n, betaA, ai, m) }
                                    else { gemm(false, !tB, m, k, n, 1, gi, n, bi, ldb, betaA, ai, k) }
                                }
                                if strideA > 0 { Tensor.forBatches(batch, body) } else { for i in 0..<batch { body(i) } }
                            }
                        }
                        if needB {
                            gb.withUnsafeMutableBufferPointer { pgb in
                                guard let db = pgb.baseAddress else { return }
                                let body = { (i: Int) in
                                    let gi = xg + i * m * n, ai = xa + i * strideA, bi = db + i * strideB
                                    if tB { gemm(true, tA, n, k, m, 1, gi, n, ai, lda, betaB, bi, k) }
                                    else { gemm(!tA, false, k, n, m, 1, ai, lda, gi, n, betaB, bi, n) }
                                }
                                if strideB > 0 { Tensor.forBatches(batch, body) } else { for i in 0..<batch { body(i) } }
                            }
                        }
                    }
                }
            }
            return [needA ? ga : nil, needB ? gb : nil]
        }
    }

    /// Storage for `count` values that the caller overwrites completely (no zero fill).
    static func uninitializedStorage(count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Runs `body(i)` for each batch index, split over the workers when `n > 1`.
    static func forBatches(_ n: Int, _ body: (Int) -> Void) {
        if n == 1 { body(0); return }
        Parallel.forEachChunk(count: n) { range, _ in for i in range { body(i) } }
    }
}
