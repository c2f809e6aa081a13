import NASCore

/// The study's baselines at a parameter budget: the standard widths scaled by one factor, and the
/// authors' random widths (`randomsizes/`: every group drawn uniformly, redrawn until the
/// parameter count is within about 0.15% of the budget).
extension ChannelGraph {
    /// The standard widths times one factor s, each rounded to even (at least 2), with s chosen so
    /// that the parameter count is the closest to `parameters`; an error when the closest is off
    /// by more than `tolerance` (relative).
    public func scaledWidths(_ standard: [Int], parameters target: Int, imageSize: Int = 32, tolerance: Double = 0.02) throws -> [Int] {
        guard target > 0 else { throw WidthError(why: "a parameter budget of \(target): it must be positive") }
        func widths(_ s: Double) -> [Int] {
            standard.map { Swift.max(2, Int((Double($0) * s / 2).rounded(.toNearestOrEven)) * 2) }
        }
        func count(_ s: Double) throws -> Int { try cost(widths: widths(s), imageSize: imageSize).parameters }
        var lo = 0.0, hi = 1.0
        while try count(hi) < target {
            hi *= 2
            if hi > 1e4 { throw WidthError(why: "no scaling of the standard widths reaches \(target) parameters") }
        }
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            if try count(mid) < target { lo = mid } else { hi = mid }
        }
        let candidates = [widths(lo), widths(hi)]
        let best = try candidates.min { abs(try cost(widths: $0, imageSize: imageSize).parameters - target)
            < abs(try cost(widths: $1, imageSize: imageSize).parameters - target) }!
        let reached = try cost(widths: best, imageSize: imageSize).parameters
        guard Double(abs(reached - target)) <= tolerance * Double(target) else {
            throw WidthError(why: "the closest scaled widths have \(reached) parameters, more than \(tolerance * 100)% from \(target)")
        }
        return best
    }

    /// Widths drawn uniformly from [minWidth, maxWidth] per group, redrawn until the parameter count
    /// is within `tolerance` (relative) of `parameters`; an error after `maxDraws` draws.
    public func randomWidths(parameters target: Int, minWidth: Int, maxWidth: Int, tolerance: Double = 0.0015, imageSize: Int = 32,
                             maxDraws: Int = 5_000_000, using rng: inout some RandomNumberGenerator) throws -> [Int] {
        guard target > 0, minWidth >= 1, minWidth <= maxWidth else {
            throw WidthError(why: "budget \(target), widths [\(minWidth), \(maxWidth)]: need a positive budget and 1 <= min <= max")
        }
        let groups = dependencyGroups().count
        let fewest = try cost(widths: Array(repeating: minWidth, count: groups), imageSize: imageSize).parameters
        let most = try cost(widths: Array(repeating: maxWidth, count: groups), imageSize: imageSize).parameters
        guard Double(target) >= Double(fewest) * (1 - tolerance), Double(target) <= Double(most) * (1 + tolerance) else {
            throw WidthError(why: "no widths in [\(minWidth), \(maxWidth)] have \(target) parameters: they have \(fewest) to \(most)")
        }
        for _ in 0..<maxDraws {
            let widths = (0..<groups).map { _ in minWidth + rng.nextIndex(below: maxWidth - minWidth + 1) }
            if Double(abs(try cost(widths: widths, imageSize: imageSize).parameters - target)) <= tolerance * Double(target) { return widths }
        }
        throw WidthError(why: "\(maxDraws) random draws in [\(minWidth), \(maxWidth)] found no widths within \(tolerance * 100)% of \(target) parameters")
    }
}
