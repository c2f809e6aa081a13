/// A gradient flowing through ``Tensor/backward(seed:)``: row-major, or in a oneDNN blocked layout
/// (``DNNLBlockedData``) when a blocked-aware op made it. Blocked buffers are never changed after
/// they are made (a gradient may be handed to two parents).
enum Gradient {
    case plain([Float])
    case blocked(DNNLBlockedData)

    /// The values in row-major order.
    var rowMajor: [Float] {
        switch self {
        case .plain(let g): g
        case .blocked(let b): b.rowMajor()
        }
    }

    /// The values in the layout of `like` (converted when they are row-major or in another layout).
    func blocked(like like: DNNLBlockedData) -> DNNLBlockedData {
        if case .blocked(let b) = self, b.matches(like) { return b }
        return DNNLBlockedData(rowMajor: rowMajor, tag: like.tag, dims: like.dims)
    }

    /// Whether this gradient fits a tensor of `shape`.
    func fits(_ shape: [Int], count: Int) -> Bool {
        switch self {
        case .plain(let g): g.count == count
        case .blocked(let b): b.dims == shape
        }
    }

    /// The sum of two gradients of one tensor: blocked when both are in the same layout.
    static func + (a: Gradient, b: Gradient) -> Gradient {
        if case .blocked(let x) = a, case .blocked(let y) = b, x.matches(y) {
            let sum = x.sameLayout()
            Parallel.forEachChunk(count: x.dims[0]) { range, _ in
                Kernels.addRaw(sum.image(range.lowerBound), x.image(range.lowerBound), y.image(range.lowerBound),
                               range.count * x.floatsPerImage)
            }
            return .blocked(sum)
        }
        var s = a.rowMajor
        Kernels.addInPlace(&s, b.rowMajor)
        return .plain(s)
    }
}
