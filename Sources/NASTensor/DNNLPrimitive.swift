import CDNNL

/// A oneDNN primitive with its primitive descriptor (both destroyed with this object).
///
/// Primitives are created with a user-managed scratchpad (``scratchpadSize``; ``DNNLStep``
/// allocates it per execution), so one primitive can run on several threads at once: with
/// oneDNN's default library-managed scratchpad, concurrent runs measured corrupt results.
final class DNNLPrimitive: @unchecked Sendable {
    /// `dnnl_primitive_desc_t`.
    let descriptor: OpaquePointer
    /// `dnnl_primitive_t`.
    let primitive: OpaquePointer

    /// Creates the primitive for an operation descriptor (`dnnl_*_desc_t`), optionally with the
    /// forward primitive a backward one needs as a hint.
    convenience init(operation: UnsafeRawPointer, hint: DNNLPrimitive? = nil, engine: OpaquePointer,
         op: String, shapes: @autoclosure () -> String) throws {
        var pd: OpaquePointer?
        let attr = try DNNLPrimitive.userScratchpadAttributes(op: op, shapes: shapes())
        defer { dnnl_primitive_attr_destroy(attr) }
        try DNNL.check(dnnl_primitive_desc_create(&pd, operation, attr, engine, hint?.descriptor),
                       "dnnl_primitive_desc_create", op: op, shapes: shapes())
        try self.init(descriptor: pd, op: op, shapes: shapes())
    }

    /// Creates a reorder from layout `source` to layout `destination`.
    convenience init(reorderFrom source: dnnl_memory_desc_t, to destination: dnnl_memory_desc_t, engine: OpaquePointer,
         op: String, shapes: @autoclosure () -> String) throws {
        var pd: OpaquePointer?
        var s = source, d = destination
        let attr = try DNNLPrimitive.userScratchpadAttributes(op: op, shapes: shapes())
        defer { dnnl_primitive_attr_destroy(attr) }
        try DNNL.check(dnnl_reorder_primitive_desc_create(&pd, &s, engine, &d, engine, attr),
                       "dnnl_reorder_primitive_desc_create", op: op + " reorder", shapes: shapes())
        try self.init(descriptor: pd, op: op + " reorder", shapes: shapes())
    }

    private init(descriptor pd: OpaquePointer?, op: String, shapes: @autoclosure () -> String) throws {
        guard let pd else {
            throw EngineError(op: op, shapes: shapes(), call: "dnnl_primitive_desc_create",
                              status: Int32(dnnl_runtime_error.rawValue))
        }
        var p: OpaquePointer?
        let status = dnnl_primitive_create(&p, pd)
        guard status == dnnl_success, let p else {
            dnnl_primitive_desc_destroy(pd)
            throw EngineError(op: op, shapes: shapes(), call: "dnnl_primitive_create",
                              status: Int32(bitPattern: status.rawValue))
        }
        descriptor = pd
        primitive = p
    }

    /// Primitive attributes asking for a user-managed scratchpad (the caller destroys them).
    private static func userScratchpadAttributes(op: String, shapes: @autoclosure () -> String) throws -> OpaquePointer {
        var attr: OpaquePointer?
        try DNNL.check(dnnl_primitive_attr_create(&attr), "dnnl_primitive_attr_create", op: op, shapes: shapes())
        guard let attr else {
            throw EngineError(op: op, shapes: shapes(), call: "dnnl_primitive_attr_create", status: Int32(dnnl_runtime_error.rawValue))
        }
        let status = dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user)
        guard status == dnnl_success else {
            dnnl_primitive_attr_destroy(attr)
            throw EngineError(op: op, shapes: shapes(), call: "dnnl_primitive_attr_set_scratchpad_mode",
                              status: Int32(bitPattern: status.rawValue))
        }
        return attr
    }

    /// The scratchpad layout the primitive needs per execution (size 0 if none).
    var scratchpad: dnnl_memory_desc_t {
        dnnl_primitive_desc_query_md(descriptor, dnnl_query_scratchpad_md, 0)?.pointee ?? dnnl_memory_desc_t()
    }

    deinit {
        dnnl_primitive_destroy(primitive)
        dnnl_primitive_desc_destroy(descriptor)
    }

    /// The memory layout the primitive chose for execution argument `arg` (`DNNL_ARG_*`),
    /// or a zero descriptor if it takes no such argument.
    func layout(of arg: Int32) -> dnnl_memory_desc_t {
        dnnl_primitive_desc_query_md(descriptor, dnnl_query_exec_arg_md, arg)?.pointee ?? dnnl_memory_desc_t()
    }

    /// oneDNN's name of the implementation it picked, e.g. `"brgconv:avx512_core"`.
    var implementation: String {
        var name: UnsafePointer<CChar>?
        guard dnnl_primitive_desc_query(descriptor, dnnl_query_impl_info_str, 0, &name) == dnnl_success,
              let name else { return "?" }
        return String(cString: name)
    }
}

/// A plain (row-major) memory layout of `dims`: `nchw`, `oihw`, `goihw`, `x` by rank.
func dnnlPlainLayout(_ dims: [Int]) -> dnnl_memory_desc_t {
    var md = dnnl_memory_desc_t()
    let tags: [Int: dnnl_format_tag_t] = [1: dnnl_a, 2: dnnl_ab, 3: dnnl_abc, 4: dnnl_abcd, 5: dnnl_abcde]
    _ = dnnl_memory_desc_init_by_tag(&md, Int32(dims.count), dims.map(Int64.init), dnnl_f32, tags[dims.count] ?? dnnl_a)
    return md
}

/// A layout of `dims` left to the primitive (`dnnl_format_tag_any`).
func dnnlAnyLayout(_ dims: [Int]) -> dnnl_memory_desc_t {
    var md = dnnl_memory_desc_t()
    _ = dnnl_memory_desc_init_by_tag(&md, Int32(dims.count), dims.map(Int64.init), dnnl_f32, dnnl_format_tag_any)
    return md
}
