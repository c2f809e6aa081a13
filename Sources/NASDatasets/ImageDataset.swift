import NASCore

/// Labelled images in memory: `count` images of `channels x height x width` bytes each,
/// channel-major (CHW) as CIFAR stores them.
public struct ImageDataset: Sendable, Equatable {
    public var pixels: [UInt8]
    public var labels: [UInt8]
    public let channels: Int
    public let height: Int
    public let width: Int
    public let classNames: [String]

    public init(pixels: [UInt8], labels: [UInt8], channels: Int, height: Int, width: Int, classNames: [String]) {
        precondition(pixels.count == labels.count * channels * height * width, "pixels do not match labels x image size")
        self.pixels = pixels
        self.labels = labels
        self.channels = channels
        self.height = height
        self.width = width
        self.classNames = classNames
    }

    public var count: Int { labels.count }
    public var imageSize: Int { channels * height * width }

    /// Images per class, indexed by label.
    public func classCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: max(classNames.count, Int(labels.max() ?? 0) + 1))
        for label in labels { counts[Int(label)] += 1 }
        return counts
    }

    /// Mean and standard deviation of each channel on [0, 1] (for normalisation).
    public func channelStatistics() -> (mean: [Double], std: [Double]) {
        var sum = [Double](repeating: 0, count: channels), squares = sum
        let plane = height * width
        for image in 0..<count {
            for c in 0..<channels {
                let start = image * imageSize + c * plane
                var s = 0, q = 0
                for p in pixels[start..<(start + plane)] {
                    s += Int(p)
                    q += Int(p) * Int(p)
                }
                sum[c] += Double(s)
                squares[c] += Double(q)
            }
        }
        let n = Double(count * plane)
        let mean = sum.map { $0 / n / 255 }
        let std = zip(squares, mean).map { (($0 / n / 65025) - $1 * $1).squareRoot() }
        return (mean, std)
    }

    /// The images at `indices`, in that order.
    public func subset(_ indices: [Int]) -> ImageDataset {
        var pixels = [UInt8]()
        pixels.reserveCapacity(indices.count * imageSize)
        for i in indices { pixels.append(contentsOf: self.pixels[(i * imageSize)..<((i + 1) * imageSize)]) }
        return ImageDataset(
            pixels: pixels, labels: indices.map { labels[$0] }, channels: channels, height: height, width: width,
            classNames: classNames)
    }

    /// A seeded random subset of `size` images (without replacement; a partial Fisher-Yates shuffle).
    public func randomSubset(_ size: Int, using generator: inout some RandomNumberGenerator) -> ImageDataset {
        var order = Array(0..<count)
        let take = min(size, count)
        for i in 0..<take {
            let j = i + Int(generator.nextUniform(below: UInt64(count - i)))
            order.swapAt(i, j)
        }
        return subset(Array(order.prefix(take)))
    }

    /// Pixels as floats, per-channel normalised: (x/255 - mean[c]) / std[c].
    public func normalised(mean: [Double], std: [Double]) -> [Float] {
        precondition(mean.count == channels && std.count == channels, "one mean and std per channel")
        let plane = height * width
        var out = [Float](repeating: 0, count: pixels.count)
        for (i, p) in pixels.enumerated() {
            let c = (i / plane) % channels
            out[i] = Float((Double(p) / 255 - mean[c]) / std[c])
        }
        return out
    }
}
