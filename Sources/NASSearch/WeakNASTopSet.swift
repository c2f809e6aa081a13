/// The cells ``WeakNAS`` ranks for its predicted top N.
public enum WeakNASTopSet: String, CaseIterable, Codable, Sendable {
    /// Every cell of the space; queried ones are then removed (the authors' code).
    case all
    /// Only the cells that may still be queried.
    case available
}
