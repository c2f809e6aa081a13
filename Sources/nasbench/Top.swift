import ArgumentParser
import NASOracle

struct Top: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the best cells of a column.")

    @Argument(help: "A nasbench HDF5 table.")
    var file: String

    @OptionGroup var query: QueryOptions

    @Option(name: .short, help: "How many cells.")
    var k = 10

    @Option(help: "Show one cell per isomorphism class: none, benchmark or functional.")
    var unique = IsomorphismRule.none

    @Option(help: "Output format: text or csv.")
    var format: OutputFormat = .text

    func run() throws {
        guard k > 0 else { throw ValidationError("-k must be positive") }
        let rule = unique
        let table = try BenchmarkTable.load(file)
        let q = try query.makeQuery(for: table)
        guard q.seed != .sampled else { throw ValidationError("top needs a fixed column: --seed mean or a seed number") }
        let key = q.columnKey
        let values = try table.column(key)
        let order = (0..<table.rowCount).filter { !values[$0].isNaN }.sorted {
            values[$0] != values[$1] ? (key.metric.higherIsBetter ? values[$0] > values[$1] : values[$0] < values[$1]) : $0 < $1
        }
        let keys = try table.isomorphismKeys(rule)
        var seen = Set<String>()
        var shown = 0
        if format == .csv { print("rank,index,arch,\(key.name)") }
        for row in order where shown < k && seen.insert(keys[row]).inserted {
            shown += 1
            if format == .csv {
                print("\(shown),\(table.benchmarkIndex[row]),\(table.archs[row]),\(values[row])")
            } else {
                print("\(shown)\t\(table.benchmarkIndex[row])\t\(values[row])\t\(table.archs[row])")
            }
        }
    }
}
