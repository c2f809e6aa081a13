import Foundation
import NASDatasets
import NASTensor
import XCTest

/// End-to-end training on real data (release builds; skipped without the data set).
final class FashionMNISTTests: XCTestCase {
    static func mlp(seed: UInt64) -> Sequential {
        var rng = SplitMix64(seed: seed)
        return Sequential([
            Linear(784, 256, using: &rng), Lambda { $0.relu() },
            Linear(256, 128, using: &rng), Lambda { $0.relu() },
            Linear(128, 10, using: &rng),
        ])
    }

    static func cnn(seed: UInt64) -> Sequential {
        var rng = SplitMix64(seed: seed)
        return Sequential([
            Conv2d(1, 16, kernelSize: 3, padding: 1, bias: false, using: &rng), BatchNorm2d(16, fusedReLU: true),
            Lambda { $0.maxPool2d(kernel: 2) },
            Conv2d(16, 32, kernelSize: 3, padding: 1, bias: false, using: &rng), BatchNorm2d(32, fusedReLU: true),
            Lambda { $0.maxPool2d(kernel: 2).flattened() },
            Linear(32 * 7 * 7, 128, using: &rng), Lambda { $0.relu() },
            Linear(128, 10, using: &rng),
        ])
    }

    func runMLP(_ data: FashionMNIST) -> FashionMNISTHarness.Result {
        let model = Self.mlp(seed: 1)
        let epochs = 3, steps = epochs * (60_000 / 128)
        let opt = Adam(parameters: model.parameters(), learningRate: 1e-3)
        return FashionMNISTHarness.train(model: model, optimizer: opt,
                                         schedule: CosineSchedule(baseRate: 1e-3, totalSteps: steps),
                                         data: data, epochs: epochs, batchSize: 128, flat: true, seed: 2)
    }

    func testMLPReaches85PercentDeterministically() throws {
        let data = try FashionMNISTHarness.requireData()
        let a = runMLP(data)
        print("Fashion-MNIST MLP: test accuracy \(a.testAccuracy), final loss \(a.losses.last ?? .nan), \(a.seconds) s")
        XCTAssertGreaterThanOrEqual(a.testAccuracy, 0.85)
        let b = runMLP(data)
        XCTAssertEqual(a.losses.map(\.bitPattern), b.losses.map(\.bitPattern), "same seed must give bit-identical losses")
        XCTAssertEqual(a.testAccuracy, b.testAccuracy)
    }

    func testCNNReaches89Percent() throws {
        let data = try FashionMNISTHarness.requireData()
        let model = Self.cnn(seed: 1)
        let epochs = 3, steps = epochs * (60_000 / 128)
        let opt = Adam(parameters: model.parameters(), learningRate: 2e-3)
        let r = FashionMNISTHarness.train(model: model, optimizer: opt,
                                          schedule: CosineSchedule(baseRate: 2e-3, totalSteps: steps),
                                          data: data, epochs: epochs, batchSize: 128, flat: false, seed: 2)
        print("Fashion-MNIST CNN: test accuracy \(r.testAccuracy), final loss \(r.losses.last ?? .nan), \(r.seconds) s")
        XCTAssertGreaterThanOrEqual(r.testAccuracy, 0.89)
    }

    func testCNNTrainingIsBitIdenticalForSameSeed() throws {
        let data = try FashionMNISTHarness.requireData()
        func run() -> ([Float], [String: Tensor]) {
            let model = Self.cnn(seed: 9)
            let opt = SGD(parameters: model.parameters(), learningRate: 0.05, momentum: 0.9, weightDecay: 5e-4, nesterov: true)
            let r = FashionMNISTHarness.train(model: model, optimizer: opt, schedule: StepSchedule(baseRate: 0.05, stepSize: 10),
                                              data: data, epochs: 1, batchSize: 64, flat: false, seed: 4,
                                              maxSteps: 25, evaluate: false)
            return (r.losses, model.state())
        }
        let (l1, s1) = run(), (l2, s2) = run()
        XCTAssertEqual(l1.map(\.bitPattern), l2.map(\.bitPattern))
        XCTAssertLessThan(l1.suffix(5).reduce(0, +), l1.prefix(5).reduce(0, +), "loss should fall")
        for (k, v) in s1 { XCTAssertEqual(v.data.map(\.bitPattern), s2[k]?.data.map(\.bitPattern), k) }
    }
}
