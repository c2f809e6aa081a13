import Foundation
import NASTensor
import XCTest

/// Which OpenBLAS kernel this run uses: `make test` runs the numeric suites under two kernels
/// (`make test-other-kernel`), and this test names each in the log and checks the forced one took.
final class BLASKernelTests: XCTestCase {
    func testReportsTheKernelInUse() {
        let name = BLAS.coreName
        let variable = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "<unset>"
        print("OpenBLAS kernel: \(name) (OPENBLAS_CORETYPE=\(variable))")
        XCTAssertFalse(name.isEmpty)
        if let expected = ProcessInfo.processInfo.environment["NASBENCH_EXPECT_BLAS_KERNEL"] {
            XCTAssertEqual(name.lowercased(), expected.lowercased(), "OPENBLAS_CORETYPE did not select the kernel")
        }
    }
}
