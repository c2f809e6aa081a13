/// How ``WeakNAS`` standardises the labels it fits its model on (mean 0, std 1, higher is better).
public enum WeakNASLabelScaling: String, CaseIterable, Codable, Sendable {
    /// Mean and std of the queried cells' answers, recomputed every iteration.
    case queried
    /// One fixed affine map for the whole run: mean and std of the search metric's seed mean over
    /// every row of the table, as the authors' code does (`WeakNAS.py`: `norm_label_all_train`
    /// is computed once over all cells and indexed by the training cells). It uses two numbers
    /// of the table that a real search would not know; they only set the label scale, which
    /// matters to neural models (their stopping tolerance and L2 penalty are absolute).
    case table
}
