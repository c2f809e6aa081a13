import ArgumentParser
import NASOracle

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a table's schema and values; exit 1 on any error.")

    @Argument(help: "A nasbench HDF5 table.")
    var file: String

    func run() throws {
        let table = try BenchmarkTable.load(file)
        let findings = TableVerifier().verify(table, storedArchs: try BenchmarkTable.storedArchs(file))
        for finding in findings { print(finding) }
        let errors = findings.filter { $0.severity == .error }.count
        if errors > 0 {
            print("\(file): \(errors) error(s)")
            throw ExitCode.failure
        }
        print("\(file): ok")
    }
}
