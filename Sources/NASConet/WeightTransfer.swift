import NASTensor

/// CONetV2's weight transfer between trials (utils/weight_transfer.py, `wt_type: SVD` in
/// configs/config_resnet.yaml): a convolution weight W[Co, Ci, k, k] of the old network gives the
/// same layer's weight at new channel counts, on its output unfolding Co x (Ci k k) (columns run
/// over input channels, slowest, then the kernel). BN, the classifier, the optimiser and the
/// schedule are not transferred (the trial starts them afresh).
///
/// On the unfolding A (rows x columns, k = min of the two) and the new shape n0 x n1:
/// - unchanged: A itself, bit for bit (no SVD);
/// - a side shrinks: the leading min(n0, rows) x min(n1, columns) block of A's rank-r truncated
///   SVD, r = min(n0, n1, k) (what slicing U[:n0, :n0], S[:n0, :n1], V[:n1, :n1] amounts to);
/// - a side grows: the last (n - old) rows (then columns) are appended again, so by at most a
///   factor 2 (the authors' slicing goes wrong beyond that; the search clips growth to 2x).
/// Computed in float64 (the authors: float32 `torch.svd`).
public enum WeightTransfer {
    /// A transfer the method does not define.
    public struct Unsupported: Error, CustomStringConvertible, Sendable, Equatable {
        public let why: String
        public var description: String { "weight transfer: \(why)" }
    }

    /// The shape of a convolution weight.
    public struct Shape: Sendable, Equatable, CustomStringConvertible {
        public let outChannels: Int, inChannels: Int, kh: Int, kw: Int
        public init(outChannels: Int, inChannels: Int, kh: Int, kw: Int) {
            (self.outChannels, self.inChannels, self.kh, self.kw) = (outChannels, inChannels, kh, kw)
        }
        public var count: Int { outChannels * inChannels * kh * kw }
        public var description: String { "[\(outChannels), \(inChannels), \(kh), \(kw)]" }
    }

    /// The weight of shape `new` transferred from `old` (row-major, of shape `from`).
    public static func transfer(_ old: [Float], from: Shape, to new: Shape) throws -> [Float] {
        guard [from.outChannels, from.inChannels, from.kh, from.kw, new.outChannels, new.inChannels].allSatisfy({ $0 > 0 }),
            old.count == from.count
        else { throw Unsupported(why: "a weight of \(old.count) values is not \(from) with every size positive") }
        guard new.kh == from.kh, new.kw == from.kw else {
            throw Unsupported(why: "kernel \(from.kh)x\(from.kw) to \(new.kh)x\(new.kw): only channel counts may change")
        }
        for (side, a, b) in [("output", from.outChannels, new.outChannels), ("input", from.inChannels, new.inChannels)] where b > 2 * a {
            throw Unsupported(why: "\(side) channels \(a) to \(b): growth beyond a factor 2 is not defined")
        }
        let k = from.kh * from.kw
        let rows = from.outChannels, columns = from.inChannels * k
        let n0 = new.outChannels, n1 = new.inChannels * k
        if rows == n0 && columns == n1 { return old }
        // Shrink (rank-r truncation, leading block) or keep.
        let keptRows = min(n0, rows), keptColumns = min(n1, columns)
        var block: [Double]
        if n0 < rows || n1 < columns {
            let svd = try SVD(old.map(Double.init), rows: rows, columns: columns)
            let rank = min(n0, n1, svd.values.count), kk = svd.values.count
            block = [Double](repeating: 0, count: keptRows * keptColumns)
            for i in 0..<keptRows {
                for p in 0..<rank {
                    let scale = svd.u[i * kk + p] * svd.values[p]
                    for j in 0..<keptColumns { block[i * keptColumns + j] += scale * svd.vt[p * columns + j] }
                }
            }
        } else {
            block = old.map(Double.init)
        }
        // Grow: append the last rows again, then the last columns.
        if n0 > keptRows { block += block[((2 * keptRows - n0) * keptColumns)...] }
        if n1 > keptColumns {
            var widened = [Double]()
            widened.reserveCapacity(n0 * n1)
            for i in 0..<n0 {
                let row = block[(i * keptColumns)..<((i + 1) * keptColumns)]
                widened += row
                widened += row.suffix(n1 - keptColumns)
            }
            block = widened
        }
        return block.map(Float.init)
    }
}
