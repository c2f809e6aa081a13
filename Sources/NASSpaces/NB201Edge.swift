/// An edge of the NAS-Bench-201 cell DAG, carrying data from node `source` into node
/// `target` (nodes 0...3; node 0 is the cell input, node 3 the cell output).
///
/// Edges are numbered 0...5 in the official order used by NB201 cell strings:
/// (1<-0), (2<-0), (2<-1), (3<-0), (3<-1), (3<-2).
public struct NB201Edge: Hashable, Sendable, CustomStringConvertible {
    /// Node the edge feeds (1...3).
    public let target: Int
    /// Node the edge reads from (0..<target).
    public let source: Int

    /// Number of intermediate plus output nodes (nodes 1...3).
    public static let computedNodeCount = 3

    /// All six edges in official order; `all[i]` is edge `i`.
    public static let all: [NB201Edge] = [
        NB201Edge(target: 1, source: 0),
        NB201Edge(target: 2, source: 0), NB201Edge(target: 2, source: 1),
        NB201Edge(target: 3, source: 0), NB201Edge(target: 3, source: 1), NB201Edge(target: 3, source: 2),
    ]

    /// Index (0...5) of the first edge feeding `target` (1...3); the edges feeding
    /// `target` are `firstIndex(feeding: target) ..< firstIndex(feeding: target) + target`.
    public static func firstIndex(feeding target: Int) -> Int {
        target * (target - 1) / 2
    }

    /// The official index (0...5) of this edge.
    public var index: Int { Self.firstIndex(feeding: target) + source }

    /// `"target<-source"`, e.g. `"2<-1"`.
    public var description: String { "\(target)<-\(source)" }
}
