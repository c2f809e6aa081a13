extension Tensor {
    /// 2-D convolution (cross-correlation, as in PyTorch) via im2col + `sgemm`.
    ///
    /// Parallel over the batch (each worker runs single-threaded BLAS on its
    /// own samples); within a worker, several images are laid side by side in
    /// one column matrix so each `sgemm` call is wide enough to run near peak.
    /// Weight and bias gradients are summed per worker and combined in worker
    /// order, so results are deterministic for a given worker count.
    ///
    /// - Parameters:
    ///   - weight: `[outChannels, inChannels / groups, kH, kW]`.
    ///   - bias: optional `[outChannels]`.
    /// - Returns: `[N, outChannels, outH, outW]` with
    ///   `outH = (H + 2*padding - dilation*(kH-1) - 1) / stride + 1`.
    public func conv2d(weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
                       dilation: Int = 1, groups: Int = 1) -> Tensor {
        let x = self
        precondition(x.rank == 4 && weight.rank == 4,
                     "conv2d: input must be [N, C, H, W] and weight [O, C/groups, kH, kW], got \(x.shape) and \(weight.shape)")
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, cg, kh, kw) = (weight.shape[0], weight.shape[1], weight.shape[2], weight.shape[3])
        precondition(groups > 0 && c % groups == 0 && o % groups == 0 && cg == c / groups,
                     "conv2d: input \(x.shape), weight \(weight.shape) and groups \(groups) do not agree")
        if let bias { precondition(bias.shape == [o], "conv2d: bias must be [\(o)], got \(bias.shape)") }
        let geo = ConvGeometry(channels: cg, height: h, width: w, kernelH: kh, kernelW: kw,
                               stride: stride, padding: padding, dilation: dilation, op: "conv2d")
        let plan = ConvPlan(n: n, c: c, h: h, w: w, o: o, groups: groups, geo: geo)
        let p = geo.colCols
        var out = [Float](repeating: 0, count: n * o * p)
        let xd = x.data, wd = weight.data, bd = bias?.data
        xd.withUnsafeBufferPointer { px in
            wd.withUnsafeBufferPointer { pw in
                out.withUnsafeMutableBufferPointer { po in
                    guard let xp = px.baseAddress, let wp = pw.baseAddress, let op = po.baseAddress else { return }
                    Parallel.forEachChunk(count: n) { range, _ in
                        plan.forward(x: xp, w: wp, bias: bd, out: op, samples: range)
                    }
                }
            }
        }
        let needX = x.requiresGrad, needW = weight.requiresGrad, needB = bias?.requiresGrad ?? false
        let parents = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor.makeResult(shape: [n, o, geo.outH, geo.outW], data: out, parents: parents) { g in
            let workers = Parallel.chunkCount(count: n)
            let wCount = wd.count
            var dx = [Float](repeating: 0, count: needX ? xd.count : 0)
            // Per-worker partial weight / bias gradients, summed in worker order (deterministic).
            var dwParts = [Float](repeating: 0, count: needW ? workers * wCount : 0)
            var dbParts = [Float](repeating: 0, count: needB ? workers * o : 0)
            g.withUnsafeBufferPointer { pg in
                xd.withUnsafeBufferPointer { px in
                    wd.withUnsafeBufferPointer { pw in
                        dx.withUnsafeMutableBufferPointer { pdx in
                            dwParts.withUnsafeMutableBufferPointer { pdw in
                                dbParts.withUnsafeMutableBufferPointer { pdb in
                                    guard let gp = pg.baseAddress, let xp = px.baseAddress,
                                          let wp = pw.baseAddress else { return }
                                    // Empty arrays may still have a base address: gate on the flags.
                                    let dxp = needX ? pdx.baseAddress : nil
                                    let dwp = needW ? pdw.baseAddress : nil
                                    let dbp = needB ? pdb.baseAddress : nil
                                    Parallel.forEachChunk(count: n) { range, worker in
                                        plan.backward(gradOut: gp, x: xp, w: wp, dx: dxp,
                                                      dw: dwp.map { $0 + worker * wCount },
                                                      db: dbp.map { $0 + worker * o }, samples: range)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            var gw: [Float]? = nil, gb: [Float]? = nil
            if needW {
                var acc = Array(dwParts[0..<wCount])
                for k in 1..<workers { Kernels.addInPlace(&acc, Array(dwParts[(k * wCount)..<((k + 1) * wCount)])) }
                gw = acc
            }
            if needB {
                var acc = Array(dbParts[0..<o])
                for k in 1..<workers { Kernels.addInPlace(&acc, Array(dbParts[(k * o)..<((k + 1) * o)])) }
                gb = acc
            }
            var result: [[Float]?] = [needX ? dx : nil, gw]
            if bias != nil { result.append(gb) }
            return result
        }
    }
}
