extension Tensor {
    /// The entries at `indices` along `axis` (PyTorch's `index_select`); a negative axis counts
    /// from the end.
    ///
    /// The result has `indices.count` entries along `axis`. Indices may repeat: the gradient of
    /// a repeated entry is the sum of the gradients of its copies.
    ///
    /// - Precondition: every index is in `0..<shape[axis]`.
    public func indexSelect(axis: Int, indices: [Int]) -> Tensor {
        let ax = Shape.normalizeAxes([axis], rank: rank, op: "indexSelect", shape: shape)[0]
        let size = shape[ax]
        for i in indices {
            precondition(i >= 0 && i < size, "indexSelect: index \(i) out of range 0..<\(size) along axis \(ax) of shape \(shape)")
        }
        let outer = shape[..<ax].reduce(1, *), inner = shape[(ax + 1)...].reduce(1, *)
        var outShape = shape
        outShape[ax] = indices.count
        let picked = indices.count, n = count
        var out = Tensor.uninitializedStorage(count: outer * picked * inner)
        data.withUnsafeBufferPointer { ps in
            out.withUnsafeMutableBufferPointer { po in
                guard let s = ps.baseAddress, let o = po.baseAddress else { return }
                for r in 0..<outer {
                    for (j, i) in indices.enumerated() {
                        (o + (r * picked + j) * inner).update(from: s + (r * size + i) * inner, count: inner)
                    }
                }
            }
        }
        return Tensor.makeResult(shape: outShape, data: out, parents: [self]) { g in
            var gi = [Float](repeating: 0, count: n)
            g.withUnsafeBufferPointer { pg in
                gi.withUnsafeMutableBufferPointer { pi in
                    guard let gs = pg.baseAddress, let d = pi.baseAddress else { return }
                    for r in 0..<outer {
                        for (j, i) in indices.enumerated() {
                            let src = gs + (r * picked + j) * inner, dst = d + (r * size + i) * inner
                            for k in 0..<inner { dst[k] += src[k] }
                        }
                    }
                }
            }
            return [gi]
        }
    }

    /// The entries `range` along `axis` (PyTorch's `narrow`, NumPy's `x[..., a:b, ...]`); a
    /// negative axis counts from the end. The gradient flows back into that range, zero elsewhere.
    ///
    /// - Precondition: `range` lies within `0...shape[axis]`.
    public func sliced(axis: Int, _ range: Range<Int>) -> Tensor {
        let ax = Shape.normalizeAxes([axis], rank: rank, op: "sliced", shape: shape)[0]
        let size = shape[ax]
        precondition(range.lowerBound >= 0 && range.upperBound <= size,
                     "sliced: range \(range) out of bounds 0..<\(size) along axis \(ax) of shape \(shape)")
        let outer = shape[..<ax].reduce(1, *), inner = shape[(ax + 1)...].reduce(1, *)
        let width = range.count * inner, rowIn = size * inner, start = range.lowerBound * inner
        var outShape = shape
        outShape[ax] = range.count
        let n = count
        var out = Tensor.uninitializedStorage(count: outer * width)
        data.withUnsafeBufferPointer { ps in
            out.withUnsafeMutableBufferPointer { po in
                guard let s = ps.baseAddress, let o = po.baseAddress else { return }
                for r in 0..<outer { (o + r * width).update(from: s + r * rowIn + start, count: width) }
            }
        }
        return Tensor.makeResult(shape: outShape, data: out, parents: [self]) { g in
            var gi = [Float](repeating: 0, count: n)
            g.withUnsafeBufferPointer { pg in
                gi.withUnsafeMutableBufferPointer { pi in
                    guard let gs = pg.baseAddress, let d = pi.baseAddress else { return }
                    for r in 0..<outer { (d + r * rowIn + start).update(from: gs + r * width, count: width) }
                }
            }
            return [gi]
        }
    }

    /// Joins tensors of one shape along a new axis `axis` (`0...rank`; negative counts from the
    /// end of the result's axes), as `torch.stack`. Composed: each gets a unit axis, then ``cat(_:axis:)``.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        precondition(!tensors.isEmpty, "stack: needs at least one tensor")
        let shape = tensors[0].shape
        for t in tensors {
            precondition(t.shape == shape, "stack: shapes \(tensors.map(\.shape)) differ")
        }
        let ax = axis < 0 ? axis + shape.count + 1 : axis
        precondition(ax >= 0 && ax <= shape.count, "stack: axis \(axis) out of range for \(shape.count + 1)-D result")
        var unit = shape
        unit.insert(1, at: ax)
        return cat(tensors.map { $0.reshaped(unit) }, axis: ax)
    }

    /// One-hot rows: `[indices.count, classes]` with a 1 at each `(i, indices[i])`.
    ///
    /// - Precondition: every index is in `0..<classes`.
    public static func oneHot(_ indices: [Int], classes: Int) -> Tensor {
        precondition(classes > 0, "oneHot: classes must be positive, got \(classes)")
        var d = [Float](repeating: 0, count: indices.count * classes)
        for (r, i) in indices.enumerated() {
            precondition(i >= 0 && i < classes, "oneHot: index \(i) out of range 0..<\(classes)")
            d[r * classes + i] = 1
        }
        return Tensor(shape: [indices.count, classes], data: d)
    }
}
