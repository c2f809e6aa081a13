import ArgumentParser
import NASEvaluators
import NASExperiments
import NASOracle
import NASPredictors
import NASSearch
import NASSpaces

// The closed sets the options name, parsed by the argument parser itself: `--help` lists the
// choices and a bad value is rejected before `run()` with the parser's one-line message.

extension WeakNASModel: ExpressibleByArgument {}
extension WeakNASAcquisition: ExpressibleByArgument {}
extension WeakNASTopSet: ExpressibleByArgument {}
extension WeakNASLabelScaling: ExpressibleByArgument {}
extension Split: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}
extension IsomorphismRule: ExpressibleByArgument {}
extension InitScheme: ExpressibleByArgument {}
extension BatchNormMode: ExpressibleByArgument {}
extension HeadSolver: ExpressibleByArgument {}
extension SpaceID: ExpressibleByArgument {}

extension SearchSpec.QuerySeed: ExpressibleByArgument {}

extension SeedChoice: ExpressibleByArgument {
    /// `mean`, `sampled` or a seed number.
    public init?(argument: String) {
        switch argument {
        case "mean": self = .mean
        case "sampled": self = .sampled
        default:
            guard let k = Int(argument), k >= 0 else { return nil }
            self = .fixed(k)
        }
    }

    public var defaultValueDescription: String { description }
}
