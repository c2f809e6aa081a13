import Foundation
import XCTest

/// Runs the built `nasbench` executable, for end-to-end tests.
public enum CLI {
    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The executable: `NASBENCH_BIN` if set, else `nasbench` beside the test bundle.
    public static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["NASBENCH_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("nasbench")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let fallback = Bundle.main.bundleURL.appendingPathComponent("nasbench")
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
            throw XCTSkip("the nasbench executable is not built (run `swift build --product nasbench` first)")
        }
        return fallback
    }

    /// Runs `nasbench` with arguments (and optional standard input) and collects its output.
    public static func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = Pipe()
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Asserts that `nasbench arguments` fails with one line on standard error, `nasbench: error: ...`
    /// containing `expected`.
    public static func assertOneLine(_ arguments: [String], contains expected: String, file: StaticString = #filePath,
                                     line: UInt = #line) throws {
        let result = try run(arguments)
        XCTAssertNotEqual(result.status, 0, file: file, line: line)
        XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("nasbench: error:") && result.stderr.contains(expected), result.stderr, file: file, line: line)
    }
}
