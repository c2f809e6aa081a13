import NASSpaces

/// How the cells of one search space are written into a table: a canonical string and a
/// fixed-width byte encoding per cell.
public struct CellCodec: Sendable {
    /// The space, whose name is stored in files (`search_space` attribute), e.g. `nb201`.
    public let space: SpaceID
    /// Bytes per cell in `/cells/encoding`.
    public let encodingWidth: Int
    /// Each encoding byte is below this (NB201: 5 ops).
    public var alphabetSize: Int = 256
    /// Parses a cell string in any accepted form and returns its canonical string and encoding.
    public let encode: @Sendable (String) throws -> (canonical: String, encoding: [UInt8])
    /// For finite spaces: the number of cells, and a cell's position in the space's own
    /// enumeration computed from its encoding (lets tables find rows without hashing).
    public var spaceSize: Int? = nil
    public var rank: (@Sendable (ArraySlice<UInt8>) -> Int)? = nil
    /// Writes the canonical string of an encoding (valid encodings only); nil if the space
    /// cannot, in which case tables keep the strings.
    public var decode: (@Sendable (ArraySlice<UInt8>) -> String)? = nil

    /// NAS-Bench-201: the official string, and its 6 op indices (none=0 ... avg_pool_3x3=4)
    /// in the official edge order (1<-0), (2<-0), (2<-1), (3<-0), (3<-1), (3<-2).
    public static let nb201 = CellCodec(
        space: .nb201, encodingWidth: NB201Cell.edgeCount, alphabetSize: NB201Op.count,
        encode: { text in
            let space = NB201Space()
            let cell = try space.parse(text)
            return (space.describe(cell), cell.ops.map { UInt8($0.index) })
        },
        spaceSize: NB201Cell.count,
        rank: { bytes in bytes.reduce(0) { $0 * NB201Op.count + Int($1) } },
        decode: { bytes in
            NB201Cell(ops: bytes.map { NB201Op(index: Int($0)) ?? NB201Op.none }).description
        })

    /// The codec for a stored space name.
    ///
    /// - Throws: ``OracleError/unknownSpace(_:)`` naming the known spaces.
    public static func named(_ name: String) throws -> CellCodec {
        try SpaceID(parsing: name).codec
    }
}
