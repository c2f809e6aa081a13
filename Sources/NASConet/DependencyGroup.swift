/// Channels that must stay equal: the outputs of the convolutions in `producers` (and so the
/// inputs of every convolution in `consumers`).
public struct DependencyGroup: Sendable, Equatable {
    public let producers: [String]
    public let consumers: [String]
}
