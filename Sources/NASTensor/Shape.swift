/// Shape arithmetic: element counts, strides, broadcasting and axis checks.
enum Shape {
    /// The number of elements of a shape.
    @inline(__always)
    static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// Row-major strides of a contiguous tensor of `shape`.
    static func strides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            acc *= shape[i]
        }
        return s
    }

    /// The NumPy broadcast of two shapes, or a precondition failure naming them.
    static func broadcast(_ a: [Int], _ b: [Int], op: String) -> [Int] {
        let r = max(a.count, b.count)
        var out = [Int](repeating: 1, count: r)
        for i in 0..<r {
            let da = i < r - a.count ? 1 : a[i - (r - a.count)]
            let db = i < r - b.count ? 1 : b[i - (r - b.count)]
            precondition(da == db || da == 1 || db == 1,
                         "\(op): shapes \(a) and \(b) cannot be broadcast together")
            out[i] = da == 1 ? db : da
        }
        return out
    }

    /// Strides for reading a tensor of `shape` as if it had `target` shape
    /// (stride 0 along broadcast dimensions). `shape` must broadcast to `target`.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let off = target.count - shape.count
        var out = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 {
            out[i + off] = own[i]
        }
        return out
    }

    /// Normalises possibly negative axes against `rank`, sorted and unique.
    static func normalizeAxes(_ axes: [Int], rank: Int, op: String, shape: [Int]) -> [Int] {
        let norm = axes.map { $0 < 0 ? $0 + rank : $0 }
        for (given, a) in zip(axes, norm) {
            precondition(a >= 0 && a < rank, "\(op): axis \(given) out of range for shape \(shape)")
        }
        return Array(Set(norm)).sorted()
    }
}
