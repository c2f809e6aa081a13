/// The split the image encoder (`nasbench metad2a train-encoder`) and its prototype report share:
/// per class, in ascending image order, every `holdoutEvery`-th image (positions holdoutEvery-1,
/// 2*holdoutEvery-1, ...) is held out: never trained on, the queries of the report. No seed, so any
/// run (and any reader of the docs) finds the same images.
extension MetaTaskPool.Member {
    /// Per class: the images training may use, and the held-out images.
    public func encoderSplit(holdoutEvery: Int) -> (training: [[Int]], heldOut: [[Int]]) {
        precondition(holdoutEvery >= 2, "encoderSplit: holdoutEvery must be at least 2")
        var training: [[Int]] = [], heldOut: [[Int]] = []
        for images in classImages {
            training.append(images.enumerated().filter { ($0.offset + 1) % holdoutEvery != 0 }.map(\.element))
            heldOut.append(images.enumerated().filter { ($0.offset + 1) % holdoutEvery == 0 }.map(\.element))
        }
        return (training, heldOut)
    }

    /// The set's per-channel mean and standard deviation on [0, 1] over all its images: the
    /// encoder's per-dataset normalisation (the authors normalise each set by its own statistics,
    /// process_dataset.py `get_transform`).
    public var normalisation: (mean: [Double], std: [Double]) { images.channelStatistics() }
}
