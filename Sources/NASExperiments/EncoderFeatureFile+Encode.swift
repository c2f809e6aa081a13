import Foundation
import NASCore

extension EncoderFeatureFile {
    /// Features of `member`'s images: per class the first `perClass` images in image order (all
    /// when nil), rows grouped by class. With `adaptBatchNorm` the encoder's batch-norm statistics
    /// are first re-estimated on those same images (AdaBN, no labels; batches of 100 in an order
    /// shuffled by `SplitMix64(seed: 0)`). Returns the file and the encoding's wall seconds.
    public static func encode(_ member: MetaTaskPool.Member, weights: EncoderWeights, perClass: Int?, adaptBatchNorm: Bool = false,
                              progress: Bool = isatty(STDERR_FILENO) != 0) throws -> (file: EncoderFeatureFile, seconds: Double) {
        if let perClass, perClass < 1 { throw ExperimentError.badInput("--per-class must be at least 1, got \(perClass)") }
        let encoder = try weights.load()
        let description = try weights.description()
        let rows = member.classImages.map { images in perClass.map { Array(images.prefix($0)) } ?? images }
        let order = rows.flatMap { $0 }
        let (mean, std) = member.normalisation
        // Normalised pixels in chunks, so a whole set (60,000 Fashion-MNIST images) never sits in memory as floats.
        func chunk(_ part: ArraySlice<Int>) throws -> EncoderImages {
            try EncoderImages(members: [member], rows: [Array(part)], labelOffsets: [0], normalisations: [(mean, std)])
        }
        if adaptBatchNorm {
            var shuffled = order
            var rng = SplitMix64(seed: 0)
            rng.shuffle(&shuffled)
            try encoder.adaptBatchNorm(batchCount: (shuffled.count + 99) / 100) { b in
                let images = try chunk(shuffled[(b * 100)..<min(b * 100 + 100, shuffled.count)])
                return images.batch(Array(0..<images.count)[...])
            }
        }
        let bar = Progress(total: order.count, label: "encoding \(member.source.rawValue)", enabled: progress)
        var values: [Float] = [], labels: [Int] = [], seconds = 0.0
        for start in stride(from: 0, to: order.count, by: 1000) {
            let images = try chunk(order[start..<min(start + 1000, order.count)])
            let features = EncoderFeatures(encoder: encoder, images: images) { bar.advance(by: $0) }
            values += features.values
            labels += images.labels
            seconds += features.seconds
        }
        let provenance: [String: Any] = [
            "experiment": "metad2a-encode", "source": ["name": member.source.rawValue, "images": member.images.count,
                                                       "classes": member.classImages.count, "sha256": member.digest],
            "encoder": description, "batch_norm": adaptBatchNorm ? "adapted to these images" : "as saved",
            "per_class": perClass.map { $0 as Any } ?? NSNull(),
            "normalisation": ["mean": mean, "std": std], "random_streams": TrialRunner.randomStreams,
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: provenance, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        let file = EncoderFeatureFile(
            source: member.source.rawValue, encoder: description + (adaptBatchNorm ? ", batch norms adapted to these images" : ""), features: values,
            dimension: encoder.configuration.featureSize, labels: labels, indices: order, classNames: member.images.classNames, provenance: text)
        return (file, seconds)
    }
}
