import Foundation
import NASSpaces

/// Enumerates the NAS-Bench-101 space and deduplicates it by the official module hash: the
/// canonical models (one per isomorphism class), then the MD5 hash of each. The hash is invariant
/// under relabelling, so all valid specs give exactly as many hashes as there are distinct hashes
/// here; the paper's count is 423,624. Prints JSON Lines; false if a count is off.
func enumerateNB101() -> Bool {
    let clock = ContinuousClock()
    var start = clock.now
    let models = NB101Space().allModels()
    let enumerate = seconds(clock.now - start)
    start = clock.now
    var hashes = Set<String>(minimumCapacity: models.count)
    for model in models { hashes.insert(model.graphHash()) }
    let hashing = seconds(clock.now - start)
    emit([
        "tool": "nasbench", "task": "nb101 enumerate models", "seconds": enumerate, "models": models.count,
    ])
    emit([
        "tool": "nasbench", "task": "nb101 module hash of every model", "seconds": hashing,
        "distinct_hashes": hashes.count, "expected": NB101Cell.uniqueCount,
    ])
    return models.count == NB101Cell.uniqueCount && hashes.count == NB101Cell.uniqueCount
}
