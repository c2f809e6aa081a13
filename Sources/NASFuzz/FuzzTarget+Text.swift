import NASExperiments
import NASOracle
import NASPredictors
import NASSearch
import NASSpaces

extension FuzzTarget {
    /// The string targets: cell parsers with their round trips, and the option-value parsers.
    func runText(_ text: String) {
        do {
            switch self {
            case .nb201Cell:
                let space = NB201Space()
                let cell = try space.parse(text)
                guard space.describe(cell) == text else { fuzzFinding("NB201 accepted a non-canonical string", input: text) }
                guard cell.rank >= 0, cell.rank < NB201Cell.count, NB201Cell(rank: cell.rank) == cell else {
                    fuzzFinding("NB201 rank does not round-trip", input: text)
                }
            case .nb101Cell:
                try roundTrip(NB101Space(), text)
                _ = try CellCodec.nb101.encode(text)
            case .nbgraphCell:
                try roundTrip(NBGraphSpace(), text)
                try roundTrip(NBGraphSpace.proteins, text)
            case .flags:
                try parseFlag(text)
            default:
                fuzzFinding("\(rawValue) is not a text target")
            }
        } catch {
            expectOneLine(error, target: self)
        }
    }

    private func roundTrip<Space: SearchSpace>(_ space: Space, _ text: String) throws {
        let cell = try space.parse(text)
        let printed = space.describe(cell)
        let again: Space.Cell
        do {
            again = try space.parse(printed)
        } catch {
            fuzzFinding("\(space.name) cannot parse its own output \(String(reflecting: printed)): \(error)", input: text)
        }
        guard again == cell else { fuzzFinding("\(space.name) round trip changed the cell", input: text) }
        _ = space.isomorphismKey(cell)
        _ = space.neighbours(of: cell)
    }

    /// Every value parser behind a CLI option, chosen by the first byte.
    private func parseFlag(_ text: String) throws {
        guard let first = text.utf8.first else { return }
        let rest = String(text.dropFirst())
        switch first % 6 {
        case 0:
            let key = try ColumnKey(name: rest)
            guard try ColumnKey(name: key.name) == key else { fuzzFinding("column key round trip", input: rest) }
        case 1: _ = try SearchBudget(parsing: rest)
        case 2: _ = try Shard(parsing: rest)
        case 3: _ = try Encoding(parsing: rest)
        case 4: _ = try SpaceID(parsing: rest)
        default: _ = try CSVImporter.parseMapping(rest)
        }
    }
}
