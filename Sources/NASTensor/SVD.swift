import COpenBLAS

/// The singular value decomposition of a real matrix by LAPACK's divide-and-conquer `dgesdd`
/// (OpenBLAS's LAPACK), in double precision.
public struct SVD: Sendable {
    /// Rows and columns of the decomposed matrix.
    public let rows: Int, columns: Int
    /// The min(rows, columns) singular values, largest first.
    public let values: [Double]
    /// Left singular vectors, rows x k row-major (k = min(rows, columns)); empty when not computed.
    public let u: [Double]
    /// Right singular vectors transposed, k x columns row-major; empty when not computed.
    public let vt: [Double]

    /// A LAPACK failure: `info` < 0 is an illegal argument, > 0 a decomposition that did not converge.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let info: Int32
        public let rows: Int, columns: Int
        public var description: String {
            info < 0
                ? "dgesdd: argument \(-info) is illegal for a \(rows) x \(columns) matrix"
                : "dgesdd: the SVD of a \(rows) x \(columns) matrix did not converge (info \(info))"
        }
    }

    /// Decomposes the row-major `rows` x `columns` matrix `matrix`; with `vectors` false only the
    /// singular values are computed. Non-finite entries are refused before LAPACK sees them.
    public init(_ matrix: [Double], rows: Int, columns: Int, vectors: Bool = true) throws {
        precondition(matrix.count == rows * columns, "SVD: \(matrix.count) values for a \(rows) x \(columns) matrix")
        guard matrix.allSatisfy(\.isFinite) else { throw Failure(info: -4, rows: rows, columns: columns) }
        self.rows = rows
        self.columns = columns
        let k = min(rows, columns)
        guard k > 0 else {
            values = []
            u = []
            vt = []
            return
        }
        // Row-major A is column-major A^T (columns x rows): decompose A^T = V S U^T, so LAPACK's
        // U (column-major, columns x k) is our V and its VT (k x rows) is our U^T; read back in
        // row-major they are exactly vt (k x columns) and u (rows x k).
        var a = matrix
        var m = Int32(columns), n = Int32(rows), lda = Int32(columns)
        var s = [Double](repeating: 0, count: k)
        var job = CChar(UInt8(ascii: vectors ? "S" : "N"))
        var ldu = Int32(vectors ? columns : 1), ldvt = Int32(vectors ? k : 1)
        var lapackU = [Double](repeating: 0, count: vectors ? columns * k : 1)
        var lapackVT = [Double](repeating: 0, count: vectors ? k * rows : 1)
        var iwork = [Int32](repeating: 0, count: 8 * k)
        var info: Int32 = 0
        var query = 0.0
        var lwork: Int32 = -1
        dgesdd_(&job, &m, &n, &a, &lda, &s, &lapackU, &ldu, &lapackVT, &ldvt, &query, &lwork, &iwork, &info, 1)
        guard info == 0 else { throw Failure(info: info, rows: rows, columns: columns) }
        lwork = Int32(query.rounded(.up))
        var work = [Double](repeating: 0, count: Int(max(lwork, 1)))
        dgesdd_(&job, &m, &n, &a, &lda, &s, &lapackU, &ldu, &lapackVT, &ldvt, &work, &lwork, &iwork, &info, 1)
        guard info == 0 else { throw Failure(info: info, rows: rows, columns: columns) }
        values = s
        // lapackU is column-major columns x k: element (j, i) at i * columns + j, which read
        // row-major is vt (k x columns). lapackVT is column-major k x rows: read row-major it is
        // u (rows x k).
        vt = vectors ? lapackU : []
        u = vectors ? lapackVT : []
    }
}
