// Benchmarks of the oracle and the predictors, printed as JSON Lines for tools/scripts/bench.sh to set
// beside the Python references (h5py, pandas, numpy, scipy, scikit-learn).
// Usage: nasbench-bench TABLE.h5 [QUERIES] [SPLITS.json]   (SPLITS.json: the predictor splits,
// written for tools/reference/bench_reference.py)
// `nasbench-bench nb101-enumerate`: every NAS-Bench-101 model, deduplicated by the official hash.
import Foundation
import NASOracle
import NASPredictors
import NASSpaces
import NASTensor

AllocatorTuning.keepFreedBlocksForReuse()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func emit(_ fields: [String: Any]) {
    if let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) {
        print(String(decoding: data, as: UTF8.self))
    }
}

let arguments = CommandLine.arguments
if arguments.count == 2 && arguments[1] == "nb101-enumerate" {
    exit(enumerateNB101() ? 0 : 1)
}
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: nasbench-bench TABLE.h5 [QUERIES]\n".utf8))
    exit(2)
}
let path = arguments[1]
let queries = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
let clock = ContinuousClock()

do {
    // Loading: the whole table (every column, cells, index) into memory, 30 times.
    var loads: [Double] = []
    var table = try BenchmarkTable.load(path)
    for _ in 0..<30 {
        let start = clock.now
        table = try BenchmarkTable.load(path)
        loads.append(seconds(clock.now - start))
    }
    emit([
        "tool": "nasbench", "task": "load whole table", "seconds": median(loads), "rows": table.rowCount,
        "columns": table.keys.count,
    ])

    // Queries: a column chosen like a search would, rows drawn at random beforehand.
    let key = table.keys.first { $0.metric == .accuracy && $0.seed == nil && $0.epochs == 200 } ?? table.keys[0]
    var oracle = TabularOracle(table: table)
    let query = NASOracle.Query(
        dataset: key.dataset, split: key.split, metric: key.metric, epochs: key.epochs, seed: .mean, device: key.device)
    let resolved = try oracle.resolve(query)
    var generator = SplitMix64(seed: 0)
    let rows = (0..<queries).map { _ in Int(generator.nextUniform(below: UInt64(table.rowCount))) }
    var times: [Double] = []
    var checksum: Float = 0
    for _ in 0..<5 {
        oracle.resetCounters()
        let start = clock.now
        for row in rows { checksum += oracle.value(row: row, resolved, using: &generator) }
        times.append(seconds(clock.now - start))
    }
    emit([
        "tool": "nasbench", "task": "random queries (row, counted + timed)", "seconds": median(times),
        "queries": queries, "per_second": Double(queries) / median(times), "checksum": Double(checksum),
        "column": key.name,
    ])

    if table.space == .nb201 {
        let cells = rows.map { NB201Cell(rank: (table.encoding(ofRow: $0).reduce(0) { $0 * 5 + Int($1) })) ?? NB201Cell(rank: 0)! }
        times = []
        for _ in 0..<5 {
            let start = clock.now
            for cell in cells { checksum += try oracle.value(cell, resolved, using: &generator) }
            times.append(seconds(clock.now - start))
        }
        emit([
            "tool": "nasbench", "task": "random queries (NB201Cell, counted + timed)", "seconds": median(times),
            "queries": queries, "per_second": Double(queries) / median(times), "checksum": Double(checksum),
        ])
        let strings = rows.prefix(100_000).map { table.archs[$0] }
        let start = clock.now
        for s in strings { checksum += Float(try oracle.query(s, query, using: &generator)) }
        let elapsed = seconds(clock.now - start)
        emit([
            "tool": "nasbench", "task": "random queries (cell string, parsed + resolved)", "seconds": elapsed,
            "queries": strings.count, "per_second": Double(strings.count) / elapsed,
        ])
    }
    if arguments.count > 3 {
        // The label: cifar10-valid validation accuracy after 200 epochs, when the table has it.
        let label = table.keys.first { $0.name == "cifar10-valid.valid.accuracy.e200" } ?? key
        try benchPredictors(table: table, label: label, splitsPath: arguments[3], emit: emit)
    }
} catch {
    FileHandle.standardError.write(Data("nasbench-bench: error: \(error)\n".utf8))
    exit(1)
}
