import NASPredictors
import NASSpaces
import XCTest

/// NB201 encodings on hand-checked cells.
final class EncodingTests: XCTestCase {
    let space = NB201Space()
    /// Edges: 0 (1<-0) conv3, 1 (2<-0) conv3, 2 (2<-1) avg, 3 (3<-0) skip, 4 (3<-1) conv3, 5 (3<-2) skip.
    let cellString = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"

    func ones(_ features: [Double]) -> [Int] {
        features.indices.filter { features[$0] != 0 }
    }

    func testFeatureCounts() {
        XCTAssertEqual(space.featureCount(.adjacencyOneHot), 30)
        XCTAssertEqual(space.featureCount(.path), 155)
        XCTAssertEqual(space.featureCount(.graph), 64 + 56)
        for encoding in Encoding.allCases {
            XCTAssertEqual(space.encode(space.allCells[123], as: encoding).count, space.featureCount(encoding))
        }
    }

    func testAdjacencyOneHot() throws {
        let features = space.encode(try space.parse(cellString), as: .adjacencyOneHot)
        // 5 * edge + op: conv3 = 3, avg = 4, skip = 1
        XCTAssertEqual(ones(features), [3, 8, 14, 16, 23, 26])
        let all = space.features(of: space.allCells, as: .adjacencyOneHot)
        XCTAssertEqual(all.rowCount, 15_625)
        XCTAssertEqual(Set((0..<all.rowCount).map { Array(all.row($0)) }).count, 15_625, "injective")
    }

    func testPathEncoding() throws {
        let cell = try space.parse(cellString)
        XCTAssertEqual(
            space.paths(of: cell),
            [[.skipConnect], [.norConv3x3, .norConv3x3], [.norConv3x3, .skipConnect], [.norConv3x3, .avgPool3x3, .skipConnect]])
        // [skip] -> 1; [c3, c3] -> 5 + 3*5 + 3 = 23; [c3, skip] -> 5 + 15 + 1 = 21;
        // [c3, avg, skip] -> 30 + 3*25 + 4*5 + 1 = 126
        XCTAssertEqual(space.pathFeatureIndices(cell), [1, 23, 21, 126])
        XCTAssertEqual(ones(space.encode(cell, as: .path)), [1, 21, 23, 126])
        // all conv3x3: both length-2 paths are (c3, c3): one indicator, three ones in all
        let convs = NB201Cell(ops: Array(repeating: .norConv3x3, count: 6))
        XCTAssertEqual(ones(space.encode(convs, as: .path)), [3, 23, 123])
        // all none: paths of `none` are kept, as in NASLib
        XCTAssertEqual(ones(space.encode(NB201Cell(ops: Array(repeating: NB201Op.none, count: 6)), as: .path)), [0, 5, 30])
    }

    func testPathsAreTheInputOutputPathsOfTheGraph() {
        let graph = space.graph(of: space.allCells[0])
        func paths(from node: Int) -> [[Int]] {
            if node == graph.nodeCount - 1 { return [[]] }
            return (0..<graph.nodeCount).filter { graph.hasEdge(from: node, to: $0) }.flatMap { next in
                paths(from: next).map { (next == graph.nodeCount - 1 ? [] : [next - 1]) + $0 }
            }
        }
        XCTAssertEqual(Set(paths(from: 0)), Set(NB201Space.inputOutputPaths))
    }

    func testGraphForm() throws {
        let graph = space.graph(of: try space.parse(cellString))
        XCTAssertEqual(graph.nodeCount, 8)
        XCTAssertEqual(graph.opClassCount, 7)
        // input, then 1 + op index per edge in official order, then output
        XCTAssertEqual(graph.nodeOps, [0, 4, 4, 5, 2, 4, 2, 6])
        var arcs: [String] = []
        for source in 0..<8 {
            for target in 0..<8 where graph.hasEdge(from: source, to: target) {
                XCTAssertLessThan(source, target, "topological order")
                arcs.append("\(source)->\(target)")
            }
        }
        XCTAssertEqual(arcs, ["0->1", "0->2", "0->4", "1->3", "1->5", "2->6", "3->6", "4->7", "5->7", "6->7"])
        let flat = space.encode(try space.parse(cellString), as: .graph)
        XCTAssertEqual(flat.count, 120)
        XCTAssertEqual(flat[64 + 7 * 1 + 4], 1, "node 1 (edge 1<-0) is nor_conv_3x3, class 4")
        XCTAssertEqual(try CellGraph(flattened: flat[...], nodeCount: 8, opClassCount: 7), graph)
        XCTAssertThrowsError(try CellGraph(flattened: flat.dropLast(), nodeCount: 8, opClassCount: 7))
    }
}
