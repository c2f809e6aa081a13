extension Tensor {
    /// Max pooling over `kernel x kernel` windows of an `[N, C, H, W]` input.
    /// Padding counts as `-inf`. The gradient goes to the first maximum of each window
    /// (row-major order). Runs on oneDNN or on ``maxPool2dReference(kernel:stride:padding:)``
    /// (``TensorBackend``); both follow these rules.
    public func maxPool2d(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
        let geo = poolGeometry(kernel: kernel, stride: stride, padding: padding, op: "maxPool2d")
        if let blockedResult = pool2dBlocked(isMax: true, kernel: kernel, stride: geo.stride, padding: padding) {
            return blockedResult
        }
        if TensorBackend.usesOneDNN(.pool2d) {
            do {
                return try pool2dDNNL(isMax: true, kernel: kernel, stride: geo.stride, padding: padding, geo: geo,
                                      dnnl: DNNL.shared.get())
            } catch {
                TensorBackend.recordFallback(error)
            }
        }
        return maxPool2dReference(kernel: kernel, stride: stride, padding: padding)
    }

    /// Checks a pooling configuration (traps on an invalid one, like every shape error).
    func poolGeometry(kernel: Int, stride: Int?, padding: Int, op: String) -> ConvGeometry {
        precondition(rank == 4, "\(op): input must be [N, C, H, W], got \(shape)")
        precondition(kernel > 0 && padding * 2 <= kernel,
                     "\(op): kernel \(kernel) with padding \(padding) invalid for input \(shape)")
        return ConvGeometry(channels: 1, height: shape[2], width: shape[3], kernelH: kernel, kernelW: kernel,
                            stride: stride ?? kernel, padding: padding, dilation: 1, op: op)
    }

    /// The engine's own max pooling (branch-free loops, parallel over planes): the reference
    /// the oneDNN path is tested against.
    public func maxPool2dReference(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
        let geo = poolGeometry(kernel: kernel, stride: stride, padding: padding, op: "maxPool2d")
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        let s = geo.stride
        let oh = geo.outH, ow = geo.outW, planes = n * c
        var out = [Float](repeating: 0, count: planes * oh * ow)
        var argmax = [Int32](repeating: -1, count: planes * oh * ow)
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { po in
                argmax.withUnsafeMutableBufferPointer { pa in
                    guard let xp = px.baseAddress, let op = po.baseAddress, let ap = pa.baseAddress else { return }
                    Parallel.forEachChunk(count: planes) { range, _ in
                        for pl in range {
                            Tensor.maxPoolPlane(xp + pl &* h &* w, h: h, w: w, kernel: kernel, stride: s,
                                                padding: padding, out: op + pl &* oh &* ow, argmax: ap + pl &* oh &* ow,
                                                oh: oh, ow: ow)
                        }
                    }
                }
            }
        }
        let inCount = count, hw = h * w, ohw = oh * ow
        return Tensor.makeResult(shape: [n, c, oh, ow], data: out, parents: [self]) { g in
            var gi = [Float](repeating: 0, count: inCount)
            g.withUnsafeBufferPointer { pg in
                argmax.withUnsafeBufferPointer { pa in
                    gi.withUnsafeMutableBufferPointer { pi in
                        guard let gp = pg.baseAddress, let ap = pa.baseAddress, let ip = pi.baseAddress else { return }
                        for pl in 0..<planes {
                            let dst = ip + pl * hw, src = gp + pl * ohw, idx = ap + pl * ohw
                            for k in 0..<ohw where idx[k] >= 0 { dst[Int(idx[k])] += src[k] }
                        }
                    }
                }
            }
            return [gi]
        }
    }

    /// Max pooling of one `h x w` plane into `oh x ow` values and their flat argmax.
    ///
    /// Branch-free selects (random data makes a compare-and-branch mispredict
    /// often) and wrapping index arithmetic keep the inner loop tight.
    @inline(__always)
    static func maxPoolPlane(_ src: UnsafePointer<Float>, h: Int, w: Int, kernel: Int, stride s: Int, padding: Int,
                             out: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>, oh: Int, ow: Int) {
        if kernel == 2 && s == 2 && padding == 0 {
            for i in 0..<oh {
                for j in 0..<ow {
                    let base = (2 &* i) &* w &+ 2 &* j
                    var best = src[base], idx = base
                    let candidates = (base &+ 1, base &+ w, base &+ w &+ 1)
                    var v = src[candidates.0]; var better = v > best
                    best = better ? v : best; idx = better ? candidates.0 : idx
                    v = src[candidates.1]; better = v > best
                    best = better ? v : best; idx = better ? candidates.1 : idx
                    v = src[candidates.2]; better = v > best
                    best = better ? v : best; idx = better ? candidates.2 : idx
                    out[i &* ow &+ j] = best
                    argmax[i &* ow &+ j] = Int32(truncatingIfNeeded: idx)
                }
            }
            return
        }
        for i in 0..<oh {
            // Window rows/cols clipped to the image (padding never wins).
            let ih0 = Swift.max(i &* s &- padding, 0), ih1 = Swift.min(i &* s &- padding &+ kernel, h)
            for j in 0..<ow {
                let iw0 = Swift.max(j &* s &- padding, 0), iw1 = Swift.min(j &* s &- padding &+ kernel, w)
                var best = -Float.infinity, bestIdx = ih0 &* w &+ iw0
                var ih = ih0
                while ih < ih1 {
                    var at = ih &* w &+ iw0
                    let end = ih &* w &+ iw1
                    while at < end {
                        let v = src[at], better = v > best
                        best = better ? v : best
                        bestIdx = better ? at : bestIdx
                        at &+= 1
                    }
                    ih &+= 1
                }
                out[i &* ow &+ j] = best
                argmax[i &* ow &+ j] = Int32(truncatingIfNeeded: bestIdx)
            }
        }
    }

    /// Average pooling over `kernel x kernel` windows of an `[N, C, H, W]`
    /// input; zero padding is included in the divisor (PyTorch's default,
    /// `count_include_pad=True`; oneDNN's `pooling_avg_include_padding`).
    public func avgPool2d(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
        let geo = poolGeometry(kernel: kernel, stride: stride, padding: padding, op: "avgPool2d")
        if let blockedResult = pool2dBlocked(isMax: false, kernel: kernel, stride: geo.stride, padding: padding) {
            return blockedResult
        }
        if TensorBackend.usesOneDNN(.pool2d) {
            do {
                return try pool2dDNNL(isMax: false, kernel: kernel, stride: geo.stride, padding: padding, geo: geo,
                                      dnnl: DNNL.shared.get())
            } catch {
                TensorBackend.recordFallback(error)
            }
        }
        return avgPool2dReference(kernel: kernel, stride: stride, padding: padding)
    }

    /// Average pooling that divides each window by the number of its positions inside the image
    /// (PyTorch's `count_include_pad=False`, NB201's `avg_pool_3x3`): ``avgPool2d(kernel:stride:padding:)``
    /// rescaled per output position.
    public func avgPool2dExcludingPadding(kernel: Int, stride: Int = 1, padding: Int) -> Tensor {
        if padding > 0, let blockedResult = pool2dBlocked(isMax: false, kernel: kernel, stride: stride, padding: padding, excludePadding: true) {
            return blockedResult
        }
        let pooled = avgPool2d(kernel: kernel, stride: stride, padding: padding)
        guard padding > 0 else { return pooled }
        let (h, w, oh, ow) = (shape[2], shape[3], pooled.shape[2], pooled.shape[3])
        func inside(_ o: Int, _ size: Int) -> Int { Swift.min(o * stride - padding + kernel, size) - Swift.max(o * stride - padding, 0) }
        var scale = [Float](repeating: 0, count: oh * ow)
        for i in 0..<oh {
            for j in 0..<ow { scale[i * ow + j] = Float(kernel * kernel) / Float(inside(i, h) * inside(j, w)) }
        }
        return pooled * Tensor(shape: [1, 1, oh, ow], data: scale)
    }

    /// The engine's own average pooling: the reference the oneDNN path is tested against.
    public func avgPool2dReference(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
        let geo = poolGeometry(kernel: kernel, stride: stride, padding: padding, op: "avgPool2d")
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        let s = geo.stride
        let oh = geo.outH, ow = geo.outW, planes = n * c
        let scale = 1 / Float(kernel * kernel)
        // Visits every (output, input) pair of a plane.
        func windows(_ body: (Int, Int) -> Void) {
            for i in 0..<oh {
                for j in 0..<ow {
                    for ki in 0..<kernel {
                        let ih = i * s - padding + ki
                        if ih < 0 || ih >= h { continue }
                        for kj in 0..<kernel {
                            let iw = j * s - padding + kj
                            if iw < 0 || iw >= w { continue }
                            body(i * ow + j, ih * w + iw)
                        }
                    }
                }
            }
        }
        var out = [Float](repeating: 0, count: planes * oh * ow)
        let hw = h * w, ohw = oh * ow
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { po in
                guard let xp = px.baseAddress, let op = po.baseAddress else { return }
                for pl in 0..<planes {
                    let src = xp + pl * hw, dst = op + pl * ohw
                    windows { o, i in dst[o] += src[i] * scale }
                }
            }
        }
        let inCount = count
        return Tensor.makeResult(shape: [n, c, oh, ow], data: out, parents: [self]) { g in
            var gi = [Float](repeating: 0, count: inCount)
            g.withUnsafeBufferPointer { pg in
                gi.withUnsafeMutableBufferPointer { pi in
                    guard let gp = pg.baseAddress, let ip = pi.baseAddress else { return }
                    for pl in 0..<planes {
                        let src = gp + pl * ohw, dst = ip + pl * hw
                        windows { o, i in dst[i] += src[o] * scale }
                    }
                }
            }
            return [gi]
        }
    }

    /// Mean over the spatial dimensions of `[N, C, H, W]`, giving `[N, C]`
    /// (composed from ``mean(axes:keepDims:)``).
    public func globalAvgPool2d() -> Tensor {
        precondition(rank == 4, "globalAvgPool2d: input must be [N, C, H, W], got \(shape)")
        return mean(axes: [2, 3])
    }
}
