import ArgumentParser
import Foundation
import NASExperiments

struct Regress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a regression suite and compare its summary statistics with the committed baseline.",
        discussion: """
            Runs the suite's predictor and search experiments (seeded, as `nasbench predictors` and `nasbench search` \
            run them) into --out, compares each statistic with the baseline file named in the suite, prints a table \
            (metric, baseline, now, delta, tolerance, verdict) and exits 1 when any statistic regressed. A statistic \
            fails when it moves in the bad direction by more than max(floor, z x baseline standard error); see \
            docs/REGRESSION.md. The project suite is experiments/regress-nb201.json.
            """)

    @Option(help: "The suite file (JSON).")
    var suite: String

    @Option(help: "A nasbench HDF5 table (nb201 space).")
    var table: String

    @Flag(help: "Write the measured statistics as the new baseline (then every check passes).")
    var update = false

    @Option(help: "Also write the verdicts as JUnit XML to this file.")
    var junit: String?

    @Option(help: "Also write the text table to this file.")
    var tableOut: String?

    @Option(help: "Folder for the suite's run folders (predictors/, search/, rwe/); replaced on every run.")
    var out = "runs/regress"

    @Option(help: "Worker threads.")
    var jobs = 2

    @Option(help: "The CIFAR-10 archive for the suite's rwe plan (cifar-10-binary.tar.gz layout).")
    var cifar: String?

    @Option(help: "Test hook: degrade the experiment on purpose to check the suite catches it (shuffle-labels).")
    var degrade: String?

    func run() throws {
        let loaded = try RegressionSuite.load(suite)
        var runner = RegressionRun(suite: loaded, tablePath: table, folder: out, jobs: jobs)
        runner.cifarPath = cifar
        switch degrade {
        case nil: break
        case "shuffle-labels": runner.shufflesTrainingLabels = true
        case let other?: throw ValidationError("unknown --degrade '\(other)' (expected shuffle-labels)")
        }
        let measured = try runner.measure()
        let baselinePath = loaded.baselinePath(suitePath: suite)
        if update {
            try RegressionBaseline(statistics: measured).write(to: baselinePath)
            FileHandle.standardError.write(Data("wrote the baseline \(baselinePath)\n".utf8))
        }
        let baseline = try RegressionBaseline(path: baselinePath)
        let report = RegressionReport(
            suiteName: loaded.name, checks: RegressionCheck.compare(suite: loaded, baseline: baseline, measured: measured))
        print(report.text, terminator: "")
        if let junit { try Data(report.junitXML.utf8).write(to: URL(fileURLWithPath: junit), options: .atomic) }
        if let tableOut { try Data(report.text.utf8).write(to: URL(fileURLWithPath: tableOut), options: .atomic) }
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
