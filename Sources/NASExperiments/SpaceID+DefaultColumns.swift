import NASSpaces

extension SpaceID {
    /// The columns `nasbench search` searches on and reports by default (NB101's sample has no
    /// test split, so it reports on the validation column it searches).
    public var defaultSearchColumns: (search: String, test: String) {
        switch self {
        case .nb201: ("cifar10-valid.valid.accuracy.e200", "cifar10.test.accuracy.e200")
        case .nb101: ("cifar10.valid.accuracy.e108", "cifar10.valid.accuracy.e108")
        case .nbgraph: ("cora.valid.accuracy.e400", "cora.test.accuracy.e400")
        }
    }
}
