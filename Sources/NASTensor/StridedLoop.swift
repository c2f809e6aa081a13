/// Iterates an output shape together with two strided input views, calling a
/// kernel once per contiguous innermost run. This one routine serves all
/// broadcasting binary ops, reductions and their gradients.
enum StridedLoop {
    /// Calls `body(outOffset, aOffset, bOffset, aStep, bStep, length)` for each
    /// innermost run of `shape`; element `k` of the run is at
    /// `outOffset + k`, `aOffset + k * aStep`, `bOffset + k * bStep`.
    @inline(__always)
    static func run(shape: [Int], stridesA: [Int], stridesB: [Int],
                    _ body: (Int, Int, Int, Int, Int, Int) -> Void) {
        let r = shape.count
        if r == 0 { body(0, 0, 0, 0, 0, 1); return }
        if shape.contains(0) { return }
        let inner = shape[r - 1]
        let stepA = stridesA[r - 1], stepB = stridesB[r - 1]
        let outer = shape.reduce(1, *) / inner
        var index = [Int](repeating: 0, count: r)
        var offA = 0, offB = 0
        for o in 0..<outer {
            body(o * inner, offA, offB, stepA, stepB, inner)
            // Odometer increment over dims 0..<r-1.
            var d = r - 2
            while d >= 0 {
                index[d] += 1
                offA += stridesA[d]
                offB += stridesB[d]
                if index[d] < shape[d] { break }
                offA -= stridesA[d] * shape[d]
                offB -= stridesB[d] * shape[d]
                index[d] = 0
                d -= 1
            }
        }
    }
}
