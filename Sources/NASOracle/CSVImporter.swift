import Foundation

/// Imports any CSV with one row per cell: a column of cell strings, optionally a column of the
/// benchmark's own indices, and numeric columns mapped to `ColumnKey`s.
public struct CSVImporter {
    public var codec: CellCodec
    public var archColumn: String
    /// The benchmark's own index; rows are numbered 0.. when nil.
    public var indexColumn: String?
    /// Source column name and the column it becomes.
    public var mapping: [(source: String, key: ColumnKey)]
    /// Whether empty or NaN fields are allowed (stored as NaN); otherwise they are errors.
    public var allowMissing: Bool
    /// A human-readable description of where the numbers come from.
    public var source: String
    /// Extra provenance (e.g. written by a bridge script), merged into the stored JSON.
    public var extraProvenance: [String: Any]

    public init(
        codec: CellCodec, archColumn: String, indexColumn: String?, mapping: [(source: String, key: ColumnKey)],
        allowMissing: Bool, source: String, extraProvenance: [String: Any] = [:]
    ) {
        self.codec = codec
        self.archColumn = archColumn
        self.indexColumn = indexColumn
        self.mapping = mapping
        self.allowMissing = allowMissing
        self.source = source
        self.extraProvenance = extraProvenance
    }

    /// Parses a mapping given as `source=key` (e.g. `acc=cifar10.test.accuracy.e200`).
    public static func parseMapping(_ text: String) throws -> (source: String, key: ColumnKey) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw OracleError.badInput("bad mapping '\(text)': expected SOURCE_COLUMN=dataset.split.metric[.eEPOCHS][.seedK]")
        }
        return (parts[0], try ColumnKey(name: parts[1]))
    }

    public func importTable(from path: String) throws -> BenchmarkTable {
        guard !mapping.isEmpty else { throw OracleError.badInput("no columns mapped: give at least one SOURCE=KEY") }
        let file = try CSVFile(path: path)
        let archIndex = try file.columnIndex(archColumn)
        let officialIndex = try indexColumn.map { try file.columnIndex($0) }
        var archs: [String] = []
        var encodings: [UInt8] = []
        var index: [Int64] = []
        archs.reserveCapacity(file.rows.count)
        for (line, row) in file.rows.enumerated() {
            do {
                let (canonical, encoding) = try codec.encode(row[archIndex])
                archs.append(canonical)
                encodings.append(contentsOf: encoding)
            } catch {
                throw OracleError.badInput("\(path):\(line + 2): \(error)")
            }
            if let officialIndex {
                guard let value = Int64(row[officialIndex]) else {
                    throw OracleError.badInput("\(path):\(line + 2): index '\(row[officialIndex])' is not an integer")
                }
                index.append(value)
            } else {
                index.append(Int64(line))
            }
        }
        var columns: [ColumnKey: [Float]] = [:]
        for (source, key) in mapping {
            guard columns[key] == nil else { throw OracleError.badInput("column \(key) is mapped twice") }
            columns[key] = try file.floats(source, allowMissing: allowMissing)
        }
        var provenance = extraProvenance
        provenance["importer"] = "csv"
        provenance["inputs"] = [["file": (path as NSString).lastPathComponent, "sha256": try file.sha256()]]
        provenance["mapping"] = mapping.map { "\($0.source)=\($0.key.name)" }
        do {
            return try BenchmarkTable(
                space: codec.space, archs: archs, encodings: encodings, encodingWidth: codec.encodingWidth,
                benchmarkIndex: index, columns: columns,
                metadata: TableMetadata(source: source, provenance: try ProvenanceJSON.encode(provenance)))
        } catch let error as OracleError {
            throw OracleError.badInput("\(path): \(error)")
        }
    }
}
