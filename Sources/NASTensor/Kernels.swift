/// Small vectorisable loops over raw buffers shared by the operations.
enum Kernels {
    /// `a[i] += b[i]` for all `i`.
    @inline(__always)
    static func addInPlace(_ a: inout [Float], _ b: [Float]) {
        precondition(a.count == b.count, "internal: addInPlace sizes \(a.count) and \(b.count)")
        a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                guard let da = pa.baseAddress, let db = pb.baseAddress else { return }
                for i in 0..<pa.count { da[i] += db[i] }
            }
        }
    }

    /// Applies `f` to every element of `x`.
    @inline(__always)
    static func map(_ x: [Float], _ f: (Float) -> Float) -> [Float] {
        [Float](unsafeUninitializedCapacity: x.count) { out, n in
            x.withUnsafeBufferPointer { px in
                guard let src = px.baseAddress, let dst = out.baseAddress else { return }
                for i in 0..<px.count { dst[i] = f(src[i]) }
            }
            n = x.count
        }
    }

    /// Applies `f` to every pair `(a[i], b[i])`.
    @inline(__always)
    static func zipMap(_ a: [Float], _ b: [Float], _ f: (Float, Float) -> Float) -> [Float] {
        precondition(a.count == b.count, "internal: zipMap sizes \(a.count) and \(b.count)")
        return [Float](unsafeUninitializedCapacity: a.count) { out, n in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    guard let sa = pa.baseAddress, let sb = pb.baseAddress, let dst = out.baseAddress else { return }
                    for i in 0..<pa.count { dst[i] = f(sa[i], sb[i]) }
                }
            }
            n = a.count
        }
    }

    /// Applies `f` to every triple `(a[i], b[i], c[i])`.
    @inline(__always)
    static func zipMap3(_ a: [Float], _ b: [Float], _ c: [Float], _ f: (Float, Float, Float) -> Float) -> [Float] {
        precondition(a.count == b.count && b.count == c.count, "internal: zipMap3 sizes differ")
        return [Float](unsafeUninitializedCapacity: a.count) { out, n in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeBufferPointer { pc in
                        guard let sa = pa.baseAddress, let sb = pb.baseAddress, let sc = pc.baseAddress,
                              let dst = out.baseAddress else { return }
                        for i in 0..<pa.count { dst[i] = f(sa[i], sb[i], sc[i]) }
                    }
                }
            }
            n = a.count
        }
    }

    /// `dst[i] = max(src[i], 0)` for `i < n` (`dst` may be `src`).
    static func reluRaw(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ n: Int) {
        let zero = SIMD16<Float>(repeating: 0)
        let rs = UnsafeRawPointer(src), rd = UnsafeMutableRawPointer(dst)
        var i = 0
        while i + 16 <= n {
            let x = rs.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            rd.storeBytes(of: x.replacing(with: zero, where: .!(x .> zero)), toByteOffset: i &* 4, as: SIMD16<Float>.self)
            i &+= 16
        }
        while i < n { let v = src[i]; dst[i] = v > 0 ? v : 0; i &+= 1 }
    }

    /// `dst[i] = y[i] > 0 ? g[i] : 0` for `i < n`: ReLU's backward pass from its output `y`.
    static func reluBackwardRaw(_ dst: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>,
                                _ n: Int) {
        let zero = SIMD16<Float>(repeating: 0)
        let rg = UnsafeRawPointer(g), ry = UnsafeRawPointer(y), rd = UnsafeMutableRawPointer(dst)
        var i = 0
        while i + 16 <= n {
            let yv = ry.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            let gv = rg.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            rd.storeBytes(of: zero.replacing(with: gv, where: yv .> zero), toByteOffset: i &* 4, as: SIMD16<Float>.self)
            i &+= 16
        }
        while i < n { dst[i] = y[i] > 0 ? g[i] : 0; i &+= 1 }
    }

    /// `dst[i] = a[i] + b[i]` for `i < n`.
    static func addRaw(_ dst: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b), rd = UnsafeMutableRawPointer(dst)
        var i = 0
        while i + 16 <= n {
            let x = ra.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            let y = rb.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            rd.storeBytes(of: x + y, toByteOffset: i &* 4, as: SIMD16<Float>.self)
            i &+= 16
        }
        while i < n { dst[i] = a[i] + b[i]; i &+= 1 }
    }

    /// `dst[p * lanes + l] = scale[l] * src[p * lanes + l] + shift[l]` for `p < pixels`, `l < lanes`:
    /// a per-channel affine map over one channel block of a blocked layout (the same two float
    /// operations per element as ``Reductions/affine(_:_:_:scale:shift:)``); with `relu`, values not
    /// above 0 become 0 (as ``reluRaw(_:_:_:)`` on the affine map's result).
    static func affineLanes(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, pixels: Int, lanes: Int,
                            scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, relu: Bool = false) {
        if lanes % 16 == 0 {
            let rs = UnsafeRawPointer(src), rd = UnsafeMutableRawPointer(dst), zero = SIMD16<Float>(repeating: 0)
            for g in stride(from: 0, to: lanes, by: 16) {
                let vs = UnsafeRawPointer(scale + g).loadUnaligned(as: SIMD16<Float>.self)
                let vh = UnsafeRawPointer(shift + g).loadUnaligned(as: SIMD16<Float>.self)
                for p in 0..<pixels {
                    let offset = (p &* lanes &+ g) &* 4
                    let y = vs * rs.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self) + vh
                    rd.storeBytes(of: relu ? y.replacing(with: zero, where: .!(y .> zero)) : y, toByteOffset: offset,
                                  as: SIMD16<Float>.self)
                }
            }
            return
        }
        for p in 0..<pixels {
            let base = p * lanes
            for l in 0..<lanes {
                let y = scale[l] * src[base + l] + shift[l]
                dst[base + l] = relu && !(y > 0) ? 0 : y
            }
        }
    }

    /// Per lane `l` of `lanes` (a multiple of 16) over `pixels` rows `u[p * lanes + l]`: adds
    /// `sum (u - shift)` and `sum (u - shift)^2` to `s1`, `s2`, or with `w`, `sum u` and
    /// `sum u * (w - shift)` (the batch norm's statistics and gradient sums on blocked values).
    /// With `mask` (only with `w`), `u` counts only where `mask.scale * w + mask.shift > 0` (the
    /// gradient through a ReLU applied to that affine map of `w`).
    static func laneSums16(_ s1: UnsafeMutablePointer<Float>, _ s2: UnsafeMutablePointer<Float>, _ u: UnsafePointer<Float>,
                           _ w: UnsafePointer<Float>?, shift: UnsafePointer<Float>, pixels: Int, lanes: Int,
                           mask: LaneAffine? = nil) {
        let ru = UnsafeRawPointer(u), zero = SIMD16<Float>(repeating: 0)
        for g in stride(from: 0, to: lanes, by: 16) {
            let sh = UnsafeRawPointer(shift + g).loadUnaligned(as: SIMD16<Float>.self)
            var a1 = SIMD16<Float>(repeating: 0), a2 = SIMD16<Float>(repeating: 0)
            if let w {
                let rw = UnsafeRawPointer(w)
                let ms = mask.map { UnsafeRawPointer($0.scale + g).loadUnaligned(as: SIMD16<Float>.self) } ?? zero
                let mh = mask.map { UnsafeRawPointer($0.shift + g).loadUnaligned(as: SIMD16<Float>.self) } ?? zero
                for p in 0..<pixels {
                    let offset = (p &* lanes &+ g) &* 4
                    var x = ru.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                    let y = rw.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                    if mask != nil { x = zero.replacing(with: x, where: ms * y + mh .> zero) }
                    a1 += x; a2 += x * (y - sh)
                }
            } else {
                for p in 0..<pixels {
                    let d = ru.loadUnaligned(fromByteOffset: (p &* lanes &+ g) &* 4, as: SIMD16<Float>.self) - sh
                    a1 += d; a2 += d * d
                }
            }
            let r1 = UnsafeMutableRawPointer(s1 + g), r2 = UnsafeMutableRawPointer(s2 + g)
            r1.storeBytes(of: r1.loadUnaligned(as: SIMD16<Float>.self) + a1, as: SIMD16<Float>.self)
            r2.storeBytes(of: r2.loadUnaligned(as: SIMD16<Float>.self) + a2, as: SIMD16<Float>.self)
        }
    }

    /// `dst[p * lanes + l] = a[l] * u[...] + b[l] * v[...] + c[l]` for `lanes` a multiple of 16; with
    /// `mask`, `u` is taken as 0 where `mask.scale * v + mask.shift` is not above 0.
    static func linearCombinationLanes16(_ dst: UnsafeMutablePointer<Float>, _ u: UnsafePointer<Float>,
                                         _ v: UnsafePointer<Float>, pixels: Int, lanes: Int,
                                         a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafePointer<Float>,
                                         mask: LaneAffine? = nil) {
        let ru = UnsafeRawPointer(u), rv = UnsafeRawPointer(v), rd = UnsafeMutableRawPointer(dst)
        let zero = SIMD16<Float>(repeating: 0)
        for g in stride(from: 0, to: lanes, by: 16) {
            let va = UnsafeRawPointer(a + g).loadUnaligned(as: SIMD16<Float>.self)
            let vb = UnsafeRawPointer(b + g).loadUnaligned(as: SIMD16<Float>.self)
            let vc = UnsafeRawPointer(c + g).loadUnaligned(as: SIMD16<Float>.self)
            let ms = mask.map { UnsafeRawPointer($0.scale + g).loadUnaligned(as: SIMD16<Float>.self) } ?? zero
            let mh = mask.map { UnsafeRawPointer($0.shift + g).loadUnaligned(as: SIMD16<Float>.self) } ?? zero
            for p in 0..<pixels {
                let offset = (p &* lanes &+ g) &* 4
                var x = ru.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                let y = rv.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                if mask != nil { x = zero.replacing(with: x, where: ms * y + mh .> zero) }
                rd.storeBytes(of: va * x + vb * y + vc, toByteOffset: offset, as: SIMD16<Float>.self)
            }
        }
    }
}

/// A per-lane affine map `scale[l] * x + shift[l]` (pointers to one channel block's lanes): the
/// batch norm's forward map, whose sign decides a fused ReLU's gradient mask.
struct LaneAffine {
    let scale: UnsafePointer<Float>
    let shift: UnsafePointer<Float>

    /// The map of the lanes from `lane` on.
    func advanced(by lane: Int) -> LaneAffine { LaneAffine(scale: scale + lane, shift: shift + lane) }

    /// Whether the map of `x` in lane `l` is above 0 (the same two operations as the forward).
    @inline(__always)
    func passes(_ x: Float, lane l: Int) -> Bool { scale[l] * x + shift[l] > 0 }
}
