import Foundation
import NASCore
import NASTensor

/// The image sets MetaD2A's set encoders read, as rows of encoder features: per set (a database
/// task, or a whole meta-test dataset), per class, the rows of its images. ``draw(_:samples:using:)``
/// takes `samples` distinct images of each class at random, as loader.py does (`randperm`, first
/// `num_sample`), giving the `[classes, samples, D]` tensor the set encoder takes.
public struct MetaFeatureSets: Sendable {
    /// Per feature file, its row-major `[rows, dimension]` features.
    let matrices: [[Float]]
    /// Per set: which matrix, and per class the rows.
    let sets: [(matrix: Int, classes: [[Int]])]
    public let dimension: Int

    /// The number of sets.
    public var count: Int { sets.count }

    /// The fewest images of a class in any set.
    public var smallestClass: Int { sets.flatMap { $0.classes.map(\.count) }.min() ?? 0 }

    /// One set per task of `database`: each task's training images (`/tasks/train_images`), found in
    /// the feature file of its image set by `/indices`. The files must be of the sets the database
    /// was built on (same SHA-256 in both provenances), hold every training image, have one feature
    /// size and only finite values.
    public static func tasks(of database: MetaTrainingDatabase, files: [(path: String, file: EncoderFeatureFile)]) throws -> MetaFeatureSets {
        guard !files.isEmpty else { throw ExperimentError.badInput("give at least one --features file") }
        try checkFiles(files)
        var bySource: [String: Int] = [:]
        for (k, entry) in files.enumerated() {
            guard bySource[entry.file.source] == nil else {
                throw ExperimentError.badInput("two --features files hold \(entry.file.source): \(files[bySource[entry.file.source] ?? 0].path) and \(entry.path)")
            }
            bySource[entry.file.source] = k
            if let expected = database.sourceDigests[entry.file.source], let digest = digest(entry.file), digest != expected {
                throw ExperimentError.badInput("\(entry.path): its \(entry.file.source) images (sha256 \(digest.prefix(12))...) are not the database's (sha256 \(expected.prefix(12))...)")
            }
        }
        var rowOf: [[Int: Int]] = files.map { entry in
            Dictionary(entry.file.indices.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var sets: [(matrix: Int, classes: [[Int]])] = []
        for task in database.tasks {
            guard let k = bySource[task.source.rawValue] else {
                throw ExperimentError.badInput("task \(task.index) draws from \(task.source.rawValue), but no --features file holds \(task.source.rawValue)")
            }
            let classes = try task.trainImages.map { images in
                try images.map { image in
                    guard let row = rowOf[k][image] else {
                        throw ExperimentError.badInput("\(files[k].path) has no features for \(task.source.rawValue) image \(image) (task \(task.index)): it holds \(files[k].file.indices.count) images; encode the whole set")
                    }
                    return row
                }
            }
            sets.append((k, classes))
        }
        rowOf = []
        return MetaFeatureSets(matrices: files.map(\.file.features), sets: sets, dimension: files[0].file.dimension)
    }

    /// One set: every class of `file` with all its images (the meta-test dataset, loader.py `MetaTestDataset`).
    public static func dataset(_ file: EncoderFeatureFile, path: String) throws -> MetaFeatureSets {
        try checkFiles([(path, file)])
        let offsets = file.classOffsets
        let classes = (0..<file.classNames.count).map { Array(offsets[$0]..<offsets[$0 + 1]) }.filter { !$0.isEmpty }
        guard classes.count >= 2 else { throw ExperimentError.badInput("\(path): needs images of at least 2 classes, has \(classes.count)") }
        return MetaFeatureSets(matrices: [file.features], sets: [(0, classes)], dimension: file.dimension)
    }

    /// Reads `paths` (one-line errors for missing or foreign files).
    public static func read(_ paths: [String]) throws -> [(path: String, file: EncoderFeatureFile)] {
        try paths.map { path in
            guard FileManager.default.fileExists(atPath: path) else { throw ExperimentError.badInput("\(path): no such features file") }
            return (path, try EncoderFeatureFile.read(path))
        }
    }

    /// Every class of every set has at least `samples` images.
    public func check(samples: Int) throws {
        guard samples >= 1 else { throw ExperimentError.badInput("--num-sample must be at least 1, got \(samples)") }
        guard smallestClass >= samples else {
            throw ExperimentError.badInput("--num-sample \(samples) is more than the \(smallestClass) images of the smallest class")
        }
    }

    /// Set `set` with `samples` distinct random images of each class: `[classes, samples, dimension]`.
    public func draw(_ set: Int, samples: Int, using rng: inout some RandomNumberGenerator) -> Tensor {
        let (matrix, classes) = sets[set]
        let source = matrices[matrix], d = dimension
        var values: [Float] = []
        values.reserveCapacity(classes.count * samples * d)
        for rows in classes {
            for pick in rng.sampleIndices(samples, from: rows.count) {
                let row = rows[pick]
                values += source[(row * d)..<((row + 1) * d)]
            }
        }
        return Tensor(shape: [classes.count, samples, d], data: values)
    }

    private static func checkFiles(_ files: [(path: String, file: EncoderFeatureFile)]) throws {
        for (path, file) in files {
            guard file.dimension == files[0].file.dimension else {
                throw ExperimentError.badInput("\(path) has \(file.dimension) features an image, \(files[0].path) has \(files[0].file.dimension)")
            }
            if let bad = file.features.firstIndex(where: { !$0.isFinite }) {
                throw ExperimentError.badInput("\(path): feature \(bad % max(file.dimension, 1)) of row \(bad / max(file.dimension, 1)) is \(file.features[bad]) (not a finite number)")
            }
        }
    }

    /// What a run's `config.json` records of its feature files.
    static func provenance(_ files: [(path: String, file: EncoderFeatureFile)]) -> [[String: Any]] {
        files.map { ["source": $0.file.source, "images_sha256": digest($0.file) ?? "", "encoder": $0.file.encoder, "rows": $0.file.labels.count] }
    }

    /// The SHA-256 of the set a feature file was encoded from (its provenance's `source.sha256`).
    static func digest(_ file: EncoderFeatureFile) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(file.provenance.utf8)) as? [String: Any],
              let source = object["source"] as? [String: Any] else { return nil }
        return source["sha256"] as? String
    }
}
