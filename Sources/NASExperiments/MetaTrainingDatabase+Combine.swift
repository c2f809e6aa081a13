import Foundation

extension MetaTrainingDatabase {
    /// Databases joined into one (`nasbench metad2a combine-db`), e.g. protocol B's pool: the
    /// Fashion-MNIST + digits database plus one of CIFAR-10 tasks. Tasks keep their order, part
    /// after part, renumbered; labels follow their tasks. Every part must have the same task shape,
    /// and an image set in several parts the same SHA-256. The provenance is JSON: the union of the
    /// parts' `sources` and each part's own provenance under `parts`, with the names given.
    public static func combined(_ parts: [(name: String, database: MetaTrainingDatabase)]) throws -> MetaD2ADatabaseFile {
        guard parts.count >= 2 else { throw ExperimentError.badInput("combine-db needs at least two databases") }
        let shape = parts[0].database.shape
        var tasks: [MetaTask] = [], labels: [MetaD2ADatabaseFile.Label] = []
        var digests: [String: String] = [:], sourceOrder: [String] = [], provenances: [[String: Any]] = []
        for (name, database) in parts {
            guard database.shape == shape else {
                throw ExperimentError.badInput(
                    "\(name): tasks of \(database.shape.ways) ways x \(database.shape.trainPerClass) + \(database.shape.validPerClass) images, "
                        + "not \(shape.ways) x \(shape.trainPerClass) + \(shape.validPerClass) as \(parts[0].name)")
            }
            for (source, digest) in database.sourceDigests.sorted(by: { $0.key < $1.key }) {
                if let known = digests[source], known != digest {
                    throw ExperimentError.badInput("\(name): image set \(source) has SHA-256 \(digest), another part's has \(known)")
                }
                if digests[source] == nil { sourceOrder.append(source) }
                digests[source] = digest
            }
            let offset = tasks.count
            tasks += database.tasks.map {
                MetaTask(index: $0.index + offset, source: $0.source, classes: $0.classes, trainImages: $0.trainImages, validImages: $0.validImages)
            }
            labels += database.labels.map {
                MetaD2ADatabaseFile.Label(task: $0.task + offset, cell: $0.cell, arch: $0.arch, seed: $0.seed, accuracy: $0.accuracy)
            }
            let own: Any = (try? JSONSerialization.jsonObject(with: Data(database.provenance.utf8))) ?? database.provenance
            provenances.append(["name": name, "tasks": database.tasks.count, "labels": database.labels.count, "provenance": own])
        }
        let provenance: [String: Any] = [
            "experiment": "metad2a-db-combined",
            "sources": sourceOrder.map { ["name": $0, "sha256": digests[$0] ?? ""] },
            "parts": provenances,
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: provenance, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
        var spec = MetaD2ADatabaseSpec()
        spec.shape = shape
        spec.tasks = tasks.count
        return MetaD2ADatabaseFile(spec: spec, tasks: tasks, labels: labels, provenance: text)
    }
}
