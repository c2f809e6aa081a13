extension NB101Cell: CustomStringConvertible {
    /// nasbench's text form: the adjacency matrix rows as `0`/`1` digits joined by `,`, a `|`,
    /// then the official op names of vertices 1...V-2 joined by `,`, e.g.
    /// `0110000,0001000,0001000,0000100,0000010,0000001,0000000|conv3x3-bn-relu,maxpool3x3,...`.
    public var description: String {
        var text = ""
        text.reserveCapacity(vertexCount * (vertexCount + 1) + 16 * (vertexCount - 2) + 1)
        for source in 0..<vertexCount {
            if source > 0 { text += "," }
            for target in 0..<vertexCount {
                text += hasEdge(source, target) ? "1" : "0"
            }
        }
        text += "|"
        text += ops.map(\.rawValue).joined(separator: ",")
        return text
    }
}
