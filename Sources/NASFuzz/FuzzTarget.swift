import Foundation

/// A parser of outside input, driven with arbitrary bytes (libFuzzer, `nasbench-fuzz`) or with a
/// committed corpus (`NASFuzzTests`).
///
/// Each target feeds the bytes to the product's own entry point: the cell-string parsers of every
/// space, and the file readers through a scratch file (CSV importers, the HDF5 table reader, the
/// NB101 tfrecord importer, the CIFAR-10 archive reader, IDX files, spec and configuration files).
/// A thrown error is the expected answer to bad input; the target then checks that its message is
/// one line. A crash, a hang, an out-of-memory failure, a multi-line message, or a property that
/// fails on accepted input (a round trip that does not return the input) is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case nb201Cell = "nb201-cell"
    case nb101Cell = "nb101-cell"
    case nbgraphCell = "nbgraph-cell"
    case flags
    case csvImport = "csv-import"
    case nb101CSV = "nb101-csv"
    case hdf5Table = "hdf5-table"
    case tfrecord
    case cifarArchive = "cifar-archive"
    case idx
    case specJSON = "spec-json"
    case specYAML = "spec-yaml"

    /// The list of names, for usage messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// What the target reads, for `nasbench-fuzz --list`.
    public var summary: String {
        switch self {
        case .nb201Cell: "NB201 cell strings (round trip: describe(parse(s)) == s)"
        case .nb101Cell: "NB101 cell strings (round trip: parse(describe(c)) == c)"
        case .nbgraphCell: "NAS-Bench-Graph cell strings (round trip)"
        case .flags: "option values: column keys, budgets, shards, encodings, spaces"
        case .csvImport: "CSVImporter on an NB201 results CSV (accepted tables are written to HDF5 and read back)"
        case .nb101CSV: "NB101 NASLib CSV importer (arch adjacency/ops fields)"
        case .hdf5Table: "BenchmarkTable.load on generated HDF5 tables (wrong types and shapes, huge declared shapes, bad attributes, corrupt chunks)"
        case .tfrecord: "NB101 tfrecord framing, CRCs, record JSON and ModelMetrics protobuf"
        case .cifarArchive: "CIFAR-10 binary archives through libarchive (tar, gzip)"
        case .idx: "IDX files (Fashion-MNIST), plain or gzip"
        case .specJSON: "experiment specs and predictor configurations as JSON (round trip of accepted specs)"
        case .specYAML: "experiment specs and predictor configurations as YAML"
        }
    }

    /// Runs the target on one input. Returns normally for accepted and for refused input; traps
    /// (a finding) on a broken property.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .nb201Cell, .nb101Cell, .nbgraphCell, .flags:
            runText(String(decoding: bytes, as: UTF8.self))
        case .hdf5Table:
            runGeneratedTable(bytes)
        case .csvImport, .nb101CSV, .tfrecord, .cifarArchive, .idx, .specJSON, .specYAML:
            runFile(bytes)
        }
    }

    public func run(_ data: Data) {
        data.withUnsafeBytes { run($0) }
    }
}

/// A property of accepted input that did not hold, or a message that is not one line.
func fuzzFinding(_ what: String, input: String? = nil) -> Never {
    let shown = input.map { " on input \(String(reflecting: $0))" } ?? ""
    fatalError("fuzz finding: \(what)\(shown)")
}

/// The check every refusal passes: its message is one non-empty line.
func expectOneLine(_ error: any Error, target: FuzzTarget) {
    let message = "\(error)"
    if message.isEmpty || message.contains("\n") || message.contains("\r") {
        fuzzFinding("\(target.rawValue): error message is not one line: \(String(reflecting: message))")
    }
}
