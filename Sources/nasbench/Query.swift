import ArgumentParser
import Foundation
import NASOracle
import NASSpaces

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look up cells in a table with an explicit dataset, split, metric, epochs and seed.",
        discussion: """
            Example: nasbench query t.h5 --dataset cifar10-valid --split valid --metric accuracy --epochs 200 \\
              '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
            """)

    @Argument(help: "A nasbench HDF5 table.")
    var file: String

    @OptionGroup var query: QueryOptions

    @Argument(help: "Cells (strings in the space's form, or benchmark indices with --index); '-' reads them from stdin.")
    var cells: [String] = []

    @Flag(help: "Treat the cells as the benchmark's own indices.")
    var index = false

    @Option(help: "Seed of the random draws for --seed sampled.")
    var rngSeed: UInt64 = 0

    @Option(help: "Output format: text, csv or json (JSON Lines).")
    var format: OutputFormat = .text

    func run() throws {
        let table = try BenchmarkTable.load(file)
        var oracle = TabularOracle(table: table)
        let resolved = try oracle.resolve(try query.makeQuery(for: table))
        let key = table.keys[resolved.column]
        var generator = SplitMix64(seed: rngSeed)
        var inputs = cells
        if inputs == ["-"] {
            inputs = []
            while let line = readLine() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { inputs.append(trimmed) }
            }
        }
        guard !inputs.isEmpty else { throw ValidationError("give at least one cell (or '-' to read them from stdin)") }
        let rowOfIndex = index ? Dictionary(uniqueKeysWithValues: table.benchmarkIndex.enumerated().map { ($1, $0) }) : [:]
        if format == .csv { print("index,arch,column,seed,value,regret") }
        for input in inputs {
            let row: Int
            if index {
                guard let i = Int64(input), let r = rowOfIndex[i] else {
                    throw OracleError.badInput("no cell with benchmark index '\(input)' in \(file)")
                }
                row = r
            } else {
                row = try table.row(ofCell: input)
            }
            let value = oracle.value(row: row, resolved, using: &generator)
            let regretValue = Double(resolved.regret(value))
            // Values are float32 as stored; the regret is shown to the 4 decimals the benchmarks report.
            let regret = String(format: "%.4f", regretValue)
            let arch = table.archs[row]
            let seed = resolved.query.seed.description
            switch format {
            case .text:
                print("\(table.benchmarkIndex[row])\t\(arch)\t\(value)\t(regret \(regret))")
            case .csv:
                print("\(table.benchmarkIndex[row]),\(arch),\(key.name),\(seed),\(value),\(regret)")
            case .json:
                let object: [String: Any] = [
                    "index": table.benchmarkIndex[row], "arch": arch, "column": key.name, "seed": seed,
                    "value": value.isNaN ? NSNull() : Double(value) as Any, "regret": value.isNaN ? NSNull() : (Double(regret) ?? regretValue) as Any,
                ]
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            }
        }
        let message = "queries: \(oracle.queryCount), simulated training: \(String(format: "%.1f", oracle.simulatedSeconds)) s\n"
        FileHandle.standardError.write(Data(message.utf8))
    }
}
