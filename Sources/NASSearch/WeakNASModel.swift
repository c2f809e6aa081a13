/// The ranking models WeakNAS can fit each iteration.
public enum WeakNASModel: String, CaseIterable, Codable, Sendable {
    /// NASPredictors' MLP (WeakNAS's own model: 4 x 1000 ReLU units) on the adjacency one-hot encoding.
    case mlp
    /// NASPredictors' GCN (NASLib's Neural Predictor) on the graph encoding.
    case gcn
    /// Ridge regression on the one-hot encoding: a linear baseline.
    case ridgeOnehot = "ridge-onehot"
    /// NASPredictors' random forest (NASLib's defaults) on the adjacency one-hot encoding.
    case rf
    /// NASPredictors' gradient-boosted trees on the adjacency one-hot encoding.
    case gbdt
}
