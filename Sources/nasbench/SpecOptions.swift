import ArgumentParser
import NASExperiments

/// `--spec` and `--print-spec`, the same for every command that runs an ``ExperimentSpec``.
struct SpecOptions: ParsableArguments {
    @Option(help: "A spec file (JSON or YAML; --print-spec shows every key) or a run's config.json; the options below override it.")
    var spec: String?

    @Flag(help: "Print the resolved spec (JSON, as config.json records it under \"spec\") and exit without running.")
    var printSpec = false

    /// The spec file's content, or `fallback` when none is given.
    func base<Spec: ExperimentSpec>(_ fallback: Spec) throws -> Spec {
        try spec.map(Spec.load(path:)) ?? fallback
    }
}

/// A command that resolves a spec from `--spec` and its options, then prints or runs it: the one
/// path `search`, `predictors`, `rwe` and `moo` share.
protocol SpecCommand: ParsableCommand {
    associatedtype Spec: ExperimentSpec
    var specOptions: SpecOptions { get }
    /// The spec file (or the defaults) with every option given applied.
    func resolvedSpec() throws -> Spec
    /// Runs the resolved spec.
    func run(_ spec: Spec) throws
}

extension SpecCommand {
    func run() throws {
        let spec = try resolvedSpec()
        if specOptions.printSpec {
            print(try spec.json(), terminator: "")
            return
        }
        try run(spec)
    }
}
