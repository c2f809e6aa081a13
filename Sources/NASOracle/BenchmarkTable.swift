import NASSpaces

/// A tabular benchmark held in memory, column by column: one row per cell of a search space,
/// one `Float` column per (dataset, split, metric, epochs, seed, device), NaN where missing.
///
/// Immutable once built; share it freely between threads. Oracles add the query accounting.
public final class BenchmarkTable: Sendable {
    /// The search space (stored as its name, e.g. `nb201`).
    public let space: SpaceID
    /// Each row's cell in the space's canonical string form (NB201: the official string).
    public let archs: ArchColumn
    /// Each row's cell encoding, `encodingWidth` bytes a row (NB201: 6 op indices, official edge order).
    public let encodings: [UInt8]
    public let encodingWidth: Int
    /// Each row's index in the benchmark's own numbering (NB201: the official index).
    public let benchmarkIndex: [Int64]
    /// The columns, sorted by name.
    public let keys: [ColumnKey]
    /// `columns[c][row]` is column `keys[c]` at `row`.
    public let columns: [[Float]]
    /// Where the numbers come from.
    public let metadata: TableMetadata

    private let columnOfKey: [ColumnKey: Int]
    /// Row of each cell string, for spaces without a dense rank (empty otherwise).
    private let rowOfArch: [String: Int32]
    /// Row of each cell by its rank in the space's enumeration (-1: not in the table); finite spaces only.
    @usableFromInline let rowOfRank: [Int32]

    /// Builds a table, checking that every array has one entry per row, cells are unique, and
    /// (where the space's codec can write strings) that the strings agree with the encodings.
    public convenience init(
        space: SpaceID, archs: [String], encodings: [UInt8], encodingWidth: Int, benchmarkIndex: [Int64],
        columns: [ColumnKey: [Float]], metadata: TableMetadata
    ) throws {
        if let decode = space.codec.decode, encodingWidth > 0, encodings.count == archs.count * encodingWidth {
            for (row, arch) in archs.enumerated()
            where decode(encodings[(row * encodingWidth)..<((row + 1) * encodingWidth)]) != arch {
                throw OracleError.badInput("row \(row): cell \(arch) does not match its encoding")
            }
            try self.init(
                space: space, storedArchs: nil, encodings: encodings, encodingWidth: encodingWidth,
                benchmarkIndex: benchmarkIndex, columns: columns, metadata: metadata)
        } else {
            try self.init(
                space: space, storedArchs: archs, encodings: encodings, encodingWidth: encodingWidth,
                benchmarkIndex: benchmarkIndex, columns: columns, metadata: metadata)
        }
    }

    /// Builds a table; `storedArchs` may be nil only for spaces whose codec decodes encodings.
    init(
        space: SpaceID, storedArchs: [String]?, encodings: [UInt8], encodingWidth: Int, benchmarkIndex: [Int64],
        columns: [ColumnKey: [Float]], metadata: TableMetadata
    ) throws {
        let codec = space.codec
        guard encodingWidth == codec.encodingWidth else {
            throw OracleError.badInput(
                "cell encodings are \(encodingWidth) bytes wide; \(space.rawValue) cells are encoded in \(codec.encodingWidth)")
        }
        guard encodings.count % encodingWidth == 0 else {
            throw OracleError.badInput("cell encodings hold \(encodings.count) bytes, not a multiple of \(encodingWidth)")
        }
        let rows = encodings.count / encodingWidth
        if let outside = encodings.firstIndex(where: { Int($0) >= codec.alphabetSize }) {
            let row = outside / encodingWidth
            throw OracleError.badInput(
                "row \(row) has an encoding outside the \(space.rawValue) space: "
                    + "\(Array(encodings[(row * encodingWidth)..<((row + 1) * encodingWidth)]))")
        }
        if let storedArchs, storedArchs.count != rows {
            throw OracleError.badInput("\(storedArchs.count) cell strings for \(rows) encodings")
        }
        guard benchmarkIndex.count == rows else {
            throw OracleError.badInput("benchmark index has \(benchmarkIndex.count) rows, expected \(rows)")
        }
        // Finite spaces find rows by rank, without hashing strings; others by string.
        var rowOfRank: [Int32] = []
        var rowOfArch: [String: Int32] = [:]
        if let size = codec.spaceSize, let rank = codec.rank {
            rowOfRank = [Int32](repeating: -1, count: size)
            for row in 0..<rows {
                let slice = encodings[(row * encodingWidth)..<((row + 1) * encodingWidth)]
                let r = rank(slice)
                if rowOfRank[r] >= 0 {
                    throw OracleError.badInput("a cell appears twice (rows \(rowOfRank[r]) and \(row))")
                }
                rowOfRank[r] = Int32(row)
            }
        }
        guard let archColumn = storedArchs.map(ArchColumn.init(strings:))
            ?? codec.decode.map({ ArchColumn(encodings: encodings, width: encodingWidth, decode: $0) })
        else {
            throw OracleError.badInput("no cell strings given and space \(space.rawValue) cannot write them")
        }
        if rowOfRank.isEmpty {
            rowOfArch.reserveCapacity(rows)
            for row in 0..<rows {
                if let first = rowOfArch.updateValue(Int32(row), forKey: archColumn[row]) {
                    throw OracleError.badInput("cell \(archColumn[row]) appears twice (rows \(first) and \(row))")
                }
            }
        }
        let keys = columns.keys.sorted()
        var ordered: [[Float]] = []
        ordered.reserveCapacity(keys.count)
        for key in keys {
            guard let column = columns[key], column.count == rows else {
                throw OracleError.badInput("column \(key) has \(columns[key]?.count ?? 0) rows, expected \(rows)")
            }
            ordered.append(column)
        }
        self.space = space
        self.archs = archColumn
        self.encodings = encodings
        self.encodingWidth = encodingWidth
        self.benchmarkIndex = benchmarkIndex
        self.keys = keys
        self.columns = ordered
        self.metadata = metadata
        self.rowOfArch = rowOfArch
        self.rowOfRank = rowOfRank
        self.columnOfKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }

    /// Number of cells.
    public var rowCount: Int { benchmarkIndex.count }

    /// The row of a cell given in canonical string form, or nil.
    public func row(ofArch arch: String) -> Int? {
        if rowOfRank.isEmpty { return rowOfArch[arch].map(Int.init) }
        let codec = space.codec
        guard let rank = codec.rank,
            let (canonical, encoding) = try? codec.encode(arch), canonical == arch
        else { return nil }
        return row(ofRank: rank(encoding[...]))
    }

    /// The row of the cell at `rank` in the space's own enumeration, or nil.
    @inlinable
    public func row(ofRank rank: Int) -> Int? {
        guard rank >= 0, rank < rowOfRank.count else { return nil }
        let row = rowOfRank[rank]
        return row < 0 ? nil : Int(row)
    }

    /// The row of a cell written in any form its space accepts (parsed, then made canonical).
    public func row(ofCell text: String) throws -> Int {
        let canonical = try space.codec.encode(text).canonical
        guard let row = row(ofArch: canonical) else { throw OracleError.unknownCell(canonical, space: space) }
        return row
    }

    /// The encoding bytes of a row.
    public func encoding(ofRow row: Int) -> ArraySlice<UInt8> {
        encodings[(row * encodingWidth)..<((row + 1) * encodingWidth)]
    }

    /// The position of a column in `keys`/`columns`, or a thrown error listing what there is.
    public func columnIndex(_ key: ColumnKey) throws -> Int {
        guard let index = columnOfKey[key] else {
            throw OracleError.noSuchColumn(key.name, available: keys.map(\.name))
        }
        return index
    }

    /// A column's values, or a thrown error listing what there is.
    public func column(_ key: ColumnKey) throws -> [Float] { columns[try columnIndex(key)] }

    /// Whether the table has the column.
    public func hasColumn(_ key: ColumnKey) -> Bool { columnOfKey[key] != nil }

    /// The per-seed columns stored beside a seed-mean column, in seed order.
    public func seedColumns(of key: ColumnKey) -> [ColumnKey] {
        keys.filter { $0.seed != nil && $0.meanKey == key.meanKey }.sorted { ($0.seed ?? 0) < ($1.seed ?? 0) }
    }
}

/// Where a table's numbers come from.
public struct TableMetadata: Sendable, Equatable {
    /// A human-readable description of the source (paper, package, files).
    public var source: String
    /// Machine-readable provenance: JSON with inputs, their SHA-256 and the importer's options.
    public var provenance: String
    /// The program that wrote the file.
    public var createdBy: String

    public init(source: String, provenance: String, createdBy: String = "nasbench \(nasbenchVersion)") {
        self.source = source
        self.provenance = provenance
        self.createdBy = createdBy
    }
}

/// This library's version, written into the files it creates.
public let nasbenchVersion = "0.1.0"
