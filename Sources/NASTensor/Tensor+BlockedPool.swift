import CDNNL

extension Tensor {
    /// Max or average pooling of blocked values on oneDNN, the result in the same layout (so an
    /// NB201 `avg_pool_3x3` edge, a ResNet shortcut or a CNN's max pooling after a convolution does
    /// not convert its input to row-major); `nil` when the input is not blocked or oneDNN reports an
    /// error (the caller then pools row-major).
    /// `excludePadding` (average only): oneDNN's `pooling_avg_exclude_padding` (one division by the
    /// cells inside the image, where the row-major path multiplies the include-padding average by a
    /// correction). Max pooling in training keeps oneDNN's workspace (each window's argmax, the
    /// first maximum as in the reference) for the backward pass.
    func pool2dBlocked(isMax: Bool, kernel: Int, stride: Int, padding: Int, excludePadding: Bool = false) -> Tensor? {
        guard let x = blocked, TensorBackend.usesOneDNN(.blockedLayouts), let dnnl = try? DNNL.shared.get() else { return nil }
        let op = isMax ? "maxPool2d" : "avgPool2d"
        let geo = poolGeometry(kernel: kernel, stride: stride, padding: padding, op: op)
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        let outDims = [n, c, geo.outH, geo.outW]
        let training = GradMode.isEnabled && requiresGrad
        let pool = { (count: Int) in
            DNNLPool(n: count, c: c, h: h, w: w, kernel: kernel, stride: stride, padding: padding, outH: geo.outH,
                     outW: geo.outW, isMax: isMax, excludePadding: excludePadding, layoutTag: x.tag.rawValue)
        }
        let y = DNNLBlockedData(tag: x.tag, dims: outDims)
        let workspace: PoolWorkspace
        do {
            workspace = try PoolWorkspace(chunks: chunkRanges(count: n).map { r in
                training && isMax ? try pool(r.count).workspaceBytes(in: dnnl) : 0
            })
            try dnnl.forEachChunk(count: n, op: op + " forward") { range, context in
                var buffers = [UnsafeMutableRawPointer(x.image(range.lowerBound)), UnsafeMutableRawPointer(y.image(range.lowerBound))]
                if training && isMax { buffers.append(workspace.chunk(of: range, count: n)) }
                try pool(range.count).forward(training: training, in: dnnl).run(buffers, engine: dnnl.engine, context: context)
            }
        } catch {
            TensorBackend.recordFallback(error)
            return nil
        }
        let inShape = shape
        return Tensor.makeBlockedResult(shape: outDims, blocked: y, parents: [self]) { g in
            let gb = g.blocked(like: y), dx = x.sameLayout()
            do {
                try dnnl.forEachChunk(count: n, op: op + " backward") { range, context in
                    var buffers = [UnsafeMutableRawPointer(gb.image(range.lowerBound))]
                    if isMax { buffers.append(workspace.chunk(of: range, count: n)) }
                    buffers.append(UnsafeMutableRawPointer(dx.image(range.lowerBound)))
                    try pool(range.count).backward(in: dnnl).run(buffers, engine: dnnl.engine, context: context)
                }
                return [.blocked(dx)]
            } catch {
                // This op's gradient on the row-major path instead (same first-maximum rule).
                TensorBackend.recordFallback(error)
                let leaf = Tensor(shape: inShape, data: x.rowMajor(), requiresGrad: true)
                let out = isMax ? leaf.maxPool2dReference(kernel: kernel, stride: stride, padding: padding)
                    : excludePadding ? leaf.avgPool2dExcludingPadding(kernel: kernel, stride: stride, padding: padding)
                    : leaf.avgPool2dReference(kernel: kernel, stride: stride, padding: padding)
                out.backward(seed: gb.rowMajor())
                return [.plain(leaf.gradStorage ?? [Float](repeating: 0, count: leaf.count))]
            }
        }
    }
}

/// Max pooling's per-chunk workspaces (oneDNN's argmax per window) in one 64-byte aligned block,
/// kept alive by the backward closure that reads them.
final class PoolWorkspace: @unchecked Sendable {
    private let offsets: [Int]
    private let base: UnsafeMutableRawPointer

    /// One workspace of `bytes[i]` bytes per chunk `i` of ``chunkRanges(count:chunks:)``.
    init(chunks bytes: [Int]) {
        var offsets = [0]
        for b in bytes { offsets.append((offsets.last ?? 0) + (b + 63) / 64 * 64) }
        self.offsets = offsets
        base = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(offsets.last ?? 0, 64), alignment: 64)
    }

    deinit { base.deallocate() }

    /// The workspace of the chunk `range` of a batch of `count`.
    func chunk(of range: Range<Int>, count: Int) -> UnsafeMutableRawPointer {
        base + offsets[chunkIndex(of: range, count: count, chunks: offsets.count - 1)]
    }
}
