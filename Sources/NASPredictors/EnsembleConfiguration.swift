/// Hyperparameters of ``Ensemble``: how many members, how they differ, and the members' own
/// configuration.
public struct EnsembleConfiguration<Member: Codable & Sendable & Hashable>: Hashable, Sendable, Codable {
    /// Number of members. Default 5: BANANAS' ensemble of five neural predictors (White et al.,
    /// "BANANAS", AAAI 2021, Sec. 4), whose spread feeds expected improvement.
    public var memberCount: Int = 5
    /// Whether each member trains on a bootstrap resample of the rows. Default false, as in
    /// BANANAS, where members differ only by their random seed; turn it on for members that are
    /// deterministic given the data (e.g. gradient boosting without subsampling).
    public var bootstrap: Bool = false
    /// Every member's configuration.
    public var member: Member

    /// A configuration with `member` for every member.
    public init(memberCount: Int = 5, bootstrap: Bool = false, member: Member) {
        self.memberCount = memberCount
        self.bootstrap = bootstrap
        self.member = member
    }

    private enum CodingKeys: String, CodingKey {
        case memberCount, bootstrap, member
    }

    /// Decodes a configuration; `memberCount` and `bootstrap` default as above.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        memberCount = try container.decodeIfPresent(Int.self, forKey: .memberCount) ?? 5
        bootstrap = try container.decodeIfPresent(Bool.self, forKey: .bootstrap) ?? false
        member = try container.decode(Member.self, forKey: .member)
    }
}
