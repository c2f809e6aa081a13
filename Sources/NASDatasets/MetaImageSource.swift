/// The real image sets MetaD2A's tasks can draw from on a fresh machine (issue 17): Fashion-MNIST
/// (Debian's `dataset-fashion-mnist`, training part), scikit-learn's digits (the file its package
/// ships) and the CIFAR-10 archive (training part). ``load(cifar:)`` gives every one as 32x32 RGB
/// bytes, grey-scale repeated over three channels, as the authors' loaders feed their encoder.
public enum MetaImageSource: String, CaseIterable, Codable, Sendable {
    case fashionMNIST = "fashion-mnist"
    case digits
    case cifar10

    /// The set as 32x32 RGB; `cifar` is the CIFAR-10 archive (needed for `.cifar10` only).
    public func load(cifar: String? = nil, projectRoot: String? = nil) throws -> ImageDataset {
        let raw: ImageDataset
        switch self {
        case .fashionMNIST:
            guard FashionMNIST.isAvailable() else {
                throw DatasetError("Fashion-MNIST not found in \(FashionMNIST.defaultDirectory): apt-get install dataset-fashion-mnist")
            }
            let data = try FashionMNIST()
            raw = ImageDataset(pixels: data.trainImages.map { UInt8(($0 * 255).rounded()) }, labels: data.trainLabels.map(UInt8.init),
                               channels: 1, height: 28, width: 28, classNames: FashionMNIST.classNames)
        case .digits:
            guard let path = projectRoot.map({ SklearnDigits.defaultPath(projectRoot: $0) }) ?? SklearnDigits.defaultPath() else {
                throw DatasetError("scikit-learn's digits.csv.gz not found (make venv, apt-get install python3-sklearn, or set \(SklearnDigits.environmentVariable))")
            }
            raw = try SklearnDigits.load(path: path)
        case .cifar10:
            guard let cifar else { throw DatasetError("the cifar10 image set needs the CIFAR-10 archive (--cifar)") }
            raw = try CIFAR10.load(archive: cifar, part: .train)
        }
        let set = try raw.resized(to: 32).rgb()
        try set.checkClasses()
        return set
    }
}
