import Crypto

extension NB101Cell {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The official key of the model (`ModelSpec.hash_spec` with the official op list), the
    /// string the `nasbench` dataset is indexed by: the hash of the pruned graph, so pruned and
    /// isomorphic specs collide. `nil` when the spec is disconnected.
    public var moduleHash: String? {
        pruned()?.graphHash()
    }

    /// `graph_util.hash_module(matrix, labels)` of this graph as it is (not pruned first),
    /// reproduced byte for byte: MD5 hex digests of `str((out_degree, in_degree, label))` per
    /// vertex, then `vertexCount` rounds replacing each vertex's digest by the MD5 of its sorted
    /// in-neighbour digests, `|`, its sorted out-neighbour digests, `|`, its own digest; the key is
    /// the MD5 of Python's `str()` of the sorted final digests.
    public func graphHash() -> String {
        let vertices = vertexCount
        let labels = self.labels
        var digests: [[UInt8]] = (0..<vertices).map { vertex in
            let outDegree = (0..<vertices).filter { hasEdge(vertex, $0) }.count
            let inDegree = (0..<vertices).filter { hasEdge($0, vertex) }.count
            return Self.md5Hex(Array("(\(outDegree), \(inDegree), \(labels[vertex]))".utf8))
        }
        let inNeighbours = (0..<vertices).map { v in (0..<vertices).filter { hasEdge($0, v) } }
        let outNeighbours = (0..<vertices).map { v in (0..<vertices).filter { hasEdge(v, $0) } }
        var message: [UInt8] = []
        message.reserveCapacity(32 * (vertices + 1) + 2)
        for _ in 0..<vertices {
            var next: [[UInt8]] = []
            next.reserveCapacity(vertices)
            for vertex in 0..<vertices {
                message.removeAll(keepingCapacity: true)
                for digest in inNeighbours[vertex].map({ digests[$0] }).sorted(by: Self.precedes) {
                    message += digest
                }
                message.append(UInt8(ascii: "|"))
                for digest in outNeighbours[vertex].map({ digests[$0] }).sorted(by: Self.precedes) {
                    message += digest
                }
                message.append(UInt8(ascii: "|"))
                message += digests[vertex]
                next.append(Self.md5Hex(message))
            }
            digests = next
        }
        // Python's str() of a sorted list of str: ['a', 'b'].
        message.removeAll(keepingCapacity: true)
        message.append(UInt8(ascii: "["))
        for (offset, digest) in digests.sorted(by: Self.precedes).enumerated() {
            if offset > 0 { message += [UInt8(ascii: ","), UInt8(ascii: " ")] }
            message.append(UInt8(ascii: "'"))
            message += digest
            message.append(UInt8(ascii: "'"))
        }
        message.append(UInt8(ascii: "]"))
        return String(decoding: Self.md5Hex(message), as: UTF8.self)
    }

    /// Byte-wise order of digests (Python's order of their strings).
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.lexicographicallyPrecedes(b)
    }

    /// The lowercase hex MD5 digest (32 ASCII bytes) of `bytes`.
    static func md5Hex(_ bytes: [UInt8]) -> [UInt8] {
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in Insecure.MD5.hash(data: bytes) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 15)])
        }
        return hex
    }
}
