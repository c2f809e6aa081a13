import NASSpaces
import XCTest

/// The module hash against the official graph code (vectors from tools/reference/nb101_reference_hashes.py).
final class NB101HashTests: XCTestCase {
    private let space = NB101Space()

    func testHashesMatchTheOfficialCode() throws {
        XCTAssertGreaterThan(NB101ReferenceHashes.vectors.count, 100)
        for (text, expected) in NB101ReferenceHashes.vectors {
            let cell = try space.parse(text)
            XCTAssertEqual(cell.moduleHash, expected, text)
            XCTAssertEqual(space.isomorphismKey(cell), expected, text)
        }
    }

    func testIsomorphicCellsCollideAndShareACanonicalForm() throws {
        var byHash: [String: Set<NB101Cell>] = [:]
        var canonicalByHash: [String: Set<NB101Cell>] = [:]
        for (text, expected) in NB101ReferenceHashes.vectors {
            let cell = try space.parse(text)
            byHash[expected, default: []].insert(cell)
            canonicalByHash[expected, default: []].insert(try XCTUnwrap(cell.canonicalForm()))
        }
        XCTAssertGreaterThanOrEqual(byHash.values.filter { $0.count > 1 }.count, 30, "relabelled pairs are present")
        for (hash, forms) in canonicalByHash {
            XCTAssertEqual(forms.count, 1, "cells with hash \(hash) have different canonical forms: \(forms)")
        }
        XCTAssertEqual(Set(canonicalByHash.values.compactMap(\.first)).count, canonicalByHash.count, "distinct hashes, distinct forms")
    }

    func testCanonicalFormIsInvariantUnderRelabelling() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let cell = space.sample(using: &generator)
            guard let canonical = cell.canonicalForm() else { return XCTFail("sampled an invalid cell") }
            XCTAssertEqual(canonical.canonicalForm(), canonical, "idempotent")
            XCTAssertEqual(canonical.moduleHash, cell.moduleHash)
            XCTAssertTrue(canonical.isFullDAG)
        }
    }

    func testPruningAndValidity() throws {
        // Vertex 3 has no way in and vertex 5 no way out: both go; 10 raw edges, 6 after pruning.
        let cell = try space.parse(
            "0110011,0000110,0000100,0000110,0000001,0000000,0000000|conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,maxpool3x3")
        XCTAssertEqual(cell.edgeCount, 10)
        let pruned = try XCTUnwrap(cell.pruned())
        XCTAssertEqual(pruned.vertexCount, 5)
        XCTAssertEqual(pruned.description, "01101,00010,00010,00001,00000|conv3x3-bn-relu,conv1x1-bn-relu,conv3x3-bn-relu")
        XCTAssertTrue(cell.isValid)
        XCTAssertFalse(cell.isFullDAG)
        XCTAssertTrue(pruned.isFullDAG)
        XCTAssertThrowsError(try space.parse("0100000,0000000,0000000,0000000,0000000,0000000,0000000|conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu")) {
            XCTAssertTrue("\($0)".contains("the output is not reachable from the input"), "\($0)")
        }
        // Ten edges on a full DAG: out of the space.
        XCTAssertThrowsError(try space.parse("0111111,0010000,0001000,0000100,0000010,0000001,0000000|conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu")) {
            XCTAssertTrue("\($0)".contains("11 edges after pruning, at most 9"), "\($0)")
        }
    }
}
