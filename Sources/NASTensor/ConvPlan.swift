/// The per-worker loops of ``Tensor/conv2d(weight:bias:stride:padding:dilation:groups:)``:
/// im2col of a block of images side by side, one `sgemm` per block and group.
struct ConvPlan {
    let n: Int, c: Int, h: Int, w: Int, o: Int, groups: Int
    let geo: ConvGeometry

    /// Input channels per group, output channels per group, column rows, output pixels.
    var cg: Int { c / groups }
    var og: Int { o / groups }
    var k: Int { geo.colRows }
    var p: Int { geo.colCols }

    /// Images per block: enough that a block has about 1024 output columns.
    var blockSize: Int { Swift.max(1, Swift.min(n, (1024 + p - 1) / p)) }

    /// Forward pass for the images in `samples`.
    func forward(x: UnsafePointer<Float>, w wp: UnsafePointer<Float>, bias: [Float]?,
                 out: UnsafeMutablePointer<Float>, samples: Range<Int>) {
        let bs = Swift.min(blockSize, samples.count), cols = bs * p
        var col = [Float](repeating: 0, count: k * cols)
        var tmp = [Float](repeating: 0, count: og * cols)
        col.withUnsafeMutableBufferPointer { pc in
            tmp.withUnsafeMutableBufferPointer { pt in
                guard let colp = pc.baseAddress, let tp = pt.baseAddress else { return }
                var s0 = samples.lowerBound
                while s0 < samples.upperBound {
                    let nb = Swift.min(bs, samples.upperBound - s0), width = nb * p
                    for g in 0..<groups {
                        for j in 0..<nb {
                            geo.im2col(x + ((s0 + j) * c + g * cg) * h * w, colp + j * p, ld: width)
                        }
                        BLAS.sgemm(transA: false, transB: false, m: og, n: width, k: k, alpha: 1,
                                   a: wp + g * og * k, lda: k, b: colp, ldb: width, beta: 0, c: tp, ldc: width)
                        // Scatter [og, nb*p] into [nb, o, p].
                        for j in 0..<nb {
                            for oc in 0..<og {
                                (out + ((s0 + j) * o + g * og + oc) * p).update(from: tp + oc * width + j * p, count: p)
                            }
                        }
                    }
                    if let bias {
                        for s in s0..<(s0 + nb) {
                            for oc in 0..<o {
                                let bv = bias[oc], dst = out + (s * o + oc) * p
                                for i in 0..<p { dst[i] += bv }
                            }
                        }
                    }
                    s0 += nb
                }
            }
        }
    }

    /// Backward pass for the images in `samples`: writes their input gradient
    /// into `dx` and accumulates this worker's weight / bias gradients.
    /// Column matrices are recomputed: keeping them from the forward pass
    /// measured slower (a large allocation streamed from DRAM instead of an
    /// L2-sized scratch block).
    func backward(gradOut gp: UnsafePointer<Float>, x: UnsafePointer<Float>, w wp: UnsafePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?,
                  db: UnsafeMutablePointer<Float>?, samples: Range<Int>) {
        let bs = Swift.min(blockSize, samples.count), cols = bs * p
        var col = [Float](repeating: 0, count: dw != nil ? k * cols : 0)
        var dcol = [Float](repeating: 0, count: dx != nil ? k * cols : 0)
        var gblock = [Float](repeating: 0, count: og * cols)
        if let db {
            for s in samples {
                for oc in 0..<o {
                    db[oc] += Reductions.sum(gp + (s * o + oc) * p, p)
                }
            }
        }
        col.withUnsafeMutableBufferPointer { pc in
            dcol.withUnsafeMutableBufferPointer { pdc in
                gblock.withUnsafeMutableBufferPointer { pgb in
                    guard let gbp = pgb.baseAddress else { return }
                    var s0 = samples.lowerBound
                    while s0 < samples.upperBound {
                        let nb = Swift.min(bs, samples.upperBound - s0), width = nb * p
                        for grp in 0..<groups {
                            // Gather the output gradient of this block and group as [og, nb*p].
                            for j in 0..<nb {
                                for oc in 0..<og {
                                    (gbp + oc * width + j * p).update(from: gp + ((s0 + j) * o + grp * og + oc) * p, count: p)
                                }
                            }
                            if let dw, let colp = pc.baseAddress {
                                for j in 0..<nb {
                                    geo.im2col(x + ((s0 + j) * c + grp * cg) * h * w, colp + j * p, ld: width)
                                }
                                BLAS.sgemm(transA: false, transB: true, m: og, n: k, k: width, alpha: 1,
                                           a: gbp, lda: width, b: colp, ldb: width, beta: 1,
                                           c: dw + grp * og * k, ldc: k)
                            }
                            if let dx, let dcp = pdc.baseAddress {
                                BLAS.sgemm(transA: true, transB: false, m: k, n: width, k: og, alpha: 1,
                                           a: wp + grp * og * k, lda: k, b: gbp, ldb: width, beta: 0, c: dcp, ldc: width)
                                for j in 0..<nb {
                                    geo.col2im(dcp + j * p, dx + ((s0 + j) * c + grp * cg) * h * w, ld: width)
                                }
                            }
                        }
                        s0 += nb
                    }
                }
            }
        }
    }
}
