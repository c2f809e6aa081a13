/// One recorded operation in the autodiff graph: the tensors it read and the
/// closure mapping its output gradient to one gradient per input.
struct GraphNode {
    /// The inputs of the operation, in the order `backward` answers for.
    let parents: [Tensor]
    /// Maps the output gradient to per-parent gradients (`nil` = none).
    let backward: ([Float]) -> [[Float]?]
}
