import Foundation
import XCTest

/// The real reference data (`../shared/data` layout), found through `NASBENCH_DATA`.
public enum RealData {
    public static let environmentVariable = "NASBENCH_DATA"

    /// The data folder. Skips the test when the variable is unset; fails (throws) when it is set
    /// but the folder is not there.
    public static func folder(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty else {
            throw XCTSkip("\(environmentVariable) not set: real-data test skipped (set it to a folder like ../shared/data)")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            XCTFail("\(environmentVariable)=\(path) is not a folder", file: file, line: line)
            throw RealDataError.missing(path)
        }
        return path
    }

    /// A file inside the data folder, which must exist when the variable is set.
    public static func file(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = (try folder(file: file, line: line) as NSString).appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("\(environmentVariable) is set but \(path) is missing", file: file, line: line)
            throw RealDataError.missing(path)
        }
        return path
    }

    public enum RealDataError: Error { case missing(String) }
}

/// A fresh temporary folder, removed when the object goes away.
public final class TemporaryFolder {
    public let path: String

    public init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("nasbench-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the folder.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes text to a file in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }
}

/// The text of each named file in `folder`, in order (a run's output files, to compare runs byte for byte).
public func fileContents(_ folder: String, _ names: [String]) throws -> [String] {
    try names.map { try String(contentsOfFile: (folder as NSString).appendingPathComponent($0), encoding: .utf8) }
}
