import Foundation
import NASSpaces

/// Imports NAS-Bench-101 cells as NASLib stores them (`naslib/data/zc_nasbench101.json`, as
/// converted to `naslib_zc_nb101_500.csv`): an `arch` column of 56 integers, the row-major 7x7
/// adjacency matrix then 7 op codes, with `val_accuracy`, `params` and `flops`.
///
/// NASLib's specs are raw (unpruned) samples, and several rows can be one model: rows are merged
/// by model (``NB101Cell/canonicalForm()``, equivalently the official hash). Each row's accuracy
/// is one randomly drawn training seed (NASLib queries NB101 that way), so a model's value is the
/// mean of the distinct values among its rows (1 to 3 of NB101's 3 seeds). Params and FLOPs,
/// which NASLib computed on each raw spec, are averaged; they must agree within 2% (they differ
/// slightly between isomorphic specs because the official builder hands the channels left over
/// from the output's split to the lowest-numbered vertices).
public struct NB101NASLibImporter {
    /// NASLib's op codes (`nasbench101/conversions.py`: `all_ops = ["input", "output",
    /// "maxpool3x3", "conv1x1-bn-relu", "conv3x3-bn-relu"]`). Checked against the 500-cell file:
    /// code 0 is at vertex 0 and code 1 at vertex 6 in every row; params rise with the number of
    /// code-4 vertices and fall with code-2 ones (Tests/NASOracleTests/RealNB101Tests.swift).
    public static let opOfCode: [Int: NB101Op] = [2: .maxPool3x3, 3: .conv1x1, 4: .conv3x3]
    public static let inputCode = 0
    public static let outputCode = 1

    public static let columns: [(source: String, key: ColumnKey)] = [
        ("val_accuracy", ColumnKey(dataset: .cifar10, split: .valid, metric: .accuracy, epochs: 108)),
        ("params", ColumnKey(dataset: .cifar10, split: .none, metric: .params)),
        ("flops", ColumnKey(dataset: .cifar10, split: .none, metric: .flops)),
    ]

    public init() {}

    /// Parses one `arch` field, e.g. `"(0, 1, 1, ..., 0, 2, 4, 3, 3, 2, 1)"`, into a spec.
    public static func cell(fromArch field: String) throws -> NB101Cell {
        let trimmed = field.trimmingCharacters(in: CharacterSet(charactersIn: "()[] "))
        let parts = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Int($0) }
        let vertices = NB101Cell.maxVertices
        guard parts.count == vertices * vertices + vertices, values.count == parts.count else {
            throw OracleError.badInput(
                "arch '\(field)' is not \(vertices * vertices + vertices) integers (a row-major 7x7 matrix, then 7 op codes)")
        }
        for (offset, value) in values.prefix(vertices * vertices).enumerated() where value != 0 && value != 1 {
            throw OracleError.badInput("arch '\(field)': matrix entry \(offset) is \(value), expected 0 or 1")
        }
        let codes = Array(values.suffix(vertices))
        guard codes.first == inputCode, codes.last == outputCode else {
            throw OracleError.badInput(
                "arch '\(field)': op codes \(codes) should start with \(inputCode) (input) and end with \(outputCode) (output)")
        }
        let ops = try codes.dropFirst().dropLast().enumerated().map { offset, code in
            guard let op = opOfCode[code] else {
                throw OracleError.badInput(
                    "arch '\(field)': op code \(code) at vertex \(offset + 1), expected 2 (maxpool3x3), 3 (conv1x1-bn-relu) or 4 (conv3x3-bn-relu)")
            }
            return op
        }
        let text = NB101Cell(ops: ops) { values[$0 * vertices + $1] == 1 }.description
        for source in 0..<vertices {
            for target in 0...source where values[source * vertices + target] != 0 {
                throw OracleError.badInput("arch '\(field)': edge \(source)->\(target) is not above the diagonal")
            }
        }
        do {
            return try NB101Space().parse(text)
        } catch {
            throw OracleError.badInput("arch '\(field)': \(error)")
        }
    }

    /// Imports the CSV at `path`.
    public func importTable(from path: String) throws -> BenchmarkTable {
        let file = try CSVFile(path: path)
        let archColumn = try file.columnIndex("arch")
        var rowOfModel: [NB101Cell: Int] = [:]
        var models: [NB101Cell] = []
        var firstLine: [Int64] = []
        var members: [[Int]] = []
        for (line, row) in file.rows.enumerated() {
            let cell: NB101Cell
            do {
                cell = try Self.cell(fromArch: row[archColumn])
            } catch {
                throw OracleError.badInput("\(path):\(line + 2): \(error)")
            }
            guard let model = cell.canonicalForm() else { continue }
            if let existing = rowOfModel[model] {
                members[existing].append(line)
            } else {
                rowOfModel[model] = models.count
                models.append(model)
                firstLine.append(Int64(line))
                members.append([line])
            }
        }
        var columns: [ColumnKey: [Float]] = [:]
        for (source, key) in Self.columns {
            let values = try file.floats(source, allowMissing: false)
            columns[key] = try members.enumerated().map { model, lines in
                let distinct = Array(Set(lines.map { values[$0] })).sorted()
                if key.metric == .accuracy {
                    guard distinct.count <= 3 else {
                        throw OracleError.badInput(
                            "\(path): model \(models[model]) has \(distinct.count) different \(source) values (lines \(lines.map { $0 + 2 })), but NB101 trained each model with 3 seeds")
                    }
                    return distinct.reduce(0, +) / Float(distinct.count)
                }
                // Isomorphic specs can differ a little: the official builder gives the channels left
                // over from splitting among the output's inputs to the lowest-numbered vertices.
                guard let first = distinct.first, let last = distinct.last, last - first <= 0.02 * max(1e-6, abs(first)) else {
                    throw OracleError.badInput(
                        "\(path): model \(models[model]) has \(source) values \(distinct) on lines \(lines.map { $0 + 2 }), more than 2% apart (one model, one size)")
                }
                return lines.reduce(0) { $0 + values[$1] } / Float(lines.count)
            }
        }
        let provenance = try ProvenanceJSON.encode([
            "importer": "nb101-naslib",
            "inputs": [["file": (path as NSString).lastPathComponent, "sha256": try file.sha256()]],
            "op_codes": ["0": "input", "1": "output", "2": "maxpool3x3", "3": "conv1x1-bn-relu", "4": "conv3x3-bn-relu"],
            "rows": file.rows.count, "models": models.count,
            "merge": "rows of one model (official module hash) merged; accuracy: mean of the distinct sampled-seed values; params, flops: mean over rows (within 2%)",
            "sources": ["automl/NASLib naslib/data/zc_nasbench101.json (Apache-2.0); NAS-Bench-101 (Ying et al., ICML 2019)"],
        ])
        return try BenchmarkTable(
            space: .nb101, archs: models.map(\.description), encodings: models.flatMap(CellCodec.nb101Bytes),
            encodingWidth: CellCodec.nb101.encodingWidth, benchmarkIndex: firstLine, columns: columns,
            metadata: TableMetadata(
                source: "NAS-Bench-101 (Ying et al., ICML 2019): \(models.count) models from NASLib's \(file.rows.count)-row zero-cost sample; validation accuracy at 108 epochs (mean of the sampled seeds), NASLib's params and FLOPs",
                provenance: provenance))
    }
}
