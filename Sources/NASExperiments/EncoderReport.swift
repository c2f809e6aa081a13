import Foundation
import NASCore
import NASMetaD2A

/// The image encoder's prototype report: how well class prototypes (the mean feature of `shots`
/// support images) separate held-out images by nearest prototype, for the trained encoder, a
/// random-weight encoder of the same layout, both again with their batch norms adapted to the set
/// (`-adabn`: statistics re-estimated on the set's support pool, no labels, in an order from
/// `TrialSeed.derive(base: seed, trial: set, stream: 2)`), and raw normalised pixels (a baseline),
/// on each set of ``EncoderReportSpec``. Support images come from the training part of each class (the first
/// `supportPerClass`), queries from the held-out part (the first `queryPerClass`), under the split
/// the encoder was trained with; CIFAR-10's classes are never trained on at all. Every encoder
/// sees the same episodes (episode draws of set s, way count w, shot count k from
/// `TrialSeed.derive(base: seed, trial: combination, stream: 1)`, combinations in that nesting order).
///
/// Writes in `out`: `config.json`, `prototypes.csv` (one row per encoder, set, ways, shots:
/// mean episode accuracy with its std and normal 95% interval, and chance) and `timing.csv` (wall
/// seconds to encode the images; not part of the result).
public enum EncoderReport {
    public static let header = ["encoder", "source", "ways", "shots", "episodes", "queries_per_episode", "mean_accuracy", "std",
                                "ci95_low", "ci95_high", "chance"]
    static let timingHeader = ["encoder", "source", "images", "seconds", "ms_per_image"]

    /// One CSV row's figures.
    public struct Row: Equatable, Sendable {
        public var encoder: String
        public var source: String
        public var ways: Int
        public var shots: Int
        public var accuracies: [Double]
        public var queries: Int

        public var statistics: SummaryStatistics { SummaryStatistics(accuracies) }
    }

    /// A set's candidate rows: per class, the support and query positions in `images`.
    struct SetRows {
        let images: EncoderImages
        let support: [[Int]]
        let queries: [[Int]]
    }

    static func rows(of member: MetaTaskPool.Member, spec: EncoderReportSpec) throws -> SetRows {
        let split = member.encoderSplit(holdoutEvery: spec.holdoutEvery)
        let support = split.training.map { Array($0.prefix(spec.supportPerClass)) }
        let queries = split.heldOut.map { Array($0.prefix(spec.queryPerClass)) }
        var position = 0
        func positions(_ lists: [[Int]]) -> [[Int]] {
            lists.map { list in defer { position += list.count }; return Array(position..<(position + list.count)) }
        }
        let supportRows = positions(support), queryRows = positions(queries)
        let images = try EncoderImages(members: [member], rows: [support.flatMap { $0 } + queries.flatMap { $0 }], labelOffsets: [0])
        return SetRows(images: images, support: supportRows, queries: queryRows)
    }

    /// One encoder compared: its weights (nil: pixels) and whether its batch norms are adapted.
    struct Compared {
        let name: String
        let weights: EncoderWeights?
        let adapted: Bool
    }

    /// The encoders compared: the trained one (when given), random weights, each also with its
    /// batch norms adapted to the set (``EncoderReportSpec/adaptBatchNorm``), and pixels.
    static func encoders(_ spec: EncoderReportSpec) throws -> [Compared] {
        var list: [(String, EncoderWeights)] = []
        var layout = spec.randomLayout
        if !spec.encoder.isEmpty {
            list.append(("trained", .checkpoint(path: spec.encoder)))
            _ = try EncoderWeights.checkpoint(path: spec.encoder).load()
            layout = try EncoderWeights.layout(of: spec.encoder)
        }
        list.append(("random", .random(seed: spec.randomSeed, configuration: layout)))
        let plain = list.map { Compared(name: $0.0, weights: $0.1, adapted: false) }
        let adapted = spec.adaptBatchNorm ? list.map { Compared(name: $0.0 + "-adabn", weights: $0.1, adapted: true) } : []
        return plain + adapted + [Compared(name: "pixels", weights: nil, adapted: false)]
    }

    /// `encoder`'s features of `set`; an adapted encoder first re-estimates its batch norms on the
    /// set's support pool, in an order shuffled by `rng`.
    static func computeFeatures(_ encoder: Compared, set: SetRows, using rng: inout SplitMix64, onBatch: (Int) -> Void) throws -> EncoderFeatures {
        guard let weights = encoder.weights else { return EncoderFeatures(pixelsOf: set.images) }
        let model = try weights.load()
        if encoder.adapted {
            var rows = set.support.flatMap { $0 }
            rng.shuffle(&rows)
            model.adaptBatchNorm(to: set.images.batches(rows))
        }
        return EncoderFeatures(encoder: model, images: set.images, onBatch: onBatch)
    }

    public static func run(_ spec: EncoderReportSpec, pool: MetaTaskPool, out: String,
                           progress: Bool = isatty(STDERR_FILENO) != 0) throws -> [Row] {
        try spec.validate()
        guard pool.members.map(\.source) == spec.sources else {
            throw ExperimentError.badInput("the image pool does not hold the spec's sources in order")
        }
        let encoders = try encoders(spec)
        let configPath = (out as NSString).appendingPathComponent("config.json")
        guard !FileManager.default.fileExists(atPath: configPath) else {
            throw ExperimentError.badInput("\(out) already holds a report: choose another --out")
        }
        let sets = try pool.members.map { try rows(of: $0, spec: spec) }
        var results: [Row] = [], timing: [[String]] = []
        var combination = 0
        for (s, member) in pool.members.enumerated() {
            let set = sets[s]
            var features: [EncoderFeatures] = []
            for encoder in encoders {
                let bar = Progress(total: set.images.count, label: "\(encoder.name) features of \(member.source.rawValue)", enabled: progress)
                var orderRNG = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: s, stream: 2))
                let computed = try computeFeatures(encoder, set: set, using: &orderRNG) { bar.advance(by: $0) }
                features.append(computed)
                timing.append([encoder.name, member.source.rawValue, "\(set.images.count)", String(format: "%.3f", computed.seconds),
                               String(format: "%.3f", 1000 * computed.seconds / Double(max(set.images.count, 1)))])
            }
            for ways in spec.ways {
                for shots in spec.shots {
                    var rng = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: combination, stream: 1))
                    combination += 1
                    let episodes = try (0..<spec.episodes).map { _ in
                        do {
                            return try PrototypeEpisode.sample(supportRows: set.support, queryRows: set.queries, ways: ways == 0 ? nil : ways,
                                                               shots: shots, using: &rng)
                        } catch { throw ExperimentError.badInput("\(member.source.rawValue): \(error)") }
                    }
                    for (e, encoder) in encoders.enumerated() {
                        let counts = episodes.map { PrototypeAccuracy.count(features: features[e].values, dimension: features[e].dimension, episode: $0) }
                        results.append(Row(encoder: encoder.name, source: member.source.rawValue, ways: episodes[0].classes.count, shots: shots,
                                           accuracies: counts.map { 100 * $0.accuracy }, queries: counts.map(\.total).reduce(0, +) / counts.count))
                    }
                }
            }
        }
        try write(results, timing: timing, spec: spec, pool: pool, encoders: encoders, out: out)
        return results
    }

    static func write(_ results: [Row], timing: [[String]], spec: EncoderReportSpec, pool: MetaTaskPool,
                      encoders: [Compared], out: String) throws {
        try ExperimentError.writing(out) { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        let sources: [[String: Any]] = pool.members.map {
            ["name": $0.source.rawValue, "images": $0.images.count, "classes": $0.classImages.count, "sha256": $0.digest]
        }
        var described: [String: String] = [:]
        for encoder in encoders {
            described[encoder.name] = try encoder.weights.map { try $0.description() + (encoder.adapted ? ", batch norms adapted to the set's support pool" : "") }
                ?? "normalised pixels, flattened"
        }
        var config = try spec.recorded(in: ["experiment": EncoderReportSpec.experiment, "sources": sources, "encoders": described])
        config["random_streams"] = TrialRunner.randomStreams
        let configText = String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]), as: UTF8.self)
        var csv = CSVLine.join(header) + "\n"
        for row in results {
            let stats = row.statistics
            let half = row.accuracies.count > 1 ? 1.96 * stats.std / Double(row.accuracies.count).squareRoot() : 0
            csv += CSVLine.join([row.encoder, row.source, "\(row.ways)", "\(row.shots)", "\(row.accuracies.count)", "\(row.queries)",
                                 String(format: "%.2f", stats.mean), String(format: "%.2f", row.accuracies.count > 1 ? stats.std : 0),
                                 String(format: "%.2f", stats.mean - half), String(format: "%.2f", stats.mean + half),
                                 String(format: "%.2f", 100 / Double(row.ways))]) + "\n"
        }
        try ResultsStore.writeAtomically(csv, to: (out as NSString).appendingPathComponent("prototypes.csv"))
        try ResultsStore.writeAtomically((([timingHeader] + timing).map(CSVLine.join).joined(separator: "\n")) + "\n",
                                         to: (out as NSString).appendingPathComponent("timing.csv"))
        try ResultsStore.writeAtomically(configText + "\n", to: (out as NSString).appendingPathComponent("config.json"))
    }
}
