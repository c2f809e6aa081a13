extension Tensor {
    /// Elementwise `op` with NumPy broadcasting; the primitive behind `+ - * /`.
    static func binary(_ a: Tensor, _ b: Tensor, _ op: BinaryOp) -> Tensor {
        if a.shape == b.shape {
            if op == .add, let blockedResult = addBlocked(a, b) { return blockedResult }
            let out: [Float]
            switch op {
            case .add: out = Kernels.zipMap(a.data, b.data) { $0 + $1 }
            case .sub: out = Kernels.zipMap(a.data, b.data) { $0 - $1 }
            case .mul: out = Kernels.zipMap(a.data, b.data) { $0 * $1 }
            case .div: out = Kernels.zipMap(a.data, b.data) { $0 / $1 }
            }
            let ad = a.data, bd = b.data, needA = a.requiresGrad, needB = b.requiresGrad
            return makeResult(shape: a.shape, data: out, parents: [a, b]) { g in
                var ga: [Float]? = nil, gb: [Float]? = nil
                switch op {
                case .add:
                    ga = needA ? g : nil
                    gb = needB ? g : nil
                case .sub:
                    ga = needA ? g : nil
                    gb = needB ? Kernels.map(g) { -$0 } : nil
                case .mul:
                    ga = needA ? Kernels.zipMap(g, bd) { $0 * $1 } : nil
                    gb = needB ? Kernels.zipMap(g, ad) { $0 * $1 } : nil
                case .div:
                    ga = needA ? Kernels.zipMap(g, bd) { $0 / $1 } : nil
                    gb = needB ? Kernels.zipMap3(g, ad, bd) { -$0 * $1 / ($2 * $2) } : nil
                }
                return [ga, gb]
            }
        }
        let outShape = Shape.broadcast(a.shape, b.shape, op: op.name)
        let sa = Shape.broadcastStrides(a.shape, to: outShape)
        let sb = Shape.broadcastStrides(b.shape, to: outShape)
        let n = Shape.count(outShape)
        var out = [Float](repeating: 0, count: n)
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    guard let xa = pa.baseAddress, let xb = pb.baseAddress, let xo = po.baseAddress else { return }
                    StridedLoop.run(shape: outShape, stridesA: sa, stridesB: sb) { o, ia, ib, stA, stB, len in
                        if op == .add && stA == 1 && stB == 1 {  // a bias row added to a batch: a vectorisable run
                            for k in 0..<len { xo[o + k] = xa[ia + k] + xb[ib + k] }
                        } else {
                            for k in 0..<len { xo[o + k] = op.apply(xa[ia + k * stA], xb[ib + k * stB]) }
                        }
                    }
                }
            }
        }
        let ad = a.data, bd = b.data, needA = a.requiresGrad, needB = b.requiresGrad
        let aCount = a.count, bCount = b.count
        return makeResult(shape: outShape, data: out, parents: [a, b]) { g in
            var ga = [Float](repeating: 0, count: needA ? aCount : 0)
            var gb = [Float](repeating: 0, count: needB ? bCount : 0)
            g.withUnsafeBufferPointer { pg in
                ad.withUnsafeBufferPointer { pa in
                    bd.withUnsafeBufferPointer { pb in
                        ga.withUnsafeMutableBufferPointer { pga in
                            gb.withUnsafeMutableBufferPointer { pgb in
                                guard let xg = pg.baseAddress, let xa = pa.baseAddress,
                                      let xb = pb.baseAddress else { return }
                                // Empty arrays may still have a base address: gate on the flags.
                                let oa = needA ? pga.baseAddress : nil, ob = needB ? pgb.baseAddress : nil
                                StridedLoop.run(shape: outShape, stridesA: sa, stridesB: sb) { o, ia, ib, stA, stB, len in
                                    if op == .add && stA == 1 && stB == 1 {
                                        // The same additions in the same order as the general loop below.
                                        if let oa { for k in 0..<len { oa[ia + k] += xg[o + k] } }
                                        if let ob { for k in 0..<len { ob[ib + k] += xg[o + k] } }
                                        return
                                    }
                                    for k in 0..<len {
                                        let gv = xg[o + k], av = xa[ia + k * stA], bv = xb[ib + k * stB]
                                        if let oa { oa[ia + k * stA] += op.gradA(gv, av, bv) }
                                        if let ob { ob[ib + k * stB] += op.gradB(gv, av, bv) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return [needA ? ga : nil, needB ? gb : nil]
        }
    }

    /// Elementwise sum with broadcasting.
    public static func + (a: Tensor, b: Tensor) -> Tensor { binary(a, b, .add) }
    /// Elementwise difference with broadcasting.
    public static func - (a: Tensor, b: Tensor) -> Tensor { binary(a, b, .sub) }
    /// Elementwise product with broadcasting.
    public static func * (a: Tensor, b: Tensor) -> Tensor { binary(a, b, .mul) }
    /// Elementwise quotient with broadcasting.
    public static func / (a: Tensor, b: Tensor) -> Tensor { binary(a, b, .div) }

    /// Adds a constant.
    public static func + (a: Tensor, s: Float) -> Tensor { binary(a, Tensor(s), .add) }
    /// Subtracts a constant.
    public static func - (a: Tensor, s: Float) -> Tensor { binary(a, Tensor(s), .sub) }
    /// Multiplies by a constant.
    public static func * (a: Tensor, s: Float) -> Tensor { binary(a, Tensor(s), .mul) }
    /// Divides by a constant.
    public static func / (a: Tensor, s: Float) -> Tensor { binary(a, Tensor(s), .div) }
    /// Constant plus tensor.
    public static func + (s: Float, a: Tensor) -> Tensor { binary(Tensor(s), a, .add) }
    /// Constant minus tensor.
    public static func - (s: Float, a: Tensor) -> Tensor { binary(Tensor(s), a, .sub) }
    /// Constant times tensor.
    public static func * (s: Float, a: Tensor) -> Tensor { binary(Tensor(s), a, .mul) }
    /// Constant divided by tensor.
    public static func / (s: Float, a: Tensor) -> Tensor { binary(Tensor(s), a, .div) }
    /// Negation (composed: `0 - a`).
    public static prefix func - (a: Tensor) -> Tensor { binary(Tensor(0), a, .sub) }
}
