import NASCore
import NASDatasets

/// One MetaD2A meta-training task: a `ways`-way class subset of one image set with, per class, a
/// fixed list of training and of validation images (disjoint), as indices into that set's
/// training part as ``MetaImageSource`` loads it. Task label `j` is class `classes[j]` of the set.
///
/// Lives in NASExperiments, not NASMetaD2A: a task is made of ``MetaImageSource`` images and its
/// label trains an `NB201Network` (NASEvaluators), and NASExperiments is the one target above both;
/// NASMetaD2A stays on the engine and spaces (docs/ARCHITECTURE.md).
public struct MetaTask: Codable, Sendable, Equatable {
    /// The task's number in its run (0-based).
    public let index: Int
    public let source: MetaImageSource
    /// The set's class labels, in task-label order.
    public let classes: [Int]
    /// Per task label, the training images' indices in the set (ascending).
    public let trainImages: [[Int]]
    /// Per task label, the validation images' indices in the set (ascending).
    public let validImages: [[Int]]

    private enum CodingKeys: String, CodingKey {
        case index, source, classes, trainImages = "train_images", validImages = "valid_images"
    }

    /// Task `index` of the run with base `seed`: from `TrialSeed.derive(base: seed, trial: index,
    /// stream: 1)`, in order: the set (uniform over the pool's members), `shape.ways` distinct
    /// classes (uniform among those with enough images), then per class `imagesPerClass` distinct
    /// images, the first `trainPerClass` for training and the rest for validation.
    public static func sample(index: Int, seed: UInt64, pool: MetaTaskPool, shape: MetaTaskShape) throws -> MetaTask {
        try pool.check(shape)
        var rng = SplitMix64(seed: TrialSeed.derive(base: seed, trial: index, stream: 1))
        let member = pool.members[rng.nextIndex(below: pool.members.count)]
        let eligible = member.classImages.indices.filter { member.classImages[$0].count >= shape.imagesPerClass }
        let classes = rng.sampleIndices(shape.ways, from: eligible.count).map { eligible[$0] }
        var train: [[Int]] = [], valid: [[Int]] = []
        for label in classes {
            let images = member.classImages[label]
            let drawn = rng.sampleIndices(shape.imagesPerClass, from: images.count).map { images[$0] }
            train.append(drawn.prefix(shape.trainPerClass).sorted())
            valid.append(drawn.dropFirst(shape.trainPerClass).sorted())
        }
        return MetaTask(index: index, source: member.source, classes: classes, trainImages: train, validImages: valid)
    }

    public init(index: Int, source: MetaImageSource, classes: [Int], trainImages: [[Int]], validImages: [[Int]]) {
        self.index = index
        self.source = source
        self.classes = classes
        self.trainImages = trainImages
        self.validImages = validImages
    }

    public var ways: Int { classes.count }

    /// The task's training and validation images from `pool`, relabelled 0..<ways (class by
    /// class, in index order).
    public func images(from pool: MetaTaskPool) throws -> (train: ImageDataset, valid: ImageDataset) {
        let set = try pool.member(source).images
        func part(_ lists: [[Int]]) throws -> ImageDataset {
            let indices = lists.flatMap { $0 }
            guard indices.allSatisfy({ $0 >= 0 && $0 < set.count }) else {
                throw ExperimentError.badInput("task \(index): an image index is outside \(source.rawValue)'s \(set.count) images")
            }
            let picked = set.subset(indices)
            let labels = lists.enumerated().flatMap { label, list in [UInt8](repeating: UInt8(label), count: list.count) }
            return ImageDataset(pixels: picked.pixels, labels: labels, channels: set.channels, height: set.height, width: set.width,
                                classNames: classes.map { set.classNames.indices.contains($0) ? set.classNames[$0] : "\($0)" })
        }
        return (try part(trainImages), try part(validImages))
    }
}
