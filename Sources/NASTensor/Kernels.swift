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
}
