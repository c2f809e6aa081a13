import Foundation
import NASCore
import NASMetaD2A
import TestSupport
import XCTest

/// Nearest-class-prototype accuracy (the encoder report's measure) against NumPy, and its episodes.
final class PrototypeAccuracyTests: XCTestCase {
    /// `classes` clusters of `perClass` rows in `dimension` dimensions: class centre plus noise of
    /// scale `noise` (large enough that some queries land nearer another class).
    static func clusters(classes: Int, perClass: Int, dimension: Int, noise: Float, seed: UInt64) -> (features: [Float], rows: [[Int]]) {
        var rng = SplitMix64(seed: seed)
        let centres = (0..<classes).map { _ in (0..<dimension).map { _ in rng.nextNormal() } }
        var features: [Float] = [], rows = [[Int]](repeating: [], count: classes)
        for i in 0..<(classes * perClass) {
            let c = i % classes
            rows[c].append(i)
            features += centres[c].map { $0 + noise * rng.nextNormal() }
        }
        return (features, rows)
    }

    struct Reference: Decodable {
        let correct: Int
        let total: Int
        let predicted: [Int]
    }

    func testCountsMatchNumPyOnFiveWayAndAllWayEpisodes() throws {
        try ReferencePython.require(["numpy"])
        let dimension = 7
        let (features, rows) = Self.clusters(classes: 6, perClass: 30, dimension: dimension, noise: 1.1, seed: 3)
        let support = rows.map { Array($0.prefix(20)) }, queries = rows.map { Array($0.dropFirst(20)) }
        var rng = SplitMix64(seed: 11)
        var episodes: [PrototypeEpisode] = []
        for ways in [5, nil, 2] as [Int?] {
            for shots in [1, 5, 20] {
                episodes.append(try PrototypeEpisode.sample(supportRows: support, queryRows: queries, ways: ways, shots: shots, using: &rng))
            }
        }
        func list(_ rows: [[Int]]) -> String { "[" + rows.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]" }
        let json = "{\"dimension\": \(dimension), \"features\": [\(features.map { "\($0)" }.joined(separator: ","))], \"episodes\": ["
            + episodes.map { "{\"support\": \(list($0.support)), \"queries\": \(list($0.queries))}" }.joined(separator: ",") + "]}"
        let path = NSTemporaryDirectory() + "prototype-\(UUID().uuidString).json"
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reference = try JSONDecoder().decode([Reference].self, from: ReferencePython.runTool("reference/prototype_reference.py", [path]))
        XCTAssertEqual(reference.count, episodes.count)
        var wrong = 0
        for (episode, expected) in zip(episodes, reference) {
            let count = PrototypeAccuracy.count(features: features, dimension: dimension, episode: episode)
            XCTAssertEqual(count, PrototypeAccuracy.Count(correct: expected.correct, total: expected.total))
            let centres = PrototypeAccuracy.prototypes(features: features, dimension: dimension, support: episode.support)
            let predicted = episode.queries.flatMap { $0.map { PrototypeAccuracy.nearest(features: features, dimension: dimension, row: $0, prototypes: centres) } }
            XCTAssertEqual(predicted, expected.predicted)
            wrong += expected.total - expected.correct
        }
        XCTAssertGreaterThan(wrong, 0, "the clusters overlap enough for some errors, so a wrong rule would show")
    }

    func testEpisodesDrawDistinctClassesAndSupportOfTheirClass() throws {
        let rows = (0..<8).map { c in Array((c * 10)..<(c * 10 + 10)) }
        let support = rows.map { Array($0.prefix(6)) }, queries = rows.map { Array($0.dropFirst(6)) }
        var rng = SplitMix64(seed: 2)
        let a = try PrototypeEpisode.sample(supportRows: support, queryRows: queries, ways: 5, shots: 4, using: &rng)
        XCTAssertEqual(Set(a.classes).count, 5)
        for (way, c) in a.classes.enumerated() {
            XCTAssertEqual(Set(a.support[way]).count, 4)
            XCTAssertTrue(Set(a.support[way]).isSubset(of: support[c]))
            XCTAssertEqual(a.queries[way], queries[c])
        }
        var same = SplitMix64(seed: 2)
        XCTAssertEqual(a, try PrototypeEpisode.sample(supportRows: support, queryRows: queries, ways: 5, shots: 4, using: &same))
        let all = try PrototypeEpisode.sample(supportRows: support, queryRows: queries, ways: nil, shots: 6, using: &rng)
        XCTAssertEqual(all.classes, Array(0..<8))
        XCTAssertThrowsError(try PrototypeEpisode.sample(supportRows: support, queryRows: queries, ways: 9, shots: 1, using: &rng)) {
            XCTAssertTrue("\($0)".contains("5-way") == false && "\($0)".contains("9-way"), "\($0)")
        }
        XCTAssertThrowsError(try PrototypeEpisode.sample(supportRows: support, queryRows: queries, ways: 5, shots: 7, using: &rng))
        XCTAssertThrowsError(try PrototypeEpisode.sample(supportRows: support, queryRows: queries, ways: 5, shots: 0, using: &rng))
    }
}
