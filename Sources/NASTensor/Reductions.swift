/// Vectorised reductions over raw buffers.
///
/// Plain `acc += x[i]` loops stay scalar (LLVM may not reorder float
/// additions), so these keep 16 independent partial sums in a SIMD register and
/// add them up at the end. The summation order is fixed, so results are
/// deterministic.
enum Reductions {
    /// `sum(p[0..<n])`.
    @inline(__always)
    static func sum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD16<Float>(repeating: 0)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 16 <= n {
            acc += raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            i &+= 16
        }
        var s = acc.sum()
        while i < n { s += p[i]; i &+= 1 }
        return s
    }

    /// `(sum(p - shift), sum((p - shift)^2))`.
    @inline(__always)
    static func shiftedMoments(_ p: UnsafePointer<Float>, _ n: Int, shift: Float) -> (Float, Float) {
        var a1 = SIMD16<Float>(repeating: 0), a2 = SIMD16<Float>(repeating: 0)
        let sh = SIMD16<Float>(repeating: shift)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 16 <= n {
            let d = raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self) - sh
            a1 += d
            a2 += d * d
            i &+= 16
        }
        var s1 = a1.sum(), s2 = a2.sum()
        while i < n { let d = p[i] - shift; s1 += d; s2 += d * d; i &+= 1 }
        return (s1, s2)
    }

    /// `(sum(g), sum(g * (x - mu)))`.
    @inline(__always)
    static func sumAndCenteredDot(_ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ n: Int,
                                  mu: Float) -> (Float, Float) {
        var a1 = SIMD16<Float>(repeating: 0), a2 = SIMD16<Float>(repeating: 0)
        let m = SIMD16<Float>(repeating: mu)
        var i = 0
        let rg = UnsafeRawPointer(g), rx = UnsafeRawPointer(x)
        while i + 16 <= n {
            let gv = rg.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            let xv = rx.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            a1 += gv
            a2 += gv * (xv - m)
            i &+= 16
        }
        var s1 = a1.sum(), s2 = a2.sum()
        while i < n { s1 += g[i]; s2 += g[i] * (x[i] - mu); i &+= 1 }
        return (s1, s2)
    }
}

extension Reductions {
    /// `dst[i] = a * u[i] + b * v[i] + c`, 16 lanes at a time (dst may not alias u or v).
    @inline(__always)
    static func linearCombination(_ dst: UnsafeMutablePointer<Float>, _ u: UnsafePointer<Float>,
                                  _ v: UnsafePointer<Float>, _ n: Int, a: Float, b: Float, c: Float) {
        let va = SIMD16<Float>(repeating: a), vb = SIMD16<Float>(repeating: b), vc = SIMD16<Float>(repeating: c)
        let ru = UnsafeRawPointer(u), rv = UnsafeRawPointer(v), rd = UnsafeMutableRawPointer(dst)
        var i = 0
        while i + 16 <= n {
            let x = ru.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            let y = rv.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            rd.storeBytes(of: va * x + vb * y + vc, toByteOffset: i &* 4, as: SIMD16<Float>.self)
            i &+= 16
        }
        while i < n { dst[i] = a * u[i] + b * v[i] + c; i &+= 1 }
    }

    /// `dst[i] = scale * src[i] + shift`, 16 lanes at a time.
    @inline(__always)
    static func affine(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ n: Int,
                       scale: Float, shift: Float) {
        let vs = SIMD16<Float>(repeating: scale), vh = SIMD16<Float>(repeating: shift)
        let rs = UnsafeRawPointer(src), rd = UnsafeMutableRawPointer(dst)
        var i = 0
        while i + 16 <= n {
            let x = rs.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            rd.storeBytes(of: vs * x + vh, toByteOffset: i &* 4, as: SIMD16<Float>.self)
            i &+= 16
        }
        while i < n { dst[i] = scale * src[i] + shift; i &+= 1 }
    }
}
