/// Pareto tools for minimisation problems: fast non-dominated sorting and crowding distance
/// (Deb et al., "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 2002),
/// and the exact two-objective hypervolume.
public enum Pareto {
    /// Whether `a` dominates `b`: no worse in every objective and better in one.
    public static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
        var better = false
        for (x, y) in zip(a, b) {
            if x > y { return false }
            if x < y { better = true }
        }
        return better
    }

    /// Indices of `points` grouped into fronts: front 0 is non-dominated, front 1 is
    /// non-dominated once front 0 is removed, and so on.
    public static func nonDominatedSort(_ points: [[Double]]) -> [[Int]] {
        let n = points.count
        var dominatedBy = [[Int]](repeating: [], count: n)
        var count = [Int](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                if dominates(points[i], points[j]) { dominatedBy[i].append(j) } else if dominates(points[j], points[i]) { count[i] += 1 }
            }
        }
        var fronts: [[Int]] = []
        var current = (0..<n).filter { count[$0] == 0 }
        while !current.isEmpty {
            fronts.append(current)
            var next: [Int] = []
            for i in current {
                for j in dominatedBy[i] {
                    count[j] -= 1
                    if count[j] == 0 { next.append(j) }
                }
            }
            current = next.sorted()
        }
        return fronts
    }

    /// Indices of the non-dominated two-objective `points` (the first front of
    /// ``nonDominatedSort(_:)``, ascending), in O(n log n) by a sweep over the first objective.
    public static func nonDominated2D(_ points: [[Double]]) -> [Int] {
        let order = points.indices.sorted {
            points[$0][0] != points[$1][0] ? points[$0][0] < points[$1][0] : points[$0][1] < points[$1][1]
        }
        var front: [Int] = [], bestY = Double.infinity
        var k = 0
        while k < order.count {
            // Points equal in both objectives do not dominate each other: keep them all.
            var j = k
            while j < order.count, points[order[j]] == points[order[k]] { j += 1 }
            if points[order[k]][1] < bestY {
                front += order[k..<j]
                bestY = points[order[k]][1]
            }
            k = j
        }
        return front.sorted()
    }

    /// Crowding distance of each member of `front` (indices into `points`), in the same
    /// order; the extremes of every objective get infinity.
    public static func crowdingDistance(_ front: [Int], _ points: [[Double]]) -> [Double] {
        var distance = [Double](repeating: 0, count: front.count)
        guard let first = front.first else { return distance }
        for m in 0..<points[first].count {
            let order = front.indices.sorted { points[front[$0]][m] < points[front[$1]][m] }
            guard let lo = order.first, let hi = order.last else { continue }
            distance[lo] = .infinity
            distance[hi] = .infinity
            let span = points[front[hi]][m] - points[front[lo]][m]
            guard span > 0, order.count > 2 else { continue }
            for k in 1..<(order.count - 1) {
                distance[order[k]] += (points[front[order[k + 1]]][m] - points[front[order[k - 1]]][m]) / span
            }
        }
        return distance
    }

    /// The area dominated by two-objective `points` (minimised) and bounded by `reference`;
    /// points not better than the reference in both objectives add nothing.
    public static func hypervolume2D(_ points: [[Double]], reference: [Double]) -> Double {
        let inside = points.filter { $0[0] < reference[0] && $0[1] < reference[1] }.sorted {
            $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1]
        }
        var area = 0.0, bestY = reference[1]
        for p in inside where p[1] < bestY {
            area += (reference[0] - p[0]) * (bestY - p[1])
            bestY = p[1]
        }
        return area
    }
}
