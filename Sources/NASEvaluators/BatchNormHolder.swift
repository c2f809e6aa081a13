import NASTensor

/// A module of the NB201 network that owns batch norms, listed in forward order (for
/// ``BatchNormMode/estimate``, which re-estimates every one of them).
protocol BatchNormHolder {
    var batchNorms: [BatchNorm2d] { get }
}
