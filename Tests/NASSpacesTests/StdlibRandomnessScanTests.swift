import Foundation
import TestSupport
import XCTest

/// Seeded runs must depend on the project's own sampling code (NASCore), never on the standard
/// library's random algorithms, which may change between Swift versions. This scans `Sources/`.
final class StdlibRandomnessScanTests: XCTestCase {
    /// Calls whose algorithm the standard library does not promise to keep, and its unseeded
    /// system generator.
    static let forbidden = [
        "random(in:", ".randomElement()", "randomElement(using:", "shuffle(using:", "shuffled(using:",
        ".shuffle()", ".shuffled()", "Int.random", "Float.random", "Double.random", "Bool.random",
        "SystemRandomNumberGenerator",
    ]

    func testSourcesUseOnlyTheProjectsSamplingPrimitives() throws {
        let sources = URL(fileURLWithPath: ReferencePython.packageRoot).appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            return XCTFail("cannot list \(sources.path)")
        }
        var scanned = 0
        var offences: [String] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            scanned += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            for (index, line) in text.components(separatedBy: "\n").enumerated() {
                let code = line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? line  // comments may name them
                for call in Self.forbidden where code.contains(call) {
                    let relative = url.path.replacingOccurrences(of: sources.path + "/", with: "Sources/")
                    offences.append("\(relative):\(index + 1): \(call) (use NASCore's RandomNumberGenerator extensions)")
                }
            }
        }
        XCTAssertGreaterThan(scanned, 100, "expected to scan the package's Sources/ at \(sources.path)")
        XCTAssert(offences.isEmpty, "stdlib randomness in Sources/:\n" + offences.joined(separator: "\n"))
    }
}
