import Foundation

/// What the CONetV2 study cost: wall seconds per search trial and per final-training epoch, from each
/// run's `timing.csv` (the only file of a run that differs between reruns).
extension ConetReport {
    public struct Cost: Sendable, Equatable {
        /// The run folder's name (`search-NAME` or `final-RULE-sSEED`).
        public var run: String
        /// "search" (units are trained trials) or "final" (units are epochs).
        public var kind: String
        public var finished: Bool
        public var units: Int
        public var trainSeconds: Double, metricSeconds: Double, testSeconds: Double
        public var totalSeconds: Double { trainSeconds + metricSeconds + testSeconds }
        public var secondsPerUnit: Double { units > 0 ? totalSeconds / Double(units) : .nan }
    }

    /// Every `search-*` and `final-*` run in `folder` that has a `timing.csv`, finished or not.
    public static func costs(in folder: String) throws -> [Cost] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("search-") || $0.hasPrefix("final-") }.sorted()
        return try names.compactMap { name in
            let run = (folder as NSString).appendingPathComponent(name)
            let timing = (run as NSString).appendingPathComponent("timing.csv")
            guard FileManager.default.fileExists(atPath: timing) else { return nil }
            let search = name.hasPrefix("search-")
            let table = try columns(of: timing, (search ? ["trial"] : ["epoch"]) + ["train_seconds", "metric_seconds", "test_seconds"])
            let units = search ? Set(table[0]).count : table[0].count
            let finished = FileManager.default.fileExists(atPath: (run as NSString).appendingPathComponent("result.json"))
            return Cost(run: name, kind: search ? "search" : "final", finished: finished, units: units,
                        trainSeconds: table[1].reduce(0, +), metricSeconds: table[2].reduce(0, +), testSeconds: table[3].reduce(0, +))
        }
    }

    /// cost.csv's text: a row per run, then a total row per kind (finished runs only).
    static func costTable(_ costs: [Cost]) -> String {
        var lines = [CSVLine.join(["run", "kind", "finished", "units", "unit", "train_seconds", "metric_seconds", "test_seconds",
                                   "total_seconds", "seconds_per_unit"])]
        func row(_ run: String, _ kind: String, _ finished: String, _ c: [Cost]) -> String {
            let units = c.reduce(0) { $0 + $1.units }
            let train = c.reduce(0) { $0 + $1.trainSeconds }, metric = c.reduce(0) { $0 + $1.metricSeconds }
            let test = c.reduce(0) { $0 + $1.testSeconds }, total = train + metric + test
            // timing.csv holds milliseconds: sums rounded back to them (no float noise in the table).
            func ms(_ x: Double) -> String { CSVLine.number((x * 1000).rounded() / 1000) }
            return CSVLine.join([run, kind, finished, "\(units)", kind == "search" ? "trial" : "epoch", ms(train), ms(metric), ms(test),
                                 ms(total), units > 0 ? ms(total / Double(units)) : ""])
        }
        for c in costs { lines.append(row(c.run, c.kind, c.finished ? "yes" : "no", [c])) }
        for kind in ["search", "final"] {
            let done = costs.filter { $0.kind == kind && $0.finished }
            if !done.isEmpty { lines.append(row("all-finished", kind, "yes", done)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
