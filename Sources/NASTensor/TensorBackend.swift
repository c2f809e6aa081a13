import Foundation

/// Which kernels the tensor engine uses for convolution, pooling and batch normalisation.
///
/// `.onednn` (the default) runs the operations in ``oneDNNOps`` on oneDNN primitives; `.reference` runs the engine's own
/// im2col + `sgemm` and loop implementations, which stay as the reference the oneDNN path is
/// tested against. The environment variable `NASBENCH_TENSOR_BACKEND=reference` selects the
/// reference at start-up. If a oneDNN call fails, the operation falls back to the reference
/// and the error is kept in ``lastFallback``.
public enum TensorBackend: String, Sendable, CaseIterable {
    case onednn, reference

    private static let state = BackendState()

    /// The backend used by ``Tensor`` operations (process-wide).
    public static var current: TensorBackend {
        get { state.get().0 }
        set { state.set(backend: newValue) }
    }

    /// The operations that run on oneDNN when ``current`` is `.onednn` (default
    /// ``OneDNNOp/defaults``); the others run on the reference.
    public static var oneDNNOps: Set<OneDNNOp> {
        get { state.ops() }
        set { state.set(ops: newValue) }
    }

    /// Convolutions with fewer input channels per group whose input needs a gradient run on the
    /// reference even when ``oneDNNOps`` contains `.conv2d`: for 1 and 3 input channels oneDNN's
    /// backward-data measured 2-3x slower than the reference. A first layer (images without a
    /// gradient) runs on oneDNN at any channel count, so its output stays blocked for the next
    /// layers (the Fashion-MNIST CNN step: 9.1 against 12.3 ms). Default 8.
    public static var oneDNNConvMinimumChannels: Int {
        get { state.minimumChannels() }
        set { state.set(minimumChannels: newValue) }
    }

    /// Runs `body` with every ``OneDNNOp`` on oneDNN and no channel minimum (tests use this to
    /// check every oneDNN kernel against the reference), restoring the settings after.
    public static func withAllOneDNNOps<R>(_ body: () throws -> R) rethrows -> R {
        let saved = (oneDNNOps, oneDNNConvMinimumChannels)
        oneDNNOps = Set(OneDNNOp.allCases)
        oneDNNConvMinimumChannels = 1
        defer { oneDNNOps = saved.0; oneDNNConvMinimumChannels = saved.1 }
        return try body()
    }

    /// How many oneDNN primitives have run in this process (tests check that an op really
    /// went through oneDNN).
    public static var oneDNNExecutions: Int { state.executions() }

    /// Counts one oneDNN primitive run.
    static func countExecution() { state.countExecution() }

    /// Whether `op` runs on oneDNN now.
    static func usesOneDNN(_ op: OneDNNOp) -> Bool {
        current == .onednn && oneDNNOps.contains(op)
    }

    /// Runs `body` with ``oneDNNOps`` set to `ops`, restoring the previous value after.
    public static func with<R>(oneDNNOps ops: Set<OneDNNOp>, _ body: () throws -> R) rethrows -> R {
        let saved = oneDNNOps
        oneDNNOps = ops
        defer { oneDNNOps = saved }
        return try body()
    }

    /// The last oneDNN error that made an operation fall back to the reference, if any.
    public static var lastFallback: EngineError? { state.get().1 }

    /// Forgets ``lastFallback`` (tests check that an op ran on oneDNN by clearing it first).
    public static func clearFallback() { state.clearFallback() }

    /// Records `error` as the reason an operation fell back to the reference.
    static func recordFallback(_ error: any Error) {
        state.set(fallback: error as? EngineError
                  ?? EngineError(op: "tensor op", shapes: "\(error)", call: "(not oneDNN)", status: -1))
    }

    /// Runs `body` with ``current`` set to `backend`, restoring the previous value after.
    public static func with<R>(_ backend: TensorBackend, _ body: () throws -> R) rethrows -> R {
        let saved = current
        current = backend
        defer { current = saved }
        return try body()
    }
}

/// Lock-protected storage of ``TensorBackend``'s process-wide state.
private final class BackendState: @unchecked Sendable {
    private let lock = NSLock()
    private var backend: TensorBackend =
        ProcessInfo.processInfo.environment["NASBENCH_TENSOR_BACKEND"].flatMap(TensorBackend.init(rawValue:)) ?? .onednn
    private var fallback: EngineError?
    private var enabled = OneDNNOp.defaults
    private var minChannels = 8
    private var executed = 0

    func executions() -> Int {
        lock.lock(); defer { lock.unlock() }
        return executed
    }

    func countExecution() {
        lock.lock(); defer { lock.unlock() }
        executed += 1
    }

    func minimumChannels() -> Int {
        lock.lock(); defer { lock.unlock() }
        return minChannels
    }

    func set(minimumChannels: Int) {
        lock.lock(); defer { lock.unlock() }
        minChannels = minimumChannels
    }

    func ops() -> Set<OneDNNOp> {
        lock.lock(); defer { lock.unlock() }
        return enabled
    }

    func set(ops: Set<OneDNNOp>) {
        lock.lock(); defer { lock.unlock() }
        enabled = ops
    }

    func get() -> (TensorBackend, EngineError?) {
        lock.lock(); defer { lock.unlock() }
        return (backend, fallback)
    }

    func set(backend newValue: TensorBackend) {
        lock.lock(); defer { lock.unlock() }
        backend = newValue
    }

    func clearFallback() {
        lock.lock(); defer { lock.unlock() }
        fallback = nil
    }

    func set(fallback error: EngineError) {
        lock.lock(); defer { lock.unlock() }
        fallback = error
    }
}
