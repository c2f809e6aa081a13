import NASSpaces

/// NAS-Bench-201 encodings. Edges are in official order (``NB201Edge``: (1<-0), (2<-0),
/// (2<-1), (3<-0), (3<-1), (3<-2)) and ops by official index (`none`=0, `skip_connect`=1,
/// `nor_conv_1x1`=2, `nor_conv_3x3`=3, `avg_pool_3x3`=4).
///
/// | encoding | features | layout |
/// |---|---|---|
/// | ``Encoding/adjacencyOneHot`` | 30 | feature `5 * edge + op` is 1 when `edge` carries `op` |
/// | ``Encoding/path`` | 155 | see ``NB201Space/pathFeatureIndices(_:)`` |
/// | ``Encoding/graph`` | 120 | 8 x 8 adjacency + 8 x 7 one-hot, see ``NB201Space/graph(of:)`` |
extension NB201Space: EncodableSpace {
    /// Width of the adjacency one-hot encoding: 6 edges x 5 ops.
    public static let adjacencyOneHotWidth = NB201Cell.edgeCount * NB201Op.count

    public func featureCount(_ encoding: Encoding) -> Int {
        switch encoding {
        case .adjacencyOneHot: Self.adjacencyOneHotWidth
        case .path: Self.pathFeatureCount
        case .graph: Self.graphNodeCount * (Self.graphNodeCount + Self.graphOpClassCount)
        }
    }

    public func encode(_ cell: NB201Cell, as encoding: Encoding) -> [Double] {
        switch encoding {
        case .adjacencyOneHot:
            var features = [Double](repeating: 0, count: Self.adjacencyOneHotWidth)
            for edge in 0..<NB201Cell.edgeCount {
                features[edge * NB201Op.count + cell[edge].index] = 1
            }
            return features
        case .path:
            var features = [Double](repeating: 0, count: Self.pathFeatureCount)
            for index in pathFeatureIndices(cell) {
                features[index] = 1
            }
            return features
        case .graph:
            return graph(of: cell).flattened
        }
    }
}
