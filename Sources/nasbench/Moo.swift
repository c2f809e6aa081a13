import ArgumentParser
import Foundation
import NASCore
import NASOracle
import NASSearch
import NASSpaces

struct Moo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moo",
        abstract: "NSGA-II on NB201: accuracy (from the table) against a cost column (params, latency, ...).",
        discussion: """
            Maximises --accuracy and minimises --cost (both seed-mean table columns), prints the final Pareto front \
            and its hypervolume as a fraction of the true front's (all cells of the table). Hypervolume is taken on \
            objectives scaled to [0, 1] over the whole table (best 0, worst 1) with reference point (1, 1).
            """)

    @Option(help: "A nasbench HDF5 table of the nb201 space.")
    var table: String

    @Option(help: "Accuracy column to maximise.")
    var accuracy = "cifar10-valid.valid.accuracy.e200"

    @Option(help: "Cost column to minimise, e.g. cifar10.none.params_m or a latency_ms column.")
    var cost = "cifar10.none.params_m"

    @Option(help: "Population size.")
    var population = 50

    @Option(help: "Generations.")
    var generations = 20

    @Option(help: "Seed.")
    var seed: UInt64 = 0

    func run() throws {
        let loaded = try BenchmarkTable.load(table)
        let acc = try loaded.column(try ColumnKey(name: accuracy))
        let price = try loaded.column(try ColumnKey(name: cost))
        let rows = (0..<loaded.rowCount).filter { acc[$0].isFinite && price[$0].isFinite }
        guard let accLo = rows.map({ acc[$0] }).min(), let accHi = rows.map({ acc[$0] }).max(),
              let costLo = rows.map({ price[$0] }).min(), let costHi = rows.map({ price[$0] }).max() else {
            throw ValidationError("the table has no cell with both \(accuracy) and \(cost)")
        }
        func scaled(_ row: Int) -> [Double] {
            [Double(accHi - acc[row]) / Double(max(accHi - accLo, 1e-12)),
             Double(price[row] - costLo) / Double(max(costHi - costLo, 1e-12))]
        }
        let space = NB201Space()
        var rng = SplitMix64(seed: seed)
        let outcome = try NSGA2(populationSize: population, generations: generations).run(objectives: { cell in
            guard let row = loaded.row(ofRank: cell.rank), acc[row].isFinite, price[row].isFinite else {
                return [1, 1]
            }
            return scaled(row)
        }, using: &rng)
        let truePoints = rows.map(scaled)
        let trueFront = Pareto.nonDominatedSort(truePoints).first ?? []
        let trueHV = Pareto.hypervolume2D(trueFront.map { truePoints[$0] }, reference: [1, 1])
        let foundFront = Pareto.nonDominatedSort(outcome.objectives).first ?? []
        let foundHV = Pareto.hypervolume2D(foundFront.map { outcome.objectives[$0] }, reference: [1, 1])
        var seen = Set<NB201Cell>()
        print("\(accuracy)\t\(cost)\tcell")
        for i in foundFront.sorted(by: { outcome.objectives[$0][1] < outcome.objectives[$1][1] }) {
            let cell = outcome.population[i]
            guard seen.insert(cell).inserted, let row = loaded.row(ofRank: cell.rank) else { continue }
            print("\(acc[row])\t\(price[row])\t\(space.describe(cell))")
        }
        print(String(format: "hypervolume %.4f of the true front's %.4f (%.1f%%); %d distinct cells evaluated; true front has %d cells",
                     foundHV, trueHV, 100 * foundHV / max(trueHV, 1e-12), outcome.evaluated.count, trueFront.count))
    }
}
