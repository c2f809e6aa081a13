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
    /// Convolution results stay in the primitive's layout (``DNNLBlockedData``), and ReLU,
    /// same-shape sums and batch norm work on that layout, forward and backward, so consecutive
    /// convolutions skip the reorders to and from `nchw` (docs/PERFORMANCE.md, "Layouts").
    case blockedLayouts

    /// The operations on oneDNN by default: convolution, with blocked layouts kept between
    /// layers. On plain `nchw` tensors with the engine's threading policy, oneDNN's
    /// pooling and batch norm measured no faster or slower than the engine's own kernels
    /// (batch-statistics batch norm runs as one single-threaded call over the batch;
    /// running-statistics batch norm 2x slower); docs/PERFORMANCE.md. They stay available and tested.
    public static let defaults: Set<OneDNNOp> = [.conv2d, .blockedLayouts]
}
