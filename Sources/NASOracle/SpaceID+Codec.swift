import NASSpaces

extension SpaceID {
    /// How this space's cells are written into a table.
    public var codec: CellCodec {
        switch self {
        case .nb201: .nb201
        case .nb101: .nb101
        case .nbgraph: .nbgraph
        }
    }
}
