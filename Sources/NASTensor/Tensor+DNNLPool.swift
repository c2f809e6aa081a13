import CDNNL

extension Tensor {
    /// Max or average pooling on oneDNN, the batch split over the engine's workers; max
    /// pooling keeps oneDNN's workspace (per-window argmax) for the backward pass.
    func pool2dDNNL(isMax: Bool, kernel: Int, stride: Int, padding: Int, geo: ConvGeometry, dnnl: DNNL) throws -> Tensor {
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        let inPer = c * h * w, outPer = c * geo.outH * geo.outW
        let training = GradMode.isEnabled && requiresGrad
        let pool = { (count: Int) in
            DNNLPool(n: count, c: c, h: h, w: w, kernel: kernel, stride: stride, padding: padding,
                     outH: geo.outH, outW: geo.outW, isMax: isMax)
        }
        let workspace = try PoolWorkspace(chunks: chunkRanges(count: n).map { r in
            training && isMax ? try pool(r.count).workspaceBytes(in: dnnl) : 0
        })
        var out = [Float].uninitializedForDNNL(n * outPer)
        let xd = data
        try xd.withUnsafeBufferPointer { px in
            try out.withUnsafeMutableBufferPointer { po in
                guard let xp = px.baseAddress, let op = po.baseAddress else { return }
                try dnnl.forEachChunk(count: n, op: isMax ? "maxPool2d forward" : "avgPool2d forward") { range, context in
                    var buffers = [UnsafeMutableRawPointer(mutating: xp + range.lowerBound * inPer),
                                   UnsafeMutableRawPointer(op + range.lowerBound * outPer)]
                    if training && isMax { buffers.append(workspace.chunk(of: range, count: n)) }
                    try pool(range.count).forward(training: training, in: dnnl).run(buffers, engine: dnnl.engine, context: context)
                }
            }
        }
        let inCount = count, inShape = shape
        return Tensor.makeResult(shape: [n, c, geo.outH, geo.outW], data: out, parents: [self]) { g in
            var gi = [Float].uninitializedForDNNL(inCount)
            do {
                try g.withUnsafeBufferPointer { pg in
                    try gi.withUnsafeMutableBufferPointer { pi in
                        guard let gp = pg.baseAddress, let ip = pi.baseAddress else { return }
                        try dnnl.forEachChunk(count: n, op: isMax ? "maxPool2d backward" : "avgPool2d backward") { range, context in
                            var buffers = [UnsafeMutableRawPointer(mutating: gp + range.lowerBound * outPer)]
                            if isMax { buffers.append(workspace.chunk(of: range, count: n)) }
                            buffers.append(UnsafeMutableRawPointer(ip + range.lowerBound * inPer))
                            try pool(range.count).backward(in: dnnl).run(buffers, engine: dnnl.engine, context: context)
                        }
                    }
                }
            } catch {
                // Recompute this op's gradient on the reference (same first-maximum rule).
                TensorBackend.recordFallback(error)
                let leaf = Tensor(shape: inShape, data: xd, requiresGrad: true)
                let y = isMax ? leaf.maxPool2dReference(kernel: kernel, stride: stride, padding: padding)
                    : leaf.avgPool2dReference(kernel: kernel, stride: stride, padding: padding)
                y.backward(seed: g)
                return [leaf.gradStorage ?? gi]
            }
            return [gi]
        }
    }
}

/// The chunks ``Parallel/forEachChunk(count:chunks:_:)`` makes of `0..<count`, in order.
func chunkRanges(count: Int, chunks: Int = Parallel.workerCount) -> [Range<Int>] {
    let k = Parallel.chunkCount(count: count, chunks: chunks)
    let base = count / k, extra = count % k
    return (0..<k).map { i in
        let lo = i * base + Swift.min(i, extra)
        return lo..<(lo + base + (i < extra ? 1 : 0))
    }
}
