extension Tensor {
    /// 2-D convolution (cross-correlation, as in PyTorch).
    ///
    /// Runs on oneDNN (``TensorBackend/onednn``, the default) or on the engine's own
    /// im2col + `sgemm` (``conv2dReference(weight:bias:stride:padding:dilation:groups:)``).
    ///
    /// - Parameters:
    ///   - weight: `[outChannels, inChannels / groups, kH, kW]`.
    ///   - bias: optional `[outChannels]`.
    /// - Returns: `[N, outChannels, outH, outW]` with
    ///   `outH = (H + 2*padding - dilation*(kH-1) - 1) / stride + 1`.
    public func conv2d(weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
                       dilation: Int = 1, groups: Int = 1) -> Tensor {
        let plan = convPlan(weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
        // The channel minimum is for oneDNN's slow backward-data at few channels; an input without
        // a gradient (a network's images) never runs it.
        let inputNeedsGradient = GradMode.isEnabled && requiresGrad
        if TensorBackend.usesOneDNN(.conv2d) && (plan.cg >= TensorBackend.oneDNNConvMinimumChannels || !inputNeedsGradient) {
            do {
                return try conv2dDNNL(weight: weight, bias: bias, plan: plan, dnnl: DNNL.shared.get())
            } catch {
                TensorBackend.recordFallback(error)
            }
        }
        return conv2dReference(weight: weight, bias: bias, plan: plan)
    }

    /// Checks the shapes of a convolution and returns its plan (traps on mismatched shapes,
    /// like every shape error of the engine).
    func convPlan(weight: Tensor, bias: Tensor?, stride: Int, padding: Int, dilation: Int, groups: Int) -> ConvPlan {
        let x = self
        precondition(x.rank == 4 && weight.rank == 4,
                     "conv2d: input must be [N, C, H, W] and weight [O, C/groups, kH, kW], got \(x.shape) and \(weight.shape)")
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, cg, kh, kw) = (weight.shape[0], weight.shape[1], weight.shape[2], weight.shape[3])
        precondition(groups > 0 && c % groups == 0 && o % groups == 0 && cg == c / groups,
                     "conv2d: input \(x.shape), weight \(weight.shape) and groups \(groups) do not agree")
        if let bias { precondition(bias.shape == [o], "conv2d: bias must be [\(o)], got \(bias.shape)") }
        let geo = ConvGeometry(channels: cg, height: h, width: w, kernelH: kh, kernelW: kw,
                               stride: stride, padding: padding, dilation: dilation, op: "conv2d")
        return ConvPlan(n: n, c: c, h: h, w: w, o: o, groups: groups, geo: geo)
    }

    /// 2-D convolution via the engine's own im2col + `sgemm`: the reference implementation
    /// the oneDNN path is tested against (same arguments and result as
    /// ``conv2d(weight:bias:stride:padding:dilation:groups:)``).
    public func conv2dReference(weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
                                dilation: Int = 1, groups: Int = 1) -> Tensor {
        conv2dReference(weight: weight, bias: bias,
                        plan: convPlan(weight: weight, bias: bias, stride: stride, padding: padding,
                                       dilation: dilation, groups: groups))
    }

    /// The reference convolution, im2col + `sgemm`.
    ///
    /// Parallel over the batch (each worker runs single-threaded BLAS on its
    /// own samples); within a worker, several images are laid side by side in
    /// one column matrix so each `sgemm` call is wide enough to run near peak.
    /// Weight and bias gradients are summed per worker and combined in worker
    /// order, so results are deterministic for a given worker count.
    ///
    func conv2dReference(weight: Tensor, bias: Tensor?, plan: ConvPlan) -> Tensor {
        let x = self, geo = plan.geo
        let (n, o) = (plan.n, plan.o)
        let p = geo.colCols
        var out = [Float](repeating: 0, count: n * o * p)
        let xd = x.data, wd = weight.data, bd = bias?.data
        xd.withUnsafeBufferPointer { px in
            wd.withUnsafeBufferPointer { pw in
                out.withUnsafeMutableBufferPointer { po in
                    guard let xp = px.baseAddress, let wp = pw.baseAddress, let op = po.baseAddress else { return }
                    Parallel.forEachChunk(count: n) { range, _ in
                        plan.forward(x: xp, w: wp, bias: bd, out: op, samples: range)
                    }
                }
            }
        }
        let needX = x.requiresGrad, needW = weight.requiresGrad, needB = bias?.requiresGrad ?? false
        let parents = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor.makeResult(shape: [n, o, geo.outH, geo.outW], data: out, parents: parents) { g in
            plan.gradients(g, x: xd, w: wd, needX: needX, needW: needW, needB: needB, hasBias: bd != nil)
        }
    }
}
