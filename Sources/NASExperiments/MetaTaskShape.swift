/// The shape of every MetaD2A meta-training task: `ways` classes, each with `trainPerClass`
/// training and `validPerClass` validation images (disjoint). MetaD2A's database (Lee et al.,
/// ICLR 2021) samples its tasks from ImageNet-32 classes; ours from the real image sets of
/// ``MetaImageSource`` (issue 17 step 4).
public struct MetaTaskShape: Codable, Sendable, Equatable {
    /// Classes per task (the 5-way tasks).
    public var ways = 5
    /// Training images per class (the issue's ~100).
    public var trainPerClass = 100
    /// Validation images per class: 70, the most the digits set allows beside 100 training images
    /// (its smallest class has 174 images); more validation images make a label less noisy.
    public var validPerClass = 70

    public init() {}

    public init(ways: Int, trainPerClass: Int, validPerClass: Int) {
        self.ways = ways
        self.trainPerClass = trainPerClass
        self.validPerClass = validPerClass
    }

    private enum CodingKeys: String, CodingKey { case ways, trainPerClass = "train_per_class", validPerClass = "valid_per_class" }

    /// Images a class needs to take part in a task.
    public var imagesPerClass: Int { trainPerClass + validPerClass }

    /// Rejects shapes no task can have, in one line.
    public func validate() throws {
        guard ways >= 2, trainPerClass >= 1, validPerClass >= 1 else {
            throw ExperimentError.badInput(
                "tasks need at least 2 ways and 1 training and 1 validation image per class (got \(ways)-way, \(trainPerClass) + \(validPerClass))")
        }
    }
}
