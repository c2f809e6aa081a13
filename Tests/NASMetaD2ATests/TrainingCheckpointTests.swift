import NASCore
import NASMetaD2A
import NASTensor
import NASTensorState
import XCTest

/// A ``TrainingCheckpoint`` of a model and its `Adam`, saved mid-run and loaded into fresh objects,
/// continues to the same weights as the uninterrupted run, bit for bit.
final class TrainingCheckpointTests: XCTestCase {
    /// A small regression problem's loss for `layer`.
    static func loss(_ layer: Linear, step: Int) -> Tensor {
        var rng = SplitMix64(seed: UInt64(step))
        let x = Tensor.randomNormal([6, 4], using: &rng), y = Tensor.randomNormal([6, 3], using: &rng)
        return (layer(x) - y).square().sum()
    }

    static func layer() -> Linear {
        var rng = SplitMix64(seed: 1)
        return Linear(4, 3, using: &rng)
    }

    func testAdamResumesFromACheckpointBitForBit() throws {
        let a = Self.layer(), c = Self.layer()
        let engine = Adam(parameters: a.parameters(), learningRate: 0.01, weightDecay: 0.001)
        let interrupted = Adam(parameters: c.parameters(), learningRate: 0.01, weightDecay: 0.001)
        let path = NSTemporaryDirectory() + "resumable-adam-\(ProcessInfo.processInfo.processIdentifier).h5"
        defer { try? FileManager.default.removeItem(atPath: path) }
        for step in 0..<5 {
            for (layer, optimizer) in [(a, engine), (c, interrupted)] {
                optimizer.zeroGrad()
                Self.loss(layer, step: step).backward()
                optimizer.step()
            }
        }
        try TrainingCheckpoint(model: c, optimizer: interrupted).saveState(to: path)
        let d = Self.layer()
        let restored = Adam(parameters: d.parameters(), learningRate: 0.01, weightDecay: 0.001)
        let checkpoint = TrainingCheckpoint(model: d, optimizer: restored)
        try checkpoint.loadState(from: path)
        checkpoint.restoreOptimizer()
        XCTAssertEqual(restored.steps, [5, 5])
        for step in 5..<8 {
            for (layer, optimizer) in [(a, engine), (d, restored)] {
                optimizer.zeroGrad()
                Self.loss(layer, step: step).backward()
                optimizer.step()
            }
        }
        XCTAssertEqual(restored.firstMoments, engine.firstMoments)
        XCTAssertEqual(a.parameters().map(\.data), d.parameters().map(\.data))
    }
}
