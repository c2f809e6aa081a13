import NASCore
import NASDatasets
import NASTensor

/// Labelled CIFAR images, normalised per channel as the authors' CIFAR-10 loader does
/// (`data/data.py`: mean (0.4914, 0.4822, 0.4465), std (0.2023, 0.1994, 0.2010)), with the
/// training augmentation: `RandomCrop(32, padding=4)` then `RandomHorizontalFlip()`.
public struct ConetImages: Sendable {
    public static let cifar10Mean: [Float] = [0.4914, 0.4822, 0.4465]
    public static let cifar10Std: [Float] = [0.2023, 0.1994, 0.2010]

    public struct InvalidImages: Error, CustomStringConvertible, Sendable, Equatable {
        public let why: String
        public var description: String { "images: \(why)".oneLine }
    }

    /// `[count, channels, height, width]`, normalised.
    public let pixels: [Float]
    public let labels: [Int]
    public let channels: Int, height: Int, width: Int
    /// Per channel, the value a zero (black) pixel normalises to: what the crop pads with.
    let padValue: [Float]

    public var count: Int { labels.count }
    var imageSize: Int { channels * height * width }

    /// The first `limit` images of `dataset` (all when nil).
    public init(_ dataset: ImageDataset, limit: Int? = nil, mean: [Float] = cifar10Mean, std: [Float] = cifar10Std) throws {
        let n = limit ?? dataset.count
        guard n >= 1, n <= dataset.count else {
            throw InvalidImages(why: "\(n) images asked for, the data set has \(dataset.count)")
        }
        guard mean.count == dataset.channels, std.count == dataset.channels, std.allSatisfy({ $0 > 0 }) else {
            throw InvalidImages(why: "normalisation of \(mean.count) channels for images of \(dataset.channels)")
        }
        channels = dataset.channels; height = dataset.height; width = dataset.width
        let plane = height * width
        var out = [Float](repeating: 0, count: n * channels * plane)
        for i in 0..<(n * channels) {
            let c = i % channels
            for k in 0..<plane {
                out[i * plane + k] = (Float(dataset.pixels[i * plane + k]) / 255 - mean[c]) / std[c]
            }
        }
        pixels = out
        labels = dataset.labels.prefix(n).map(Int.init)
        padValue = (0..<channels).map { -mean[$0] / std[$0] }
    }

    /// The images at `indices` as one batch, unchanged (test time).
    public func batch(_ indices: ArraySlice<Int>) -> Tensor {
        var out = [Float](repeating: 0, count: indices.count * imageSize)
        for (r, i) in indices.enumerated() {
            out.replaceSubrange((r * imageSize)..<((r + 1) * imageSize), with: pixels[(i * imageSize)..<((i + 1) * imageSize)])
        }
        return Tensor(shape: [indices.count, channels, height, width], data: out)
    }

    /// The images at `indices`, each cropped at a random offset from its 4-pixel zero-padded
    /// version, then flipped left-right with probability 1/2 (per image: top, left, flip, drawn
    /// in that order from `rng`).
    public func augmentedBatch(_ indices: ArraySlice<Int>, padding: Int = 4, using rng: inout some RandomNumberGenerator) -> Tensor {
        var out = [Float](repeating: 0, count: indices.count * imageSize)
        let plane = height * width
        out.withUnsafeMutableBufferPointer { dst in
            pixels.withUnsafeBufferPointer { src in
                for (r, i) in indices.enumerated() {
                    let top = rng.nextIndex(below: 2 * padding + 1) - padding
                    let left = rng.nextIndex(below: 2 * padding + 1) - padding
                    let flip = rng.nextUnitDouble() < 0.5
                    for c in 0..<channels {
                        let s = (i * channels + c) * plane, d = (r * channels + c) * plane
                        let pad = padValue[c]
                        for y in 0..<height {
                            let sy = y + top
                            for x in 0..<width {
                                let sx = (flip ? width - 1 - x : x) + left
                                dst[d + y * width + x] = sy >= 0 && sy < height && sx >= 0 && sx < width
                                    ? src[s + sy * width + sx] : pad
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [indices.count, channels, height, width], data: out)
    }
}
