// tensor-bench: BLAS, convolution and training-step throughput of NASTensor.
//
// Usage: tensor-bench [--quick] [--breakdown] [--step-only]
// Prints the OpenBLAS kernel (openblas_get_corename), sgemm GFLOP/s at several
// sizes, conv2d forward/backward GFLOP/s as a fraction of the sgemm peak (and of
// a same-size sgemm timed right after), and the time of one training step of
// the Fashion-MNIST CNN at batch 128. --breakdown adds per-op times of that
// step; --step-only runs just the step and breakdown (for profiling).
// Compare with tools/tensor_bench_reference.py (NumPy / PyTorch).
import Foundation
import NASEvaluators
import NASSpaces
import NASTensor

let quick = CommandLine.arguments.contains("--quick")
/// `--step-only`: run just the training-step section (for profiling).
let stepOnly = CommandLine.arguments.contains("--step-only")
let env = ProcessInfo.processInfo.environment

/// Best (minimum) wall time of `body` over `repeats` runs after one warm-up:
/// on a machine shared with other jobs the minimum is the least disturbed run.
func timeit(repeats: Int, _ body: () -> Void) -> Double {
    body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    return times.min() ?? 0
}

print("NASTensor tensor-bench")
print("BLAS kernel (openblas_get_corename): \(BLAS.coreName)")
print("OPENBLAS_CORETYPE=\(env["OPENBLAS_CORETYPE"] ?? "(unset)") OPENBLAS_L2_SIZE=\(env["OPENBLAS_L2_SIZE"] ?? "(unset)")")
print("workers: \(Parallel.workerCount)")
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
    print("load average at start: \(load.split(separator: " ").prefix(3).joined(separator: " ")) (machine is shared: figures are best-of-N)")
}

// MARK: sgemm
var rng = SplitMix64(seed: 1)
var peak = 0.0
if !stepOnly {
print("\n== sgemm (square n x n x n), GFLOP/s ==")
print("   n   1 thread   engine (rows split over workers)   OpenBLAS \(Parallel.workerCount) threads")
let sizes = quick ? [256, 1024] : [128, 256, 512, 1024, 2048]
/// Best time of an n x n x n product, split over the engine's workers or not.
func sgemmTime(_ n: Int, parallel: Bool, rng: inout SplitMix64) -> Double {
    let a = Tensor.randomUniform([n, n], bound: 1, using: &rng).data
    let b = Tensor.randomUniform([n, n], bound: 1, using: &rng).data
    var c = [Float](repeating: 0, count: n * n)
    return timeit(repeats: n >= 1024 ? 5 : 20) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    guard let xa = pa.baseAddress, let xb = pb.baseAddress, let xc = pc.baseAddress else { return }
                    let f = parallel ? BLAS.sgemmParallel : BLAS.sgemm
                    f(false, false, n, n, n, 1, xa, n, xb, n, 0, xc, n)
                }
            }
        }
    }
}
// Engine columns first; OpenBLAS's own threads run last (they keep spinning
// after a call and would compete with the engine's workers).
let single = sizes.map { 2.0 * Double($0 * $0 * $0) / sgemmTime($0, parallel: false, rng: &rng) / 1e9 }
let engine = sizes.map { 2.0 * Double($0 * $0 * $0) / sgemmTime($0, parallel: true, rng: &rng) / 1e9 }
BLAS.setThreads(Parallel.workerCount)
let multi = sizes.map { 2.0 * Double($0 * $0 * $0) / sgemmTime($0, parallel: false, rng: &rng) / 1e9 }
BLAS.setThreads(1)
Thread.sleep(forTimeInterval: 0.5)  // let OpenBLAS's idle threads stop spinning
for (i, n) in sizes.enumerated() {
    peak = max(peak, engine[i], multi[i])
    print(String(format: "%5d   %8.1f   %8.1f                            %8.1f", n, single[i], engine[i], multi[i]))
}
print(String(format: "sgemm peak (best of the above): %.1f GFLOP/s", peak))

// MARK: conv2d
print("\n== conv2d 3x3, padding 1 (im2col + sgemm, batch-parallel), GFLOP/s ==")
struct ConvCase { let n, c, o, hw: Int }
let cases = quick ? [ConvCase(n: 32, c: 64, o: 64, hw: 32)]
    : [ConvCase(n: 128, c: 16, o: 32, hw: 14), ConvCase(n: 32, c: 64, o: 64, hw: 32),
       ConvCase(n: 32, c: 128, o: 128, hw: 16), ConvCase(n: 32, c: 256, o: 256, hw: 8)]
for cc in cases {
    let x = Tensor.randomUniform([cc.n, cc.c, cc.hw, cc.hw], bound: 1, requiresGrad: true, using: &rng)
    let w = Tensor.kaimingNormal([cc.o, cc.c, 3, 3], using: &rng)
    let flops = 2.0 * Double(cc.n * cc.o * cc.c * 9 * cc.hw * cc.hw)
    let fwd = timeit(repeats: 5) { _ = GradMode.withNoGrad { x.conv2d(weight: w, padding: 1) } }
    let seed = [Float](repeating: 1, count: cc.n * cc.o * cc.hw * cc.hw)
    let total = timeit(repeats: 5) {
        x.zeroGrad(); w.zeroGrad()
        x.conv2d(weight: w, padding: 1).backward(seed: seed)
    }
    let bwd = max(total - fwd, 1e-9)
    // The same flops as one [O x C*9] x [C*9 x N*H*W] product, timed right
    // after: a like-for-like ceiling under the same machine load.
    let gm = cc.o, gn = cc.n * cc.hw * cc.hw, gk = cc.c * 9
    let ga = [Float](repeating: 0.5, count: gm * gk), gbm = [Float](repeating: 0.25, count: gk * gn)
    var gc = [Float](repeating: 0, count: gm * gn)
    let gemmTime = timeit(repeats: 5) {
        ga.withUnsafeBufferPointer { pa in
            gbm.withUnsafeBufferPointer { pb in
                gc.withUnsafeMutableBufferPointer { pc in
                    guard let xa = pa.baseAddress, let xb = pb.baseAddress, let xc = pc.baseAddress else { return }
                    BLAS.sgemmParallel(transA: false, transB: false, m: gm, n: gn, k: gk, alpha: 1, a: xa, lda: gk,
                                       b: xb, ldb: gn, beta: 0, c: xc, ldc: gn)
                }
            }
        }
    }
    let gg = flops / gemmTime / 1e9
    let gf = flops / fwd / 1e9, gb = 2 * flops / bwd / 1e9
    print(String(format: "N=%-3d %3d->%-3d %2dx%-2d  fwd %6.1f GFLOP/s (%3.0f%% of peak, %3.0f%% of same-size sgemm %5.1f)  bwd %6.1f GFLOP/s (%3.0f%% of peak, %3.0f%%)  [fwd %.2f ms, bwd %.2f ms]",
                 cc.n, cc.c, cc.o, cc.hw, cc.hw, gf, 100 * gf / peak, 100 * gf / gg, gg,
                 gb, 100 * gb / peak, 100 * gb / gg, fwd * 1e3, bwd * 1e3))
}


// MARK: RWE forward pass
// Random-weight evaluation's cost: pooled features of a batch of 250 images (RWE's batch) through
// the random NB201 network, no graph, BN in inference mode (`--batch-norm fresh`), on the
// engine's workers. GFLOP/s counts 2 x the network's multiply-accumulates per image.
print("\n== RWE forward pass (NB201 network, batch 250, 32x32, no grad), images/s ==")
let rweCells: [(String, NB201Cell)] = [
    ("all conv3x3", NB201Cell(ops: Array(repeating: .norConv3x3, count: NB201Cell.edgeCount))),
    ("five conv3x3 + one skip", NB201Cell(ops: [.norConv3x3, .norConv3x3, .norConv3x3, .skipConnect, .norConv3x3, .norConv3x3])),
]
let rweBatch = 250
let rweImages = Tensor.randomUniform([rweBatch, 3, 32, 32], bound: 1, using: &rng)
for (channels, cellsPerStage) in [(8, 1), (16, 5)] {
    for (name, cell) in rweCells {
        var nrng = SplitMix64(seed: 2)
        guard let network = try? NB201Network(cell: cell, channels: channels, cellsPerStage: cellsPerStage, using: &nrng) else { continue }
        network.setTraining(false)
        let seconds = timeit(repeats: quick ? 2 : 5) { _ = GradMode.withNoGrad { network.features(rweImages) } }
        let perSecond = Double(rweBatch) / seconds
        let gflops = 2 * Double(network.multiplyAccumulates(imageSize: 32)) * perSecond / 1e9
        let label = name.padding(toLength: 24, withPad: " ", startingAt: 0)
        print(String(format: "C=%-2d N=%d  ", channels, cellsPerStage) + label
            + String(format: " %7.0f images/s  %6.1f GFLOP/s (%3.0f%% of sgemm peak)", perSecond, gflops, 100 * gflops / peak))
    }
}

}

// MARK: training step
print("\n== Fashion-MNIST CNN training step (batch 128, Adam) ==")
var mrng = SplitMix64(seed: 1)
let model = Sequential([
    Conv2d(1, 16, kernelSize: 3, padding: 1, bias: false, using: &mrng), BatchNorm2d(16),
    Lambda { $0.relu().maxPool2d(kernel: 2) },
    Conv2d(16, 32, kernelSize: 3, padding: 1, bias: false, using: &mrng), BatchNorm2d(32),
    Lambda { $0.relu().maxPool2d(kernel: 2).flattened() },
    Linear(32 * 7 * 7, 128, using: &mrng), Lambda { $0.relu() },
    Linear(128, 10, using: &mrng),
])
let opt = Adam(parameters: model.parameters(), learningRate: 1e-3)
let xb = Tensor.randomNormal([128, 1, 28, 28], using: &mrng)
let labels = (0..<128).map { $0 % 10 }
let step = timeit(repeats: stepOnly ? 200 : quick ? 5 : 20) {
    opt.zeroGrad()
    let loss = model(xb).softmaxCrossEntropy(labels: labels)
    loss.backward()
    opt.step()
}
let fwdOnly = timeit(repeats: quick ? 5 : 20) { _ = GradMode.withNoGrad { model(xb) } }
print(String(format: "step %.2f ms (forward alone, no grad: %.2f ms)", step * 1e3, fwdOnly * 1e3))

// MARK: per-op breakdown of the training step's activations
if stepOnly || CommandLine.arguments.contains("--breakdown") {
    print("\n== op breakdown at batch 128 (forward no-grad / forward+backward), ms ==")
    var brng = SplitMix64(seed: 3)
    let a1 = Tensor.randomNormal([128, 16, 28, 28], requiresGrad: true, using: &brng)
    let a2 = Tensor.randomNormal([128, 32, 14, 14], requiresGrad: true, using: &brng)
    let g16 = Tensor.ones([16], requiresGrad: true), b16 = Tensor.zeros([16], requiresGrad: true)
    let w1 = Tensor.kaimingNormal([16, 1, 3, 3], using: &brng), w2 = Tensor.kaimingNormal([32, 16, 3, 3], using: &brng)
    let x1 = Tensor.randomNormal([128, 1, 28, 28], requiresGrad: true, using: &brng)
    let x2 = Tensor.randomNormal([128, 16, 14, 14], requiresGrad: true, using: &brng)
    let ops: [(String, () -> Tensor)] = [
        ("conv1 1->16 28x28", { x1.conv2d(weight: w1, padding: 1) }),
        ("conv2 16->32 14x14", { x2.conv2d(weight: w2, padding: 1) }),
        ("batchNorm 16x28x28", { a1.batchNorm(gamma: g16, beta: b16, runningMean: .init(repeating: 0, count: 16),
                                                runningVar: .init(repeating: 1, count: 16), training: true).0 }),
        ("relu 16x28x28", { a1.relu() }),
        ("maxPool2d 16x28x28", { a1.maxPool2d(kernel: 2) }),
        ("maxPool2d 32x14x14", { a2.maxPool2d(kernel: 2) }),
    ]
    for (name, f) in ops {
        let fw = timeit(repeats: 20) { _ = GradMode.withNoGrad { f() } }
        let fb = timeit(repeats: 20) { let y = f(); y.backward(seed: [Float](repeating: 1, count: y.count)) }
        print(name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %7.2f  %7.2f", fw * 1e3, fb * 1e3))
    }
}
