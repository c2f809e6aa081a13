import CDNNL

extension Tensor {
    /// Convolution on oneDNN primitives: the batch is split over the engine's workers as in the
    /// reference, each chunk runs one single-threaded primitive.
    ///
    /// With ``OneDNNOp/blockedLayouts`` the output stays in the primitive's layout when a tensor can
    /// keep it (``DNNLBlockedData``), and a blocked input (or, in the backward passes, a blocked
    /// output gradient) in the layout the primitive wants is read in place; anything else goes
    /// through row-major buffers, which ``DNNLStep`` reorders to and from the primitive's layouts.
    func conv2dDNNL(weight: Tensor, bias: Tensor?, plan: ConvPlan, dnnl: DNNL) throws -> Tensor {
        let geo = plan.geo
        let (n, c, o) = (plan.n, plan.c, plan.o)
        let inPer = c * plan.h * plan.w, outPer = o * geo.colCols
        let needX = requiresGrad, needW = weight.requiresGrad, needB = bias?.requiresGrad ?? false
        let training = GradMode.isEnabled && (needX || needW || needB)
        let keepBlocked = TensorBackend.usesOneDNN(.blockedLayouts)
        let conv = { (count: Int) in
            DNNLConv(n: count, c: c, h: plan.h, w: plan.w, o: o, groups: plan.groups, kh: geo.kernelH, kw: geo.kernelW,
                     stride: geo.stride, padding: geo.padding, dilation: geo.dilation, outH: geo.outH, outW: geo.outW,
                     hasBias: bias != nil)
        }
        let steps = try Tensor.stepsPerChunkSize(n) { try conv($0).forward(training: training, in: dnnl) }
        let outDims = [n, o, geo.outH, geo.outW]
        let blockedOut = keepBlocked
            ? Tensor.sharedTag(steps, DNNL_ARG_DST, dims: outDims).map { DNNLBlockedData(tag: $0, dims: outDims) } : nil
        let blockedIn = blocked.flatMap { Tensor.allWant(steps, DNNL_ARG_SRC, $0) ? $0 : nil }
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
                            guard let src = Tensor.chunk(blockedIn, px.baseAddress, range, per: inPer, arg: DNNL_ARG_SRC, &pre),
                                  let dst = Tensor.chunk(blockedOut, po.baseAddress, range, per: outPer, arg: DNNL_ARG_DST, &pre)
                            else { return }
                            var buffers = [src, UnsafeMutableRawPointer(mutating: wp)]
                            if bias != nil { buffers.append(UnsafeMutableRawPointer(mutating: bp)) }
                            buffers.append(dst)
                            try step.run(buffers, preformatted: pre, engine: dnnl.engine, context: context)
                        }
                    }
                }
            }
        }
        let parents = bias.map { [self, weight, $0] } ?? [self, weight]
        let hasBias = bias != nil
        let source: Gradient = blockedIn.map { .blocked($0) } ?? .plain(xd)
        let backward = { (g: Gradient) -> [Gradient?] in
            do {
                return try Tensor.conv2dDNNLGradients(g, x: source, w: wd, needX: needX, needW: needW, needB: needB,
                                                      hasBias: hasBias, inPer: inPer, outPer: outPer, keepBlocked: keepBlocked,
                                                      dnnl: dnnl, conv: conv)
            } catch {
                TensorBackend.recordFallback(error)
                return plan.gradients(g.rowMajor, x: source.rowMajor, w: wd, needX: needX, needW: needW, needB: needB,
                                      hasBias: hasBias).map { $0.map(Gradient.plain) }
            }
        }
        if let blockedOut {
            return Tensor.makeBlockedResult(shape: outDims, blocked: blockedOut, parents: parents, backward: backward)
        }
        return Tensor.makeLayoutAwareResult(shape: outDims, data: out, parents: parents, backward: backward)
    }

    /// Backward-data and backward-weights on oneDNN, per batch chunk; weight and bias gradients
    /// are per-chunk partial sums combined in chunk order (deterministic for a worker count).
    /// `g` and `x` (the forward's input values) may be blocked; the input gradient is blocked when
    /// `keepBlocked` and the backward-data primitive's layout is one a tensor can keep.
    static func conv2dDNNLGradients(_ g: Gradient, x: Gradient, w wd: [Float], needX: Bool, needW: Bool,
                                    needB: Bool, hasBias: Bool, inPer: Int, outPer: Int, keepBlocked: Bool,
                                    dnnl: DNNL, conv: (Int) -> DNNLConv) throws -> [Gradient?] {
        let conv1 = conv(1)
        let n: Int
        switch g {
        case .plain(let a): n = a.count / outPer
        case .blocked(let b): n = b.dims[0]
        }
        let o = conv1.o
        let workers = Parallel.chunkCount(count: n), wCount = wd.count
        let needWeights = needW || needB
        let dataSteps = needX ? try stepsPerChunkSize(n) { try conv($0).backwardData(in: dnnl) } : [:]
        let weightSteps = needWeights ? try stepsPerChunkSize(n) { try conv($0).backwardWeights(in: dnnl) } : [:]
        // A blocked operand is read in place only when every step that reads it wants its layout.
        var gBlocked: DNNLBlockedData? = nil
        if case .blocked(let b) = g, allWant(dataSteps, DNNL_ARG_DIFF_DST, b), allWant(weightSteps, DNNL_ARG_DIFF_DST, b) {
            gBlocked = b
        }
        var xBlocked: DNNLBlockedData? = nil
        if case .blocked(let b) = x, allWant(weightSteps, DNNL_ARG_SRC, b) { xBlocked = b }
        let gd = gBlocked == nil ? g.rowMajor : [], xd = needWeights && xBlocked == nil ? x.rowMajor : []
        let inDims = [n, conv1.c, conv1.h, conv1.w]
        let dxBlocked = needX && keepBlocked
            ? sharedTag(dataSteps, DNNL_ARG_DIFF_SRC, dims: inDims).map { DNNLBlockedData(tag: $0, dims: inDims) } : nil
        var dx = [Float].uninitializedForDNNL(needX && dxBlocked == nil ? n * inPer : 1)
        var dwParts = [Float](repeating: 0, count: needWeights ? workers * wCount : 1)
        var dbParts = [Float](repeating: 0, count: needWeights && hasBias ? workers * o : 1)
        try gd.withUnsafeBufferPointer { pg in
            try xd.withUnsafeBufferPointer { px in
                try wd.withUnsafeBufferPointer { pw in
                    try dx.withUnsafeMutableBufferPointer { pdx in
                        try dwParts.withUnsafeMutableBufferPointer { pdw in
                            try dbParts.withUnsafeMutableBufferPointer { pdb in
                                guard let wp = pw.baseAddress, let dwp = pdw.baseAddress, let dbp = pdb.baseAddress else { return }
                                try dnnl.forEachChunk(count: n, op: "conv2d backward") { range, context in
                                    // forEachChunk's ranges are contiguous and in order: recover the index.
                                    let worker = chunkIndex(of: range, count: n, chunks: workers)
                                    let data = dataSteps[range.count], weights = weightSteps[range.count]
                                    var pre: Set<Int32> = []
                                    guard var gChunk = chunk(gBlocked, pg.baseAddress, range, per: outPer,
                                                             arg: DNNL_ARG_DIFF_DST, &pre) else { return }
                                    // Both passes read diff_dst: reorder a row-major one once when they want the same layout.
                                    if gBlocked == nil, let data, let weights, data.reorders(DNNL_ARG_DIFF_DST),
                                       data.sharesLayout(of: DNNL_ARG_DIFF_DST, with: weights) {
                                        let kept = context.keptBuffer(bytes: data.innerBytes(of: DNNL_ARG_DIFF_DST))
                                        try data.formatInput(DNNL_ARG_DIFF_DST, from: gChunk, into: kept,
                                                             engine: dnnl.engine, context: context)
                                        gChunk = kept
                                        pre = [DNNL_ARG_DIFF_DST]
                                    }
                                    if let data {
                                        var dataPre = pre
                                        guard let dxChunk = chunk(dxBlocked, pdx.baseAddress, range, per: inPer,
                                                                  arg: DNNL_ARG_DIFF_SRC, &dataPre) else { return }
                                        try data.run([gChunk, UnsafeMutableRawPointer(mutating: wp), dxChunk],
                                                     preformatted: dataPre, engine: dnnl.engine, context: context)
                                    }
                                    if let weights {
                                        var weightPre = pre
                                        guard let xChunk = chunk(xBlocked, px.baseAddress, range, per: inPer,
                                                                 arg: DNNL_ARG_SRC, &weightPre) else { return }
                                        var buffers = [xChunk, gChunk, UnsafeMutableRawPointer(dwp + worker * wCount)]
                                        if hasBias { buffers.append(UnsafeMutableRawPointer(dbp + worker * o)) }
                                        try weights.run(buffers, preformatted: weightPre, engine: dnnl.engine, context: context)
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
        let dxResult: Gradient? = needX ? (dxBlocked.map { .blocked($0) } ?? .plain(dx)) : nil
        var result: [Gradient?] = [dxResult, needW ? .plain(combine(dwParts, wCount)) : nil]
        if hasBias { result.append(needB ? .plain(combine(dbParts, o)) : nil) }
        return result
    }

    /// One step per chunk size the engine's workers will see for a batch of `n`.
    static func stepsPerChunkSize(_ n: Int, _ make: (Int) throws -> DNNLStep) throws -> [Int: DNNLStep] {
        var steps: [Int: DNNLStep] = [:]
        for size in Set(chunkRanges(count: n).map(\.count)) { steps[size] = try make(size) }
        return steps
    }

    /// The keepable layout (``DNNLBlockedData/layouts``) every step chose for `arg`, if they agree
    /// (`dims`: the whole batch's; each step covers its chunk).
    static func sharedTag(_ steps: [Int: DNNLStep], _ arg: Int32, dims: [Int]) -> dnnl_format_tag_t? {
        let tags = steps.map { size, step in
            step.innerLayout(of: arg).flatMap { DNNLBlockedData.tag(of: $0, dims: [size] + dims.dropFirst()) }
        }
        guard let first = tags.first ?? nil, tags.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// Whether every step wants `arg` in exactly `b`'s layout.
    static func allWant(_ steps: [Int: DNNLStep], _ arg: Int32, _ b: DNNLBlockedData) -> Bool {
        steps.allSatisfy { size, step in
            guard var want = step.innerLayout(of: arg) else { return false }
            var have = b.layout(images: size)
            return dnnl_memory_desc_equal(&want, &have) != 0
        }
    }

    /// A chunk's buffer for `arg`: inside `blocked` (then `arg` joins `preformatted`), else inside
    /// the row-major `plain` buffer (`per` floats an image); `nil` if neither is there.
    static func chunk(_ blocked: DNNLBlockedData?, _ plain: UnsafePointer<Float>?, _ range: Range<Int>, per: Int,
                      arg: Int32, _ preformatted: inout Set<Int32>) -> UnsafeMutableRawPointer? {
        if let blocked {
            preformatted.insert(arg)
            return UnsafeMutableRawPointer(blocked.image(range.lowerBound))
        }
        return plain.map { UnsafeMutableRawPointer(mutating: $0 + range.lowerBound * per) }
    }
}

/// The index of `range` among the chunks ``Parallel/forEachChunk(count:chunks:_:)`` makes of `0..<count`.
func chunkIndex(of range: Range<Int>, count: Int, chunks: Int) -> Int {
    let base = count / chunks, extra = count % chunks
    // Chunks 0..<extra have base + 1 elements, the rest base.
    let big = extra * (base + 1)
    return range.lowerBound < big ? range.lowerBound / (base + 1) : extra + (range.lowerBound - big) / Swift.max(base, 1)
}
