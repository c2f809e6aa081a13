/// A fitted CART regression tree, stored as flat node arrays (node 0 is the root).
///
/// Internal node `i` sends a row to `left[i]` when `row[feature[i]] <= threshold[i]` and to
/// `right[i]` otherwise; a leaf has `feature[i] == -1` and predicts `value[i]`, the weighted
/// mean label of its training samples. Grown by ``TreeBuilder``.
public struct RegressionTree: Hashable, Sendable, Codable {
    /// Split feature per node, `-1` for leaves.
    public internal(set) var feature: [Int32] = []
    /// Split threshold per node (unused for leaves).
    public internal(set) var threshold: [Double] = []
    /// Left child per node (`-1` for leaves).
    public internal(set) var left: [Int32] = []
    /// Right child per node (`-1` for leaves).
    public internal(set) var right: [Int32] = []
    /// Weighted mean training label per node.
    public internal(set) var value: [Double] = []

    /// Number of nodes.
    public var nodeCount: Int { feature.count }

    /// Number of leaves.
    public var leafCount: Int { feature.lazy.filter { $0 < 0 }.count }

    /// The prediction for the row starting at `values[offset]`.
    func predict(_ values: UnsafeBufferPointer<Double>, offset: Int) -> Double {
        var node = 0
        while feature[node] >= 0 {
            node = Int(values[offset + Int(feature[node])] <= threshold[node] ? left[node] : right[node])
        }
        return value[node]
    }

    /// Adds this tree's prediction for each row in `rows` of the row-major `values` (rows of
    /// `width` features) to `totals[row - rows.lowerBound]`, or its squared deviation from
    /// `centre[row]` when `centre` is given.
    ///
    /// Rows go down the tree in groups of ``lanes`` at once: each step of a descent waits for
    /// the previous load, so interleaving independent rows keeps the core busy (about 2x faster
    /// than one row at a time). The per-row sums are the same as one row at a time, bit for bit.
    func accumulate(
        _ values: UnsafeBufferPointer<Double>, width: Int, rows: Range<Int>, centre: [Double]?,
        into totals: inout [Double]
    ) {
        let lanes = Self.lanes
        feature.withUnsafeBufferPointer { feature in
            threshold.withUnsafeBufferPointer { threshold in
                left.withUnsafeBufferPointer { left in
                    right.withUnsafeBufferPointer { right in
                        value.withUnsafeBufferPointer { value in
                            totals.withUnsafeMutableBufferPointer { totals in
                                withUnsafeTemporaryAllocation(of: Int.self, capacity: lanes) { nodes in
                                    var block = rows.lowerBound
                                    while block < rows.upperBound {
                                        let count = min(lanes, rows.upperBound - block)
                                        for lane in 0..<count { nodes[lane] = 0 }
                                        var moving = true
                                        while moving {
                                            moving = false
                                            for lane in 0..<count {
                                                let node = nodes[lane]
                                                let split = Int(feature[node])
                                                guard split >= 0 else { continue }
                                                let x = values[(block + lane) * width + split]
                                                nodes[lane] = Int(x <= threshold[node] ? left[node] : right[node])
                                                moving = true
                                            }
                                        }
                                        for lane in 0..<count {
                                            let row = block + lane, prediction = value[nodes[lane]]
                                            if let centre {
                                                let deviation = prediction - centre[row]
                                                totals[row - rows.lowerBound] += deviation * deviation
                                            } else {
                                                totals[row - rows.lowerBound] += prediction
                                            }
                                        }
                                        block += count
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Rows descended together by ``accumulate(_:width:rows:centre:into:)``.
    static let lanes = 8

    /// Predictions for every row of `features` (which must have the training width).
    public func predict(_ features: FeatureMatrix) -> [Double] {
        features.values.withUnsafeBufferPointer { values in
            (0..<features.rowCount).map { predict(values, offset: $0 * features.columnCount) }
        }
    }

    /// Appends a leaf (children and feature set later for internal nodes) and returns its index.
    mutating func appendNode(value: Double) -> Int {
        feature.append(-1)
        threshold.append(0)
        left.append(-1)
        right.append(-1)
        self.value.append(value)
        return feature.count - 1
    }
}
