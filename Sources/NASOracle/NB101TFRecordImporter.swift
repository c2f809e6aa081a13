import Foundation
import NASSpaces

/// Imports the official NAS-Bench-101 files, `nasbench_only108.tfrecord` and
/// `nasbench_full.tfrecord`, natively (no TensorFlow): TFRecord framing with both CRC checks,
/// then each record's JSON `[module_hash, epochs, adjacency, operations, metrics]` as the
/// official `api.py` reads it, `metrics` being a base64 `nasbench.ModelMetrics` protobuf.
///
/// Every record is checked: the spec must be a valid NB101 cell whose official hash is the
/// record's key. Repeats of one (model, epochs) become seeds 0, 1, 2 in file order; the final
/// evaluation of each run gives the columns, at every epoch budget in the file:
/// `cifar10.{train,valid,test}.accuracy.eE[.seedK]` (%), `cifar10.none.train_time_s.eE[.seedK]`
/// (training seconds, evaluation excluded), and `cifar10.none.params_m`.
public struct NB101TFRecordImporter {
    /// A run's final numbers.
    private struct Run {
        var train, valid, test, time: Double
    }

    public init() {}

    /// Imports the file at `path`.
    public func importTable(from path: String) throws -> BenchmarkTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OracleError.badInput("no such file or unreadable: \(path)")
        }
        var rowOfHash: [String: Int] = [:]
        var models: [NB101Cell] = []
        var params: [Float] = []
        var runs: [[Int: [Run]]] = []
        do {
            try TFRecordReader(bytes: data).forEachRecord { record, bytes in
                let (hash, epochs, cell, metrics) = try parse(record: record, bytes)
                let row: Int
                if let existing = rowOfHash[hash] {
                    row = existing
                } else {
                    guard cell.moduleHash == hash, let model = cell.canonicalForm() else {
                        throw TFRecordError.badRecord(
                            record: record, why: "key \(hash) is not the official hash of its spec \(cell) (\(cell.moduleHash ?? "none"))")
                    }
                    row = models.count
                    rowOfHash[hash] = row
                    models.append(model)
                    params.append(Float(metrics.trainableParameters ?? 0) / 1e6)
                    runs.append([:])
                }
                guard let last = metrics.evaluations.last, metrics.evaluations.count >= 2 else {
                    throw TFRecordError.badRecord(
                        record: record, why: "ModelMetrics has \(metrics.evaluations.count) evaluations, expected 3 (start, halfway, end)")
                }
                runs[row][epochs, default: []].append(
                    Run(train: last.trainAccuracy * 100, valid: last.validationAccuracy * 100, test: last.testAccuracy * 100,
                        time: last.trainingTime))
            }
        } catch let error as TFRecordError {
            throw OracleError.badInput("\(path): \(error)")
        }
        guard !models.isEmpty else { throw OracleError.badInput("\(path): no records (expected a NAS-Bench-101 .tfrecord file)") }
        let provenance = try ProvenanceJSON.encode([
            "importer": "nb101-tfrecord",
            "inputs": [["file": (path as NSString).lastPathComponent, "sha256": try SHA256Digest.hex(ofFile: path)]],
            "records": "JSON [module_hash, epochs, adjacency, operations, base64 ModelMetrics]; final evaluation of each run",
            "sources": ["NAS-Bench-101 (Ying et al., ICML 2019), google-research/nasbench (Apache-2.0)"],
        ])
        return try BenchmarkTable(
            space: .nb101, archs: models.map(\.description), encodings: models.flatMap(CellCodec.nb101Bytes),
            encodingWidth: CellCodec.nb101.encodingWidth, benchmarkIndex: (0..<models.count).map(Int64.init),
            columns: columns(runs: runs, params: params),
            metadata: TableMetadata(
                source: "NAS-Bench-101 (Ying et al., ICML 2019): \(models.count) models, CIFAR-10, 3 runs per epoch budget",
                provenance: provenance))
    }

    /// Decodes one record's JSON and metrics.
    private func parse(record: Int, _ bytes: UnsafeRawBufferPointer) throws
        -> (String, Int, NB101Cell, NB101ModelMetrics)
    {
        func bad(_ why: String) -> TFRecordError { .badRecord(record: record, why: why) }
        guard let list = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [Any], list.count == 5,
            let hash = list[0] as? String, let epochs = list[1] as? Int, let adjacency = list[2] as? String,
            let operations = list[3] as? String, let encoded = list[4] as? String
        else {
            throw bad("not the JSON list [module_hash, epochs, adjacency, operations, metrics] of the official files")
        }
        let side = Int(Double(adjacency.count).squareRoot())
        guard side * side == adjacency.count, side >= 2 else {
            throw bad("adjacency '\(adjacency)' is not a square matrix of digits")
        }
        let digits = Array(adjacency)
        let rows = (0..<side).map { String(digits[($0 * side)..<(($0 + 1) * side)]) }.joined(separator: ",")
        let cell: NB101Cell
        do {
            cell = try NB101Space().parse(rows + "|" + operations)
        } catch {
            throw bad("\(error)")
        }
        guard let raw = Data(base64Encoded: encoded) else { throw bad("metrics field is not base64") }
        do {
            return (hash, epochs, cell, try NB101ModelMetrics(bytes: [UInt8](raw)))
        } catch {
            throw bad("metrics: \(error)")
        }
    }

    /// Seed and mean columns at every epoch budget, and params.
    private func columns(runs: [[Int: [Run]]], params: [Float]) -> [ColumnKey: [Float]] {
        var columns: [ColumnKey: [Float]] = [ColumnKey(dataset: .cifar10, split: .none, metric: .params): params]
        let budgets = Set(runs.flatMap(\.keys)).sorted()
        let seeds = runs.flatMap(\.values).map(\.count).max() ?? 0
        let fields: [(Split, Metric, KeyPath<Run, Double>)] = [
            (.train, .accuracy, \.train), (.valid, .accuracy, \.valid), (.test, .accuracy, \.test), (.none, .trainTime, \.time),
        ]
        for epochs in budgets {
            for (split, metric, path) in fields {
                let key = ColumnKey(dataset: .cifar10, split: split, metric: metric, epochs: epochs)
                columns[key] = runs.map { model in
                    let values = (model[epochs] ?? []).map { $0[keyPath: path] }
                    return values.isEmpty ? .nan : Float(values.reduce(0, +) / Double(values.count))
                }
                for seed in 0..<seeds {
                    var seedKey = key
                    seedKey.seed = seed
                    columns[seedKey] = runs.map { model in
                        let values = model[epochs] ?? []
                        return seed < values.count ? Float(values[seed][keyPath: path]) : .nan
                    }
                }
            }
        }
        return columns
    }
}
