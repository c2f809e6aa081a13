import NASSpaces
import XCTest

/// The space has 423,624 models (Ying et al., ICML 2019). `allModels()` finds them by graph
/// canonisation; `nasbench-bench nb101-enumerate` (release) also hashes every one of them.
final class NB101EnumerationTests: XCTestCase {
    private let space = NB101Space()

    func testEnumerationGives423624ModelsWithDistinctHashesOnSmallGraphs() throws {
        let clock = ContinuousClock()
        var models: [NB101Cell] = []
        let elapsed = clock.measure { models = space.allModels() }
        print("NB101 allModels: \(models.count) models in \(elapsed)")
        XCTAssertEqual(models.count, NB101Cell.uniqueCount)
        XCTAssertEqual(Set(models).count, models.count)
        let byVertices = Dictionary(grouping: models, by: \.vertexCount).mapValues(\.count)
        XCTAssertEqual(byVertices[2], 1)
        XCTAssertEqual(byVertices[3], 6, "input->op->output, with or without input->output")
        // Every model is a valid full DAG and its own canonical form (checked on a stride).
        for model in stride(from: 0, to: models.count, by: 997).map({ models[$0] }) {
            XCTAssertTrue(model.isValid && model.isFullDAG, "\(model)")
            XCTAssertEqual(model.canonicalForm(), model)
        }
        // Hashing all 423,624 takes seconds in release (the bench); here the graphs up to 5
        // vertices, all distinct as the official hash sees them.
        let small = models.filter { $0.vertexCount <= 5 }
        XCTAssertEqual(Set(small.map { $0.graphHash() }).count, small.count)
    }

    func testSampledCellsLandOnEnumeratedModels() {
        let models = Set(space.allModels())
        var generator = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let cell = space.sample(using: &generator)
            XCTAssertTrue(models.contains(cell.canonicalForm() ?? cell), "\(cell)")
        }
    }
}
