import NASTensor

/// Collects the outputs of every ReLU of a network during one forward pass (for NASWOT),
/// when switched on; shared by all the ReLUs of one ``NB201Network``.
public final class ActivationTap {
    /// Whether the ReLUs record their outputs.
    public var isRecording = false
    /// The recorded ReLU outputs, in forward order.
    public private(set) var outputs: [Tensor] = []

    public init() {}

    /// Applies ReLU and records the result when recording.
    func relu(_ x: Tensor) -> Tensor {
        let y = x.relu()
        if isRecording { outputs.append(y) }
        return y
    }

    /// Forgets what was recorded.
    public func clear() { outputs.removeAll() }
}
