import NASSpaces

extension SpaceID {
    /// The space whose cells predictors encode, for tables of this space.
    public var encodableSpace: any EncodableSpace {
        switch self {
        case .nb201: NB201Space()
        case .nb101: NB101Space()
        case .nbgraph: NBGraphSpace()
        }
    }
}
