import NASMetaD2A
import NASSpaces
import XCTest

/// NB201 cells as MetaD2A's 8-vertex graphs, both ways.
final class MetaD2AGraphTests: XCTestCase {
    func testEveryCellRoundTrips() throws {
        var seen = Set<MetaD2AGraph>()
        for cell in NB201Space().allCells {
            let graph = MetaD2AGraph(cell: cell)
            XCTAssertEqual(try graph.nb201Cell(), cell)
            seen.insert(graph)
        }
        XCTAssertEqual(seen.count, NB201Cell.count)
    }

    /// Cells against the authors' encoding as utils.py reads it: `decode_igraph_to_NAS201_matrix`
    /// takes vertex `i + 1` as edge `xys[i]` = (1,0), (2,0), (2,1), (3,0), (3,1), (3,2) with type
    /// `op index + 2`, and `decode_igraph_to_NAS_BENCH_201_string` prints the cell string from it;
    /// start is type 0 (vertex 0), end type 1 (vertex 7) (`load_graph_config`).
    func testTypesFollowTheAuthorsOrder() throws {
        let cases: [(String, [Int])] = [
            ("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|", [0, 5, 5, 6, 3, 5, 3, 1]),
            ("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|", [0, 6, 4, 3, 4, 3, 3, 1]),
            ("|none~0|+|skip_connect~0|nor_conv_3x3~1|+|avg_pool_3x3~0|nor_conv_3x3~1|none~2|", [0, 2, 3, 5, 6, 5, 2, 1]),
        ]
        for (text, types) in cases {
            let cell = try NB201Space().parse(text)
            let graph = MetaD2AGraph(cell: cell)
            XCTAssertEqual(graph.types.map(\.rawValue), types, text)
            // decode_igraph_to_NAS_BENCH_201_string, restated: types[1...6] - 2 in xys order.
            let names = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
            let m = graph.types[1...6].map { names[$0.rawValue - 2] }
            XCTAssertEqual("|\(m[0])~0|+|\(m[1])~0|\(m[2])~1|+|\(m[3])~0|\(m[4])~1|\(m[5])~2|", text)
        }
    }

    /// The edges as utils.py `decode_NAS_BENCH_201_8_to_igraph` builds them from a row per vertex
    /// (`[type, 1 if vertex j feeds it, ...]`): the chain `i -> i+1` for `0 < i < n - 2`, then
    /// the row's edges; the rows here carry NB201's data flow (edge (t<-s) reads the edges into s).
    func testEdgesAreTheAuthorsChainPlusDataFlow() {
        let flowInto: [[Int]] = [[], [0], [0], [1], [0], [1], [2, 3], [4, 5, 6]]
        let n = 8
        var edges: [(Int, Int)] = []
        for i in 0..<n {
            if i > 0 && i < n - 2 { edges.append((i, i + 1)) }
            for j in flowInto[i] { edges.append((j, i)) }
        }
        var predecessors = [[Int]](repeating: [], count: n)
        for (from, to) in edges { predecessors[to].append(from) }
        XCTAssertEqual(predecessors.map { $0.sorted() }, MetaD2AGraph.nb201Predecessors)
        XCTAssertEqual(Set(edges.map { "\($0.0)>\($0.1)" }).count, edges.count, "no edge twice")
        XCTAssertEqual(MetaD2AGraph(cell: NB201Cell(ops: Array(repeating: .none, count: 6))).successors,
                       [[1, 2, 4], [2, 3, 5], [3, 6], [4, 6], [5, 7], [6, 7], [7], []])
    }

    func testInvalidGraphsAreTypedErrors() {
        let cell = MetaD2AGraph(cell: NB201Cell(ops: [.norConv3x3, .skipConnect, .none, .avgPool3x3, .norConv1x1, .none]))
        func graph(_ types: [MetaD2AVertexType], _ preds: [[Int]]) -> MetaD2AGraph { MetaD2AGraph(types: types, predecessors: preds) }
        let short = graph(Array(cell.types.prefix(5)) + [.end], [[], [0], [0, 1], [1, 2], [0, 3], [4]])
        XCTAssertThrowsError(try short.nb201Cell()) { XCTAssertEqual($0 as? MetaD2AGraphError, .vertexCount(6)) }
        var types = cell.types
        types[3] = .start
        XCTAssertThrowsError(try graph(types, cell.predecessors).nb201Cell()) {
            XCTAssertEqual($0 as? MetaD2AGraphError, .vertexType(vertex: 3, type: .start))
            XCTAssertEqual("\($0)", "invalid graph: vertex 3 has type start (expected one of none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)")
        }
        var preds = cell.predecessors
        preds[4] = []
        XCTAssertThrowsError(try graph(cell.types, preds).nb201Cell()) { XCTAssertEqual($0 as? MetaD2AGraphError, .noInput(vertex: 4)) }
        preds = cell.predecessors
        preds[7] = [4, 5]
        XCTAssertThrowsError(try graph(cell.types, preds).nb201Cell()) { XCTAssertEqual($0 as? MetaD2AGraphError, .noOutput(vertex: 6)) }
        // As the authors, other edges than NB201's are accepted: the cell is read from the types.
        preds = cell.predecessors
        preds[6] = [0, 2, 3, 5]
        XCTAssertEqual(try graph(cell.types, preds).nb201Cell(), try cell.nb201Cell())
    }
}
