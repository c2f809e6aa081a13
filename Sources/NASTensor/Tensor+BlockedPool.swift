import CDNNL

extension Tensor {
    /// Average pooling of blocked values on oneDNN, the result in the same layout (so an NB201
    /// `avg_pool_3x3` edge or a ResNet shortcut does not convert its input to row-major); `nil` when
    /// the input is not blocked or oneDNN reports an error (the caller then pools row-major).
    /// `excludePadding`: oneDNN's `pooling_avg_exclude_padding` (one division by the cells inside
    /// the image, where the row-major path multiplies the include-padding average by a correction).
    func avgPool2dBlocked(kernel: Int, stride: Int, padding: Int, excludePadding: Bool) -> Tensor? {
        guard let x = blocked, TensorBackend.usesOneDNN(.blockedLayouts), let dnnl = try? DNNL.shared.get() else { return nil }
        let geo = poolGeometry(kernel: kernel, stride: stride, padding: padding, op: "avgPool2d")
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        let outDims = [n, c, geo.outH, geo.outW]
        let training = GradMode.isEnabled && requiresGrad
        let pool = { (count: Int) in
            DNNLPool(n: count, c: c, h: h, w: w, kernel: kernel, stride: stride, padding: padding, outH: geo.outH,
                     outW: geo.outW, isMax: false, excludePadding: excludePadding, layoutTag: x.tag.rawValue)
        }
        let y = DNNLBlockedData(tag: x.tag, dims: outDims)
        do {
            try dnnl.forEachChunk(count: n, op: "avgPool2d forward") { range, context in
                try pool(range.count).forward(training: training, in: dnnl)
                    .run([UnsafeMutableRawPointer(x.image(range.lowerBound)), UnsafeMutableRawPointer(y.image(range.lowerBound))],
                         engine: dnnl.engine, context: context)
            }
        } catch {
            TensorBackend.recordFallback(error)
            return nil
        }
        let inShape = shape
        return Tensor.makeBlockedResult(shape: outDims, blocked: y, parents: [self]) { g in
            let gb = g.blocked(like: y), dx = x.sameLayout()
            do {
                try dnnl.forEachChunk(count: n, op: "avgPool2d backward") { range, context in
                    try pool(range.count).backward(in: dnnl)
                        .run([UnsafeMutableRawPointer(gb.image(range.lowerBound)), UnsafeMutableRawPointer(dx.image(range.lowerBound))],
                             engine: dnnl.engine, context: context)
                }
                return [.blocked(dx)]
            } catch {
                // This op's gradient on the row-major path instead.
                TensorBackend.recordFallback(error)
                let leaf = Tensor(shape: inShape, data: x.rowMajor(), requiresGrad: true)
                let out = excludePadding ? leaf.avgPool2dExcludingPadding(kernel: kernel, stride: stride, padding: padding)
                    : leaf.avgPool2dReference(kernel: kernel, stride: stride, padding: padding)
                out.backward(seed: gb.rowMajor())
                return [.plain(leaf.gradStorage ?? [Float](repeating: 0, count: leaf.count))]
            }
        }
    }
}
