/// How WeakNAS chooses each iteration's batch.
public enum WeakNASAcquisition: String, CaseIterable, Codable, Sendable {
    /// Drawn uniformly from the predicted top-N (the paper's WeakNAS).
    case uniform
    /// The EI variant: the M unqueried cells of highest expected improvement under an ensemble.
    case ei
}
