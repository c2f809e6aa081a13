import CDNNL

/// A `[N, C, H, W]` tensor's values in one of oneDNN's activation layouts whose outermost
/// dimension is the batch (`nChw16c`, `nChw8c`, `nChw4c`, `nhwc`), 64-byte aligned.
///
/// Because the batch is outermost, the images `n0..<n1` of a chunk are one contiguous run at
/// `n0 * floatsPerImage`, in the same layout at batch size `n1 - n0`: each worker's primitive
/// reads and writes its own chunk in place. Channels are padded up to the block size; the
/// padded lanes hold zeros (oneDNN zeroes them in its outputs, and the engine's blocked ops map
/// zeros to zeros).
///
/// Who makes and reads it (docs/PERFORMANCE.md, "Layouts"): a ``Tensor/conv2d(weight:bias:stride:padding:dilation:groups:)``
/// on oneDNN leaves its output here; `relu`, a same-shape `+` and batch normalisation keep it (their
/// backward passes too, ``Gradient``); a convolution whose primitive wants the same layout reads it without a
/// reorder; any other reader of ``Tensor/data`` converts it to row-major once (``rowMajor()``).
final class DNNLBlockedData: @unchecked Sendable {
    /// The layout.
    let tag: dnnl_format_tag_t
    /// `[N, C, H, W]`.
    let dims: [Int]
    /// Floats per image including channel padding.
    let floatsPerImage: Int
    /// The block of channels (16, 8, 4; 1 for `nhwc`).
    let block: Int
    /// Channels stored side by side per pixel: the block, or all channels for `nhwc` (an image is
    /// `ceil(C / lanes)` runs of `H * W * lanes` floats).
    var lanes: Int { block == 1 ? dims[1] : block }
    /// `N * floatsPerImage` floats.
    let pointer: UnsafeMutablePointer<Float>
    /// The allocation `pointer` lies in.
    private let base: UnsafeMutableRawPointer

    /// The layouts with the batch outermost that a tensor may be kept in, with their channel blocks.
    static let layouts: [(tag: dnnl_format_tag_t, block: Int)] = [
        (dnnl_nChw16c, 16), (dnnl_nChw8c, 8), (dnnl_nChw4c, 4), (dnnl_nhwc, 1),
    ]

    /// A buffer for `dims` in layout `tag` (one of ``layouts``), left uninitialised unless `zeroed`:
    /// every writer of blocked data writes every float, the channel padding included (oneDNN's
    /// primitives and reorders zero it in their outputs; the engine's blocked ops map zeros to zeros).
    init(tag: dnnl_format_tag_t, dims: [Int], zeroed: Bool = false) {
        precondition(dims.count == 4, "internal: blocked data needs [N, C, H, W], got \(dims)")
        self.tag = tag
        self.dims = dims
        block = DNNLBlockedData.layouts.first { $0.tag == tag }?.block ?? 1
        let paddedChannels = (dims[1] + block - 1) / block * block
        floatsPerImage = paddedChannels * dims[2] * dims[3]
        let total = Swift.max(dims[0] * floatsPerImage, 16)
        // 64-byte aligned by hand inside a malloc block: Swift's aligned allocation of large
        // blocks page-faulted afresh on every op (20% kernel time in `perf`), malloc's reuses them.
        base = UnsafeMutableRawPointer.allocate(byteCount: total * 4 + 64, alignment: 16)
        pointer = base.alignedUp(toMultipleOf: 64).bindMemory(to: Float.self, capacity: total)
        if zeroed { pointer.initialize(repeating: 0, count: total) }
    }

    /// Row-major `values` (`nchw` over `dims`) converted to layout `tag`: oneDNN reorders per batch
    /// chunk, or the same permutation in Swift if oneDNN reports an error.
    convenience init(rowMajor values: [Float], tag: dnnl_format_tag_t, dims: [Int]) {
        self.init(tag: tag, dims: dims)
        let (n, per) = (dims[0], dims[1] * dims[2] * dims[3])
        precondition(values.count == n * per, "internal: \(values.count) values for blocked \(dims)")
        let done: Bool = values.withUnsafeBufferPointer { pv in
            guard let vp = pv.baseAddress, let dnnl = try? DNNL.shared.get() else { return false }
            do {
                try dnnl.forEachChunk(count: n, op: "nchw to blocked") { range, context in
                    let step = try self.reorder(images: range.count, toRowMajor: false, dnnl: dnnl)
                    try step.run([UnsafeMutableRawPointer(mutating: vp + range.lowerBound * per),
                                  UnsafeMutableRawPointer(self.image(range.lowerBound))],
                                 engine: dnnl.engine, context: context, counts: false)
                }
                return true
            } catch {
                TensorBackend.recordFallback(error)
                return false
            }
        }
        if !done {
            pointer.initialize(repeating: 0, count: Swift.max(dims[0] * floatsPerImage, 16))
            fill(fromRowMajor: values)
        }
    }

    /// An uninitialised buffer of the same layout and shape.
    func sameLayout() -> DNNLBlockedData { DNNLBlockedData(tag: tag, dims: dims) }

    deinit { base.deallocate() }

    /// The oneDNN layout of `images` images of this shape.
    func layout(images: Int) -> dnnl_memory_desc_t {
        DNNLBlockedData.layout(tag: tag, dims: [images, dims[1], dims[2], dims[3]])
    }

    /// The first float of image `index`.
    func image(_ index: Int) -> UnsafeMutablePointer<Float> { pointer + index * floatsPerImage }

    /// Whether `other` holds the same shape in the same layout (so elementwise ops may run on the buffers).
    func matches(_ other: DNNLBlockedData) -> Bool { tag == other.tag && dims == other.dims }

    /// `layout` as `tag` over `dims`.
    static func layout(tag: dnnl_format_tag_t, dims: [Int]) -> dnnl_memory_desc_t {
        var md = dnnl_memory_desc_t()
        _ = dnnl_memory_desc_init_by_tag(&md, Int32(dims.count), dims.map(Int64.init), dnnl_f32, tag)
        return md
    }

    /// Which of ``layouts`` `md` (over `dims`) is, if any.
    static func tag(of md: dnnl_memory_desc_t, dims: [Int]) -> dnnl_format_tag_t? {
        guard dims.count == 4 else { return nil }
        var given = md
        for (tag, _) in layouts {
            var candidate = layout(tag: tag, dims: dims)
            if dnnl_memory_desc_equal(&given, &candidate) != 0 { return tag }
        }
        return nil
    }

    /// The values in row-major `nchw` order: oneDNN reorders per batch chunk on the engine's
    /// workers, or, if oneDNN reports an error, the same permutation in Swift.
    func rowMajor() -> [Float] {
        let (n, c, hw) = (dims[0], dims[1], dims[2] * dims[3])
        var out = [Float].uninitializedForDNNL(n * c * hw)
        let done: Bool = out.withUnsafeMutableBufferPointer { po in
            guard let op = po.baseAddress, let dnnl = try? DNNL.shared.get() else { return false }
            do {
                try dnnl.forEachChunk(count: n, op: "blocked to nchw") { range, context in
                    let step = try self.reorder(images: range.count, toRowMajor: true, dnnl: dnnl)
                    try step.run([UnsafeMutableRawPointer(self.image(range.lowerBound)),
                                  UnsafeMutableRawPointer(op + range.lowerBound * c * hw)],
                                 engine: dnnl.engine, context: context, counts: false)
                }
                return true
            } catch {
                TensorBackend.recordFallback(error)
                return false
            }
        }
        if !done { out = rowMajorBySwift() }
        return out
    }

    /// ``rowMajor()`` without oneDNN: the permutation written out (also its reference in tests).
    func rowMajorBySwift() -> [Float] {
        let (n, c, hw) = (dims[0], dims[1], dims[2] * dims[3])
        let paddedChannels = floatsPerImage / Swift.max(hw, 1)
        var out = [Float](repeating: 0, count: n * c * hw)
        for b in 0..<n {
            let src = image(b)
            for ch in 0..<c {
                let blockBase = (ch / block) * block * hw, lane = ch % block
                for p in 0..<hw {
                    out[(b * c + ch) * hw + p] = block == 1
                        ? src[p * paddedChannels + ch] : src[blockBase + p * block + lane]
                }
            }
        }
        return out
    }

    /// Row-major `values` (`nchw` over ``dims``) written into this layout, the channel padding left
    /// as it is (start from a `zeroed` buffer).
    func fill(fromRowMajor values: [Float]) {
        let (n, c, hw) = (dims[0], dims[1], dims[2] * dims[3])
        precondition(values.count == n * c * hw, "internal: \(values.count) values for blocked \(dims)")
        let paddedChannels = floatsPerImage / Swift.max(hw, 1)
        for b in 0..<n {
            let dst = image(b)
            for ch in 0..<c {
                let blockBase = (ch / block) * block * hw, lane = ch % block
                for p in 0..<hw {
                    let v = values[(b * c + ch) * hw + p]
                    if block == 1 { dst[p * paddedChannels + ch] = v } else { dst[blockBase + p * block + lane] = v }
                }
            }
        }
    }

    /// The same values in layout `tag` (oneDNN reorders per batch chunk; through row-major if oneDNN
    /// reports an error).
    func converted(to tag: dnnl_format_tag_t) -> DNNLBlockedData {
        let out = DNNLBlockedData(tag: tag, dims: dims)
        let chunkDims = { (images: Int) in [images, self.dims[1], self.dims[2], self.dims[3]] }
        do {
            let dnnl = try DNNL.shared.get()
            try dnnl.forEachChunk(count: dims[0], op: "blocked to blocked") { range, context in
                let images = range.count
                let step = try Self.reorder(from: self.layout(images: images), to: out.layout(images: images),
                                            op: "blocked to blocked", key: "\(self.tag.rawValue) \(tag.rawValue) \(chunkDims(images))", dnnl: dnnl)
                try step.run([UnsafeMutableRawPointer(self.image(range.lowerBound)), UnsafeMutableRawPointer(out.image(range.lowerBound))],
                             engine: dnnl.engine, context: context, counts: false)
            }
            return out
        } catch {
            TensorBackend.recordFallback(error)
            return DNNLBlockedData(rowMajor: rowMajor(), tag: tag, dims: dims)
        }
    }

    /// The cached reorder of `images` images between this layout and `nchw` (`toRowMajor`: from this layout).
    private func reorder(images: Int, toRowMajor: Bool, dnnl: DNNL) throws -> DNNLStep {
        let chunkDims = [images, dims[1], dims[2], dims[3]]
        let blockedLayout = layout(images: images), plain = dnnlPlainLayout(chunkDims)
        let (from, to) = toRowMajor ? (blockedLayout, plain) : (plain, blockedLayout)
        return try Self.reorder(from: from, to: to, op: toRowMajor ? "blocked to nchw" : "nchw to blocked",
                                key: "\(tag.rawValue) \(chunkDims)", dnnl: dnnl)
    }

    /// The reorder step `from` -> `to`, cached under `op` and `key`.
    private static func reorder(from: dnnl_memory_desc_t, to: dnnl_memory_desc_t, op: String, key: String, dnnl: DNNL) throws -> DNNLStep {
        try dnnl.cached("\(op) \(key)") {
            let reorder = try DNNLPrimitive(reorderFrom: from, to: to, engine: dnnl.engine, op: op, shapes: key)
            return try DNNLStep(reorder, inputs: [(DNNL_ARG_FROM, from)], outputs: [(DNNL_ARG_TO, to)], engine: dnnl.engine, op: op, shapes: key)
        }
    }
}
