extension NB201Cell: CustomStringConvertible {
    /// The official NB201 cell string, e.g.
    /// `|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|`.
    ///
    /// Nodes 1...3 are written in order, separated by `+`; each node lists its inputs
    /// `op~source` for source 0..<node, each wrapped in `|`.
    public var description: String {
        var text = ""
        text.reserveCapacity(96)
        for target in 1...NB201Edge.computedNodeCount {
            if target > 1 {
                text += "+"
            }
            let first = NB201Edge.firstIndex(feeding: target)
            for source in 0..<target {
                text += "|"
                text += self[first + source].rawValue
                text += "~"
                text += String(source)
            }
            text += "|"
        }
        return text
    }
}
