/// How a cell becomes a predictor's input. A closed set: a new encoding is a new case, and
/// every space's `switch` must handle it.
///
/// Feature counts and layouts are per space; see ``EncodableSpace`` and, for NAS-Bench-201,
/// `NB201Space+Encoding.swift`, `NB201Space+PathEncoding.swift` and
/// `NB201Space+GraphEncoding.swift`.
public enum Encoding: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// One one-hot block of the operations per edge (NB201: 6 edges x 5 ops = 30 features);
    /// NASLib's `adjacency_one_hot`.
    case adjacencyOneHot = "adjacency_one_hot"
    /// One indicator per possible op sequence along an input-to-output path (White et al.,
    /// "BANANAS", AAAI 2021; NASLib's `path`).
    case path = "path"
    /// The cell as an op-on-node DAG for graph networks: adjacency matrix plus node-op one-hot
    /// (Wen et al., "Neural Predictor for NAS", ECCV 2020; NASLib's `gcn`), flattened as in
    /// ``CellGraph/flattened``.
    case graph = "graph"

    /// The raw value, as written in config files.
    public var description: String { rawValue }
}
