import Foundation
import NASHDF5
import NASSpaces

/// The HDF5 layout, version 1 (docs/FORMAT.md is the specification).
public enum BenchmarkFormat {
    public static let name = "nasbench-table"
    public static let version = 1
}

extension BenchmarkTable {
    /// Loads a table from a nasbench HDF5 file, checking its format, version and schema.
    public static func load(_ path: String) throws -> BenchmarkTable {
        do {
            return try read(HDF5File.open(path), path: path)
        } catch let error as HDF5Error {
            throw OracleError.badFile(path, error.message)
        }
    }

    private static func read(_ file: HDF5File, path: String) throws -> BenchmarkTable {
        let root = try file.root()
        guard root.hasAttribute("format"), (try? root.stringAttribute("format")) == BenchmarkFormat.name else {
            throw OracleError.badFile(path, "not a nasbench table (root attribute format != '\(BenchmarkFormat.name)')")
        }
        let version = try root.integerAttribute("format_version")
        guard version == BenchmarkFormat.version else {
            throw OracleError.unsupportedVersion(path: path, found: version, supported: BenchmarkFormat.version)
        }
        let spaceName = try root.stringAttribute("search_space")
        guard let space = SpaceID(rawValue: spaceName) else {
            throw OracleError.badFile(path, OracleError.unknownSpace(spaceName).description)
        }
        let metadata = TableMetadata(
            source: try root.stringAttribute("source"), provenance: try root.stringAttribute("provenance"),
            createdBy: try root.stringAttribute("created_by"))

        let cells = try root.group("cells")
        let archSet = try cells.dataset("arch")
        let archShape = try archSet.shape()
        guard archShape.count == 1, try archSet.typeClass() == .string else {
            throw OracleError.badFile(path, "/cells/arch must be a 1-D array of strings (shape \(archShape))")
        }
        let rows = archShape[0]
        // Spaces whose codec writes strings from encodings skip reading them (`verify` compares them).
        let archs = space.codec.decode == nil ? try archSet.readStrings() : nil
        let encodingSet = try cells.dataset("encoding")
        let encodingShape = try encodingSet.shape()
        guard encodingShape.count == 2, encodingShape[0] == rows, encodingShape[1] > 0 else {
            throw OracleError.badFile(path, "/cells/encoding has shape \(encodingShape), expected [\(rows), width]")
        }
        let encodings: [UInt8] = try encodingSet.read()
        let indexSet = try cells.dataset("index")
        guard try indexSet.shape() == [rows] else {
            throw OracleError.badFile(path, "/cells/index has shape \(try indexSet.shape()), expected [\(rows)]")
        }
        let index: [Int64] = try indexSet.read()

        let metrics = try root.group("metrics")
        var columns: [ColumnKey: [Float]] = [:]
        for name in try metrics.childNames() {
            let set = try metrics.dataset(name)
            let key = try ColumnKey(name: name)
            try checkColumnAttributes(set, key: key, path: path)
            guard try set.shape() == [rows] else {
                throw OracleError.badFile(path, "/metrics/\(name) has shape \(try set.shape()), expected [\(rows)]")
            }
            guard try set.typeClass() == .float else {
                throw OracleError.badFile(path, "/metrics/\(name) does not hold floating-point values")
            }
            columns[key] = try set.read()
        }
        do {
            return try BenchmarkTable(
                space: space, storedArchs: archs, encodings: encodings, encodingWidth: encodingShape[1],
                benchmarkIndex: index, columns: columns, metadata: metadata)
        } catch let error as OracleError {
            throw OracleError.badFile(path, error.description)
        }
    }

    /// The attributes must agree with the column's name, so that h5py users can rely on either.
    private static func checkColumnAttributes(_ set: HDF5Dataset, key: ColumnKey, path: String) throws {
        let splitName = try set.stringAttribute("split")
        let metricName = try set.stringAttribute("metric")
        guard let split = Split(rawValue: splitName), let metric = Metric(rawValue: metricName) else {
            throw OracleError.badFile(path, "/metrics/\(key.name): unknown split '\(splitName)' or metric '\(metricName)'")
        }
        let epochs = try set.integerAttribute("epochs")
        let seed = try set.integerAttribute("seed")
        let device = try set.stringAttribute("device")
        let fromAttributes = ColumnKey(
            dataset: Dataset(try set.stringAttribute("dataset")), split: split, metric: metric,
            epochs: epochs > 0 ? epochs : nil, seed: seed >= 0 ? seed : nil, device: device.isEmpty ? nil : device)
        guard fromAttributes == key else {
            throw OracleError.badFile(path, "/metrics/\(key.name): attributes describe \(fromAttributes.name)")
        }
    }

    /// The cell strings as stored in the file's `/cells/arch` (for checks against the encodings).
    public static func storedArchs(_ path: String) throws -> [String] {
        do {
            return try HDF5File.open(path).root().group("cells").dataset("arch").readStrings()
        } catch let error as HDF5Error {
            throw OracleError.badFile(path, error.message)
        }
    }

    /// Writes the table atomically: to a temporary file beside `path`, then renamed over it.
    public func write(to path: String) throws {
        do {
            try HDF5File.writeAtomically(to: path, writeUnchecked)
        } catch {
            if let error = error as? HDF5Error { throw OracleError.badFile(path, error.message) }
            throw error
        }
    }

    private func writeUnchecked(to path: String) throws {
        let file = try HDF5File.create(path)
        let root = try file.root()
        try root.setAttribute("format", BenchmarkFormat.name)
        try root.setAttribute("format_version", BenchmarkFormat.version)
        try root.setAttribute("search_space", space.rawValue)
        try root.setAttribute("cell_count", rowCount)
        try root.setAttribute("source", metadata.source)
        try root.setAttribute("provenance", metadata.provenance)
        try root.setAttribute("created_by", metadata.createdBy)

        let cells = try root.createGroup("cells")
        try cells.writeStrings("arch", Array(archs))
        try cells.write("encoding", encodings, shape: [rowCount, encodingWidth])
        try cells.write("index", benchmarkIndex)

        let metrics = try root.createGroup("metrics")
        for (key, values) in zip(keys, columns) {
            let set = try metrics.write(key.name, values)
            try set.setAttribute("dataset", key.dataset.rawValue)
            try set.setAttribute("split", key.split.rawValue)
            try set.setAttribute("metric", key.metric.rawValue)
            try set.setAttribute("unit", key.metric.unit)
            try set.setAttribute("epochs", key.epochs ?? 0)
            try set.setAttribute("seed", key.seed ?? -1)
            try set.setAttribute("device", key.device ?? "")
        }
        try file.flush()
    }
}
