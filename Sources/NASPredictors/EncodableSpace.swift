import NASSpaces

/// A search space whose cells can be turned into predictor features, in the ``Encoding``s it
/// defines (``supportedEncodings``; every encoding unless the space says otherwise).
public protocol EncodableSpace: SearchSpace {
    /// The encodings this space defines; ``featureCount(_:)`` is 0 and ``encode(_:as:)`` empty for
    /// the others. Entry points check with ``requireSupport(_:)`` before encoding.
    var supportedEncodings: [Encoding] { get }

    /// The length of `encode(_:as:)` for this encoding (the same for every cell).
    func featureCount(_ encoding: Encoding) -> Int

    /// The cell's feature vector in the given encoding (`featureCount(encoding)` values).
    func encode(_ cell: Cell, as encoding: Encoding) -> [Double]

    /// The cell as an op-on-node DAG (the structured form of ``Encoding/graph``).
    func graph(of cell: Cell) -> CellGraph

    /// The node and op-class counts of every ``graph(of:)`` (what a graph predictor is sized by).
    var graphShape: (nodeCount: Int, opClassCount: Int) { get }
}

extension EncodableSpace {
    /// Every encoding.
    public var supportedEncodings: [Encoding] { Encoding.allCases }

    /// Throws unless the space defines `encoding`.
    ///
    /// - Throws: ``PredictorError/unsupportedEncoding(_:space:supported:)`` naming the encodings it does define.
    public func requireSupport(_ encoding: Encoding) throws {
        guard supportedEncodings.contains(encoding) else {
            throw PredictorError.unsupportedEncoding(encoding, space: name, supported: supportedEncodings)
        }
    }

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
