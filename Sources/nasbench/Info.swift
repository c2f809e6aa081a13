import ArgumentParser
import Foundation
import NASOracle

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a table's schema, counts, provenance and the optimum of every column.")

    @Argument(help: "A nasbench HDF5 table.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let table = try BenchmarkTable.load(file)
        var columns: [[String: Any]] = []
        for (key, values) in zip(table.keys, table.columns) {
            let present = values.filter { !$0.isNaN }
            let optimum = try? table.optimum(key)
            columns.append([
                "name": key.name, "unit": key.metric.unit, "missing": values.count - present.count,
                "min": Double(present.min() ?? .nan), "max": Double(present.max() ?? .nan),
                "mean": present.isEmpty ? Double.nan : present.reduce(0.0) { $0 + Double($1) } / Double(present.count),
                "optimum": Double(optimum?.value ?? .nan), "optimum_cells": optimum?.rows.count ?? 0,
                "optimum_arch": optimum.map { table.archs[$0.rows[0]] } ?? "",
            ])
        }
        if format == .json {
            let object: [String: Any] = [
                "file": file, "format": BenchmarkFormat.name, "format_version": BenchmarkFormat.version,
                "search_space": table.space.rawValue, "cells": table.rowCount, "source": table.metadata.source,
                "created_by": table.metadata.createdBy, "provenance": table.metadata.provenance,
                "columns": columns.map { $0.mapValues { v in (v as? Double).map { $0.isNaN ? NSNull() : $0 as Any } ?? v } },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("file:        \(file)")
        print("format:      \(BenchmarkFormat.name) v\(BenchmarkFormat.version)")
        print("space:       \(table.space.rawValue), \(table.rowCount) cells")
        print("source:      \(table.metadata.source)")
        print("created by:  \(table.metadata.createdBy)")
        print("provenance:  \(table.metadata.provenance)")
        print("columns:     \(table.keys.count)")
        let width = max(6, table.keys.map(\.name.count).max() ?? 6)
        print("  " + "column".padding(toLength: width, withPad: " ", startingAt: 0)
            + "  unit      missing       min      mean       max   optimum  ties")
        for column in columns {
            let name = (column["name"] as? String ?? "").padding(toLength: width, withPad: " ", startingAt: 0)
            let unit = (column["unit"] as? String ?? "").padding(toLength: 8, withPad: " ", startingAt: 0)
            func number(_ key: String) -> String { String(format: "%9.4f", column[key] as? Double ?? .nan) }
            print("  \(name)  \(unit)  \(String(format: "%7d", column["missing"] as? Int ?? 0)) \(number("min")) \(number("mean")) \(number("max")) \(number("optimum"))  \(column["optimum_cells"] as? Int ?? 0)")
        }
    }
}
