import NASSpaces

/// NAS-Bench-101 encodings of a cell's model: every cell is first replaced by its
/// ``NB101Cell/canonicalForm()`` (pruned, canonically numbered), so all specs of one model share
/// their features; cells are padded to 7 vertices as in ``NB101Cell/paddedToSevenVertices()``.
///
/// | encoding | features | layout |
/// |---|---|---|
/// | ``Encoding/adjacencyOneHot`` | 36 | the 21 upper-triangular entries of the padded 7x7 matrix (0->1, ..., 0->6, 1->2, ..., 5->6), then a 3-op one-hot (conv3x3, conv1x1, maxpool3x3) for vertices 1...5, all zero on padding vertices (``NB101Cell/adjacencyOneHotEncoding()``) |
/// | ``Encoding/path`` | 364 | one count per op sequence of length 0...5 along an input-to-output path (``NB101Cell/pathEncoding()``) |
/// | ``Encoding/graph`` | 91 | 7 x 7 adjacency + 7 x 6 one-hot, see ``NB101Space/graph(of:)`` |
extension NB101Space: EncodableSpace {
    /// Width of the adjacency one-hot encoding: 21 edge slots + 5 vertices x 3 ops.
    public static let adjacencyOneHotWidth = 21 + (NB101Cell.maxVertices - 2) * NB101Op.count

    public func featureCount(_ encoding: Encoding) -> Int {
        switch encoding {
        case .adjacencyOneHot: Self.adjacencyOneHotWidth
        case .path: NB101Cell.pathEncodingLength
        case .graph: NB101Cell.maxVertices * (NB101Cell.maxVertices + Self.graphOpClassCount)
        }
    }

    public func encode(_ cell: NB101Cell, as encoding: Encoding) -> [Double] {
        let model = cell.canonicalForm() ?? cell
        switch encoding {
        case .adjacencyOneHot: return model.adjacencyOneHotEncoding().map(Double.init)
        case .path: return model.pathEncoding().map(Double.init)
        case .graph: return graph(of: model).flattened
        }
    }
}
