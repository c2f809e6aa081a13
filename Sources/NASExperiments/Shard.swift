/// A slice of the trials for one job of a job array: trial `t` belongs to shard `t % count`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// The whole run in one piece.
    public static let all = Shard(uncheckedIndex: 0, count: 1)

    private init(uncheckedIndex: Int, count: Int) {
        self.index = uncheckedIndex
        self.count = count
    }

    /// Parses `i/n` with 0 <= i < n (e.g. `--shard 3/10`, as a Slurm array task id over a count).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n > 0, (0..<n).contains(i) else {
            throw ExperimentError.badInput("bad shard '\(text)': expected i/n with 0 <= i < n, e.g. 0/4")
        }
        self.init(uncheckedIndex: i, count: n)
    }

    /// Whether trial `t` is this shard's.
    public func owns(_ trial: Int) -> Bool { trial % count == index }

    /// This shard's trials among `0..<trials`, in order.
    public func trials(of total: Int) -> [Int] { (0..<total).filter(owns) }

    public var description: String { "\(index)/\(count)" }
}
