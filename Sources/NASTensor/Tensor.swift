/// A dense, contiguous, row-major tensor of `Float` values that can take part
/// in reverse-mode automatic differentiation.
///
/// `Tensor` is a reference type: an operation records its inputs (its
/// *parents*) and a closure that maps the gradient of its output to gradients
/// of its inputs. Calling ``backward()`` on a scalar result walks that graph in
/// reverse topological order and accumulates ``grad`` on every tensor that has
/// ``requiresGrad`` set. Inside ``GradMode/withNoGrad(_:)`` nothing is recorded.
///
/// A tensor is not `Sendable`; share raw `[Float]` data between tasks instead.
public final class Tensor {
    /// The size of every dimension, outermost first. A scalar has shape `[]`.
    public let shape: [Int]

    /// The elements in row-major order; `data.count == shape.product`.
    ///
    /// Change values with ``assign(_:)`` or ``withMutableData(_:)``; neither
    /// records anything in the graph.
    ///
    /// A result of a oneDNN op (and of the blocked-aware ops after it) may hold its values in the primitive's
    /// blocked layout instead (``blocked``, docs/PERFORMANCE.md "Layouts"); the first read of
    /// `data` converts them to row-major once.
    public internal(set) var data: [Float] {
        _read {
            if blocked != nil { materializeBlocked() }
            yield storage
        }
        _modify {
            if blocked != nil { materializeBlocked() }
            yield &storage
        }
    }

    /// The row-major values; empty while ``blocked`` holds them.
    private var storage: [Float]

    /// The values in a oneDNN blocked layout, when the op that made this tensor left them there
    /// (results of ``conv2d(weight:bias:stride:padding:dilation:groups:)`` and of
    /// the blocked-aware ops after it); `nil` once ``data`` has been read.
    private(set) var blocked: DNNLBlockedData?

    /// Whether gradients should be accumulated for this tensor (a leaf
    /// parameter) or flow through it (an intermediate result).
    public var requiresGrad: Bool

    /// The accumulated gradient, same element count as ``data``, or `nil` if
    /// no gradient has reached this tensor since the last ``zeroGrad()``.
    public var gradStorage: [Float]?

    /// The recorded operation that produced this tensor, `nil` for leaves.
    var node: GraphNode?

    /// Creates a leaf tensor from a shape and row-major data.
    ///
    /// - Precondition: `data.count` equals the product of `shape`, and no
    ///   dimension is negative.
    public init(shape: [Int], data: [Float], requiresGrad: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor(shape:data:): negative dimension in shape \(shape)")
        let count = shape.reduce(1, *)
        precondition(data.count == count,
                     "Tensor(shape:data:): shape \(shape) needs \(count) elements, got \(data.count)")
        self.shape = shape
        self.storage = data
        self.count = count
        self.blocked = nil
        self.requiresGrad = requiresGrad
        self.gradStorage = nil
        self.node = nil
    }

    /// A tensor whose values are held in a oneDNN blocked layout.
    init(shape: [Int], blocked: DNNLBlockedData) {
        precondition(blocked.dims == shape, "internal: blocked data of \(blocked.dims) for a tensor of \(shape)")
        self.shape = shape
        self.storage = []
        self.count = shape.reduce(1, *)
        self.blocked = blocked
        self.requiresGrad = false
        self.gradStorage = nil
        self.node = nil
    }

    /// Converts ``blocked`` to row-major ``data`` (once).
    private func materializeBlocked() {
        guard let b = blocked else { return }
        storage = b.rowMajor()
        blocked = nil
    }

    /// Creates a rank-0 tensor holding `value`.
    public convenience init(_ value: Float, requiresGrad: Bool = false) {
        self.init(shape: [], data: [value], requiresGrad: requiresGrad)
    }

    /// Creates a tensor of the given shape filled with `value`.
    public convenience init(repeating value: Float, shape: [Int], requiresGrad: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor(repeating:shape:): negative dimension in shape \(shape)")
        self.init(shape: shape, data: [Float](repeating: value, count: shape.reduce(1, *)),
                  requiresGrad: requiresGrad)
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The number of elements.
    public let count: Int

    /// The single value of a one-element tensor.
    public var item: Float {
        precondition(count == 1, "Tensor.item: needs exactly one element, shape is \(shape)")
        return data[0]
    }

    /// The gradient as a tensor of the same shape, if one has been accumulated.
    public var grad: Tensor? {
        guard let g = gradStorage else { return nil }
        return Tensor(shape: shape, data: g)
    }

    /// Replaces all values (not recorded in the graph).
    ///
    /// - Precondition: `values.count == count`.
    public func assign(_ values: [Float]) {
        precondition(values.count == count,
                     "Tensor.assign: shape \(shape) needs \(count) elements, got \(values.count)")
        blocked = nil
        storage = values
    }

    /// Gives in-place mutable access to the values (not recorded in the graph).
    public func withMutableData<R>(_ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        try data.withUnsafeMutableBufferPointer { try body(&$0) }
    }

    /// Clears the accumulated gradient.
    public func zeroGrad() { gradStorage = nil }

    /// A new leaf tensor sharing no graph history with `self` (data is copied
    /// on write).
    public func detached() -> Tensor { Tensor(shape: shape, data: data) }

    /// Makes the result of an operation, recording `backward` when gradient
    /// recording is enabled and any parent needs a gradient.
    ///
    /// `backward` receives the gradient of the result and returns one
    /// gradient array per parent (`nil` for parents that need none).
    static func makeResult(shape: [Int], data: [Float], parents: [Tensor],
                           backward: @escaping ([Float]) -> [[Float]?]) -> Tensor {
        Tensor(shape: shape, data: data).recording(parents) { GraphNode(parents: parents, backward: backward) }
    }

    /// ``makeResult(shape:data:parents:backward:)`` with a backward pass that takes the output
    /// gradient in either layout and may answer blocked.
    static func makeLayoutAwareResult(shape: [Int], data: [Float], parents: [Tensor],
                                      backward: @escaping (Gradient) -> [Gradient?]) -> Tensor {
        Tensor(shape: shape, data: data).recording(parents) { GraphNode(parents: parents, layoutAwareBackward: backward) }
    }

    /// Makes a result held in a blocked layout, recording `backward` (which receives the output
    /// gradient in either layout and answers in either) when recording is on and a parent needs it.
    static func makeBlockedResult(shape: [Int], blocked: DNNLBlockedData, parents: [Tensor],
                                  backward: @escaping (Gradient) -> [Gradient?]) -> Tensor {
        Tensor(shape: shape, blocked: blocked).recording(parents) { GraphNode(parents: parents, layoutAwareBackward: backward) }
    }

    /// Attaches the node `make` builds when gradient recording is on and a parent needs a gradient.
    private func recording(_ parents: [Tensor], _ make: () -> GraphNode) -> Tensor {
        if GradMode.isEnabled, parents.contains(where: { $0.requiresGrad }) {
            requiresGrad = true
            node = make()
        }
        return self
    }
}

extension Tensor: CustomStringConvertible {
    /// A short description with the shape and up to eight leading values.
    public var description: String {
        let head = data.prefix(8).map { String($0) }.joined(separator: ", ")
        return "Tensor(shape: \(shape), data: [\(head)\(data.count > 8 ? ", ..." : "")])"
    }
}
