extension Tensor {
    /// Same elements, new shape. One dimension may be `-1` (inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var s = newShape
        let unknown = s.indices.filter { s[$0] == -1 }
        precondition(unknown.count <= 1, "reshape: at most one -1 allowed, got \(newShape) for shape \(shape)")
        if let u = unknown.first {
            let known = s.enumerated().filter { $0.offset != u }.reduce(1) { $0 * $1.element }
            precondition(known > 0 && count % known == 0,
                         "reshape: cannot infer -1 in \(newShape) for shape \(shape) (\(count) elements)")
            s[u] = count / known
        }
        precondition(s.allSatisfy { $0 >= 0 } && Shape.count(s) == count,
                     "reshape: shape \(shape) (\(count) elements) cannot become \(newShape)")
        return Tensor.makeResult(shape: s, data: data, parents: [self]) { g in [g] }
    }

    /// Flattens all dimensions from `startAxis` on into one.
    public func flattened(from startAxis: Int = 1) -> Tensor {
        precondition(startAxis >= 0 && startAxis <= rank, "flatten: start axis \(startAxis) invalid for shape \(shape)")
        return reshaped(Array(shape[..<startAxis]) + [shape[startAxis...].reduce(1, *)])
    }

    /// Reorders dimensions: result dimension `i` is input dimension `order[i]`.
    public func permuted(_ order: [Int]) -> Tensor {
        precondition(order.sorted() == Array(0..<rank),
                     "permute: order \(order) is not a permutation of the axes of shape \(shape)")
        let outShape = order.map { shape[$0] }
        let inStrides = Shape.strides(shape)
        let readStrides = order.map { inStrides[$0] }
        let zeros = [Int](repeating: 0, count: rank)
        let out = Tensor.gather(data, shape: outShape, strides: readStrides, zeros: zeros)
        var inverse = [Int](repeating: 0, count: rank)
        for (i, o) in order.enumerated() { inverse[o] = i }
        let inShape = shape
        return Tensor.makeResult(shape: outShape, data: out, parents: [self]) { g in
            let gStrides = Shape.strides(outShape)
            return [Tensor.gather(g, shape: inShape, strides: inverse.map { gStrides[$0] }, zeros: zeros)]
        }
    }

    /// Swaps two dimensions (composed from ``permuted(_:)``).
    public func transposed(_ a: Int = -2, _ b: Int = -1) -> Tensor {
        let ra = a < 0 ? a + rank : a, rb = b < 0 ? b + rank : b
        precondition(ra >= 0 && ra < rank && rb >= 0 && rb < rank,
                     "transpose: axes \(a), \(b) out of range for shape \(shape)")
        var order = Array(0..<rank)
        order.swapAt(ra, rb)
        return permuted(order)
    }

    /// Copies `src` read with `strides` into a contiguous array of `shape`.
    static func gather(_ src: [Float], shape: [Int], strides: [Int], zeros: [Int]) -> [Float] {
        var out = [Float](repeating: 0, count: Shape.count(shape))
        src.withUnsafeBufferPointer { ps in
            out.withUnsafeMutableBufferPointer { po in
                guard let s = ps.baseAddress, let o = po.baseAddress else { return }
                StridedLoop.run(shape: shape, stridesA: strides, stridesB: zeros) { i, ia, _, st, _, len in
                    for k in 0..<len { o[i + k] = s[ia + k * st] }
                }
            }
        }
        return out
    }

    /// Joins tensors along `axis`; all other dimensions must match.
    public static func cat(_ tensors: [Tensor], axis: Int) -> Tensor {
        precondition(!tensors.isEmpty, "cat: needs at least one tensor")
        let first = tensors[0]
        let ax = axis < 0 ? axis + first.rank : axis
        precondition(ax >= 0 && ax < first.rank, "cat: axis \(axis) out of range for shape \(first.shape)")
        for t in tensors {
            var a = t.shape, b = first.shape
            precondition(a.count == b.count, "cat: shapes \(tensors.map(\.shape)) differ in rank")
            a[ax] = 0; b[ax] = 0
            precondition(a == b, "cat: shapes \(tensors.map(\.shape)) differ outside axis \(ax)")
        }
        let outer = first.shape[..<ax].reduce(1, *)
        let inner = first.shape[(ax + 1)...].reduce(1, *)
        let widths = tensors.map { $0.shape[ax] * inner }
        let total = widths.reduce(0, +)
        var outShape = first.shape
        outShape[ax] = tensors.reduce(0) { $0 + $1.shape[ax] }
        var out = [Float](repeating: 0, count: outer * total)
        var offset = 0
        for (t, w) in zip(tensors, widths) {
            t.data.withUnsafeBufferPointer { ps in
                out.withUnsafeMutableBufferPointer { po in
                    guard let s = ps.baseAddress, let o = po.baseAddress else { return }
                    for r in 0..<outer { (o + r * total + offset).update(from: s + r * w, count: w) }
                }
            }
            offset += w
        }
        return makeResult(shape: outShape, data: out, parents: tensors) { g in
            var grads: [[Float]?] = []
            var off = 0
            for (t, w) in zip(tensors, widths) {
                if t.requiresGrad {
                    var gt = [Float](repeating: 0, count: outer * w)
                    g.withUnsafeBufferPointer { pg in
                        gt.withUnsafeMutableBufferPointer { pt in
                            guard let s = pg.baseAddress, let d = pt.baseAddress else { return }
                            for r in 0..<outer { (d + r * w).update(from: s + r * total + off, count: w) }
                        }
                    }
                    grads.append(gt)
                } else {
                    grads.append(nil)
                }
                off += w
            }
            return grads
        }
    }
}
