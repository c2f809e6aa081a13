import NASCore
import NASPredictors

/// WeakNAS's EI variant (Wu et al., NeurIPS 2021, "WeakNAS (EI Variant)"; `--sampling_method ei`
/// in the authors' `WeakNAS.py`): an ensemble of `members` fresh copies of a ranking model (the
/// authors: 5 MLPs, `--num_ensemble`), each fitted on the same cells with its own random stream,
/// scoring every cell by the expected improvement of the ensemble's Gaussian over the best label
/// so far. ``WeakNAS`` then queries the `M` unqueried cells with the highest EI (top-N = M over
/// the unqueried cells, as the authors' code takes `all_index_sample[:num_sample_train]`).
///
/// EI is the textbook form for maximisation (``expectedImprovement(mean:std:best:)``) with the
/// members' mean and population spread, the spread divided by `calibration` (the authors' and
/// NASLib's `acq_fn`: `ei_calibration_factor = 5`), over the best (standardised) label fitted.
/// Two departures from the authors' `acq_fn`, both on purpose: it negates the predictions and
/// then takes the *lowest* label as the incumbent, a sign slip under which EI underflows to zero
/// for nearly every cell and the order is left to numpy's unstable sort; and cells whose EI is
/// exactly zero here (far below the incumbent with a small spread) are ordered by their mean
/// prediction rather than by row.
///
/// Member `m` is fitted with `SplitMix64(seed: s_m)`, the seeds drawn in order from the caller's
/// generator (as NASPredictors' `Ensemble`), so a run is reproducible from its seed.
public struct ExpectedImprovementRankingModel<Base: RankingModel>: RankingModel {
    /// The unfitted member model.
    public var base: Base
    /// Ensemble size (the authors: 5).
    public var members: Int
    /// The spread is divided by this before EI (the authors and NASLib: 5).
    public var calibration: Double
    private var fitted: [Base] = []
    private var best = -Double.infinity

    public init(base: Base, members: Int = 5, calibration: Double = 5) throws {
        guard members >= 2 else { throw SearchError.badInput("an EI ensemble needs at least 2 members, got \(members)") }
        guard calibration > 0, calibration.isFinite else {
            throw SearchError.badInput("the EI calibration factor must be positive, got \(calibration)")
        }
        self.base = base
        self.members = members
        self.calibration = calibration
    }

    /// `ei<members>-<base>`, e.g. `ei5-mlp`.
    public var name: String { "ei\(members)-\(base.name)" }

    public var hyperparameters: [String: Hyperparameter] {
        var values: [String: Hyperparameter] = ["members": .int(members), "calibration": .double(calibration)]
        for (key, value) in base.hyperparameters { values["base_" + key] = value }
        return values
    }

    public mutating func fit(
        _ rows: [Int], of domain: any SearchDomain, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        guard let top = labels.max() else { throw SearchError.badInput("\(name): fit needs at least one labelled cell") }
        let seeds = (0..<members).map { _ in generator.next() }
        fitted = try seeds.map { seed in
            var rng = SplitMix64(seed: seed)
            var member = base
            try member.fit(rows, of: domain, labels: labels, using: &rng)
            return member
        }
        best = top
    }

    /// EI per row (higher is better); rows whose EI is zero score below every positive EI, in the
    /// order of their mean prediction.
    public func scores(_ rows: [Int], of domain: any SearchDomain) throws -> [Double] {
        guard !fitted.isEmpty else { throw SearchError.badInput("\(name): scores asked before fit") }
        let distribution = PredictiveDistribution(memberPredictions: try fitted.map { try $0.scores(rows, of: domain) })
        return zip(distribution.mean, distribution.std).map { mean, std in
            let ei = expectedImprovement(mean: mean, std: std / calibration, best: best)
            // Zero EI: below every positive EI, higher means first (mean < best here, or the
            // prediction is certain and not above the incumbent).
            return ei > 0 ? ei : -1 - (best - mean)
        }
    }
}
