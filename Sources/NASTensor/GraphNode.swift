/// One recorded operation in the autodiff graph: the tensors it read and the
/// closure mapping its output gradient to one gradient per input.
struct GraphNode {
    /// The inputs of the operation, in the order `backward` answers for.
    let parents: [Tensor]
    /// Maps the output gradient to per-parent gradients (`nil` = none).
    let backward: (Gradient) -> [Gradient?]

    /// A node whose backward pass works on row-major arrays (every op but the blocked-aware ones):
    /// a blocked output gradient is converted to row-major first.
    init(parents: [Tensor], backward: @escaping ([Float]) -> [[Float]?]) {
        self.parents = parents
        self.backward = { g in backward(g.rowMajor).map { $0.map(Gradient.plain) } }
    }

    /// A node whose backward pass takes and returns gradients in either layout.
    init(parents: [Tensor], layoutAwareBackward: @escaping (Gradient) -> [Gradient?]) {
        self.parents = parents
        self.backward = layoutAwareBackward
    }
}
