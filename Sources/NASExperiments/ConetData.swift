import NASConet
import NASDatasets
import NASTensor

/// The images a CONetV2 run trains and tests on: the first `train_images` of the CIFAR-10
/// archive's training part and its first `test_images` test images. The `data` entry of
/// ``ConetSearchSpec`` and ``ConetTrainSpec``.
public struct ConetData: Codable, Sendable, Equatable {
    /// The CIFAR-10 binary archive (cifar-10-binary.tar.gz layout).
    public var cifar = ""
    public var trainImages = 10_000
    public var testImages = 10_000

    public init() {}

    private enum CodingKeys: String, CodingKey { case cifar, trainImages = "train_images", testImages = "test_images" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cifar = try c.decodeIfPresent(String.self, forKey: .cifar) ?? cifar
        trainImages = try c.decodeIfPresent(Int.self, forKey: .trainImages) ?? trainImages
        testImages = try c.decodeIfPresent(Int.self, forKey: .testImages) ?? testImages
    }

    /// The normalised training and test images.
    func load() throws -> (train: ConetImages, test: ConetImages) {
        guard !cifar.isEmpty else { throw ExperimentError.badInput("CONetV2 training needs --cifar (a CIFAR-10 binary archive)") }
        do {
            let train = try ConetImages(try CIFAR10.load(archive: cifar, part: .train), limit: trainImages)
            let test = try ConetImages(try CIFAR10.load(archive: cifar, part: .test), limit: testImages)
            return (train, test)
        } catch let error as ConetImages.InvalidImages {
            throw ExperimentError.badInput("\(cifar): \(error)")
        }
    }

    var hinted: Self {
        var data = self
        if !cifar.isEmpty { data.cifar = PathHint.hint(for: cifar) }
        return data
    }
}

/// SGD as the authors' `optim/__init__.py` sets it up: momentum 0.9, weight decay 5e-4, batches of
/// 128; the learning rate is the spec's (0.03 in trials, `init_lr`; 0.1 in full training).
struct ConetOptimiser {
    var learningRate: Double, momentum: Double, weightDecay: Double, batchSize: Int

    func validate() throws {
        guard learningRate > 0, learningRate.isFinite, momentum >= 0, momentum < 1, weightDecay >= 0, weightDecay.isFinite,
              batchSize >= 1 else {
            throw ExperimentError.badInput(
                "learning rate \(learningRate), momentum \(momentum), weight decay \(weightDecay), batch \(batchSize): need lr > 0, 0 <= momentum < 1, decay >= 0, batch >= 1")
        }
    }

    func sgd(_ parameters: [Tensor]) -> SGD {
        SGD(parameters: parameters, learningRate: Float(learningRate), momentum: Float(momentum), weightDecay: Float(weightDecay))
    }
}
