import NASSpaces

/// A search space whose cells can be turned into predictor features, for every ``Encoding``.
public protocol EncodableSpace: SearchSpace {
    /// The length of `encode(_:as:)` for this encoding (the same for every cell).
    func featureCount(_ encoding: Encoding) -> Int

    /// The cell's feature vector in the given encoding (`featureCount(encoding)` values).
    func encode(_ cell: Cell, as encoding: Encoding) -> [Double]

    /// The cell as an op-on-node DAG (the structured form of ``Encoding/graph``).
    func graph(of cell: Cell) -> CellGraph
}

extension EncodableSpace {
    /// The feature matrix of `cells`, one row per cell in order.
    public func features(of cells: [Cell], as encoding: Encoding) -> FeatureMatrix {
        let width = featureCount(encoding)
        var values: [Double] = []
        values.reserveCapacity(cells.count * width)
        for cell in cells {
            values += encode(cell, as: encoding)
        }
        return FeatureMatrix(unchecked: cells.count, width, values)
    }
}
