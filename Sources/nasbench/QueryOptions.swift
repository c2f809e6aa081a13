import ArgumentParser
import NASOracle

/// The fields of a typed query, shared by `query` and `top`. Nothing is defaulted.
struct QueryOptions: ParsableArguments {
    @Option(help: "Dataset or protocol: cifar10-valid, cifar10, cifar100, ImageNet16-120 (or another in the table).")
    var dataset: String

    @Option(help: "Split: train, valid, test, valtest, or none (for params, train time, latency).")
    var split: String

    @Option(help: "Metric: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")).")
    var metric: String

    @Option(help: "Training epochs (e.g. 200 or 12); omit for metrics that do not depend on training.")
    var epochs: Int?

    @Option(help: "Seed: mean, sampled (one available seed drawn per query), or a seed number.")
    var seed: String = "mean"

    @Option(help: "Device for hardware metrics, e.g. pi5-onnx.")
    var device: String?

    func makeQuery(for table: BenchmarkTable) throws -> NASOracle.Query {
        guard let split = Split(rawValue: split) else {
            throw ValidationError("unknown split '\(split)' (expected one of: \(Split.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let metric = Metric(rawValue: metric) else {
            throw ValidationError("unknown metric '\(metric)' (expected one of: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let datasets = Set(table.keys.map(\.dataset.rawValue))
        guard let dataset = datasets.first(where: { $0.lowercased() == dataset.lowercased() }) else {
            throw ValidationError("unknown dataset '\(dataset)' (this table has: \(datasets.sorted().joined(separator: ", ")))")
        }
        let choice: SeedChoice
        switch seed {
        case "mean": choice = .mean
        case "sampled": choice = .sampled
        default:
            guard let k = Int(seed), k >= 0 else {
                throw ValidationError("bad --seed '\(seed)' (expected mean, sampled or a seed number)")
            }
            choice = .fixed(k)
        }
        return NASOracle.Query(
            dataset: Dataset(dataset), split: split, metric: metric, epochs: epochs, seed: choice, device: device)
    }
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}
