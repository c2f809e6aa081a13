/// The layout of MetaD2A's image encoder (``ImageEncoder``). The defaults are the authors' feature
/// extractor: torchvision's `resnet18` with its last layer (`fc`) removed
/// (MetaD2A_nas_bench_201/process_dataset.py: `models.resnet18(pretrained=True)`,
/// `nn.Sequential(*list(model.children())[:-1])`), i.e. the ImageNet layout: a 7x7 stride-2 stem,
/// 3x3 stride-2 max pooling, four stages of two basic blocks (64, 128, 256, 512 channels; strides
/// 1, 2, 2, 2), global average pooling, 512 features per image.
public struct ImageEncoderConfiguration: Codable, Equatable, Sendable {
    /// Channels of the stem and the first stage; stage s has `width * 2^s` (torchvision: 64).
    public var width = 64
    /// Basic blocks per stage (ResNet-18: 2, 2, 2, 2).
    public var blocksPerStage = [2, 2, 2, 2]
    /// Features per image: 512, what MetaD2A's set encoder takes. When the last stage is narrower
    /// (`width * 8 < featureSize`) a linear projection follows the pooling (a stated departure).
    public var featureSize = 512

    /// The authors' layout.
    public init() {}

    /// A given layout (a narrower width for cheaper runs and tests).
    public init(width: Int, blocksPerStage: [Int] = [2, 2, 2, 2], featureSize: Int = 512) {
        self.width = width
        self.blocksPerStage = blocksPerStage
        self.featureSize = featureSize
    }

    private enum CodingKeys: String, CodingKey {
        case width, blocksPerStage = "blocks_per_stage", featureSize = "feature_size"
    }

    /// Channels of stage `s` (0-based).
    public func stageWidth(_ s: Int) -> Int { width << s }

    /// Channels after the last stage, before any projection.
    public var pooledWidth: Int { stageWidth(blocksPerStage.count - 1) }

    /// Whether a linear projection maps the pooled features to `featureSize`.
    public var projects: Bool { pooledWidth != featureSize }

    /// Rejects layouts the encoder cannot build, in one line.
    public func validate() throws {
        guard width >= 1, width <= 1024 else { throw ImageEncoderError("encoder width must be in 1...1024, got \(width)") }
        guard !blocksPerStage.isEmpty, blocksPerStage.allSatisfy({ $0 >= 1 }) else {
            throw ImageEncoderError("every encoder stage needs at least one block, got \(blocksPerStage)")
        }
        guard featureSize >= 1 else { throw ImageEncoderError("encoder feature size must be positive, got \(featureSize)") }
    }
}
