import ArgumentParser
import NASOracle

/// The column a query or a label names: dataset, split, metric and epochs, all explicit.
struct ColumnOptions: ParsableArguments {
    @Option(help: "Dataset or protocol: cifar10-valid, cifar10, cifar100, ImageNet16-120 (or another in the table).")
    var dataset: String

    @Option(help: "Split: train, valid, test, valtest, or none (for params, train time, latency).")
    var split: Split

    @Option(help: "Metric.")
    var metric: Metric

    @Option(help: "Training epochs (e.g. 200 or 12); omit for metrics that do not depend on training.")
    var epochs: Int?

    /// The query of this column in `table` with `seed` (and `device` for hardware metrics).
    func query(in table: BenchmarkTable, seed: SeedChoice, device: String? = nil) throws -> NASOracle.Query {
        NASOracle.Query(
            dataset: try Self.dataset(dataset, in: table), split: split, metric: metric, epochs: epochs, seed: seed,
            device: device)
    }

    /// The table's dataset of that name (case-insensitive), or a one-line error listing the table's.
    static func dataset(_ name: String, in table: BenchmarkTable) throws -> Dataset {
        let datasets = Set(table.keys.map(\.dataset.rawValue))
        guard let dataset = datasets.first(where: { $0.lowercased() == name.lowercased() }) else {
            throw ValidationError("unknown dataset '\(name)' (this table has: \(datasets.sorted().joined(separator: ", ")))")
        }
        return Dataset(dataset)
    }
}

/// The fields of a typed query, shared by `query` and `top`. Nothing is defaulted.
struct QueryOptions: ParsableArguments {
    @OptionGroup var column: ColumnOptions

    @Option(help: "Seed: mean, sampled (one available seed drawn per query), or a seed number.")
    var seed: SeedChoice = .mean

    @Option(help: "Device for hardware metrics, e.g. pi5-onnx.")
    var device: String?

    func makeQuery(for table: BenchmarkTable) throws -> NASOracle.Query {
        try column.query(in: table, seed: seed, device: device)
    }
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}
