import NASTensor
import XCTest

/// Graph mechanics: accumulation, shared inputs, no-grad mode.
final class AutodiffTests: XCTestCase {
    func testSharedInputAccumulates() {
        let x = Tensor(shape: [2], data: [3, -1], requiresGrad: true)
        let y = (x * x + x * 2).sum()   // dy/dx = 2x + 2
        y.backward()
        XCTAssertEqual(x.gradStorage, [8, 0])
        // A second forward/backward accumulates until zeroGrad.
        (x * 3).sum().backward()
        XCTAssertEqual(x.gradStorage, [11, 3])
        x.zeroGrad()
        XCTAssertNil(x.gradStorage)
    }

    func testDiamondGraph() {
        let x = Tensor(shape: [3], data: [1, 2, 3], requiresGrad: true)
        let a = x.exp(), b = a * 2, c = a + b   // c = 3 e^x
        c.sum().backward()
        for (g, v) in zip(x.gradStorage ?? [], x.data) { XCTAssertEqual(g, 3 * Foundation.exp(v), accuracy: 1e-4) }
    }

    func testNoGradRecordsNothing() {
        let w = Tensor(shape: [2, 2], data: [1, 2, 3, 4], requiresGrad: true)
        let y = GradMode.withNoGrad { (w.matmul(w) + 1).relu().sum() }
        XCTAssertFalse(y.requiresGrad)
        XCTAssertTrue(GradMode.isEnabled)
        XCTAssertFalse(GradMode.withNoGrad { GradMode.isEnabled })
    }

    func testConstantsGetNoGradient() {
        let x = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        let c = Tensor(shape: [2], data: [5, 6])
        (x * c).sum().backward()
        XCTAssertEqual(x.gradStorage, [5, 6])
        XCTAssertNil(c.gradStorage)
    }

    func testBackwardWithSeed() {
        let x = Tensor(shape: [3], data: [1, 2, 3], requiresGrad: true)
        (x * 2).backward(seed: [1, 0, -1])
        XCTAssertEqual(x.gradStorage, [2, 0, -2])
    }
}
