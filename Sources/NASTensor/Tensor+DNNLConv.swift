import CDNNL

extension Tensor {
    /// Convolution on oneDNN primitives: the batch is split over the engine's workers as in the
    /// reference, each chunk runs one single-threaded primitive on plain `nchw` buffers (reorders
    /// to and from the primitive's blocked layouts happen inside ``DNNLStep``).
    func conv2dDNNL(weight: Tensor, bias: Tensor?, plan: ConvPlan, dnnl: DNNL) throws -> Tensor {
        let geo = plan.geo
        let (n, c, o) = (plan.n, plan.c, plan.o)
        let inPer = c * plan.h * plan.w, outPer = o * geo.colCols
        let needX = requiresGrad, needW = weight.requiresGrad, needB = bias?.requiresGrad ?? false
        let training = GradMode.isEnabled && (needX || needW || needB)
        let conv = { (count: Int) in
            DNNLConv(n: count, c: c, h: plan.h, w: plan.w, o: o, groups: plan.groups, kh: geo.kernelH, kw: geo.kernelW,
                     stride: geo.stride, padding: geo.padding, dilation: geo.dilation, outH: geo.outH, outW: geo.outW,
                     hasBias: bias != nil)
        }
        // Without a graph the output stays in the primitive's layout when that is one a tensor can
        // keep, and a blocked input the primitive wants as it is is read in place (DNNLBlockedData).
        let sizes = Set(Parallel.chunkRanges(count: n).map(\.count))
        let steps = try Dictionary(uniqueKeysWithValues: sizes.map { ($0, try conv($0).forward(training: training, in: dnnl)) })
        let outDims = [n, o, geo.outH, geo.outW]
        var outTag: dnnl_format_tag_t? = nil
        if !training && TensorBackend.usesOneDNN(.blockedLayouts) {
            let tags = steps.map { size, step in
                step.innerLayout(of: DNNL_ARG_DST).flatMap { DNNLBlockedData.tag(of: $0, dims: [size, o, geo.outH, geo.outW]) }
            }
            if let first = tags.first ?? nil, tags.allSatisfy({ $0 == first }) { outTag = first }
        }
        let blockedIn: DNNLBlockedData? = blocked.flatMap { b in
            steps.allSatisfy { size, step in
                guard var want = step.innerLayout(of: DNNL_ARG_SRC) else { return false }
                var have = b.layout(images: size)
                return dnnl_memory_desc_equal(&want, &have) != 0
            } ? b : nil
        }
        let blockedOut = outTag.map { DNNLBlockedData(tag: $0, dims: outDims) }
        var out = blockedOut == nil ? [Float].uninitializedForDNNL(n * outPer) : []
        let xd = blockedIn == nil ? data : [], wd = weight.data, bd = bias?.data ?? [0]
        try xd.withUnsafeBufferPointer { px in
            try wd.withUnsafeBufferPointer { pw in
                try bd.withUnsafeBufferPointer { pb in
                    try out.withUnsafeMutableBufferPointer { po in
                        guard let wp = pw.baseAddress, let bp = pb.baseAddress else { return }
                        try dnnl.forEachChunk(count: n, op: "conv2d forward") { range, context in
                            guard let step = steps[range.count] else { return }
                            var pre: Set<Int32> = []
                            let src: UnsafeMutableRawPointer, dst: UnsafeMutableRawPointer
                            if let blockedIn {
                                src = UnsafeMutableRawPointer(blockedIn.image(range.lowerBound)); pre.insert(DNNL_ARG_SRC)
                            } else if let xp = px.baseAddress {
                                src = UnsafeMutableRawPointer(mutating: xp + range.lowerBound * inPer)
                            } else { return }
                            if let blockedOut {
                                dst = UnsafeMutableRawPointer(blockedOut.image(range.lowerBound)); pre.insert(DNNL_ARG_DST)
                            } else if let op = po.baseAddress {
                                dst = UnsafeMutableRawPointer(op + range.lowerBound * outPer)
                            } else { return }
                            var buffers = [src, UnsafeMutableRawPointer(mutating: wp)]
                            if bias != nil { buffers.append(UnsafeMutableRawPointer(mutating: bp)) }
                            buffers.append(dst)
                            try step.run(buffers, preformatted: pre, engine: dnnl.engine, context: context)
                        }
                    }
                }
            }
        }
        if let blockedOut { return Tensor(shape: outDims, blocked: blockedOut) }
        let parents = bias.map { [self, weight, $0] } ?? [self, weight]
        let hasBias = bias != nil
        return Tensor.makeResult(shape: outDims, data: out, parents: parents) { g in
            do {
                return try Tensor.conv2dDNNLGradients(g, x: xd, w: wd, needX: needX, needW: needW, needB: needB,
                                                      hasBias: hasBias, inPer: inPer, outPer: outPer,
                                                      dnnl: dnnl, conv: conv)
            } catch {
                TensorBackend.recordFallback(error)
                return plan.gradients(g, x: xd, w: wd, needX: needX, needW: needW, needB: needB, hasBias: hasBias)
            }
        }
    }

    /// Backward-data and backward-weights on oneDNN, per batch chunk; weight and bias gradients
    /// are per-chunk partial sums combined in chunk order (deterministic for a worker count).
    static func conv2dDNNLGradients(_ g: [Float], x xd: [Float], w wd: [Float], needX: Bool, needW: Bool,
                                    needB: Bool, hasBias: Bool, inPer: Int, outPer: Int, dnnl: DNNL,
                                    conv: (Int) -> DNNLConv) throws -> [[Float]?] {
        let n = g.count / outPer, o = conv(1).o
        let workers = Parallel.chunkCount(count: n), wCount = wd.count
        let needWeights = needW || needB
        var dx = [Float].uninitializedForDNNL(needX ? xd.count : 1)
        var dwParts = [Float](repeating: 0, count: needWeights ? workers * wCount : 1)
        var dbParts = [Float](repeating: 0, count: needWeights && hasBias ? workers * o : 1)
        try g.withUnsafeBufferPointer { pg in
            try xd.withUnsafeBufferPointer { px in
                try wd.withUnsafeBufferPointer { pw in
                    try dx.withUnsafeMutableBufferPointer { pdx in
                        try dwParts.withUnsafeMutableBufferPointer { pdw in
                            try dbParts.withUnsafeMutableBufferPointer { pdb in
                                guard let gp = pg.baseAddress, let xp = px.baseAddress, let wp = pw.baseAddress,
                                      let dxp = pdx.baseAddress, let dwp = pdw.baseAddress,
                                      let dbp = pdb.baseAddress else { return }
                                let chunks = Parallel.chunkCount(count: n)
                                try dnnl.forEachChunk(count: n, op: "conv2d backward") { range, context in
                                    let chunk = conv(range.count)
                                    // forEachChunk's ranges are contiguous and in order: recover the index.
                                    let worker = chunkIndex(of: range, count: n, chunks: chunks)
                                    let gUser = UnsafeMutableRawPointer(mutating: gp + range.lowerBound * outPer)
                                    let data = needX ? try chunk.backwardData(in: dnnl) : nil
                                    let weights = needWeights ? try chunk.backwardWeights(in: dnnl) : nil
                                    // Both passes read diff_dst: reorder it once when they want the same layout.
                                    var gChunk = gUser, pre: Set<Int32> = []
                                    if let data, let weights, data.reorders(DNNL_ARG_DIFF_DST),
                                       data.sharesLayout(of: DNNL_ARG_DIFF_DST, with: weights) {
                                        gChunk = context.keptBuffer(bytes: data.innerBytes(of: DNNL_ARG_DIFF_DST))
                                        try data.formatInput(DNNL_ARG_DIFF_DST, from: gUser, into: gChunk,
                                                             engine: dnnl.engine, context: context)
                                        pre = [DNNL_ARG_DIFF_DST]
                                    }
                                    if let data {
                                        try data.run([gChunk, UnsafeMutableRawPointer(mutating: wp),
                                                      UnsafeMutableRawPointer(dxp + range.lowerBound * inPer)],
                                                     preformatted: pre, engine: dnnl.engine, context: context)
                                    }
                                    if let weights {
                                        var buffers = [UnsafeMutableRawPointer(mutating: xp + range.lowerBound * inPer), gChunk,
                                                       UnsafeMutableRawPointer(dwp + worker * wCount)]
                                        if hasBias { buffers.append(UnsafeMutableRawPointer(dbp + worker * o)) }
                                        try weights.run(buffers, preformatted: pre, engine: dnnl.engine, context: context)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        func combine(_ parts: [Float], _ size: Int) -> [Float] {
            var acc = Array(parts[0..<size])
            for k in 1..<workers { Kernels.addInPlace(&acc, Array(parts[(k * size)..<((k + 1) * size)])) }
            return acc
        }
        var result: [[Float]?] = [needX ? dx : nil, needW ? combine(dwParts, wCount) : nil]
        if hasBias { result.append(needB ? combine(dbParts, o) : nil) }
        return result
    }
}

/// The index of `range` among the chunks ``Parallel/forEachChunk(count:chunks:_:)`` makes of `0..<count`.
func chunkIndex(of range: Range<Int>, count: Int, chunks: Int) -> Int {
    let base = count / chunks, extra = count % chunks
    // Chunks 0..<extra have base + 1 elements, the rest base.
    let big = extra * (base + 1)
    return range.lowerBound < big ? range.lowerBound / (base + 1) : extra + (range.lowerBound - big) / Swift.max(base, 1)
}
