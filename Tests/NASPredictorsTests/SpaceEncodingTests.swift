import NASPredictors
import NASSpaces
import TestSupport
import XCTest

/// NB101 and NAS-Bench-Graph encodings on hand-checked cells.
final class SpaceEncodingTests: XCTestCase {
    func ones(_ features: [Double]) -> [Int] {
        features.indices.filter { features[$0] != 0 }
    }

    func testNB101Widths() throws {
        let space = NB101Space()
        XCTAssertEqual(space.supportedEncodings, Encoding.allCases)
        XCTAssertEqual(space.featureCount(.adjacencyOneHot), 21 + 15)
        XCTAssertEqual(space.featureCount(.path), 364)
        XCTAssertEqual(space.featureCount(.graph), 49 + 42)
        XCTAssertTrue(space.graphShape == (7, 6))
        for model in Fixtures.nb101Models(count: 20) {
            for encoding in Encoding.allCases {
                XCTAssertEqual(space.encode(model, as: encoding).count, space.featureCount(encoding), "\(model) \(encoding)")
            }
        }
    }

    func testNB101HandCheckedChain() throws {
        // input -> 1 (maxpool3x3) -> output: padded, vertex 1 stays, the output moves to vertex 6.
        let space = NB101Space()
        let cell = try space.parse("010,001,000|maxpool3x3")
        // Edge slots row by row: 0->1 is 0, 1->6 is 6 + 4 = 10; the op one-hot of vertex 1 starts
        // at 21 and maxpool3x3 is label 2.
        XCTAssertEqual(ones(space.encode(cell, as: .adjacencyOneHot)), [0, 10, 23])
        // One path of length 1 with label 2: offset 3^0 = 1, plus 2.
        XCTAssertEqual(ones(space.encode(cell, as: .path)), [3])
        // Arcs 0->1 (1) and 1->6 (13); classes input 0, maxpool 1 + 2, padding 5 (vertices 2-5), output 4.
        XCTAssertEqual(
            ones(space.encode(cell, as: .graph)), [1, 13, 49, 49 + 6 + 3, 49 + 12 + 5, 49 + 18 + 5, 49 + 24 + 5, 49 + 30 + 5, 49 + 36 + 4])
    }

    func testNB101SpecsOfOneModelShareTheirFeatures() throws {
        let space = NB101Space()
        let a = try space.parse("0110,0001,0001,0000|conv1x1-bn-relu,conv3x3-bn-relu")
        let b = try space.parse("0110,0001,0001,0000|conv3x3-bn-relu,conv1x1-bn-relu")
        // The same model with a dangling maxpool vertex 3 (fed by the input, feeding nothing): pruned away.
        let dangling = try space.parse("01110,00001,00001,00000,00000|conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3")
        XCTAssertNotEqual(a, b)
        for encoding in Encoding.allCases {
            XCTAssertEqual(space.encode(a, as: encoding), space.encode(b, as: encoding), "\(encoding)")
            XCTAssertEqual(space.encode(a, as: encoding), space.encode(dangling, as: encoding), "\(encoding)")
        }
        // Two parallel paths of length 1 (labels 1 and 0): indices 1 + 1 and 1 + 0, one count each.
        XCTAssertEqual(ones(space.encode(a, as: .path)), [1, 2])
    }

    func testNBGraphWidthsAndUnsupportedPath() throws {
        let space = NBGraphSpace()
        XCTAssertEqual(space.supportedEncodings, [.adjacencyOneHot, .graph])
        XCTAssertEqual(space.featureCount(.adjacencyOneHot), 10 + 36)
        XCTAssertEqual(space.featureCount(.graph), 36 + 66)
        XCTAssertTrue(space.graphShape == (6, 11))
        XCTAssertEqual(space.featureCount(.path), 0)
        XCTAssertNoThrow(try space.requireSupport(.graph))
        XCTAssertThrowsError(try space.requireSupport(.path)) { error in
            XCTAssertEqual(error as? PredictorError, .unsupportedEncoding(.path, space: "NAS-Bench-Graph", supported: [.adjacencyOneHot, .graph]))
            XCTAssertEqual(
                "\(error)", "encoding path is not defined for NAS-Bench-Graph (use one of: adjacency_one_hot, graph)")
        }
        for cell in space.architectures.prefix(200) {
            for encoding in space.supportedEncodings {
                XCTAssertEqual(space.encode(cell, as: encoding).count, space.featureCount(encoding))
            }
        }
    }

    func testNBGraphHandCheckedChain() throws {
        let space = NBGraphSpace()
        let chain = try space.parse("0,1,2,3|gat,gcn,gin,cheb")
        XCTAssertEqual(chain.canonicalForm(), chain)
        // Links at offsets 0, 1, 3, 6 (+ link); ops at 10 + 9 * node + index (gat 0, gcn 1, gin 2, cheb 3).
        XCTAssertEqual(ones(space.encode(chain, as: .adjacencyOneHot)), [0, 2, 5, 9, 10, 20, 30, 40])
        // Arcs 0->1, 1->2, 2->3, 3->4, and the leaf 4 -> output 5; classes 0, 1 + index, 10.
        XCTAssertEqual(
            ones(space.encode(chain, as: .graph)),
            [1, 8, 15, 22, 29, 36, 36 + 11 + 1, 36 + 22 + 2, 36 + 33 + 3, 36 + 44 + 4, 36 + 55 + 10])
        // Two cells of one architecture (the package's valid_hash 61237) share their features.
        let a = try space.parse("0,1,2,1|gcn,gin,fc,cheb"), b = try space.parse("0,1,1,2|gcn,gin,cheb,fc")
        for encoding in space.supportedEncodings {
            XCTAssertEqual(space.encode(a, as: encoding), space.encode(b, as: encoding))
        }
        // Node 1 feeds nodes 2 and 4, node 2 feeds 3: leaves 3 and 4 feed the output.
        let graph = space.graph(of: b)
        XCTAssertTrue(graph.hasEdge(from: 3, to: 5) && graph.hasEdge(from: 4, to: 5))
        XCTAssertFalse(graph.hasEdge(from: 1, to: 5) || graph.hasEdge(from: 2, to: 5))
    }
}
