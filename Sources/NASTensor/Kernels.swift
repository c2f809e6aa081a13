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
        for i in 0..<n { let v = src[i]; dst[i] = v > 0 ? v : 0 }
    }

    /// `dst[i] = a[i] + b[i]` for `i < n`.
    static func addRaw(_ dst: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) {
        for i in 0..<n { dst[i] = a[i] + b[i] }
    }

    /// `dst[p * lanes + l] = scale[l] * src[p * lanes + l] + shift[l]` for `p < pixels`, `l < lanes`:
    /// a per-channel affine map over one channel block of a blocked layout (the same two float
    /// operations per element as ``Reductions/affine(_:_:_:scale:shift:)``).
    static func affineLanes(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, pixels: Int, lanes: Int,
                            scale: UnsafePointer<Float>, shift: UnsafePointer<Float>) {
        if lanes % 16 == 0 {
            let rs = UnsafeRawPointer(src), rd = UnsafeMutableRawPointer(dst)
            for g in stride(from: 0, to: lanes, by: 16) {
                let vs = UnsafeRawPointer(scale + g).loadUnaligned(as: SIMD16<Float>.self)
                let vh = UnsafeRawPointer(shift + g).loadUnaligned(as: SIMD16<Float>.self)
                for p in 0..<pixels {
                    let offset = (p &* lanes &+ g) &* 4
                    let x = rs.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                    rd.storeBytes(of: vs * x + vh, toByteOffset: offset, as: SIMD16<Float>.self)
                }
            }
            return
        }
        for p in 0..<pixels {
            let base = p * lanes
            for l in 0..<lanes { dst[base + l] = scale[l] * src[base + l] + shift[l] }
        }
    }
}
