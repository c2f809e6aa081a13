import NASCore
import NASSpaces
import TestSupport
import XCTest

/// NAS-Bench-Graph: parsing, the package's isomorphism rule, enumeration, neighbours, sampling.
final class NBGraphSpaceTests: XCTestCase {
    let space = NBGraphSpace()

    /// Every valid raw cell (24 link lists x 9^4 op lists, less all-skip), in a fixed order.
    static func allRawCells() -> [NBGraphCell] {
        var cells: [NBGraphCell] = []
        for l1 in 0...1 { for l2 in 0...2 { for l3 in 0...3 {
            for code in 0..<6561 {
                let ops = [code / 729, code / 81 % 9, code / 9 % 9, code % 9].compactMap(NBGraphOp.init(index:))
                let cell = NBGraphCell(links: [0, l1, l2, l3], ops: ops)
                if cell.isValid { cells.append(cell) }
            }
        } } }
        return cells
    }

    func testParsePrintAndHashOfThePackageExample() throws {
        let cell = try space.parse(" 0, 1,2,1 | gcn,gin ,fc,cheb")
        XCTAssertEqual(cell.links, [0, 1, 2, 1])
        XCTAssertEqual(space.describe(cell), "0,1,2,1|gcn,gin,fc,cheb")
        // Values from the package: Arch([0,1,2,1], ['gcn','gin','fc','cheb']).valid_hash() == 61237;
        // the README's "same architecture" [0,1,1,2] gcn,cheb,gin,fc hashes to 61327 (a different tree).
        XCTAssertEqual(cell.packageHash, 61237)
        XCTAssertEqual(cell.canonicalForm()?.description, "0,1,1,2|gcn,gin,cheb,fc")
        XCTAssertEqual(try space.parse("0,1,1,2|gcn,cheb,gin,fc").packageHash, 61327)
        XCTAssertEqual(NBGraphCell(packageHash: 61237)?.description, "0,1,1,2|gcn,gin,cheb,fc")
        XCTAssertNil(NBGraphCell(packageHash: 61238 + 88_888))
        XCTAssertEqual(space.isomorphismKey(cell), "61237")
    }

    func testParseErrorsNameTheToken() {
        let cases: [(String, NBGraphParseError)] = [
            ("", .empty),
            ("0,1,2,1", .missingSeparator("0,1,2,1")),
            ("0,1,2|gcn,gcn,gcn,gcn", .wrongLinkCount(found: 3)),
            ("0,x,2,1|gcn,gcn,gcn,gcn", .badLink(node: 2, token: "x")),
            ("0,2,2,1|gcn,gcn,gcn,gcn", .linkOutOfRange(node: 2, link: 2)),
            ("1,0,0,0|gcn,gcn,gcn,gcn", .linkOutOfRange(node: 1, link: 1)),
            ("0,1,2,1|gcn,gcn,gcn", .wrongOpCount(found: 3)),
            ("0,1,2,1|gcn,gcn,conv,gcn", .unknownOp(node: 3, token: "conv", expected: NBGraphOp.allCases)),
            ("0,1,2,1|skip,skip,skip,skip", .allSkip),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try space.parse(text), text) { XCTAssertEqual($0 as? NBGraphParseError, expected, text) }
        }
        XCTAssertThrowsError(try NBGraphSpace.proteins.parse("0,0,0,0|gcn,gat,gcn,gcn")) { error in
            XCTAssertTrue("\(error)".contains("unknown op 'gat' at node 2 (expected one of: gcn, sage, arma, fc, skip)"), "\(error)")
        }
        XCTAssertTrue("\(NBGraphParseError.linkOutOfRange(node: 3, link: 5))".contains("one of: 0, 1, 2"))
    }

    func testEveryRawCellLandsOnOneOfThe26206Architectures() throws {
        let raw = Self.allRawCells()
        XCTAssertEqual(raw.count, NBGraphCell.rawCount)
        let architectures = space.architectures
        XCTAssertEqual(architectures.count, 26_206)
        XCTAssertEqual(space.cellCount, 26_206)
        XCTAssertEqual(NBGraphSpace.proteins.cellCount, 2021)
        let hashes = architectures.compactMap(\.packageHash)
        XCTAssertEqual(hashes, hashes.sorted())
        XCTAssertEqual(Set(hashes).count, 26_206)
        var reached = Set<NBGraphCell>()
        for cell in raw {
            guard let canonical = cell.canonicalForm() else { return XCTFail("\(cell) has no canonical form") }
            XCTAssertEqual(canonical.canonicalForm(), canonical, "\(cell)")
            reached.insert(canonical)
        }
        XCTAssertEqual(reached, Set(architectures))
        for (rank, cell) in architectures.enumerated() where rank % 997 == 0 {
            XCTAssertEqual(NBGraphSpace.rank(of: cell), rank)
            XCTAssertEqual(NBGraphSpace.architecture(atRank: rank), cell)
        }
    }

    func testNeighboursChangeOneLinkOrOneOp() throws {
        let cell = try space.parse("0,1,2,1|gcn,gin,fc,cheb")
        let neighbours = space.neighbours(of: cell)
        // Links: node 2 has 1 alternative, node 3 has 2, node 4 has 3; ops: 4 nodes x 8 others.
        XCTAssertEqual(neighbours.count, 1 + 2 + 3 + 32)
        XCTAssertEqual(Set(neighbours).count, neighbours.count)
        XCTAssertFalse(neighbours.contains(cell))
        for next in neighbours {
            let changes = zip(next.links, cell.links).filter { $0 != $1 }.count + zip(next.ops, cell.ops).filter { $0 != $1 }.count
            XCTAssertEqual(changes, 1, "\(next)")
        }
        let edge = try space.parse("0,0,0,0|skip,skip,skip,gcn")
        XCTAssertFalse(space.neighbours(of: edge).contains { !$0.isValid })
        let distinct = space.distinctNeighbours(of: cell)
        XCTAssertEqual(Set(distinct).count, distinct.count)
        XCTAssertFalse(distinct.contains(try XCTUnwrap(cell.canonicalForm())))
        XCTAssertTrue(distinct.allSatisfy(\.isCanonical))
        XCTAssertTrue(NBGraphSpace.proteins.neighbours(of: try space.parse("0,1,1,1|gcn,sage,arma,fc")).allSatisfy(\.usesProteinsOpsOnly))
    }

    func testSeededSamplingIsReproducibleAndCoversTheSpace() {
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        let first = (0..<200).map { _ in space.sample(using: &a) }
        XCTAssertEqual(first, (0..<200).map { _ in space.sample(using: &b) })
        XCTAssertTrue(first.allSatisfy(\.isValid))
        XCTAssertGreaterThan(Set(first.map(\.links)).count, 12)
        var c = SplitMix64(seed: 1)
        let archs = (0..<200).map { _ in NBGraphSpace.proteins.sampleArchitecture(using: &c) }
        XCTAssertTrue(archs.allSatisfy { $0.isCanonical && $0.usesProteinsOpsOnly })
    }

    /// Round trip and the package's own hash on every architecture of the package's tables.
    func testEveryArchitectureOfThePackageRoundTrips() throws {
        let rows = try NBGraphExport.rows()
        XCTAssertEqual(rows.count, 26_206)
        for (rank, row) in rows.enumerated() {
            let cell = try space.parse(row.arch)
            XCTAssertEqual(space.describe(cell), row.arch)
            XCTAssertTrue(cell.isCanonical, row.arch)
            XCTAssertEqual(cell.packageHash, row.packageHash, row.arch)
            XCTAssertEqual(NBGraphSpace.rank(of: cell), rank, row.arch)
        }
        XCTAssertEqual(rows.map(\.arch), space.architectures.map(\.description))
    }
}
