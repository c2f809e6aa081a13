import CDNNL

/// One max or average pooling configuration at one batch size, and its oneDNN steps.
///
/// Source and destination stay in the caller's layout, plain `nchw` or a blocked one (oneDNN pools
/// either directly, no reorders); max
/// pooling's training forward also writes a workspace (the argmax of each window) that the
/// backward step reads.
struct DNNLPool: Hashable, CustomStringConvertible {
    let n: Int, c: Int, h: Int, w: Int
    let kernel: Int, stride: Int, padding: Int
    let outH: Int, outW: Int
    let isMax: Bool
    /// Average pooling that divides by the window's cells inside the image (NB201's `avg_pool_3x3`).
    var excludePadding = false
    /// Source and destination in this blocked layout (``DNNLBlockedData/layouts``) instead of `nchw`.
    var layoutTag: dnnl_format_tag_t.RawValue? = nil

    var description: String {
        "\(isMax ? "max" : excludePadding ? "avg excluding padding" : "avg") x [\(n), \(c), \(h), \(w)], kernel \(kernel), "
            + "stride \(stride), padding \(padding)\(layoutTag.map { ", layout \($0)" } ?? "")"
    }

    private var op: String { isMax ? "maxPool2d" : "avgPool2d" }
    private var algorithm: dnnl_alg_kind_t {
        isMax ? dnnl_pooling_max : excludePadding ? dnnl_pooling_avg_exclude_padding : dnnl_pooling_avg_include_padding
    }
    private func layout(_ dims: [Int]) -> dnnl_memory_desc_t {
        layoutTag.map { DNNLBlockedData.layout(tag: dnnl_format_tag_t(rawValue: $0), dims: dims) } ?? dnnlPlainLayout(dims)
    }
    private var srcLayout: dnnl_memory_desc_t { layout([n, c, h, w]) }
    private var dstLayout: dnnl_memory_desc_t { layout([n, c, outH, outW]) }
    private var strides: [Int64] { [Int64(stride), Int64(stride)] }
    private var kernels: [Int64] { [Int64(kernel), Int64(kernel)] }
    private var padL: [Int64] { [Int64(padding), Int64(padding)] }
    /// Right/bottom padding that makes oneDNN's output size equal ours.
    private var padR: [Int64] {
        [Int64((outH - 1) * stride + kernel - h - padding), Int64((outW - 1) * stride + kernel - w - padding)]
    }

    /// The forward step; with `training` and max pooling it has a workspace output (second).
    func forward(training: Bool, in dnnl: DNNL) throws -> DNNLStep {
        try dnnl.cached("pool fwd \(training) \(self)") {
            var src = srcLayout, dst = dstLayout
            var desc = dnnl_pooling_v2_desc_t()
            try DNNL.check(dnnl_pooling_v2_forward_desc_init(
                &desc, training ? dnnl_forward_training : dnnl_forward_inference, algorithm, &src, &dst,
                strides, kernels, [0, 0], padL, padR), "dnnl_pooling_v2_forward_desc_init", op: op + " forward", shapes: description)
            let p = try DNNLPrimitive(operation: &desc, engine: dnnl.engine, op: op + " forward", shapes: description)
            var outputs: [(Int32, dnnl_memory_desc_t?)] = [(DNNL_ARG_DST, dstLayout)]
            if training && isMax { outputs.append((DNNL_ARG_WORKSPACE, nil)) }
            return try DNNLStep(p, inputs: [(DNNL_ARG_SRC, srcLayout)], outputs: outputs,
                                engine: dnnl.engine, op: op + " forward", shapes: description)
        }
    }

    /// Bytes of the workspace the training forward writes (0 for average pooling).
    func workspaceBytes(in dnnl: DNNL) throws -> Int {
        guard isMax else { return 0 }
        var md = try forward(training: true, in: dnnl).primitive.layout(of: DNNL_ARG_WORKSPACE)
        return dnnl_memory_desc_get_size(&md)
    }

    /// The backward step: inputs diff_dst (and the workspace for max pooling); output diff_src.
    func backward(in dnnl: DNNL) throws -> DNNLStep {
        try dnnl.cached("pool bwd \(self)") {
            let hint = try forward(training: true, in: dnnl)
            var src = srcLayout, dst = dstLayout
            var desc = dnnl_pooling_v2_desc_t()
            try DNNL.check(dnnl_pooling_v2_backward_desc_init(&desc, algorithm, &src, &dst, strides, kernels, [0, 0], padL, padR),
                           "dnnl_pooling_v2_backward_desc_init", op: op + " backward", shapes: description)
            let p = try DNNLPrimitive(operation: &desc, hint: hint.primitive, engine: dnnl.engine,
                                      op: op + " backward", shapes: description)
            var inputs: [(Int32, dnnl_memory_desc_t?)] = [(DNNL_ARG_DIFF_DST, dstLayout)]
            if isMax { inputs.append((DNNL_ARG_WORKSPACE, nil)) }
            return try DNNLStep(p, inputs: inputs, outputs: [(DNNL_ARG_DIFF_SRC, srcLayout)],
                                engine: dnnl.engine, op: op + " backward", shapes: description)
        }
    }
}
