import Foundation
import NASDatasets
import NASTensor
import XCTest

/// Shared training loop for the Fashion-MNIST end-to-end tests.
enum FashionMNISTHarness {
    /// Per-pixel normalisation constants of the training set.
    static let pixelMean: Float = 0.2860, pixelStd: Float = 0.3530

    /// The data set, loaded once (nil when the package is not installed).
    static let data: FashionMNIST? = FashionMNIST.isAvailable() ? (try? FashionMNIST()) : nil

    /// Loads the data or skips with a clear message; also skips unoptimised builds.
    static func requireData() throws -> FashionMNIST {
        #if DEBUG
        if ProcessInfo.processInfo.environment["NASBENCH_SLOW_TESTS"] == nil {
            throw XCTSkip("Fashion-MNIST training is only run in release builds (swift test -c release) or with NASBENCH_SLOW_TESTS=1")
        }
        #endif
        guard FashionMNIST.isAvailable() else {
            throw XCTSkip("Fashion-MNIST not found in \(FashionMNIST.defaultDirectory): apt-get install -y dataset-fashion-mnist")
        }
        guard let data else { throw XCTSkip("Fashion-MNIST files in \(FashionMNIST.defaultDirectory) could not be read") }
        return data
    }

    /// Normalised `[indices.count, 1, 28, 28]` (or flattened `[n, 784]`) batch.
    static func batch(_ images: [Float], _ indices: ArraySlice<Int>, flat: Bool) -> Tensor {
        let size = FashionMNIST.imageSize
        var out = [Float](repeating: 0, count: indices.count * size)
        for (r, i) in indices.enumerated() {
            for k in 0..<size { out[r * size + k] = (images[i * size + k] - pixelMean) / pixelStd }
        }
        return Tensor(shape: flat ? [indices.count, size] : [indices.count, 1, 28, 28], data: out)
    }

    /// Result of one training run.
    struct Result {
        var losses: [Float] = []
        var testAccuracy: Double = 0
        var seconds: Double = 0
    }

    /// Trains `model` with `optimizer` under `schedule` for `epochs` (or
    /// `maxSteps`), then measures test accuracy in inference mode.
    static func train(model: any Module, optimizer: any Optimizer, schedule: any LRSchedule, data: FashionMNIST,
                      epochs: Int, batchSize: Int, flat: Bool, seed: UInt64, maxSteps: Int? = nil,
                      evaluate: Bool = true) -> Result {
        var rng = SplitMix64(seed: seed)
        var result = Result()
        let start = Date()
        var step = 0
        let n = data.trainLabels.count
        model.train()
        training: for _ in 0..<epochs {
            var order = Array(0..<n)
            rng.shuffle(&order)
            var lo = 0
            while lo + batchSize <= n {
                if let maxSteps, step >= maxSteps { break training }
                let idx = order[lo..<(lo + batchSize)]
                let x = batch(data.trainImages, idx, flat: flat)
                let labels = idx.map { data.trainLabels[$0] }
                optimizer.learningRate = schedule.learningRate(at: step)
                optimizer.zeroGrad()
                let loss = model(x).softmaxCrossEntropy(labels: labels)
                loss.backward()
                optimizer.step()
                result.losses.append(loss.item)
                lo += batchSize
                step += 1
            }
        }
        if evaluate {
            model.eval()
            var correct = 0
            let m = data.testLabels.count
            GradMode.withNoGrad {
                var lo = 0
                while lo < m {
                    let hi = min(lo + 1000, m)
                    let pred = model(batch(data.testImages, Array(lo..<hi)[...], flat: flat)).argmaxRows()
                    for (k, p) in pred.enumerated() where p == data.testLabels[lo + k] { correct += 1 }
                    lo = hi
                }
            }
            result.testAccuracy = Double(correct) / Double(m)
        }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}
