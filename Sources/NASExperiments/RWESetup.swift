import NASDatasets
import NASEvaluators

/// What random-weight evaluation needs besides the cells: the CIFAR-10 archive, how many of its
/// training and test images (seeded subsets), and the evaluator's settings. The `rwe` entry of
/// ``RWESpec`` and ``MooSpec``; an absent key keeps its default.
public struct RWESetup: Codable, Sendable {
    /// The CIFAR-10 binary archive (cifar-10-binary.tar.gz layout); empty when none is given.
    public var cifar = ""
    /// Training images whose features fit the head.
    public var images = RandomWeightEvaluator.defaultTrainImages
    /// Held-out test images that score the head.
    public var testImages = RandomWeightEvaluator.defaultTestImages
    /// The network, initialisation, batch-norm mode and head.
    public var evaluator = RandomWeightEvaluator()

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case cifar, images, testImages = "test_images", evaluator
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cifar = try c.decodeIfPresent(String.self, forKey: .cifar) ?? cifar
        images = try c.decodeIfPresent(Int.self, forKey: .images) ?? images
        testImages = try c.decodeIfPresent(Int.self, forKey: .testImages) ?? testImages
        evaluator = try c.decodeIfPresent(RandomWeightEvaluator.self, forKey: .evaluator) ?? evaluator
    }

    /// The archive's training and test parts.
    func loadArchive() throws -> (train: ImageDataset, test: ImageDataset) {
        guard !cifar.isEmpty else { throw ExperimentError.badInput("random-weight evaluation needs --cifar (a CIFAR-10 binary archive)") }
        return (try CIFAR10.load(archive: cifar, part: .train), try CIFAR10.load(archive: cifar, part: .test))
    }

    /// The setup with its archive path as `config.json` records it.
    var hinted: Self {
        var setup = self
        if !cifar.isEmpty { setup.cifar = PathHint.hint(for: cifar) }
        return setup
    }
}
