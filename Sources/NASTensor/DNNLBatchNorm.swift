import CDNNL

/// One batch normalisation configuration (`[N, C]` or `[N, C, H, W]`, plain layout) and its
/// oneDNN steps.
///
/// With batch statistics (`globalStats == false`, training) the primitive reduces over the
/// whole batch, so it runs as one call on one thread; with given statistics (inference) it is
/// per-sample and the batch is split over the engine's workers like convolution.
struct DNNLBatchNorm: Hashable, CustomStringConvertible {
    /// The data shape (`n` may be a chunk of the batch).
    let dims: [Int]
    let epsilon: Float
    let globalStats: Bool

    var description: String {
        "x \(dims), \(globalStats ? "running statistics" : "batch statistics"), epsilon \(epsilon)"
    }

    private var channels: Int { dims[1] }
    private var flags: UInt32 {
        dnnl_use_scale.rawValue | dnnl_use_shift.rawValue | (globalStats ? dnnl_use_global_stats.rawValue : 0)
    }
    private var data: dnnl_memory_desc_t { dnnlPlainLayout(dims) }
    private var vector: dnnl_memory_desc_t { dnnlPlainLayout([channels]) }

    /// The forward step. Batch statistics: inputs src, scale, shift; outputs dst, mean, variance.
    /// Running statistics: inputs src, mean, variance, scale, shift; output dst.
    func forward(training: Bool, in dnnl: DNNL) throws -> DNNLStep {
        try dnnl.cached("bn fwd \(training) \(self)") {
            var md = data
            var desc = dnnl_batch_normalization_desc_t()
            try DNNL.check(dnnl_batch_normalization_forward_desc_init(
                &desc, training ? dnnl_forward_training : dnnl_forward_inference, &md, epsilon, flags),
                "dnnl_batch_normalization_forward_desc_init", op: "batchNorm forward", shapes: description)
            let p = try DNNLPrimitive(operation: &desc, engine: dnnl.engine, op: "batchNorm forward", shapes: description)
            if globalStats {
                return try DNNLStep(p, inputs: [(DNNL_ARG_SRC, data), (DNNL_ARG_MEAN, vector), (DNNL_ARG_VARIANCE, vector),
                                                (DNNL_ARG_SCALE, vector), (DNNL_ARG_SHIFT, vector)],
                                    outputs: [(DNNL_ARG_DST, data)], engine: dnnl.engine, op: "batchNorm forward",
                                    shapes: description)
            }
            return try DNNLStep(p, inputs: [(DNNL_ARG_SRC, data), (DNNL_ARG_SCALE, vector), (DNNL_ARG_SHIFT, vector)],
                                outputs: [(DNNL_ARG_DST, data), (DNNL_ARG_MEAN, vector), (DNNL_ARG_VARIANCE, vector)],
                                engine: dnnl.engine, op: "batchNorm forward", shapes: description)
        }
    }

    /// The backward step: inputs src, mean, variance, diff_dst, scale, shift; outputs diff_src,
    /// diff_scale, diff_shift.
    func backward(in dnnl: DNNL) throws -> DNNLStep {
        try dnnl.cached("bn bwd \(self)") {
            let hint = try forward(training: true, in: dnnl)
            var md = data, diff = data
            var desc = dnnl_batch_normalization_desc_t()
            try DNNL.check(dnnl_batch_normalization_backward_desc_init(&desc, dnnl_backward, &diff, &md, epsilon, flags),
                           "dnnl_batch_normalization_backward_desc_init", op: "batchNorm backward", shapes: description)
            let p = try DNNLPrimitive(operation: &desc, hint: hint.primitive, engine: dnnl.engine,
                                      op: "batchNorm backward", shapes: description)
            // oneDNN 2.6 counts the shift among the backward inputs (execution fails without it);
            // the result does not depend on it (the caller passes the scale buffer).
            return try DNNLStep(p, inputs: [(DNNL_ARG_SRC, data), (DNNL_ARG_MEAN, vector), (DNNL_ARG_VARIANCE, vector),
                                            (DNNL_ARG_DIFF_DST, data), (DNNL_ARG_SCALE, vector), (DNNL_ARG_SHIFT, vector)],
                                outputs: [(DNNL_ARG_DIFF_SRC, data), (DNNL_ARG_DIFF_SCALE, vector), (DNNL_ARG_DIFF_SHIFT, vector)],
                                engine: dnnl.engine, op: "batchNorm backward", shapes: description)
        }
    }
}
