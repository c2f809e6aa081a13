import ArgumentParser
import NASExperiments

/// `nasbench metad2a summarize`: the meta-test's arms over their seeded runs.
struct MetaD2ASummarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Per arm of a meta-test (folders ARM-sSEED of generate runs): mean and 95% interval of the top cells' table accuracy (arms.csv); the cells' uniqueness under NB201's isomorphism key, operation shares and phase seconds (cells.csv).")

    @Argument(help: "The folder holding the ARM-sSEED runs (experiments/metad2a-study.sh: runs/metad2a-study/test).")
    var folder: String

    @Flag(help: "Write only cells.csv: for runs generated without --table (a dataset the table does not hold, e.g. experiments/metad2a-fashion.sh).")
    var cellsOnly = false

    func run() throws {
        let table = cellsOnly ? nil : try GenerationArmsTable(folder: folder)
        try table?.write(to: folder)
        let cells = try GenerationCellsTable(folder: folder)
        try cells.write(to: folder)
        if let table {
            print(table.text, terminator: "")
            print("\(folder)/arms.csv, \(folder)/cells.csv")
        } else {
            print("\(folder)/cells.csv")
        }
    }
}
