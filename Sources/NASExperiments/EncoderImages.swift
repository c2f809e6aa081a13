import NASDatasets
import NASTensor

/// Images as the image encoder takes them: rows drawn from one or more sets, each set normalised
/// per channel by its own statistics (``MetaTaskPool/Member/normalisation``), with one label space
/// across the sets (set k's classes shifted by the classes of the sets before it).
public struct EncoderImages: Sendable {
    /// `[count, channels, side, side]`, normalised.
    public let pixels: [Float]
    public let labels: [Int]
    public let channels: Int
    public let side: Int

    public var count: Int { labels.count }
    var imageSize: Int { channels * side * side }

    /// The images `rows[k]` of `members[k]`, labels offset by `labelOffsets[k]`; `normalisations`
    /// are the sets' statistics when the caller has them already (else computed here).
    public init(members: [MetaTaskPool.Member], rows: [[Int]], labelOffsets: [Int],
                normalisations: [(mean: [Double], std: [Double])]? = nil) throws {
        precondition(members.count == rows.count && rows.count == labelOffsets.count, "EncoderImages: one row list and offset per set")
        guard let first = members.first else { throw ExperimentError.badInput("the encoder needs at least one image set") }
        let (channels, side) = (first.images.channels, first.images.height)
        self.channels = channels
        self.side = side
        guard members.allSatisfy({ $0.images.channels == channels && $0.images.height == side && $0.images.width == side }) else {
            throw ExperimentError.badInput("the encoder's image sets differ in size: \(members.map { "\($0.source.rawValue) \($0.images.channels)x\($0.images.height)x\($0.images.width)" }.joined(separator: ", "))")
        }
        var pixels: [Float] = [], labels: [Int] = []
        pixels.reserveCapacity(rows.reduce(0) { $0 + $1.count } * channels * side * side)
        for (k, member) in members.enumerated() {
            let (mean, std) = normalisations?[k] ?? member.normalisation
            guard std.allSatisfy({ $0 > 0 }) else { throw ExperimentError.badInput("\(member.source.rawValue): a channel is constant, cannot normalise") }
            let plane = side * side, size = channels * plane
            for i in rows[k] {
                let start = i * size
                for c in 0..<channels {
                    let m = Float(mean[c]), s = Float(std[c])
                    for p in 0..<plane { pixels.append((Float(member.images.pixels[start + c * plane + p]) / 255 - m) / s) }
                }
                labels.append(Int(member.images.labels[i]) + labelOffsets[k])
            }
        }
        self.pixels = pixels
        self.labels = labels
    }

    /// The rows at `indices` as one batch `[n, channels, side, side]`.
    public func batch(_ indices: ArraySlice<Int>) -> Tensor {
        var out = [Float]()
        out.reserveCapacity(indices.count * imageSize)
        for i in indices { out.append(contentsOf: pixels[(i * imageSize)..<((i + 1) * imageSize)]) }
        return Tensor(shape: [indices.count, channels, side, side], data: out)
    }

    /// The rows `rows` in consecutive batches of at most `size`.
    public func batches(_ rows: [Int], size: Int = 100) -> [Tensor] {
        stride(from: 0, to: rows.count, by: size).map { batch(rows[$0..<min($0 + size, rows.count)]) }
    }
}
