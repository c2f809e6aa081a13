extension Tensor {
    /// Output shape of reducing `axes` (already normalised).
    private func reducedShape(_ axes: [Int], keepDims: Bool) -> [Int] {
        var s: [Int] = []
        for (i, d) in shape.enumerated() {
            if axes.contains(i) { if keepDims { s.append(1) } } else { s.append(d) }
        }
        return s
    }

    /// Sum over `axes` (all axes when `nil`); negative axes count from the end.
    public func sum(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        let ax = Shape.normalizeAxes(axes ?? Array(0..<rank), rank: rank, op: "sum", shape: shape)
        let keptShape = reducedShape(ax, keepDims: true)
        let outShape = reducedShape(ax, keepDims: keepDims)
        let so = Shape.broadcastStrides(keptShape, to: shape)
        let inShape = shape, zeros = [Int](repeating: 0, count: rank)
        var out = [Float](repeating: 0, count: Shape.count(keptShape))
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { po in
                guard let x = px.baseAddress, let o = po.baseAddress else { return }
                StridedLoop.run(shape: inShape, stridesA: so, stridesB: zeros) { i, io, _, st, _, len in
                    if st == 0 {
                        o[io] += Reductions.sum(x + i, len)
                    } else {
                        for k in 0..<len { o[io + k * st] += x[i + k] }
                    }
                }
            }
        }
        let n = count
        return Tensor.makeResult(shape: outShape, data: out, parents: [self]) { g in
            var gi = [Float](repeating: 0, count: n)
            g.withUnsafeBufferPointer { pg in
                gi.withUnsafeMutableBufferPointer { pi in
                    guard let gp = pg.baseAddress, let ip = pi.baseAddress else { return }
                    StridedLoop.run(shape: inShape, stridesA: so, stridesB: zeros) { i, io, _, st, _, len in
                        for k in 0..<len { ip[i + k] = gp[io + k * st] }
                    }
                }
            }
            return [gi]
        }
    }

    /// Maximum over `axes` (all when `nil`). The gradient is shared equally
    /// among tied maxima.
    public func max(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        precondition(count > 0, "max: cannot reduce an empty tensor of shape \(shape)")
        let ax = Shape.normalizeAxes(axes ?? Array(0..<rank), rank: rank, op: "max", shape: shape)
        let keptShape = reducedShape(ax, keepDims: true)
        let outShape = reducedShape(ax, keepDims: keepDims)
        let so = Shape.broadcastStrides(keptShape, to: shape)
        let inShape = shape, zeros = [Int](repeating: 0, count: rank)
        var out = [Float](repeating: -.infinity, count: Shape.count(keptShape))
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { po in
                guard let x = px.baseAddress, let o = po.baseAddress else { return }
                StridedLoop.run(shape: inShape, stridesA: so, stridesB: zeros) { i, io, _, st, _, len in
                    for k in 0..<len { o[io + k * st] = Swift.max(o[io + k * st], x[i + k]) }
                }
            }
        }
        let xd = data, n = count, m = out
        return Tensor.makeResult(shape: outShape, data: out, parents: [self]) { g in
            var ties = [Float](repeating: 0, count: m.count)
            var gi = [Float](repeating: 0, count: n)
            xd.withUnsafeBufferPointer { px in
                m.withUnsafeBufferPointer { pm in
                    ties.withUnsafeMutableBufferPointer { pt in
                        g.withUnsafeBufferPointer { pg in
                            gi.withUnsafeMutableBufferPointer { pi in
                                guard let x = px.baseAddress, let mx = pm.baseAddress, let t = pt.baseAddress,
                                      let gp = pg.baseAddress, let ip = pi.baseAddress else { return }
                                StridedLoop.run(shape: inShape, stridesA: so, stridesB: zeros) { i, io, _, st, _, len in
                                    for k in 0..<len where x[i + k] == mx[io + k * st] { t[io + k * st] += 1 }
                                }
                                StridedLoop.run(shape: inShape, stridesA: so, stridesB: zeros) { i, io, _, st, _, len in
                                    for k in 0..<len where x[i + k] == mx[io + k * st] {
                                        ip[i + k] = gp[io + k * st] / t[io + k * st]
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return [gi]
        }
    }

    /// Mean over `axes` (all when `nil`), composed as `sum / n`.
    public func mean(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        let ax = Shape.normalizeAxes(axes ?? Array(0..<rank), rank: rank, op: "mean", shape: shape)
        let n = ax.reduce(1) { $0 * shape[$1] }
        return sum(axes: ax, keepDims: keepDims) * (1 / Float(Swift.max(n, 1)))
    }

    /// Index of the largest element along the last axis of a 2-D tensor (rows).
    public func argmaxRows() -> [Int] {
        precondition(rank == 2, "argmaxRows: needs a 2-D tensor, got shape \(shape)")
        let cols = shape[1]
        return (0..<shape[0]).map { r in
            var best = 0
            for c in 1..<Swift.max(cols, 1) where data[r * cols + c] > data[r * cols + best] { best = c }
            return best
        }
    }
}
