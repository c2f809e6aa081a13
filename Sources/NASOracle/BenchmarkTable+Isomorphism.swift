import NASSpaces

/// Which cells count as the same architecture when listing or sampling distinct ones.
public enum IsomorphismRule: String, CaseIterable, Codable, Sendable {
    /// Every cell is its own class.
    case none
    /// The benchmark's own rule (NB201: its unique-string rule, 6,466 classes on the full space;
    /// NB101: the module hash; NAS-Bench-Graph: the package's `valid_hash`).
    case benchmark
    /// Cells that compute the same function share a class.
    case functional
}

extension BenchmarkTable {
    /// One key per row under `rule`; rows with equal keys are isomorphic.
    public func isomorphismKeys(_ rule: IsomorphismRule) throws -> [String] {
        switch (rule, space) {
        case (.none, _):
            return Array(archs)
        case (.benchmark, .nb101):
            // The official module hash; the stored strings are canonical, so these are distinct.
            let nb101 = NB101Space()
            return try (0..<rowCount).map { nb101.isomorphismKey(try nb101.parse(archs[$0])) }
        case (.benchmark, .nbgraph):
            // The package's valid_hash; the stored strings are canonical, so these are distinct.
            let nbgraph = NBGraphSpace()
            return try (0..<rowCount).map { nbgraph.isomorphismKey(try nbgraph.parse(archs[$0])) }
        case (.benchmark, .nb201), (.functional, .nb201):
            let nb201 = NB201Space()
            return try (0..<rowCount).map { row in
                let cell = try nb201.parse(archs[row])
                return rule == .benchmark ? nb201.isomorphismKey(cell) : nb201.functionalKey(cell)
            }
        case (.functional, .nb101), (.functional, .nbgraph):
            throw OracleError.badInput("isomorphism rule '\(rule.rawValue)' is not available for space \(space.rawValue)")
        }
    }
}
