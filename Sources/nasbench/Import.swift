import ArgumentParser
import Foundation
import NASOracle
import NASSpaces

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert benchmark results into a nasbench HDF5 table.",
        subcommands: [ImportNB201.self, ImportNB101.self, ImportNB101NASLib.self, ImportCSV.self])
}

struct ImportNB201: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb201",
        abstract: "Import NAS-Bench-201 from nb201_full.csv (+ nb201_seeds.csv, HW-NAS latency CSV beside it).")

    @Argument(help: "A folder holding nb201_full.csv, or the file itself.")
    var source: String

    @Option(name: .shortAndLong, help: "The HDF5 file to write (replaced atomically).")
    var out: String

    @Flag(help: "Leave out the per-seed columns.")
    var noSeeds = false

    @Flag(help: "Leave out the measured latency and energy columns.")
    var noLatency = false

    func run() throws {
        let table = try NB201Importer().importTable(from: source, includeSeeds: !noSeeds, includeLatency: !noLatency)
        try table.write(to: out)
        print("wrote \(out): \(table.rowCount) cells, \(table.keys.count) columns")
    }
}

struct ImportNB101: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb101",
        abstract: "Import NAS-Bench-101 from the official nasbench_only108.tfrecord or nasbench_full.tfrecord.")

    @Argument(help: "The official .tfrecord file.")
    var source: String

    @Option(name: .shortAndLong, help: "The HDF5 file to write (replaced atomically).")
    var out: String

    func run() throws {
        let table = try NB101TFRecordImporter().importTable(from: source)
        try table.write(to: out)
        print("wrote \(out): \(table.rowCount) cells, \(table.keys.count) columns")
    }
}

struct ImportNB101NASLib: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb101-naslib",
        abstract: "Import NAS-Bench-101 cells in NASLib's encoding (e.g. naslib_zc_nb101_500.csv), merged by model.")

    @Argument(help: "The CSV with an 'arch' column of 56 integers, 'val_accuracy', 'params' and 'flops'.")
    var source: String

    @Option(name: .shortAndLong, help: "The HDF5 file to write (replaced atomically).")
    var out: String

    func run() throws {
        let table = try NB101NASLibImporter().importTable(from: source)
        try table.write(to: out)
        print("wrote \(out): \(table.rowCount) cells, \(table.keys.count) columns")
    }
}

struct ImportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import any CSV with one row per cell, mapping its columns to table columns.",
        discussion: "Example: nasbench import csv r.csv --space nb201 --map acc=cifar10.test.accuracy.e200 -o r.h5")

    @Argument(help: "The CSV file.")
    var source: String

    @Option(help: "Search space of the cells.")
    var space: SpaceID

    @Option(help: "Column holding the cell strings.")
    var archColumn = "arch_str"

    @Option(help: "Column holding the benchmark's own cell index (rows are numbered from 0 without it).")
    var indexColumn: String?

    @Option(name: .customLong("map"), help: "SOURCE=dataset.split.metric[.eEPOCHS][.seedK] (repeat).")
    var mappings: [String] = []

    @Flag(help: "Store empty or NaN fields as missing (NaN) instead of failing.")
    var allowMissing = false

    @Option(help: "A description of where the numbers come from.")
    var sourceDescription = "imported CSV"

    @Option(help: "A JSON file of provenance to store with the table (e.g. from a bridge script).")
    var provenance: String?

    @Option(name: .shortAndLong, help: "The HDF5 file to write (replaced atomically).")
    var out: String

    func run() throws {
        var extra: [String: Any] = [:]
        if let provenance {
            guard let data = FileManager.default.contents(atPath: provenance),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { throw ValidationError("cannot read a JSON object from --provenance \(provenance)") }
            extra = object
        }
        let importer = CSVImporter(
            codec: space.codec, archColumn: archColumn, indexColumn: indexColumn,
            mapping: try mappings.map(CSVImporter.parseMapping), allowMissing: allowMissing,
            source: sourceDescription, extraProvenance: extra)
        let table = try importer.importTable(from: source)
        try table.write(to: out)
        print("wrote \(out): \(table.rowCount) cells, \(table.keys.count) columns")
    }
}
