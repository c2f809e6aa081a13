import NASSpaces

extension NB201Network {
    /// Multiply-accumulates of one forward pass on a `size x size` image, counting
    /// convolutions and the classifier (as NB201's `flop` column does, up to its
    /// treatment of pooling and BN, which are left out here).
    public func multiplyAccumulates(imageSize size: Int = 32) -> Int {
        Self.multiplyAccumulates(
            cell: cell, channels: channels, cellsPerStage: cellsPerStage, classes: classes, imageSize: size)
    }

    /// ``multiplyAccumulates(imageSize:)`` in closed form, without building the network
    /// (the benchmark's `C = 16`, `N = 5` by default).
    public static func multiplyAccumulates(cell: NB201Cell, channels: Int = 16, cellsPerStage: Int = 5,
                                           classes: Int = 10, imageSize size: Int = 32) -> Int {
        func conv(_ cIn: Int, _ cOut: Int, _ k: Int, _ side: Int) -> Int { cIn * cOut * k * k * side * side }
        var total = conv(3, channels, 3, size)
        var width = channels
        var side = size
        for stage in 0..<3 {
            if stage > 0 {
                side = (side + 1) / 2
                total += conv(width, width * 2, 3, side) + conv(width * 2, width * 2, 3, side)
                    + conv(width, width * 2, 1, side)
                width *= 2
            }
            let perCell = cell.ops.reduce(0) { sum, op in
                switch op {
                case .norConv1x1: sum + conv(width, width, 1, side)
                case .norConv3x3: sum + conv(width, width, 3, side)
                case .none, .skipConnect, .avgPool3x3: sum
                }
            }
            total += perCell * cellsPerStage
        }
        return total + width * classes
    }
}
