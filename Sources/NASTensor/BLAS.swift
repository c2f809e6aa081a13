import COpenBLAS

/// Thin wrappers over OpenBLAS `cblas_sgemm` in row-major layout.
///
/// The engine runs OpenBLAS single-threaded and parallelises itself (over the
/// batch for convolution, over row blocks for large matrix products). On the
/// 2-core target batch-parallel convolution measured faster than one
/// multi-threaded GEMM per layer, and the row split matches OpenBLAS's own
/// 2 threads from n = 512 up (tensor-bench). OpenBLAS's threads are faster
/// for n <= 256, but they keep spinning after each call and then slow the
/// engine's batch-parallel ops, so they are not used.
public enum BLAS {
    /// Set OpenBLAS to one thread exactly once, before the first product.
    static let configured: Bool = {
        openblas_set_num_threads(1)
        return true
    }()

    /// The name of the OpenBLAS kernel in use (e.g. "Haswell", "SkylakeX").
    public static var coreName: String {
        guard let p = openblas_get_corename() else { return "unknown" }
        return String(cString: p)
    }

    /// Forces OpenBLAS's own thread count (benchmarks only; the engine expects 1).
    public static func setThreads(_ n: Int) {
        _ = configured
        openblas_set_num_threads(Int32(n))
    }

    /// `C = alpha * op(A) * op(B) + beta * C`, row-major, with `op(A)` of size
    /// `m x k` and `op(B)` of size `k x n`.
    @inline(__always)
    public static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                             alpha: Float, a: UnsafePointer<Float>, lda: Int,
                             b: UnsafePointer<Float>, ldb: Int,
                             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        _ = configured
        guard m > 0, n > 0 else { return }
        if k == 0 {
            // BLAS leaves C scaled by beta; make that explicit.
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Like ``sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)`` but
    /// splits the rows of `C` over ``Parallel/workerCount`` threads when the
    /// product is large enough to pay for it.
    public static func sgemmParallel(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                                     alpha: Float, a: UnsafePointer<Float>, lda: Int,
                                     b: UnsafePointer<Float>, ldb: Int,
                                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let workers = Parallel.workerCount
        let flops = 2.0 * Double(m) * Double(n) * Double(k)
        if workers < 2 || flops < 8e6 || m < 2 * workers {
            sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                  b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        // Row block of op(A) starting at row r: A + r*lda (no transpose) or A + r (transposed).
        let aAddr = UInt(bitPattern: a), cAddr = UInt(bitPattern: c), bAddr = UInt(bitPattern: b)
        Parallel.forEachChunk(count: m, chunks: workers) { range, _ in
            guard let ap = UnsafePointer<Float>(bitPattern: aAddr),
                  let bp = UnsafePointer<Float>(bitPattern: bAddr),
                  let cp = UnsafeMutablePointer<Float>(bitPattern: cAddr) else { return }
            let aBlock = transA ? ap + range.lowerBound : ap + range.lowerBound * lda
            sgemm(transA: transA, transB: transB, m: range.count, n: n, k: k, alpha: alpha,
                  a: aBlock, lda: lda, b: bp, ldb: ldb, beta: beta,
                  c: cp + range.lowerBound * ldc, ldc: ldc)
        }
    }
}

extension BLAS {
    /// `y += alpha * x` over `count` contiguous values (`cblas_saxpy`).
    public static func axpy(count: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        _ = configured
        guard count > 0 else { return }
        cblas_saxpy(Int32(count), alpha, x, 1, y, 1)
    }

    /// The dot product of two contiguous vectors of `count` values (`cblas_sdot`).
    public static func dot(count: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        _ = configured
        guard count > 0 else { return 0 }
        return cblas_sdot(Int32(count), x, 1, y, 1)
    }
}
