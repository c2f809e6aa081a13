import NASSpaces

extension NB201Network {
    /// Parameters of the NB201 network for `cell`, in closed form (no network is built):
    /// the skeleton plus `N` cells a stage, each conv edge adding its weights and BN affine.
    /// Equals ``parameterCount`` of the built network.
    public static func parameterCount(cell: NB201Cell, channels c: Int = 16, cellsPerStage n: Int = 5,
                                      classes: Int = 10) -> Int {
        var total = 3 * c * 9 + 2 * c
        var width = c
        for stage in 0..<3 {
            if stage > 0 {
                let out = width * 2
                total += width * out * 9 + 2 * out + out * out * 9 + 2 * out + width * out
                width = out
            }
            let perCell = cell.ops.reduce(0) { sum, op in
                switch op {
                case .norConv1x1: sum + width * width + 2 * width
                case .norConv3x3: sum + width * width * 9 + 2 * width
                case .none, .skipConnect, .avgPool3x3: sum
                }
            }
            total += n * perCell
        }
        return total + 2 * width + width * classes + classes
    }
}
