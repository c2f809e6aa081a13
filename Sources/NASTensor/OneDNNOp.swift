/// The operations the tensor engine can run on oneDNN; ``TensorBackend/oneDNNOps`` says which
/// of them do when the backend is ``TensorBackend/onednn``.
public enum OneDNNOp: String, Sendable, CaseIterable {
    /// `conv2d`, forward and backward.
    case conv2d
    /// `maxPool2d` and `avgPool2d`, forward and backward.
    case pool2d
    /// `batchNorm` with running statistics (inference), forward and backward.
    case batchNormInference
    /// `batchNorm` with batch statistics (training), forward and backward.
    case batchNormTraining

    /// The operations on oneDNN by default: all but batch-statistics batch norm, which oneDNN
    /// computes over the whole batch in one single-threaded call (the threading policy) and
    /// measured 2-3x slower than the engine's kernel parallel over channels (docs/PERFORMANCE.md).
    public static let defaults: Set<OneDNNOp> = [.conv2d, .pool2d, .batchNormInference]
}
