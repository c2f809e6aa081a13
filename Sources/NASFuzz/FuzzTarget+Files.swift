import Foundation
import NASDatasets
import NASExperiments
import NASOracle
import NASPredictors

extension FuzzTarget {
    /// The file targets: the bytes are written to a scratch file that the reader opens by path,
    /// the way users' files reach it.
    func runFile(_ bytes: UnsafeRawBufferPointer) {
        let path = ScratchFile.write(bytes, name: scratchName)
        do {
            switch self {
            case .csvImport:
                let table = try csvImporter.importTable(from: path)
                let copy = ScratchFile.path(name: "roundtrip.h5")
                try table.write(to: copy)
                let back = try BenchmarkTable.load(copy)
                guard back.rowCount == table.rowCount, back.keys == table.keys, back.encodings == table.encodings,
                      zip(back.columns, table.columns).allSatisfy({ zip($0, $1).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) } })
                else { fuzzFinding("an imported CSV table changed when written to HDF5 and read back") }
            case .nb101CSV:
                _ = try NB101NASLibImporter().importTable(from: path)
            case .tfrecord:
                _ = try NB101TFRecordImporter().importTable(from: path)
            case .cifarArchive:
                _ = try CIFAR10.load(archive: path, part: .test)
            case .idx:
                let file = try IDXFile(path: path)
                guard file.bytes.count == file.shape.reduce(1, *) else { fuzzFinding("IDX values do not fill the shape") }
            case .specJSON, .specYAML:
                try readSpecs(path)
            default:
                fuzzFinding("\(rawValue) is not a file target")
            }
        } catch {
            expectOneLine(error, target: self)
        }
    }

    private var scratchName: String {
        switch self {
        case .csvImport, .nb101CSV: "input.csv"
        case .tfrecord: "input.tfrecord"
        case .cifarArchive: "input.tar.gz"
        case .idx: "input-idx3-ubyte.gz"
        case .specYAML: "input.yaml"
        default: "input.json"
        }
    }

    /// The HDF5 target: the bytes choose a table file (``HDF5TableGenerator``), which the reader loads.
    func runGeneratedTable(_ bytes: UnsafeRawBufferPointer) {
        var input = FuzzInput(bytes)
        let generated = ScratchFile.path(name: "generated.h5")
        do {
            try HDF5TableGenerator.write(&input, to: generated)
            _ = TableVerifier().verify(try BenchmarkTable.load(generated))
        } catch {
            expectOneLine(error, target: self)
        }
    }

    private var csvImporter: CSVImporter {
        CSVImporter(
            codec: .nb201, archColumn: "arch", indexColumn: "index",
            mapping: [("acc", ColumnKey(dataset: "cifar10", split: .test, metric: .accuracy, epochs: 200)),
                      ("time", ColumnKey(dataset: "cifar10", split: .none, metric: .trainTime))],
            allowMissing: true, source: "fuzz")
    }

    /// Every spec kind and the predictor configuration file, as the CLI reads them; an accepted
    /// spec must survive its own JSON encoding.
    private func readSpecs(_ path: String) throws {
        var firstError: (any Error)?
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch { if firstError == nil { firstError = error } }
        }
        attempt { try roundTrip(SearchSpec.load(path: path)) }
        attempt { try roundTrip(PredictorSpec.load(path: path)) }
        attempt { try roundTrip(RWESpec.load(path: path)) }
        attempt { try roundTrip(MooSpec.load(path: path)) }
        attempt { _ = try PredictorSettings(json: ConfigFile.jsonData(path: path)) }
        if let firstError { throw firstError }
    }

    private func roundTrip<Spec: ExperimentSpec>(_ spec: Spec) throws {
        let json = try spec.json()
        let copy = ScratchFile.write(Array(json.utf8), name: "roundtrip.json")
        let again: String
        do {
            again = try Spec.load(path: copy).json()
        } catch {
            fuzzFinding("\(Spec.experiment) spec cannot read its own JSON: \(error)", input: json)
        }
        guard again == json else { fuzzFinding("\(Spec.experiment) spec changed through its own JSON", input: json) }
    }
}
