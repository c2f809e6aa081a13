import CDNNL
import Foundation

/// Per-thread oneDNN state: a stream and a grow-only arena of temporary buffers (reordered
/// operands, scratchpads), reused across calls so that large temporaries are not mapped and
/// page-faulted afresh on every op.
///
/// Kept in the thread's dictionary, so two threads never share one (oneDNN streams are not
/// meant for concurrent use), whoever started the threads.
final class DNNLThreadContext {
    /// The thread's stream.
    let stream: OpaquePointer
    private var buffers: [(pointer: UnsafeMutableRawPointer, bytes: Int)] = []
    private var used = 0
    private var kept: (pointer: UnsafeMutableRawPointer, bytes: Int)?

    private static let key = "nasbench.DNNLThreadContext"

    private init(stream: OpaquePointer) { self.stream = stream }

    deinit {
        for b in buffers { b.pointer.deallocate() }
        kept?.pointer.deallocate()
        dnnl_stream_destroy(stream)
    }

    /// The calling thread's context, created on first use.
    static func current(engine: OpaquePointer, op: String) throws -> DNNLThreadContext {
        let dict = Thread.current.threadDictionary
        if let ctx = dict[key] as? DNNLThreadContext { return ctx }
        var s: OpaquePointer?
        try DNNL.check(dnnl_stream_create(&s, engine, dnnl_stream_default_flags.rawValue), "dnnl_stream_create",
                       op: op, shapes: "thread stream")
        guard let s else {
            throw EngineError(op: op, shapes: "thread stream", call: "dnnl_stream_create", status: Int32(dnnl_runtime_error.rawValue))
        }
        let ctx = DNNLThreadContext(stream: s)
        dict[key] = ctx
        return ctx
    }

    /// A 64-byte aligned buffer of at least `bytes` that ``resetArena()`` does not hand out: an
    /// operand reordered once and used by several steps of one op (one such buffer per thread).
    func keptBuffer(bytes: Int) -> UnsafeMutableRawPointer {
        if let kept, kept.bytes >= bytes { return kept.pointer }
        kept?.pointer.deallocate()
        let p = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(bytes, 64), alignment: 64)
        kept = (p, bytes)
        return p
    }

    /// Starts a new call: every arena buffer may be handed out again.
    func resetArena() { used = 0 }

    /// A 64-byte aligned buffer of at least `bytes`, valid until the next ``resetArena()``.
    func temporary(bytes: Int) -> UnsafeMutableRawPointer {
        defer { used += 1 }
        if used < buffers.count {
            if buffers[used].bytes >= bytes { return buffers[used].pointer }
            buffers[used].pointer.deallocate()
            let p = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(bytes, 64), alignment: 64)
            buffers[used] = (p, bytes)
            return p
        }
        let p = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(bytes, 64), alignment: 64)
        buffers.append((p, bytes))
        return p
    }
}
