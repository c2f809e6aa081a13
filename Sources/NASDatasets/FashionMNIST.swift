import Foundation

/// The Fashion-MNIST data set (Xiao, Rasul & Vollgraf 2017): 60 000 training
/// and 10 000 test 28x28 grey-scale images in 10 classes.
public struct FashionMNIST: Sendable {
    /// Where Debian's `dataset-fashion-mnist` package installs the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"

    /// Training images, `60000 * 784` values in `[0, 1]`.
    public let trainImages: [Float]
    /// Training labels in `0..<10`.
    public let trainLabels: [Int]
    /// Test images, `10000 * 784` values in `[0, 1]`.
    public let testImages: [Float]
    /// Test labels in `0..<10`.
    public let testLabels: [Int]

    /// The 10 classes, by label.
    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    /// Pixels per image.
    public static let imageSize = 28 * 28

    /// Loads the four IDX files (`train-images-idx3-ubyte[.gz]`, ...) from `directory`.
    public init(directory: String = FashionMNIST.defaultDirectory) throws {
        func file(_ stem: String) -> String {
            let gz = "\(directory)/\(stem).gz"
            return FileManager.default.fileExists(atPath: gz) ? gz : "\(directory)/\(stem)"
        }
        func images(_ stem: String) throws -> [Float] {
            let f = try IDXFile(path: file(stem))
            guard f.shape.count == 3, f.shape[1] == 28, f.shape[2] == 28 else { throw IDXError.badHeader(stem) }
            return f.bytes.map { Float($0) / 255 }
        }
        func labels(_ stem: String) throws -> [Int] {
            let f = try IDXFile(path: file(stem))
            guard f.shape.count == 1 else { throw IDXError.badHeader(stem) }
            return f.bytes.map { Int($0) }
        }
        trainImages = try images("train-images-idx3-ubyte")
        trainLabels = try labels("train-labels-idx1-ubyte")
        testImages = try images("t10k-images-idx3-ubyte")
        testLabels = try labels("t10k-labels-idx1-ubyte")
        guard trainImages.count == trainLabels.count * FashionMNIST.imageSize,
              testImages.count == testLabels.count * FashionMNIST.imageSize else {
            throw IDXError.readFailed(directory)
        }
    }

    /// Whether the data set's directory exists.
    public static func isAvailable(directory: String = FashionMNIST.defaultDirectory) -> Bool {
        FileManager.default.fileExists(atPath: "\(directory)/train-images-idx3-ubyte.gz")
            || FileManager.default.fileExists(atPath: "\(directory)/train-images-idx3-ubyte")
    }
}
