import Foundation
import XCTest

/// The Python interpreter used for reference values (scipy, scikit-learn) in Swift tests.
///
/// Resolution: `NASBENCH_PYTHON` if set, else `.venv/bin/python` under the package root, else
/// `python3` on the PATH. Tests skip (with the command to fix it) when the interpreter or a
/// required module is missing.
public enum ReferencePython {
    public static let environmentVariable = "NASBENCH_PYTHON"

    /// The package root (the folder holding Package.swift).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The interpreter to run.
    public static func interpreter() -> String {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty { return path }
        let venv = (packageRoot as NSString).appendingPathComponent(".venv/bin/python")
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return "python3"
    }

    /// Skips the test unless the interpreter imports every module in `modules`.
    public static func require(_ modules: [String]) throws {
        let probe = try? run(["-c", modules.map { "import \($0)" }.joined(separator: "; ")])
        guard let probe, probe.status == 0 else {
            throw XCTSkip(
                "reference Python '\(interpreter())' cannot import \(modules.joined(separator: ", ")): "
                    + "run `make venv` (or pip install -r tools/requirements.txt) or set \(environmentVariable)")
        }
    }

    /// Runs a script from the package's `tools/` folder and returns its standard output; fails
    /// the calling test (throws) on a non-zero exit, with the script's standard error.
    public static func runTool(_ script: String, _ arguments: [String]) throws -> Data {
        let path = (packageRoot as NSString).appendingPathComponent("tools/\(script)")
        let result = try run([path] + arguments)
        guard result.status == 0 else {
            throw ReferencePythonError.failed(script: script, status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }

    /// Runs the interpreter with `arguments`.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        let python = interpreter()
        if python.contains("/") {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python] + arguments
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, String(decoding: stderr, as: UTF8.self))
    }

    public enum ReferencePythonError: Error, CustomStringConvertible {
        case failed(script: String, status: Int32, stderr: String)

        public var description: String {
            switch self {
            case let .failed(script, status, stderr): "tools/\(script) exited with \(status): \(stderr)"
            }
        }
    }
}
