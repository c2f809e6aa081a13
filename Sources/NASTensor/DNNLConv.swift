import CDNNL

/// One convolution configuration at one batch size (a chunk of the batch), and the oneDNN
/// steps that run it: forward (with bias), backward-data, backward-weights (with bias).
///
/// The caller's buffers are plain `nchw` / `(g)oihw`; the primitives choose their layouts
/// (`dnnl_format_tag_any`), and ``DNNLStep`` reorders where they differ.
struct DNNLConv: Hashable, CustomStringConvertible {
    let n: Int, c: Int, h: Int, w: Int, o: Int, groups: Int
    let kh: Int, kw: Int, stride: Int, padding: Int, dilation: Int
    let outH: Int, outW: Int
    let hasBias: Bool

    var description: String {
        "x [\(n), \(c), \(h), \(w)], w [\(o), \(c / groups), \(kh), \(kw)]\(hasBias ? ", bias [\(o)]" : ""), "
            + "stride \(stride), padding \(padding), dilation \(dilation), groups \(groups)"
    }

    private var srcDims: [Int] { [n, c, h, w] }
    private var dstDims: [Int] { [n, o, outH, outW] }
    /// Weights as oneDNN sees them: `[O, C, kH, kW]`, or `[G, O/G, C/G, kH, kW]` with groups
    /// (the same bytes as the engine's `[O, C/G, kH, kW]`).
    private var weightDims: [Int] {
        groups == 1 ? [o, c, kh, kw] : [groups, o / groups, c / groups, kh, kw]
    }

    /// The descriptor-init arguments shared by the three passes.
    private var strides: [Int64] { [Int64(stride), Int64(stride)] }
    private var dilates: [Int64] { [Int64(dilation - 1), Int64(dilation - 1)] }
    private var padL: [Int64] { [Int64(padding), Int64(padding)] }
    /// Right/bottom padding that makes oneDNN's output size equal ours (floor division may drop rows).
    private var padR: [Int64] {
        let eh = dilation * (kh - 1) + 1, ew = dilation * (kw - 1) + 1
        return [Int64((outH - 1) * stride + eh - h - padding), Int64((outW - 1) * stride + ew - w - padding)]
    }

    /// The forward step (`training`: the primitive the backward passes take as their hint).
    func forward(training: Bool, in dnnl: DNNL) throws -> DNNLStep {
        try dnnl.cached("conv fwd \(training) \(self)") {
            var src = dnnlAnyLayout(srcDims), wei = dnnlAnyLayout(weightDims), dst = dnnlAnyLayout(dstDims)
            var bias = dnnlPlainLayout([o])
            var desc = dnnl_convolution_desc_t()
            let status = withOptionalPointer(hasBias, &bias) { bp in
                dnnl_dilated_convolution_forward_desc_init(
                    &desc, training ? dnnl_forward_training : dnnl_forward_inference, dnnl_convolution_direct,
                    &src, &wei, bp, &dst, strides, dilates, padL, padR)
            }
            try DNNL.check(status, "dnnl_dilated_convolution_forward_desc_init", op: "conv2d forward", shapes: description)
            let p = try DNNLPrimitive(operation: &desc, engine: dnnl.engine, op: "conv2d forward", shapes: description)
            var inputs: [(Int32, dnnl_memory_desc_t?)] = [(DNNL_ARG_SRC, dnnlPlainLayout(srcDims)),
                                                          (DNNL_ARG_WEIGHTS, dnnlPlainLayout(weightDims))]
            if hasBias { inputs.append((DNNL_ARG_BIAS, dnnlPlainLayout([o]))) }
            return try DNNLStep(p, inputs: inputs, outputs: [(DNNL_ARG_DST, dnnlPlainLayout(dstDims))],
                                engine: dnnl.engine, op: "conv2d forward", shapes: description)
        }
    }

    /// The backward-data step: inputs diff_dst, weights; output diff_src.
    func backwardData(in dnnl: DNNL) throws -> DNNLStep {
        try dnnl.cached("conv bwd-data \(self)") {
            let hint = try forward(training: true, in: dnnl)
            var src = dnnlAnyLayout(srcDims), wei = dnnlAnyLayout(weightDims), dst = dnnlAnyLayout(dstDims)
            var desc = dnnl_convolution_desc_t()
            try DNNL.check(dnnl_dilated_convolution_backward_data_desc_init(
                &desc, dnnl_convolution_direct, &src, &wei, &dst, strides, dilates, padL, padR),
                "dnnl_dilated_convolution_backward_data_desc_init", op: "conv2d backward-data", shapes: description)
            let p = try DNNLPrimitive(operation: &desc, hint: hint.primitive, engine: dnnl.engine,
                                      op: "conv2d backward-data", shapes: description)
            return try DNNLStep(p, inputs: [(DNNL_ARG_DIFF_DST, dnnlPlainLayout(dstDims)),
                                            (DNNL_ARG_WEIGHTS, dnnlPlainLayout(weightDims))],
                                outputs: [(DNNL_ARG_DIFF_SRC, dnnlPlainLayout(srcDims))],
                                engine: dnnl.engine, op: "conv2d backward-data", shapes: description)
        }
    }

    /// The backward-weights step: inputs src, diff_dst; outputs diff_weights (and diff_bias).
    func backwardWeights(in dnnl: DNNL) throws -> DNNLStep {
        try dnnl.cached("conv bwd-weights \(self)") {
            let hint = try forward(training: true, in: dnnl)
            var src = dnnlAnyLayout(srcDims), wei = dnnlAnyLayout(weightDims), dst = dnnlAnyLayout(dstDims)
            var bias = dnnlPlainLayout([o])
            var desc = dnnl_convolution_desc_t()
            let status = withOptionalPointer(hasBias, &bias) { bp in
                dnnl_dilated_convolution_backward_weights_desc_init(
                    &desc, dnnl_convolution_direct, &src, &wei, bp, &dst, strides, dilates, padL, padR)
            }
            try DNNL.check(status, "dnnl_dilated_convolution_backward_weights_desc_init",
                           op: "conv2d backward-weights", shapes: description)
            let p = try DNNLPrimitive(operation: &desc, hint: hint.primitive, engine: dnnl.engine,
                                      op: "conv2d backward-weights", shapes: description)
            var outputs: [(Int32, dnnl_memory_desc_t?)] = [(DNNL_ARG_DIFF_WEIGHTS, dnnlPlainLayout(weightDims))]
            if hasBias { outputs.append((DNNL_ARG_DIFF_BIAS, dnnlPlainLayout([o]))) }
            return try DNNLStep(p, inputs: [(DNNL_ARG_SRC, dnnlPlainLayout(srcDims)),
                                            (DNNL_ARG_DIFF_DST, dnnlPlainLayout(dstDims))],
                                outputs: outputs, engine: dnnl.engine, op: "conv2d backward-weights", shapes: description)
        }
    }
}

/// Calls `body` with a pointer to `value` when `present`, else with `nil`.
func withOptionalPointer<T, R>(_ present: Bool, _ value: inout T, _ body: (UnsafeMutablePointer<T>?) -> R) -> R {
    present ? withUnsafeMutablePointer(to: &value) { body($0) } : body(nil)
}
