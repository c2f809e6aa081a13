// tensor-bench: BLAS, convolution and training-step throughput of NASTensor.
//
// Usage: tensor-bench [--quick] [--breakdown] [--step-only] [--dnnl-c PATH] [--reference] [--rwe-loop SECONDS] [--step-loop SECONDS [--unfused]]
// Prints the OpenBLAS kernel (openblas_get_corename), sgemm GFLOP/s at several
// sizes, conv2d forward/backward GFLOP/s as a fraction of the sgemm peak (and of
// a same-size sgemm timed right after), and the time of one training step of
// the Fashion-MNIST CNN at batch 128. --breakdown adds per-op times of that
// step; --step-only runs just the step and breakdown (for profiling).
// --dnnl-c PATH runs tools/bench/dnnl_conv_bench.c's binary on the conv shapes for side-by-side
// ratios (against oneDNN's own OpenMP threading and against the engine's policy done in C); --reference runs the RWE and training-step sections on the im2col + sgemm reference.
// Compare with tools/reference/tensor_bench_reference.py (NumPy / PyTorch).
import Foundation
import NASConet
import NASEvaluators
import NASSpaces
import NASTensor

// As the nasbench CLI runs: freed tensor buffers are kept for reuse instead of being mapped and
// page-faulted afresh for every op (NASTensor's AllocatorTuning).
AllocatorTuning.keepFreedBlocksForReuse()
let quick = CommandLine.arguments.contains("--quick")
/// `--step-only`: run just the training-step section (for profiling).
let stepOnly = CommandLine.arguments.contains("--step-only") || CommandLine.arguments.contains("--step-loop")
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
if CommandLine.arguments.contains("--reference") { TensorBackend.current = .reference }
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
    print("load average at start: \(load.split(separator: " ").prefix(3).joined(separator: " ")) (machine is shared: figures are best-of-N)")
}

// MARK: --rwe-loop SECONDS (for profiling): the C=16 N=5 all-conv3x3 RWE forward pass on the
// current backend, repeated for SECONDS, then exit.
if let i = CommandLine.arguments.firstIndex(of: "--rwe-loop"), i + 1 < CommandLine.arguments.count,
   let seconds = Double(CommandLine.arguments[i + 1]) {
    var lrng = SplitMix64(seed: 2)
    let cell = NB201Cell(ops: Array(repeating: .norConv3x3, count: NB201Cell.edgeCount))
    let images = Tensor.randomUniform([250, 3, 32, 32], bound: 1, using: &lrng)
    let network = try NB201Network(cell: cell, channels: 16, cellsPerStage: 5, using: &lrng)
    network.setTraining(false)
    let start = DispatchTime.now().uptimeNanoseconds
    var passes = 0
    while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
        _ = GradMode.withNoGrad { network.features(images) }
        passes += 1
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "rwe-loop: %d passes, %.0f images/s", passes, Double(passes * 250) / elapsed))
    exit(0)
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
// Each shape on the engine's oneDNN path (what `conv2d` runs), on its im2col + sgemm reference,
// and, with --dnnl-c PATH, oneDNN's primitive called directly from C (tools/bench/dnnl_conv_bench.c,
// library-chosen layouts, no reorders timed, oneDNN's own OpenMP threads) on the same shapes.
print("\n== conv2d 3x3, padding 1: engine on oneDNN vs reference (im2col + sgemm) vs oneDNN from C, GFLOP/s ==")
struct ConvCase { let n, c, o, hw: Int }
let cases = quick ? [ConvCase(n: 32, c: 64, o: 64, hw: 32)]
    : [ConvCase(n: 128, c: 16, o: 32, hw: 14), ConvCase(n: 32, c: 64, o: 64, hw: 32),
       ConvCase(n: 250, c: 16, o: 16, hw: 32), ConvCase(n: 250, c: 32, o: 32, hw: 16),
       ConvCase(n: 250, c: 64, o: 64, hw: 8),
       ConvCase(n: 32, c: 128, o: 128, hw: 16), ConvCase(n: 32, c: 256, o: 256, hw: 8)]
/// GFLOP/s of oneDNN called from C, per shape key "N C O HW": (fwd, bwd); `direct` with oneDNN's
/// OpenMP threads, `split` with the engine's policy (two threads, half the batch each).
var direct: [String: (Double, Double)] = [:], split: [String: (Double, Double)] = [:]
if let i = CommandLine.arguments.firstIndex(of: "--dnnl-c"), i + 1 < CommandLine.arguments.count {
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: CommandLine.arguments[i + 1])
    proc.arguments = cases.flatMap { ["\($0.n)", "\($0.c)", "\($0.o)", "\($0.hw)"] }
    let pipe = Pipe()
    proc.standardOutput = pipe
    do {
        try proc.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        proc.waitUntilExit()
        print(text, terminator: "")
        // "dnnl-c N=128  16->32  14x14  fwd  213.0 GFLOP/s  bwd  180.1 GFLOP/s ..."
        for line in text.split(separator: "\n") where line.hasPrefix("dnnl-c") {
            let isSplit = line.hasPrefix("dnnl-c-split")
            let f = line.split(separator: " ").map(String.init)
            guard let fi = f.firstIndex(of: "fwd"), let bi = f.firstIndex(of: "bwd"), bi + 1 < f.count,
                  let fwd = Double(f[fi + 1]), let bwd = Double(f[bi + 1]) else { continue }
            let n = f[1].dropFirst(2), co = f[2].split(separator: "-"), hw = f[3].split(separator: "x")[0]
            let key = "\(n) \(co[0]) \(co[1].dropFirst()) \(hw)"
            if isSplit { split[key] = (fwd, bwd) } else { direct[key] = (fwd, bwd) }
        }
    } catch {
        print("dnnl-c: could not run \(CommandLine.arguments[i + 1]): \(error)")
    }
}
let chosenBackend = TensorBackend.current
print("shape                      backend     fwd GFLOP/s  bwd GFLOP/s   fwd ms   bwd ms   vs dnnl-c (fwd, bwd)   vs dnnl-c-split")
for cc in cases {
    let x = Tensor.randomUniform([cc.n, cc.c, cc.hw, cc.hw], bound: 1, requiresGrad: true, using: &rng)
    let w = Tensor.kaimingNormal([cc.o, cc.c, 3, 3], requiresGrad: true, using: &rng)
    let flops = 2.0 * Double(cc.n * cc.o * cc.c * 9 * cc.hw * cc.hw)
    let seed = [Float](repeating: 1, count: cc.n * cc.o * cc.hw * cc.hw)
    let shape = String(format: "N=%-3d %3d->%-3d %2dx%-2d", cc.n, cc.c, cc.o, cc.hw, cc.hw)
    for backend in [TensorBackend.onednn, .reference] {
        TensorBackend.current = backend
        let fwd = timeit(repeats: 5) { _ = GradMode.withNoGrad { x.conv2d(weight: w, padding: 1) } }
        let total = timeit(repeats: 5) {
            x.zeroGrad(); w.zeroGrad()
            x.conv2d(weight: w, padding: 1).backward(seed: seed)
        }
        // Backward = training-mode forward + backward minus the no-grad forward.
        let bwd = max(total - fwd, 1e-9)
        let gf = flops / fwd / 1e9, gb = 2 * flops / bwd / 1e9
        var ratio = ""
        let key = "\(cc.n) \(cc.c) \(cc.o) \(cc.hw)"
        if let c = direct[key] { ratio += String(format: "%4.0f%%, %4.0f%%           ", 100 * gf / c.0, 100 * gb / c.1) }
        if let c = split[key] { ratio += String(format: "%4.0f%%, %4.0f%%", 100 * gf / c.0, 100 * gb / c.1) }
        print(shape.padding(toLength: 27, withPad: " ", startingAt: 0)
            + backend.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: "  %8.1f     %8.1f   %7.2f  %7.2f   ", gf, gb, fwd * 1e3, bwd * 1e3) + ratio)
    }
    TensorBackend.current = chosenBackend
}
if let fallback = TensorBackend.lastFallback { print("oneDNN fell back to the reference at least once: \(fallback)") }

// MARK: RWE forward pass
// Random-weight evaluation's cost: pooled features of a batch of 250 images (RWE's batch) through
// the random NB201 network, no graph, BN in inference mode (`--batch-norm fresh`), on the
// engine's workers. GFLOP/s counts 2 x the network's multiply-accumulates per image.
print("\n== RWE forward pass (NB201 network, batch 250, 32x32, no grad), images/s ==")
let rweCells: [(String, NB201Cell)] = [
    ("all conv3x3", NB201Cell(ops: Array(repeating: .norConv3x3, count: NB201Cell.edgeCount))),
    ("five conv3x3 + one skip", NB201Cell(ops: [.norConv3x3, .norConv3x3, .norConv3x3, .skipConnect, .norConv3x3, .norConv3x3])),
    ("four conv3x3 + two pool", NB201Cell(ops: [.norConv3x3, .avgPool3x3, .norConv3x3, .norConv3x3, .avgPool3x3, .norConv3x3])),
]
let rweBatch = 250
let rweImages = Tensor.randomUniform([rweBatch, 3, 32, 32], bound: 1, using: &rng)
/// Backends compared in the RWE and training-step sections (`--reference`: the reference alone).
let backends: [TensorBackend] = chosenBackendForSections()
for (channels, cellsPerStage) in [(8, 1), (16, 5)] {
    for (name, cell) in rweCells {
      // oneDNN with blocked layouts between layers (the default), oneDNN on nchw tensors, the reference.
      let variants: [(TensorBackend, Set<OneDNNOp>, String)] = backends.flatMap { backend in
          backend == .onednn
              ? [(backend, OneDNNOp.defaults, "onednn"),
                 (backend, OneDNNOp.defaults.subtracting([.blockedLayouts]), "onednn-nchw")]
              : [(backend, OneDNNOp.defaults, backend.rawValue)]
      }
      for (backend, ops, variantName) in variants {
        TensorBackend.current = backend
        var nrng = SplitMix64(seed: 2)
        guard let network = try? NB201Network(cell: cell, channels: channels, cellsPerStage: cellsPerStage, using: &nrng) else { continue }
        network.setTraining(false)
        let seconds = TensorBackend.with(oneDNNOps: ops) {
            timeit(repeats: quick ? 2 : 5) { _ = GradMode.withNoGrad { network.features(rweImages) } }
        }
        let perSecond = Double(rweBatch) / seconds
        let gflops = 2 * Double(network.multiplyAccumulates(imageSize: 32)) * perSecond / 1e9
        let label = name.padding(toLength: 24, withPad: " ", startingAt: 0)
        print(String(format: "C=%-2d N=%d  ", channels, cellsPerStage) + label + variantName.padding(toLength: 12, withPad: " ", startingAt: 0)
            + String(format: " %7.0f images/s  %6.1f GFLOP/s (%3.0f%% of sgemm peak)", perSecond, gflops, 100 * gflops / peak))
      }
    }
}
TensorBackend.current = chosenBackend

}

// MARK: training step
print("\n== Fashion-MNIST CNN training step (batch 128, Adam) ==")
/// The CNN, batch norm and ReLU fused (`BatchNorm2d(fusedReLU:)`) or as two ops; same weights.
func fashionCNN(fusedReLU: Bool) -> Sequential {
    var mrng = SplitMix64(seed: 1)
    return Sequential([
        Conv2d(1, 16, kernelSize: 3, padding: 1, bias: false, using: &mrng), BatchNorm2d(16, fusedReLU: fusedReLU),
        Lambda { (fusedReLU ? $0 : $0.relu()).maxPool2d(kernel: 2) },
        Conv2d(16, 32, kernelSize: 3, padding: 1, bias: false, using: &mrng), BatchNorm2d(32, fusedReLU: fusedReLU),
        Lambda { (fusedReLU ? $0 : $0.relu()).maxPool2d(kernel: 2).flattened() },
        Linear(32 * 7 * 7, 128, using: &mrng), Lambda { $0.relu() },
        Linear(128, 10, using: &mrng),
    ])
}
let model = fashionCNN(fusedReLU: true)
var mrng = SplitMix64(seed: 5)
let opt = Adam(parameters: model.parameters(), learningRate: 1e-3)
let xb = Tensor.randomNormal([128, 1, 28, 28], using: &mrng)
let labels = (0..<128).map { $0 % 10 }
let stepBackend = TensorBackend.current
// --step-loop SECONDS (for profiling): the step above on the current backend, repeated, then exit.
if let i = CommandLine.arguments.firstIndex(of: "--step-loop"), i + 1 < CommandLine.arguments.count,
   let seconds = Double(CommandLine.arguments[i + 1]) {
    let loopModel = CommandLine.arguments.contains("--unfused") ? fashionCNN(fusedReLU: false) : model
    let loopOpt = Adam(parameters: loopModel.parameters(), learningRate: 1e-3)
    let start = DispatchTime.now().uptimeNanoseconds
    var steps = 0
    while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
        loopOpt.zeroGrad()
        loopModel(xb).softmaxCrossEntropy(labels: labels).backward()
        loopOpt.step()
        steps += 1
    }
    print(String(format: "step-loop: %d steps, %.2f ms a step", steps, seconds * 1e3 / Double(steps)))
    exit(0)
}
for backend in chosenBackendForSections() {
    TensorBackend.current = backend
    let step = timeit(repeats: stepOnly ? 200 : quick ? 5 : 20) {
        opt.zeroGrad()
        let loss = model(xb).softmaxCrossEntropy(labels: labels)
        loss.backward()
        opt.step()
    }
    let fwdOnly = timeit(repeats: quick ? 5 : 20) { _ = GradMode.withNoGrad { model(xb) } }
    print(backend.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
        + String(format: " step %.2f ms (forward alone, no grad: %.2f ms)", step * 1e3, fwdOnly * 1e3))
}
TensorBackend.current = stepBackend

// MARK: training steps with and without blocked layouts between layers
// The same step with OneDNNOp.blockedLayouts on (the default) and off, alternating, best of N each:
// the Fashion-MNIST CNN above (one convolution per block) and CONetV2's ResNet-20 at the widths the
// SA gamma 0.7 search settles near (consecutive convolutions and residual sums; SGD, batch 128).
if !stepOnly {
    print("\n== training step, oneDNN with blocked layouts between layers vs on nchw (alternating runs), ms ==")
    var crng = SplitMix64(seed: 4)
    let resnet = try ChannelGraph.model(named: "resnet20").graph
    let conet = try ConetNetwork(graph: resnet, widths: [40, 30, 44, 46, 34, 46, 44, 44, 52, 48, 46, 44], using: &crng)
    let sgd = SGD(parameters: conet.parameters(), learningRate: 0.01, momentum: 0.9)
    let images = Tensor.randomNormal([128, 3, 32, 32], using: &crng)
    let unfused = fashionCNN(fusedReLU: false)
    let unfusedOpt = Adam(parameters: unfused.parameters(), learningRate: 1e-3)
    let nets: [(String, () -> Void)] = [
        ("Fashion-MNIST CNN", {
            opt.zeroGrad(); model(xb).softmaxCrossEntropy(labels: labels).backward(); opt.step()
        }),
        ("the CNN, BN + ReLU unfused", {
            unfusedOpt.zeroGrad(); unfused(xb).softmaxCrossEntropy(labels: labels).backward(); unfusedOpt.step()
        }),
        ("ResNet-20, CONet widths", {
            sgd.zeroGrad(); conet(images).softmaxCrossEntropy(labels: labels).backward(); sgd.step()
        }),
    ]
    for (name, step) in nets {
        var best = [Double.infinity, Double.infinity]
        for _ in 0..<(quick ? 2 : 5) {
            for (k, ops) in [OneDNNOp.defaults, OneDNNOp.defaults.subtracting([.blockedLayouts])].enumerated() {
                best[k] = min(best[k], TensorBackend.with(oneDNNOps: ops) { timeit(repeats: quick ? 2 : 4, step) })
            }
        }
        print(name.padding(toLength: 26, withPad: " ", startingAt: 0)
            + String(format: " blocked %7.2f   nchw %7.2f   (%.2fx)", best[0] * 1e3, best[1] * 1e3, best[1] / best[0]))
    }
}

// MARK: per-op breakdown of the training step's activations
if stepOnly || CommandLine.arguments.contains("--breakdown") {
    print("\n== op breakdown (forward no-grad / forward+backward), ms; oneDNN column: the default op set ==")
    var brng = SplitMix64(seed: 3)
    let a1 = Tensor.randomNormal([128, 16, 28, 28], requiresGrad: true, using: &brng)
    let a2 = Tensor.randomNormal([128, 32, 14, 14], requiresGrad: true, using: &brng)
    let g16 = Tensor.ones([16], requiresGrad: true), b16 = Tensor.zeros([16], requiresGrad: true)
    let w1 = Tensor.kaimingNormal([16, 1, 3, 3], using: &brng), w2 = Tensor.kaimingNormal([32, 16, 3, 3], using: &brng)
    let x1 = Tensor.randomNormal([128, 1, 28, 28], requiresGrad: true, using: &brng)
    let x2 = Tensor.randomNormal([128, 16, 14, 14], requiresGrad: true, using: &brng)
    let x1n = x1.detached(), w1g = Tensor(shape: w1.shape, data: w1.data, requiresGrad: true)
    let xs = Tensor.randomNormal([250, 3, 32, 32], requiresGrad: true, using: &brng)
    let ws = Tensor.kaimingNormal([16, 3, 3, 3], using: &brng)
    // One ReLUConvBN of the RWE network (C=16, batch 250, stage 1).
    let r16 = Tensor.randomNormal([250, 16, 32, 32], requiresGrad: true, using: &brng)
    let r16b = Tensor.randomNormal([250, 16, 32, 32], requiresGrad: true, using: &brng)
    let w16 = Tensor.kaimingNormal([16, 16, 3, 3], using: &brng)
    let ops: [(String, () -> Tensor)] = [
        ("conv1 1->16 28x28", { x1.conv2d(weight: w1, padding: 1) }),
        ("conv1, x without grad", { x1n.conv2d(weight: w1g, padding: 1) }),
        ("RWE stem 3->16 32x32", { xs.conv2d(weight: ws, padding: 1) }),
        ("conv2 16->32 14x14", { x2.conv2d(weight: w2, padding: 1) }),
        ("batchNorm 16x28x28", { a1.batchNorm(gamma: g16, beta: b16, runningMean: .init(repeating: 0, count: 16),
                                                runningVar: .init(repeating: 1, count: 16), training: true).0 }),
        ("relu 16x28x28", { a1.relu() }),
        ("maxPool2d 16x28x28", { a1.maxPool2d(kernel: 2) }),
        ("maxPool2d 32x14x14", { a2.maxPool2d(kernel: 2) }),
        ("RWE conv 16->16 32x32", { r16.conv2d(weight: w16, padding: 1) }),
        ("RWE relu 16x32x32", { r16.relu() }),
        ("RWE add 16x32x32", { r16 + r16b }),
        ("RWE BN eval 16x32x32", { r16.batchNorm(gamma: g16, beta: b16, runningMean: .init(repeating: 0, count: 16),
                                                  runningVar: .init(repeating: 1, count: 16), training: false).0 }),
    ]
    print("op                     oneDNN fwd  fwd+bwd   reference fwd  fwd+bwd")
    for (name, f) in ops {
        var row = name.padding(toLength: 22, withPad: " ", startingAt: 0)
        for backend in [TensorBackend.onednn, .reference] {
            TensorBackend.current = backend
            let fw = timeit(repeats: 20) { _ = GradMode.withNoGrad { f() } }
            let fb = timeit(repeats: 20) { let y = f(); y.backward(seed: [Float](repeating: 1, count: y.count)) }
            row += String(format: " %9.2f  %7.2f    ", fw * 1e3, fb * 1e3)
        }
        TensorBackend.current = .onednn
        print(row)
    }
}

/// The backends the RWE and step sections compare: oneDNN then the reference, or only the
/// reference with `--reference` (or only the current one with `--step-only`).
func chosenBackendForSections() -> [TensorBackend] {
    if CommandLine.arguments.contains("--reference") { return [.reference] }
    return stepOnly ? [TensorBackend.current] : [.onednn, .reference]
}
