import CDNNL

extension Tensor {
    /// Batch normalisation on oneDNN. Training (batch statistics): one primitive over the whole
    /// batch on the calling thread; inference (running statistics): per batch chunk on the
    /// engine's workers. The backward pass mirrors the forward's split.
    func batchNormDNNL(gamma: Tensor, beta: Tensor, runningMean: [Float], runningVar: [Float], training: Bool,
                       epsilon: Float, dnnl: DNNL) throws -> (Tensor, BatchStatistics?) {
        let dims = shape, n = shape[0], c = shape[1], per = count / Swift.max(n, 1)
        let config = { (rows: Int) in
            DNNLBatchNorm(dims: [rows] + Array(dims.dropFirst()), epsilon: epsilon, globalStats: !training)
        }
        var out = [Float].uninitializedForDNNL(count)
        var mean = runningMean, variance = runningVar
        let xd = data, gd = gamma.data, bd = beta.data
        try xd.withUnsafeBufferPointer { px in
            try out.withUnsafeMutableBufferPointer { po in
                try mean.withUnsafeMutableBufferPointer { pm in
                    try variance.withUnsafeMutableBufferPointer { pv in
                        try gd.withUnsafeBufferPointer { pg in
                            try bd.withUnsafeBufferPointer { pb in
                                guard let xp = px.baseAddress, let op = po.baseAddress, let mp = pm.baseAddress,
                                      let vp = pv.baseAddress, let gp = pg.baseAddress, let bp = pb.baseAddress else { return }
                                let x = UnsafeMutableRawPointer(mutating: xp), o = UnsafeMutableRawPointer(op)
                                let g = UnsafeMutableRawPointer(mutating: gp), b = UnsafeMutableRawPointer(mutating: bp)
                                let m = UnsafeMutableRawPointer(mp), v = UnsafeMutableRawPointer(vp)
                                if training {
                                    let context = try DNNLThreadContext.current(engine: dnnl.engine, op: "batchNorm forward")
                                    try DNNL.withSingleThreadedOpenMP {
                                        try config(n).forward(training: true, in: dnnl).run([x, g, b, o, m, v], engine: dnnl.engine,
                                                                                              context: context)
                                    }
                                    return
                                }
                                try dnnl.forEachChunk(count: n, op: "batchNorm forward") { range, context in
                                    try config(range.count).forward(training: false, in: dnnl).run(
                                        [x + range.lowerBound * per * 4, m, v, g, b, o + range.lowerBound * per * 4],
                                        engine: dnnl.engine, context: context)
                                }
                            }
                        }
                    }
                }
            }
        }
        let stats = training ? BatchStatistics(mean: mean, variance: variance, count: count / c) : nil
        let needX = requiresGrad, needG = gamma.requiresGrad, needB = beta.requiresGrad
        let meanUsed = mean, varUsed = variance
        let result = Tensor.makeResult(shape: shape, data: out, parents: [self, gamma, beta]) { g in
            do {
                let (dx, dg, db) = try Tensor.batchNormDNNLGradients(
                    g, x: xd, gamma: gd, mean: meanUsed, variance: varUsed, rows: n, per: per, training: training,
                    dnnl: dnnl, config: config)
                return [needX ? dx : nil, needG ? dg : nil, needB ? db : nil]
            } catch {
                TensorBackend.recordFallback(error)
                // Recompute this op's gradients on the reference with the same statistics.
                let leaves = [Tensor(shape: dims, data: xd, requiresGrad: true),
                              Tensor(shape: [c], data: gd, requiresGrad: true), Tensor(shape: [c], data: bd, requiresGrad: true)]
                let y = leaves[0].batchNormReference(gamma: leaves[1], beta: leaves[2], runningMean: runningMean,
                                                     runningVar: runningVar, training: training, epsilon: epsilon).0
                y.backward(seed: g)
                return leaves.map { $0.gradStorage }
            }
        }
        return (result, stats)
    }

    /// Input, scale and shift gradients of oneDNN batch normalisation: one call over the batch
    /// (batch statistics), or per chunk with scale/shift gradients summed in chunk order.
    static func batchNormDNNLGradients(_ g: [Float], x xd: [Float], gamma gd: [Float], mean: [Float], variance: [Float],
                                       rows n: Int, per: Int, training: Bool, dnnl: DNNL,
                                       config: (Int) -> DNNLBatchNorm) throws -> ([Float], [Float], [Float]) {
        let c = gd.count
        let chunks = training ? 1 : Parallel.chunkCount(count: n)
        var dx = [Float].uninitializedForDNNL(xd.count)
        var dgParts = [Float](repeating: 0, count: chunks * c), dbParts = [Float](repeating: 0, count: chunks * c)
        try g.withUnsafeBufferPointer { pg in
            try xd.withUnsafeBufferPointer { px in
                try gd.withUnsafeBufferPointer { pgamma in
                    try mean.withUnsafeBufferPointer { pm in
                        try variance.withUnsafeBufferPointer { pv in
                            try dx.withUnsafeMutableBufferPointer { pdx in
                                try dgParts.withUnsafeMutableBufferPointer { pdg in
                                    try dbParts.withUnsafeMutableBufferPointer { pdb in
                                        guard let gp = pg.baseAddress, let xp = px.baseAddress, let gap = pgamma.baseAddress,
                                              let mp = pm.baseAddress, let vp = pv.baseAddress, let dxp = pdx.baseAddress,
                                              let dgp = pdg.baseAddress, let dbp = pdb.baseAddress else { return }
                                        func run(_ range: Range<Int>, _ chunk: Int, _ context: DNNLThreadContext) throws {
                                            let off = range.lowerBound * per
                                            try config(range.count).backward(in: dnnl).run(
                                                [UnsafeMutableRawPointer(mutating: xp + off), UnsafeMutableRawPointer(mutating: mp),
                                                 UnsafeMutableRawPointer(mutating: vp), UnsafeMutableRawPointer(mutating: gp + off),
                                                 UnsafeMutableRawPointer(mutating: gap), UnsafeMutableRawPointer(mutating: gap),
                                                 UnsafeMutableRawPointer(dxp + off),
                                                 UnsafeMutableRawPointer(dgp + chunk * c), UnsafeMutableRawPointer(dbp + chunk * c)],
                                                engine: dnnl.engine, context: context)
                                        }
                                        if training {
                                            let context = try DNNLThreadContext.current(engine: dnnl.engine, op: "batchNorm backward")
                                            try DNNL.withSingleThreadedOpenMP { try run(0..<n, 0, context) }
                                            return
                                        }
                                        try dnnl.forEachChunk(count: n, op: "batchNorm backward") { range, context in
                                            try run(range, chunkIndex(of: range, count: n, chunks: chunks), context)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var dg = Array(dgParts[0..<c]), db = Array(dbParts[0..<c])
        for k in 1..<chunks {
            Kernels.addInPlace(&dg, Array(dgParts[(k * c)..<((k + 1) * c)]))
            Kernels.addInPlace(&db, Array(dbParts[(k * c)..<((k + 1) * c)]))
        }
        return (dx, dg, db)
    }
}
