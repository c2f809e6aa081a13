import CDNNL

/// A primitive bound to the caller's plain layouts: for each argument, the layout of the
/// caller's buffer and, where the primitive chose another (e.g. blocked `nChw16c`), the reorder
/// run before (inputs) or after (outputs) the primitive into a temporary buffer.
final class DNNLStep: @unchecked Sendable {
    /// One execution argument.
    struct Argument {
        let arg: Int32
        let user: dnnl_memory_desc_t
        let inner: dnnl_memory_desc_t
        let reorder: DNNLPrimitive?
        let isOutput: Bool
    }

    let primitive: DNNLPrimitive
    let arguments: [Argument]
    let op: String, shapes: String

    /// Binds `primitive`; `inputs` / `outputs` give each argument and the layout of the caller's
    /// buffer (`nil`: the primitive's own layout, e.g. a pooling workspace).
    init(_ primitive: DNNLPrimitive, inputs: [(Int32, dnnl_memory_desc_t?)], outputs: [(Int32, dnnl_memory_desc_t?)],
         engine: OpaquePointer, op: String, shapes: String) throws {
        self.primitive = primitive
        self.op = op; self.shapes = shapes
        var args: [Argument] = []
        for (list, isOutput) in [(inputs, false), (outputs, true)] {
            for (arg, userLayout) in list {
                var inner = primitive.layout(of: arg)
                var user = userLayout ?? inner
                var reorder: DNNLPrimitive? = nil
                if dnnl_memory_desc_equal(&user, &inner) == 0 {
                    reorder = isOutput
                        ? try DNNLPrimitive(reorderFrom: inner, to: user, engine: engine, op: op, shapes: shapes)
                        : try DNNLPrimitive(reorderFrom: user, to: inner, engine: engine, op: op, shapes: shapes)
                }
                args.append(Argument(arg: arg, user: user, inner: inner, reorder: reorder, isOutput: isOutput))
            }
        }
        arguments = args
    }

    /// Whether any argument is reordered.
    var reorders: Bool { arguments.contains { $0.reorder != nil } }

    /// Whether input or output `arg` is reordered between the caller's layout and the primitive's.
    func reorders(_ arg: Int32) -> Bool {
        arguments.contains { $0.arg == arg && $0.reorder != nil }
    }

    /// Whether `arg` has the same primitive layout here and in `other`.
    func sharesLayout(of arg: Int32, with other: DNNLStep) -> Bool {
        guard var a = arguments.first(where: { $0.arg == arg })?.inner,
              var b = other.arguments.first(where: { $0.arg == arg })?.inner else { return false }
        return dnnl_memory_desc_equal(&a, &b) != 0
    }

    /// The primitive's own layout of `arg`, `nil` if it takes no such argument.
    func innerLayout(of arg: Int32) -> dnnl_memory_desc_t? {
        arguments.first(where: { $0.arg == arg })?.inner
    }

    /// Bytes of `arg` in the primitive's layout.
    func innerBytes(of arg: Int32) -> Int {
        guard var md = arguments.first(where: { $0.arg == arg })?.inner else { return 0 }
        return dnnl_memory_desc_get_size(&md)
    }

    /// Reorders input `arg` from the caller's layout at `source` into the primitive's layout at
    /// `destination` (``innerBytes(of:)`` bytes), so that several steps can share one reorder
    /// (pass `arg` in `preformatted` to ``run(_:preformatted:engine:context:)``).
    func formatInput(_ arg: Int32, from source: UnsafeMutableRawPointer, into destination: UnsafeMutableRawPointer,
                     engine: OpaquePointer, context: DNNLThreadContext) throws {
        guard let a = arguments.first(where: { $0.arg == arg && !$0.isOutput }), let reorder = a.reorder else { return }
        try DNNLStep(reorder, layouts: (a.user, a.inner), engine: engine, op: op, shapes: shapes)
            .run([source, destination], engine: engine, context: context, counts: false)
    }

    /// A bare reorder as a step (no further reorders around it).
    private init(_ reorder: DNNLPrimitive, layouts: (dnnl_memory_desc_t, dnnl_memory_desc_t), engine: OpaquePointer,
                 op: String, shapes: String) throws {
        primitive = reorder
        self.op = op; self.shapes = shapes
        arguments = [Argument(arg: DNNL_ARG_FROM, user: layouts.0, inner: layouts.0, reorder: nil, isOutput: false),
                     Argument(arg: DNNL_ARG_TO, user: layouts.1, inner: layouts.1, reorder: nil, isOutput: true)]
    }

    /// Runs the primitive on the caller's buffers, one per argument in the order of
    /// `inputs` then `outputs` given at creation; buffers of the args in `preformatted` are
    /// already in the primitive's layout (``formatInput(_:from:into:engine:context:)``).
    func run(_ buffers: [UnsafeMutableRawPointer], preformatted: Set<Int32> = [], engine: OpaquePointer,
             context: DNNLThreadContext, counts: Bool = true) throws {
        precondition(buffers.count == arguments.count, "internal: \(op) takes \(arguments.count) buffers")
        let stream = context.stream
        var memories: [OpaquePointer] = []
        context.resetArena()
        defer {
            for m in memories { dnnl_memory_destroy(m) }
        }
        func memory(_ layout: dnnl_memory_desc_t, _ handle: UnsafeMutableRawPointer) throws -> OpaquePointer {
            var md = layout, m: OpaquePointer?
            try DNNL.check(dnnl_memory_create(&m, &md, engine, handle), "dnnl_memory_create", op: op, shapes: shapes)
            guard let m else {
                throw EngineError(op: op, shapes: shapes, call: "dnnl_memory_create", status: Int32(dnnl_runtime_error.rawValue))
            }
            memories.append(m)
            return m
        }
        func temporary(_ layout: dnnl_memory_desc_t) throws -> OpaquePointer {
            var md = layout
            return try memory(layout, context.temporary(bytes: dnnl_memory_desc_get_size(&md)))
        }
        func execute(_ p: DNNLPrimitive, _ args: [dnnl_exec_arg_t]) throws {
            var args = args
            var pad = p.scratchpad
            if dnnl_memory_desc_get_size(&pad) > 0 {
                args.append(dnnl_exec_arg_t(arg: DNNL_ARG_SCRATCHPAD, memory: try temporary(pad)))
            }
            try DNNL.check(dnnl_primitive_execute(p.primitive, stream, Int32(args.count), args),
                           "dnnl_primitive_execute", op: op, shapes: shapes)
        }
        var execArgs: [dnnl_exec_arg_t] = []
        var after: [(DNNLPrimitive, OpaquePointer, OpaquePointer)] = []
        for (a, buffer) in zip(arguments, buffers) {
            if preformatted.contains(a.arg) {
                execArgs.append(dnnl_exec_arg_t(arg: a.arg, memory: try memory(a.inner, buffer)))
                continue
            }
            let userMemory = try memory(a.user, buffer)
            guard let reorder = a.reorder else {
                execArgs.append(dnnl_exec_arg_t(arg: a.arg, memory: userMemory))
                continue
            }
            let innerMemory = try temporary(a.inner)
            execArgs.append(dnnl_exec_arg_t(arg: a.arg, memory: innerMemory))
            if a.isOutput {
                after.append((reorder, innerMemory, userMemory))
            } else {
                try execute(reorder, [dnnl_exec_arg_t(arg: DNNL_ARG_FROM, memory: userMemory),
                                      dnnl_exec_arg_t(arg: DNNL_ARG_TO, memory: innerMemory)])
            }
        }
        try execute(primitive, execArgs)
        if counts { TensorBackend.countExecution() }
        for (reorder, from, to) in after {
            try execute(reorder, [dnnl_exec_arg_t(arg: DNNL_ARG_FROM, memory: from),
                                  dnnl_exec_arg_t(arg: DNNL_ARG_TO, memory: to)])
        }
        try DNNL.check(dnnl_stream_wait(stream), "dnnl_stream_wait", op: op, shapes: shapes)
    }
}
