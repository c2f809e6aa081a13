import Foundation
import NASTensor
import XCTest

/// Runs NumPy reference computations in a Python subprocess.
///
/// The interpreter is `$NASBENCH_PYTHON` (default `python3`, found on `PATH`).
/// Inputs go in as JSON on stdin as float64 arrays `x[0]`, `x[1]`, ...; the
/// snippet must assign `out` (one array) or `outs` (a list of arrays).
enum NumpyReference {
    /// The interpreter to run.
    static var python: String { ProcessInfo.processInfo.environment["NASBENCH_PYTHON"] ?? "python3" }

    /// Helper functions available to every snippet (conv, pooling, batch norm).
    static let prelude = """
    import json, sys
    import numpy as np
    def conv2d(x, w, b=None, stride=1, pad=0, dil=1, groups=1):
        N, C, H, W = x.shape; O, Cg, KH, KW = w.shape
        xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
        OH = (H + 2 * pad - dil * (KH - 1) - 1) // stride + 1
        OW = (W + 2 * pad - dil * (KW - 1) - 1) // stride + 1
        out = np.zeros((N, O, OH, OW)); og = O // groups
        for g in range(groups):
            for i in range(KH):
                for j in range(KW):
                    patch = xp[:, g*Cg:(g+1)*Cg, i*dil:i*dil+stride*(OH-1)+1:stride, j*dil:j*dil+stride*(OW-1)+1:stride]
                    out[:, g*og:(g+1)*og] += np.einsum('nchw,oc->nohw', patch, w[g*og:(g+1)*og, :, i, j])
        if b is not None: out += b[None, :, None, None]
        return out
    def pool2d(x, k, stride, pad, mode):
        N, C, H, W = x.shape
        fill = -np.inf if mode == 'max' else 0.0
        xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), constant_values=fill)
        OH = (H + 2 * pad - k) // stride + 1; OW = (W + 2 * pad - k) // stride + 1
        out = np.full((N, C, OH, OW), -np.inf) if mode == 'max' else np.zeros((N, C, OH, OW))
        for i in range(k):
            for j in range(k):
                patch = xp[:, :, i:i+stride*(OH-1)+1:stride, j:j+stride*(OW-1)+1:stride]
                out = np.maximum(out, patch) if mode == 'max' else out + patch / (k * k)
        return out
    def batchnorm(x, g, b, eps=1e-5, mean=None, var=None):
        axes = (0,) if x.ndim == 2 else (0, 2, 3)
        shp = (1, -1) if x.ndim == 2 else (1, -1, 1, 1)
        if mean is None: mean = x.mean(axis=axes); var = x.var(axis=axes)
        return (x - mean.reshape(shp)) / np.sqrt(var.reshape(shp) + eps) * g.reshape(shp) + b.reshape(shp)
    def bn_magnitude(x, g, b, eps=1e-5, mean=None, var=None):
        # Float32 error magnitude of batchnorm (Float32Tolerance): the centred input's terms, the
        # statistics' spread and the normalised value (for the variance's relative error).
        axes = (0,) if x.ndim == 2 else (0, 2, 3)
        shp = (1, -1) if x.ndim == 2 else (1, -1, 1, 1)
        if mean is None: mean = x.mean(axis=axes); var = x.var(axis=axes); spread = np.abs(x).mean(axis=axes)
        else: spread = np.abs(mean)
        s = np.sqrt(var.reshape(shp) + eps); xhat = (x - mean.reshape(shp)) / s
        return np.abs(g.reshape(shp)) * ((np.abs(x) + spread.reshape(shp)) / s + np.abs(xhat)) + np.abs(b.reshape(shp))
    def lsm_magnitude(x, axis=-1):
        # Float32 error magnitude of log_softmax: |x - max|, |log-sum-exp| and 1 (the sum's relative
        # error becomes an absolute error of its logarithm).
        z = x - x.max(axis=axis, keepdims=True)
        return np.abs(z) + np.abs(np.log(np.exp(z).sum(axis=axis, keepdims=True))) + 1
    def log_softmax(x, axis=-1):
        m = x.max(axis=axis, keepdims=True); z = x - m
        return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
    """

    /// Whether the interpreter runs and imports NumPy (checked once).
    static let isAvailable: Bool = {
        (try? run(script: "import numpy", stdin: Data())) != nil
    }()

    /// Skips the calling test with a clear message when NumPy is missing.
    static func requireNumpy() throws {
        if !isAvailable {
            throw XCTSkip("NumPy reference unavailable: '\(python) -c \"import numpy\"' failed; set NASBENCH_PYTHON to an interpreter with numpy")
        }
    }

    /// Evaluates `snippet` on `inputs` and returns each output's shape and data.
    static func evaluate(_ snippet: String, inputs: [Tensor]) throws -> [(shape: [Int], data: [Double])] {
        try requireNumpy()
        // Hand-written JSON: Float's description round-trips exactly.
        let payload = inputs.map { t in
            "{\"shape\": [\(t.shape.map(String.init).joined(separator: ","))], \"data\": [\(t.data.map { "\($0)" }.joined(separator: ","))]}"
        }
        let stdin = Data("[\(payload.joined(separator: ","))]".utf8)
        let body = snippet.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        let script = prelude + """

        # Through float32 first: each shortest decimal parses back to exactly the Float the test holds.
        x = [np.array(v['data'], dtype=np.float32).astype(np.float64).reshape(v['shape']) for v in json.load(sys.stdin)]
        def _run():
            out = None; outs = None
        \(body)
            return outs if outs is not None else [out]
        print(json.dumps([{'shape': list(np.shape(o)), 'data': np.asarray(o, dtype=np.float64).ravel().tolist()} for o in _run()]))
        """
        let text = try run(script: script, stdin: stdin)
        let parsed = try JSONDecoder().decode([Output].self, from: Data(text.utf8))
        return parsed.map { ($0.shape, $0.data) }
    }

    /// One decoded output array.
    private struct Output: Decodable {
        let shape: [Int]
        let data: [Double]
    }

    /// Runs `python -c script`, feeding `stdin`, returning stdout; throws on failure.
    static func run(script: String, stdin: Data) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python, "-c", script]
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe; p.standardOutput = outPipe; p.standardError = errPipe
        try p.run()
        inPipe.fileHandleForWriting.write(stdin)
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(domain: "NumpyReference", code: Int(p.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: String(decoding: err, as: UTF8.self)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
