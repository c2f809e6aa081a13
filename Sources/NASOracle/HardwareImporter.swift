/// Joins measured hardware costs (HW-NAS-Bench-360's long-format CSV: one row per cell,
/// device, runtime and task) onto a table as `<task>.none.latency_ms.@<device>-<runtime>`
/// and `...energy_mj...` columns. Rows whose `status` is not `ok` stay NaN.
public struct HardwareImporter {
    public init() {}

    func join(_ file: CSVFile, into columns: inout [ColumnKey: [Float]], benchmarkIndex: [Int64]) throws {
        let rowOfIndex = Dictionary(uniqueKeysWithValues: benchmarkIndex.enumerated().map { ($1, $0) })
        let arch = try file.columnIndex("arch_idx")
        let device = try file.columnIndex("device")
        let framework = try file.columnIndex("framework")
        let task = try file.columnIndex("task")
        let status = try file.columnIndex("status")
        let latency = try file.floats("lat_ms_median", allowMissing: true)
        let energy = try file.floats("energy_mj", allowMissing: true)
        var seen = Set<[String]>()
        var added: [ColumnKey: [Float]] = [:]
        for (line, row) in file.rows.enumerated() {
            guard let official = Int64(row[arch]), let target = rowOfIndex[official] else {
                throw OracleError.badInput("\(file.path):\(line + 2): arch_idx '\(row[arch])' is not a cell of the table")
            }
            guard seen.insert([row[arch], row[device], row[framework], row[task]]).inserted else {
                throw OracleError.badInput(
                    "\(file.path):\(line + 2): a second row for cell \(official) on \(row[device])/\(row[framework])/\(row[task])")
            }
            let hardware = "\(row[device])-\(row[framework])"
            let dataset = Dataset(row[task])
            for (metric, values) in [(Metric.latency, latency), (Metric.energy, energy)] {
                let key = ColumnKey(dataset: dataset, split: .none, metric: metric, device: hardware)
                let value = row[status] == "ok" ? values[line] : .nan
                if !value.isNaN && !(value > 0) {
                    throw OracleError.badInput("\(file.path):\(line + 2): \(metric.rawValue) \(value) is not positive")
                }
                added[key, default: [Float](repeating: .nan, count: benchmarkIndex.count)][target] = value
            }
        }
        // A device/runtime that measured nothing for a metric (e.g. energy on the phone) adds no column.
        for (key, values) in added where values.contains(where: { !$0.isNaN }) { columns[key] = values }
    }
}
