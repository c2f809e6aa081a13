import ArgumentParser
import NASExperiments
import NASPredictors

/// The common hyperparameters of `nasbench predictors` as options; every other one is set with
/// `--config`. Each given option overrides the config file.
struct PredictorOptions: ParsableArguments {
    @Option(help: "rf: number of trees (NASLib: 116).")
    var rfTrees: Int?

    @Option(help: "rf: features per split: all, sqrt, log2, a fraction like 0.5, or a count like 5 (NASLib: 0.1706).")
    var rfMaxFeatures: String?

    @Option(help: "rf: maximum depth (default unlimited).")
    var rfMaxDepth: Int?

    @Option(help: "rf: minimum samples per leaf (NASLib: 2).")
    var rfMinSamplesLeaf: Int?

    @Flag(inversion: .prefixedNo, help: "rf: bootstrap resample per tree (NASLib: no).")
    var rfBootstrap: Bool?

    @Option(help: "gbdt and gbdt-ensemble members: boosting rounds (scikit-learn: 100).")
    var gbdtTrees: Int?

    @Option(help: "gbdt and gbdt-ensemble members: learning rate (scikit-learn: 0.1).")
    var gbdtLearningRate: Double?

    @Option(help: "gbdt and gbdt-ensemble members: tree depth (scikit-learn: 3).")
    var gbdtMaxDepth: Int?

    @Option(help: "gbdt and gbdt-ensemble members: row fraction per round (scikit-learn: 1.0).")
    var gbdtSubsample: Double?

    @Option(help: "gbdt-ensemble: members (BANANAS: 5).")
    var ensembleMembers: Int?

    @Option(help: "mlp: most training epochs (scikit-learn's max_iter; default \(MLPConfiguration().epochs), WeakNAS's --mlp_iter).")
    var mlpEpochs: Int?

    @Option(help: "mlp: least decrease of the training loss that counts as progress (scikit-learn's tol; default \(MLPConfiguration().tolerance)).")
    var mlpTolerance: Double?

    @Option(help: "mlp: stop after more than this many epochs without progress (scikit-learn's n_iter_no_change; default \(MLPConfiguration().iterationsWithoutImprovement)).")
    var mlpNoChangeEpochs: Int?

    /// Overrides the settings with every option given.
    func apply(to settings: inout PredictorSettings) throws {
        if let rfTrees { settings.randomForest.treeCount = rfTrees }
        if let rfMaxFeatures { settings.randomForest.maxFeatures = try Self.maxFeatures(rfMaxFeatures) }
        if let rfMaxDepth { settings.randomForest.maxDepth = rfMaxDepth }
        if let rfMinSamplesLeaf { settings.randomForest.minSamplesLeaf = rfMinSamplesLeaf }
        if let rfBootstrap { settings.randomForest.bootstrap = rfBootstrap }
        for keyPath in [\PredictorSettings.gradientBoosting, \PredictorSettings.gradientBoostingEnsemble.member] {
            if let gbdtTrees { settings[keyPath: keyPath].treeCount = gbdtTrees }
            if let gbdtLearningRate { settings[keyPath: keyPath].learningRate = gbdtLearningRate }
            if let gbdtMaxDepth { settings[keyPath: keyPath].maxDepth = gbdtMaxDepth }
            if let gbdtSubsample { settings[keyPath: keyPath].subsample = gbdtSubsample }
        }
        if let ensembleMembers { settings.gradientBoostingEnsemble.memberCount = ensembleMembers }
        if let mlpEpochs { settings.mlp.epochs = mlpEpochs }
        if let mlpTolerance { settings.mlp.tolerance = mlpTolerance }
        if let mlpNoChangeEpochs { settings.mlp.iterationsWithoutImprovement = mlpNoChangeEpochs }
    }

    /// Parses `all`, `sqrt`, `log2`, a fraction (with a decimal point) or a count.
    static func maxFeatures(_ text: String) throws -> MaxFeatures {
        switch text {
        case "all": return .all
        case "sqrt": return .sqrt
        case "log2": return .log2
        default:
            if let count = Int(text) { return .count(count) }
            if let fraction = Double(text), text.contains(".") { return .fraction(fraction) }
            throw ExperimentError.badInput("bad --rf-max-features '\(text)' (expected all, sqrt, log2, a fraction like 0.5 or a count like 5)")
        }
    }
}
