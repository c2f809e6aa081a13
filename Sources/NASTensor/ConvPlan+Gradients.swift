extension ConvPlan {
    /// The reference backward pass: gradients of input, weight and (when `hasBias`) bias
    /// for output gradient `g`, as `[dx, dw, db]` (`nil` where not needed).
    ///
    /// Parallel over the batch like ``forward(x:w:bias:out:samples:)``; weight and bias
    /// gradients are summed per worker and combined in worker order (deterministic).
    func gradients(_ g: [Float], x xd: [Float], w wd: [Float], needX: Bool, needW: Bool, needB: Bool,
                   hasBias: Bool) -> [[Float]?] {
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
                                    backward(gradOut: gp, x: xp, w: wp, dx: dxp,
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
        if hasBias { result.append(gb) }
        return result
    }
}
