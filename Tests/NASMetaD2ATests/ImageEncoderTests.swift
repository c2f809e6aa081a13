import Foundation
import NASCore
import NASMetaD2A
import NASTensor
import NASTensorState
import XCTest

/// MetaD2A's image encoder: torchvision's ResNet-18 layout and names, its cost, output shape and
/// determinism for a seed, a checkpoint round trip.
final class ImageEncoderTests: XCTestCase {
    func images(_ n: Int, side: Int = 32, seed: UInt64 = 1) -> Tensor {
        var rng = SplitMix64(seed: seed)
        return Tensor(shape: [n, 3, side, side], data: (0..<(n * 3 * side * side)).map { _ in rng.nextNormal() })
    }

    /// torchvision's model card for resnet18: 11,689,512 parameters and 1.81 GFLOPS (multiply-adds)
    /// at 224x224, of which `fc` (512 -> 1000) is 513,000 parameters and 512,000 multiply-adds.
    func testAuthorsLayoutIsTorchvisionResNet18WithoutFC() throws {
        let layout = ImageEncoderConfiguration()
        XCTAssertEqual(layout.parameterCount + 513_000, 11_689_512)
        XCTAssertEqual(Double(layout.macs(imageSide: 224) + 512_000) / 1e9, 1.81, accuracy: 0.005)
        XCTAssertFalse(layout.projects)
        var rng = SplitMix64(seed: 0)
        let encoder = try ImageEncoder(layout, using: &rng)
        XCTAssertEqual(encoder.parameters().reduce(0) { $0 + $1.count }, layout.parameterCount)
        let names = Set((encoder.namedParameters() + encoder.namedBuffers()).map(\.0))
        for name in ["conv1.weight", "bn1.running_var", "layer1.1.conv2.weight", "layer2.0.downsample.0.weight",
                     "layer2.0.downsample.1.bias", "layer4.1.bn2.running_mean"] {
            XCTAssertTrue(names.contains(name), name)
        }
        XCTAssertFalse(names.contains("layer1.0.downsample.0.weight"), "stage 1 keeps its shape: no downsample")
        XCTAssertEqual(names.count, 122 - 2 - 20, "torchvision's resnet18 state dict (122 tensors) without fc.weight, fc.bias and the 20 BNs' num_batches_tracked")
    }

    func testNarrowLayoutProjectsTo512AndCountsItsCost() throws {
        let layout = ImageEncoderConfiguration(width: 8)
        XCTAssertTrue(layout.projects)
        var rng = SplitMix64(seed: 0)
        let encoder = try ImageEncoder(layout, using: &rng)
        XCTAssertEqual(encoder.parameters().reduce(0) { $0 + $1.count }, layout.parameterCount)
        XCTAssertThrowsError(try ImageEncoder(ImageEncoderConfiguration(width: 0), using: &rng)) {
            XCTAssertEqual("\($0)", "encoder width must be in 1...1024, got 0")
        }
    }

    func testOutputIs512PerImageAndDeterministicForASeed() throws {
        let layout = ImageEncoderConfiguration(width: 8)
        func features(seed: UInt64, training: Bool) throws -> Tensor {
            var rng = SplitMix64(seed: seed)
            let encoder = try ImageEncoder(layout, using: &rng)
            encoder.setTraining(training)
            return GradMode.withNoGrad { encoder(images(3)) }
        }
        let a = try features(seed: 4, training: false)
        XCTAssertEqual(a.shape, [3, 512])
        XCTAssertEqual(a.data, try features(seed: 4, training: false).data)
        XCTAssertNotEqual(a.data, try features(seed: 5, training: false).data)
        XCTAssertEqual(try features(seed: 4, training: true).data, try features(seed: 4, training: true).data)
        XCTAssertTrue(a.data.allSatisfy(\.isFinite))
        // Other image sizes work too (the stem and pooling shrink them; the last stage pools to 1x1).
        var rng = SplitMix64(seed: 4)
        XCTAssertEqual(GradMode.withNoGrad { try! ImageEncoder(layout, using: &rng)(images(2, side: 8)) }.shape, [2, 512])
    }

    func testCheckpointRoundTripGivesTheSameFeatures() throws {
        let layout = ImageEncoderConfiguration(width: 4)
        var rng = SplitMix64(seed: 7)
        let trained = try ImageEncoder(layout, using: &rng)
        // Move the running statistics off their initial values, as training does.
        _ = GradMode.withNoGrad { trained(images(4, seed: 9)) }
        trained.eval()
        let path = NSTemporaryDirectory() + "image-encoder-\(UUID().uuidString).h5"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try trained.saveState(to: path)
        var other = SplitMix64(seed: 8)
        let loaded = try ImageEncoder(layout, using: &other)
        loaded.eval()
        let x = images(2, seed: 3)
        XCTAssertNotEqual(GradMode.withNoGrad { loaded(x) }.data, GradMode.withNoGrad { trained(x) }.data)
        try loaded.loadState(from: path)
        XCTAssertEqual(GradMode.withNoGrad { loaded(x) }.data, GradMode.withNoGrad { trained(x) }.data)
        var wide = SplitMix64(seed: 0)
        XCTAssertThrowsError(try ImageEncoder(ImageEncoderConfiguration(width: 8), using: &wide).loadState(from: path)) {
            XCTAssertTrue("\($0)".contains("conv1.weight") && "\($0)".contains("shape"), "\($0)")
        }
    }

    /// AdaBN: after adapting to two batches, the stem's batch norm holds the mean and unbiased
    /// variance of its input (the stem convolution's output) over both, pooled exactly.
    func testAdaptedBatchNormHoldsTheStatisticsOfTheGivenImages() throws {
        var rng = SplitMix64(seed: 2)
        let encoder = try ImageEncoder(ImageEncoderConfiguration(width: 4), using: &rng)
        let (a, b) = (images(3, side: 16, seed: 5), images(2, side: 16, seed: 6))
        encoder.adaptBatchNorm(to: [a, b])
        let weight = try XCTUnwrap(encoder.namedParameters().first { $0.0 == "conv1.weight" }?.1)
        let stem: [Tensor] = [a, b].map { x in
            GradMode.withNoGrad { x.conv2d(weight: weight, bias: nil as Tensor?, stride: 2, padding: 3) }
        }
        let plane = 8 * 8
        for c in 0..<4 {
            var values: [Double] = []
            for t in stem {
                for i in 0..<t.shape[0] {
                    let start = (i * 4 + c) * plane
                    values += t.data[start..<(start + plane)].map { Double($0) }
                }
            }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            XCTAssertEqual(Double(encoder.batchNorms[0].runningMean.data[c]), mean, accuracy: 1e-4 * max(1, abs(mean)))
            XCTAssertEqual(Double(encoder.batchNorms[0].runningVar.data[c]), variance, accuracy: 1e-4 * variance)
        }
        XCTAssertEqual(encoder.batchNorms.count, 20, "the stem's, 2 per block, 1 per downsample: 1 + 16 + 3")
        XCTAssertFalse(encoder.batchNorms[0].isTraining, "left in inference mode")
    }
}
