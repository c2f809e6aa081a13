import Foundation
import NASOracle

extension RealData {
    nonisolated(unsafe) private static var nb201Cache: BenchmarkTable?
    private static let nb201Lock = NSLock()

    /// The real NAS-Bench-201 table, imported from `$NASBENCH_DATA/nb201` once per test process.
    /// Skips the test when `NASBENCH_DATA` is unset.
    public static func nb201Table(file: StaticString = #filePath, line: UInt = #line) throws -> BenchmarkTable {
        let folder = try RealData.folder(file: file, line: line)
        _ = try RealData.file("nb201/nb201_full.csv", file: file, line: line)
        nb201Lock.lock()
        defer { nb201Lock.unlock() }
        if let cached = nb201Cache { return cached }
        let table = try NB201Importer().importTable(from: (folder as NSString).appendingPathComponent("nb201"))
        nb201Cache = table
        return table
    }
}
