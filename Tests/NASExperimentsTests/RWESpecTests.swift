import Foundation
import NASCore
import XCTest

@testable import NASExperiments

/// The RWE spec's seeds: absent data and weight seeds follow `seed`, every key is written,
/// unknown keys and bad repeat counts are one-line errors.
final class RWESpecTests: XCTestCase {
    func decode(_ json: String) throws -> RWESpec {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rwe-spec-\(UUID().uuidString).json")
        try json.write(to: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try RWESpec.load(path: folder.path)
    }

    func testAbsentSeedsFollowSeedAndAreWrittenResolved() throws {
        let spec = try decode(#"{"table": "t.h5", "seed": 7}"#)
        XCTAssertNil(spec.dataSeed)
        XCTAssertEqual(spec.weightSeeds, 1)
        let json = try spec.json()
        for key in [#""data_seed" : 7"#, #""weight_seed" : 7"#, #""weight_seeds" : 1"#] { XCTAssertTrue(json.contains(key), json) }
        let split = try decode(#"{"table": "t.h5", "seed": 7, "data_seed": 8, "weight_seed": 9, "weight_seeds": 3}"#)
        XCTAssertEqual([split.seed, split.dataSeed, split.weightSeed], [7, 8, 9])
        XCTAssertEqual(split.weightSeeds, 3)
        XCTAssertEqual(try decode(try split.json()).json(), try split.json())
    }

    func testUnknownKeyIsOneLineListingTheValidOnes() throws {
        XCTAssertThrowsError(try decode(#"{"table": "t.h5", "weight_sed": 3}"#)) { error in
            let text = "\(error)"
            XCTAssertFalse(text.contains("\n"), text)
            XCTAssertTrue(text.contains("weight_sed"), text)
            XCTAssertTrue(text.contains("data_seed, head_trace, rwe, sample, seed, table, truth, weight_seed, weight_seeds"), text)
        }
    }

    func testWeightSeedsMustBePositive() throws {
        var spec = RWESpec(table: "t.h5")
        XCTAssertEqual(RWESeeds(4), RWESeeds(cells: 4, data: 4, weights: 4, repeats: 1))
        XCTAssertNotEqual(RWESeeds(4).weightSeed(trial: 0, repeat: 1), RWESeeds(4).weightSeed(trial: 0, repeat: 0))
        XCTAssertEqual(RWESeeds(4).weightSeed(trial: 2, repeat: 0), TrialSeed.derive(base: 4, trial: 2))
        spec.weightSeeds = 0
        XCTAssertThrowsError(try spec.makeExperiment()) { error in
            XCTAssertEqual("\(error)", "--weight-seeds (weight_seeds) must be at least 1, got 0")
        }
    }
}
