import NASSpaces

/// Grows one CART regression tree (Breiman et al. 1984) with the squared-error criterion,
/// following scikit-learn's `DecisionTreeRegressor` (best splitter, depth first):
///
/// - a node is a leaf when it is at `maxDepth`, has fewer than `minSamplesSplit` or
///   `2 * minSamplesLeaf` samples, or its labels are constant;
/// - otherwise features are drawn without replacement: `maxFeatures` of them, or more while
///   every feature drawn so far is constant in the node (scikit-learn's rule); for each
///   non-constant one, every threshold between consecutive distinct values that leaves
///   `minSamplesLeaf` samples on both sides is scored by the weighted squared-error reduction
///   (equivalently the proxy `S_L^2 / W_L + S_R^2 / W_R`), and the best one wins (the first in
///   draw order on ties). Thresholds are midpoints; rows with `x <= threshold` go left.
///
/// Samples carry weights (bootstrap counts); sample counts, as in scikit-learn, count distinct
/// rows. The builder owns scratch buffers, so one builder grows trees one after another.
struct TreeBuilder {
    /// Feature columns: `columns[c][row]`.
    let columns: [[Double]]
    /// Labels per row.
    let labels: [Double]
    /// Growth limits.
    let parameters: TreeParameters

    /// Values closer than this count as equal (scikit-learn's `FEATURE_THRESHOLD`).
    static let featureTolerance = 1e-7

    private var samples: [Int] = []
    private var weights: [Double] = []
    private var sortValues: [Double] = []
    private var sortSamples: [Int] = []

    init(columns: [[Double]], labels: [Double], parameters: TreeParameters) {
        self.columns = columns
        self.labels = labels
        self.parameters = parameters
    }

    /// The best split of a node: feature, threshold, and the number of samples going left.
    private struct Split {
        var feature: Int
        var threshold: Double
        var proxy: Double
    }

    /// A node waiting to be grown: its sample range, depth, and where to link it.
    private struct Pending {
        var start: Int
        var end: Int
        var depth: Int
        var parent: Int
        var isLeft: Bool
    }

    /// Grows a tree on the rows with positive `rowWeights[row]` (e.g. bootstrap counts).
    mutating func build(rowWeights: [Double], using generator: inout SplitMix64) -> RegressionTree {
        weights = rowWeights
        samples = rowWeights.indices.filter { rowWeights[$0] > 0 }
        var tree = RegressionTree()
        var stack = [Pending(start: 0, end: samples.count, depth: 0, parent: -1, isLeft: false)]
        while let node = stack.popLast() {
            let (weight, sum, impurity) = statistics(node.start, node.end)
            let index = tree.appendNode(value: sum / weight)
            if node.parent >= 0 {
                if node.isLeft {
                    tree.left[node.parent] = Int32(index)
                } else {
                    tree.right[node.parent] = Int32(index)
                }
            }
            let count = node.end - node.start
            let isLeaf = node.depth >= (parameters.maxDepth ?? Int.max) || count < parameters.minSamplesSplit
                || count < 2 * parameters.minSamplesLeaf || impurity <= Double.ulpOfOne
            guard !isLeaf, let split = bestSplit(node.start, node.end, using: &generator) else { continue }
            let middle = partition(node.start, node.end, split)
            tree.feature[index] = Int32(split.feature)
            tree.threshold[index] = split.threshold
            stack.append(Pending(start: middle, end: node.end, depth: node.depth + 1, parent: index, isLeft: false))
            stack.append(Pending(start: node.start, end: middle, depth: node.depth + 1, parent: index, isLeft: true))
        }
        return tree
    }

    /// Total weight, weighted label sum and weighted label variance of `samples[start..<end]`.
    private func statistics(_ start: Int, _ end: Int) -> (weight: Double, sum: Double, impurity: Double) {
        var weight = 0.0, sum = 0.0
        for position in start..<end {
            let row = samples[position]
            weight += weights[row]
            sum += weights[row] * labels[row]
        }
        let mean = sum / weight
        var squares = 0.0
        for position in start..<end {
            let row = samples[position]
            squares += weights[row] * (labels[row] - mean) * (labels[row] - mean)
        }
        return (weight, sum, squares / weight)
    }

    /// The best split of `samples[start..<end]`, or `nil` when no feature admits one.
    private mutating func bestSplit(_ start: Int, _ end: Int, using generator: inout SplitMix64) -> Split? {
        var candidates = Array(0..<columns.count)
        var remaining = candidates.count
        var visited = 0, examined = 0
        var best: Split?
        while remaining > 0, visited < parameters.maxFeatures || examined == 0 {
            let drawn = Int(generator.nextUniform(below: UInt64(remaining)))
            remaining -= 1
            candidates.swapAt(drawn, remaining)
            let feature = candidates[remaining]
            visited += 1
            guard sortNode(start, end, by: feature) else { continue }
            examined += 1
            if let split = bestThreshold(feature: feature), split.proxy > (best?.proxy ?? -.infinity) {
                best = split
            }
        }
        return best
    }

    /// Fills `sortValues`/`sortSamples` with the node's samples stably sorted by `feature` and
    /// returns true, or returns false when the feature is constant in the node (nothing sorted).
    ///
    /// Constant features are found by one min/max pass, and a feature with two values in the
    /// node (every one-hot feature) is split by a stable partition instead of a sort: the same
    /// order a stable sort gives, in linear time.
    private mutating func sortNode(_ start: Int, _ end: Int, by feature: Int) -> Bool {
        let column = columns[feature]
        var low = Double.infinity, high = -Double.infinity
        var twoValued = true
        for position in start..<end {
            let value = column[samples[position]]
            low = min(low, value)
            high = max(high, value)
        }
        guard high > low + Self.featureTolerance else { return false }
        for position in start..<end where column[samples[position]] != low && column[samples[position]] != high {
            twoValued = false
            break
        }
        sortSamples.removeAll(keepingCapacity: true)
        sortValues.removeAll(keepingCapacity: true)
        if twoValued {
            for position in start..<end where column[samples[position]] == low { sortSamples.append(samples[position]) }
            let lowCount = sortSamples.count
            for position in start..<end where column[samples[position]] == high { sortSamples.append(samples[position]) }
            sortValues.append(contentsOf: repeatElement(low, count: lowCount))
            sortValues.append(contentsOf: repeatElement(high, count: sortSamples.count - lowCount))
        } else {
            sortSamples.append(contentsOf: samples[start..<end])
            sortSamples.sort { column[$0] < column[$1] }
            for sample in sortSamples { sortValues.append(column[sample]) }
        }
        return true
    }

    /// The best threshold on the sorted node (`sortValues`, `sortSamples`).
    private func bestThreshold(feature: Int) -> Split? {
        let count = sortSamples.count
        var totalWeight = 0.0, totalSum = 0.0
        for row in sortSamples {
            totalWeight += weights[row]
            totalSum += weights[row] * labels[row]
        }
        var leftWeight = 0.0, leftSum = 0.0
        var best: Split?
        let minLeaf = parameters.minSamplesLeaf
        for position in 1..<count {
            let row = sortSamples[position - 1]
            leftWeight += weights[row]
            leftSum += weights[row] * labels[row]
            guard sortValues[position] > sortValues[position - 1] + Self.featureTolerance,
                position >= minLeaf, count - position >= minLeaf
            else { continue }
            let rightWeight = totalWeight - leftWeight, rightSum = totalSum - leftSum
            let proxy = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight
            if proxy > (best?.proxy ?? -.infinity) {
                let low = sortValues[position - 1], high = sortValues[position]
                var threshold = low / 2 + high / 2
                if threshold == high || !threshold.isFinite {
                    threshold = low
                }
                best = Split(feature: feature, threshold: threshold, proxy: proxy)
            }
        }
        return best
    }

    /// Moves the samples with `x <= threshold` to the front of the range; returns the boundary.
    private mutating func partition(_ start: Int, _ end: Int, _ split: Split) -> Int {
        let column = columns[split.feature]
        var middle = start
        for position in start..<end where column[samples[position]] <= split.threshold {
            samples.swapAt(position, middle)
            middle += 1
        }
        return middle
    }
}
