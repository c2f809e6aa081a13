import ArgumentParser
import NASOracle

/// The column a query or a label names: dataset, split, metric and epochs, all explicit. `query`
/// and `top` require the first three (`QueryOptions.validate()`); `predictors` may take them from
/// a spec file instead.
struct ColumnOptions: ParsableArguments {
    @Option(help: "Dataset or protocol: cifar10-valid, cifar10, cifar100, ImageNet16-120 (or another in the table).")
    var dataset: String?

    @Option(help: "Split: train, valid, test, valtest, or none (for params, train time, latency).")
    var split: Split?

    @Option(help: "Metric.")
    var metric: Metric?

    @Option(help: "Training epochs (e.g. 200 or 12); omit for metrics that do not depend on training.")
    var epochs: Int?

    /// Whether any of dataset, split and metric was given.
    var isGiven: Bool { dataset != nil || split != nil || metric != nil }

    /// Dataset, split and metric, or the parser's message for the first one missing.
    func required() throws -> (dataset: String, split: Split, metric: Metric) {
        guard let dataset else { throw ValidationError("Missing expected argument '--dataset <dataset>'") }
        guard let split else { throw ValidationError("Missing expected argument '--split <split>'") }
        guard let metric else { throw ValidationError("Missing expected argument '--metric <metric>'") }
        return (dataset, split, metric)
    }

    /// The query of this column in `table` with `seed` (and `device` for hardware metrics).
    func query(in table: BenchmarkTable, seed: SeedChoice, device: String? = nil) throws -> NASOracle.Query {
        let (dataset, split, metric) = try required()
        return NASOracle.Query(
            dataset: try table.dataset(named: dataset), split: split, metric: metric, epochs: epochs, seed: seed,
            device: device)
    }
}

/// The fields of a typed query, shared by `query` and `top`. Nothing is defaulted.
struct QueryOptions: ParsableArguments {
    @OptionGroup var column: ColumnOptions

    func validate() throws {
        _ = try column.required()
    }

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
