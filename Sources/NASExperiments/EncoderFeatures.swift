import Foundation
import NASMetaD2A
import NASTensor

/// Features of images by an image encoder in inference mode, batches of 100, no gradients:
/// row-major `[count, featureSize]`, with the wall time it took.
public struct EncoderFeatures: Sendable {
    public let values: [Float]
    public let dimension: Int
    public let seconds: Double

    public var count: Int { dimension == 0 ? 0 : values.count / dimension }

    /// Every image of `images`, in row order. `onBatch` gets the images done after each batch.
    public init(encoder: ImageEncoder, images: EncoderImages, onBatch: (Int) -> Void = { _ in }) {
        encoder.eval()
        let clock = Date()
        var values = [Float]()
        values.reserveCapacity(images.count * encoder.configuration.featureSize)
        GradMode.withNoGrad {
            var lo = 0
            while lo < images.count {
                let rows = Array(lo..<min(lo + 100, images.count))[...]
                values += encoder(images.batch(rows)).data
                lo += 100
                onBatch(rows.count)
            }
        }
        self.values = values
        dimension = encoder.configuration.featureSize
        seconds = Date().timeIntervalSince(clock)
    }

    /// Raw pixels as features (the report's baseline): each normalised image flattened.
    public init(pixelsOf images: EncoderImages) {
        values = images.pixels
        dimension = images.channels * images.side * images.side
        seconds = 0
    }
}
