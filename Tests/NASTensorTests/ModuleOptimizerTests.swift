import NASDatasets
import NASTensor
import XCTest

/// Modules, state dictionaries, initialisers, optimisers and schedules.
final class ModuleOptimizerTests: XCTestCase {
    func testSplitMix64ReferenceValues() {
        var g = SplitMix64(seed: 1_234_567)
        XCTAssertEqual([g.next(), g.next(), g.next()],
                       [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    func testInitialiserStatistics() {
        var rng = SplitMix64(seed: 11)
        func std(_ t: Tensor) -> Float {
            let m = t.data.reduce(0, +) / Float(t.count)
            return (t.data.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Float(t.count)).squareRoot()
        }
        let kn = Tensor.kaimingNormal([256, 128, 3, 3], using: &rng)
        XCTAssertEqual(std(kn), (2 / Float(128 * 9)).squareRoot(), accuracy: 0.002)
        let ku = Tensor.kaimingUniform([512, 400], using: &rng)
        XCTAssertEqual(std(ku), (2 / Float(400)).squareRoot(), accuracy: 0.002)
        let xu = Tensor.xavierUniform([300, 500], using: &rng)
        XCTAssertEqual(std(xu), (2 / Float(800)).squareRoot(), accuracy: 0.001)
        let xn = Tensor.xavierNormal([300, 500], using: &rng)
        XCTAssertEqual(std(xn), (2 / Float(800)).squareRoot(), accuracy: 0.001)
        XCTAssertTrue(Tensor.zeros([3, 3]).data.allSatisfy { $0 == 0 })
        var a = SplitMix64(seed: 5), b = SplitMix64(seed: 5)
        XCTAssertEqual(Tensor.kaimingNormal([8, 8], using: &a).data, Tensor.kaimingNormal([8, 8], using: &b).data)
    }

    func makeNet(_ rng: inout SplitMix64) -> Sequential {
        Sequential([
            Conv2d(1, 4, kernelSize: 3, padding: 1, using: &rng), BatchNorm2d(4), Lambda { $0.relu() },
            Lambda { $0.maxPool2d(kernel: 2).flattened() }, Linear(4 * 2 * 2, 3, using: &rng),
        ])
    }

    func testStateDictRoundTrip() {
        var rng = SplitMix64(seed: 1)
        let a = makeNet(&rng), b = makeNet(&rng)
        let keys = Set(a.state().keys)
        XCTAssertEqual(keys, ["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                              "4.weight", "4.bias"])
        let x = Tensor.randomNormal([2, 1, 4, 4], using: &rng)
        _ = a(x)   // updates running stats
        b.loadState(a.state())
        a.eval(); b.eval()
        XCTAssertEqual(a(x).data, b(x).data)
        XCTAssertEqual(a.parameters().count, 6)
    }

    /// Reference updates follow torch.optim's documented algorithms, run in NumPy.
    func testOptimisersAgainstNumpy() throws {
        let w0: [Float] = [0.5, -1.0, 2.0], grads: [[Float]] = [[0.1, -0.2, 0.3], [0.2, 0.1, -0.4], [-0.3, 0.5, 0.1]]
        func run(_ make: ([Tensor]) -> any Optimizer) -> [Float] {
            let p = Tensor(shape: [3], data: w0, requiresGrad: true)
            let opt = make([p])
            for g in grads { p.gradStorage = g; opt.step() }
            return p.data
        }
        let sgd = run { SGD(parameters: $0, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01) }
        let nesterov = run { SGD(parameters: $0, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true) }
        let adam = run { Adam(parameters: $0, learningRate: 0.01, weightDecay: 0.1) }
        let adamw = run { Adam.adamW(parameters: $0, learningRate: 0.01, weightDecay: 0.1) }
        let ref = try NumpyReference.evaluate("""
            w0 = np.array([0.5, -1.0, 2.0]); G = [np.array(g) for g in [[0.1, -0.2, 0.3], [0.2, 0.1, -0.4], [-0.3, 0.5, 0.1]]]
            def sgd(nest):
                w = w0.copy(); b = None
                for g in G:
                    g = g + 0.01 * w
                    b = g.copy() if b is None else 0.9 * b + g
                    w = w - 0.1 * (g + 0.9 * b if nest else b)
                return w
            def adam(decoupled):
                w = w0.copy(); m = np.zeros(3); v = np.zeros(3)
                for t, g in enumerate(G, 1):
                    if decoupled: w = w * (1 - 0.01 * 0.1)
                    else: g = g + 0.1 * w
                    m = 0.9 * m + 0.1 * g; v = 0.999 * v + 0.001 * g * g
                    w = w - 0.01 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
                return w
            outs = [sgd(False), sgd(True), adam(False), adam(True)]
            """, inputs: [])
        for (name, got, r) in [("sgd", sgd, ref[0]), ("nesterov", nesterov, ref[1]), ("adam", adam, ref[2]),
                               ("adamw", adamw, ref[3])] {
            assertClose(got, r.data, atol: 1e-6, rtol: 1e-5, what: name)
        }
    }

    func testSchedules() {
        let cos = CosineSchedule(baseRate: 0.1, totalSteps: 100, minRate: 0.001)
        XCTAssertEqual(cos.learningRate(at: 0), 0.1, accuracy: 1e-7)
        XCTAssertEqual(cos.learningRate(at: 50), 0.0505, accuracy: 1e-6)
        XCTAssertEqual(cos.learningRate(at: 100), 0.001, accuracy: 1e-7)
        let warm = CosineSchedule(baseRate: 1, totalSteps: 10, warmupSteps: 2)
        XCTAssertEqual(warm.learningRate(at: 0), 0.5)
        XCTAssertEqual(warm.learningRate(at: 2), 1)
        let step = StepSchedule(baseRate: 1, stepSize: 30, gamma: 0.1)
        XCTAssertEqual(step.learningRate(at: 29), 1)
        XCTAssertEqual(step.learningRate(at: 30), 0.1, accuracy: 1e-7)
        XCTAssertEqual(step.learningRate(at: 65), 0.01, accuracy: 1e-8)
    }

    func testIDXReaderOnSyntheticFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let header: [UInt8] = [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3]
        let path = dir.appendingPathComponent("plain-idx2-ubyte").path
        try Data(header + [1, 2, 3, 4, 5, 255]).write(to: URL(fileURLWithPath: path))
        let f = try IDXFile(path: path)
        XCTAssertEqual(f.shape, [2, 3])
        XCTAssertEqual(f.bytes, [1, 2, 3, 4, 5, 255])
        try Data([0, 0, 8, 1, 0, 0, 0, 9, 1]).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try IDXFile(path: path))
    }
}
