import CDNNL
import Foundation

/// The process's oneDNN CPU engine and primitive cache (streams: ``DNNLThreadContext``).
///
/// Threading policy (docs/PERFORMANCE.md, "oneDNN"): oneDNN runs single-threaded inside each
/// of the engine's ``Parallel`` workers, which split a batch into contiguous chunks as the
/// reference implementation does. Every thread that creates or runs a primitive first sets its
/// OpenMP thread count to 1 (``withSingleThreadedOpenMP(_:)``), so oneDNN never starts OpenMP
/// threads of its own: two OpenMP threads spinning at a barrier on a 2-core machine that also
/// runs other jobs measured up to 100x slower than one thread per worker.
final class DNNL: @unchecked Sendable {
    /// The shared context, or the error that prevented creating it.
    static let shared: Result<DNNL, EngineError> = {
        do { return .success(try DNNL()) } catch let e as EngineError { return .failure(e) } catch {
            return .failure(EngineError(op: "engine", shapes: "cpu 0", call: "\(error)", status: -1))
        }
    }()

    /// The CPU engine.
    let engine: OpaquePointer
    private let lock = NSRecursiveLock()  // a backward plan fetches its forward hint while building
    private var cache: [String: AnyObject] = [:]

    private init() throws {
        var e: OpaquePointer?
        try DNNL.check(dnnl_engine_create(&e, dnnl_cpu, 0), "dnnl_engine_create", op: "engine", shapes: "cpu 0")
        guard let e else {
            throw EngineError(op: "engine", shapes: "cpu 0", call: "dnnl_engine_create", status: Int32(dnnl_runtime_error.rawValue))
        }
        engine = e
    }

    deinit {
        dnnl_engine_destroy(engine)
    }

    /// Throws an ``EngineError`` unless `status` is `dnnl_success`.
    static func check(_ status: dnnl_status_t, _ call: String, op: String, shapes: @autoclosure () -> String) throws {
        guard status != dnnl_success else { return }
        throw EngineError(op: op, shapes: shapes(), call: call, status: Int32(bitPattern: status.rawValue))
    }

    /// The cached object for `key`, made by `make` on first use (thread-safe; `make` runs
    /// under the cache lock, so two threads never build the same primitive twice).
    func cached<T: AnyObject>(_ key: String, _ make: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if let hit = cache[key] as? T { return hit }
        let made = try DNNL.withSingleThreadedOpenMP(make)
        cache[key] = made
        return made
    }

    /// Number of cached primitives and plans.
    var cacheCount: Int {
        lock.lock(); defer { lock.unlock() }
        return cache.count
    }

    /// Runs `body` with the calling thread's OpenMP thread count set to 1 (the policy above).
    @inline(__always)
    static func withSingleThreadedOpenMP<R>(_ body: () throws -> R) rethrows -> R {
        if omp_get_max_threads() != 1 { omp_set_num_threads(1) }
        return try body()
    }
}

extension DNNL {
    /// ``Parallel/forEachChunk(count:chunks:_:)`` for oneDNN work: each chunk runs with
    /// single-threaded OpenMP and its thread's context; the first error of any chunk is rethrown.
    func forEachChunk(count: Int, op: String, _ body: (Range<Int>, DNNLThreadContext) throws -> Void) throws {
        let chunks = Parallel.chunkCount(count: count)
        var errors = [EngineError?](repeating: nil, count: chunks)
        var other = [Bool](repeating: false, count: chunks)
        errors.withUnsafeMutableBufferPointer { errs in
            other.withUnsafeMutableBufferPointer { oth in
                Parallel.forEachChunk(count: count) { range, worker in
                    do {
                        let context = try DNNLThreadContext.current(engine: self.engine, op: op)
                        try DNNL.withSingleThreadedOpenMP { try body(range, context) }
                    } catch let e as EngineError {
                        errs[worker] = e
                    } catch {
                        oth[worker] = true
                    }
                }
            }
        }
        if let first = errors.compactMap({ $0 }).first { throw first }
        if other.contains(true) {
            throw EngineError(op: op, shapes: "batch \(count)", call: "(non-oneDNN error)", status: Int32(dnnl_runtime_error.rawValue))
        }
    }
}

extension Array where Element == Float {
    /// An array of `count` floats left uninitialised, for a buffer a oneDNN primitive overwrites
    /// completely (its output or diff_src): saves zeroing a large buffer that is written anyway.
    static func uninitializedForDNNL(_ count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
