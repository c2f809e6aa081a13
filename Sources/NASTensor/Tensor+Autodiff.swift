extension Tensor {
    /// Back-propagates from this tensor through the recorded graph.
    ///
    /// With no `seed`, `self` must hold exactly one element and its gradient is
    /// taken as 1. Gradients are *accumulated* into ``gradStorage`` of every
    /// leaf with ``requiresGrad``; intermediate gradients are released and the
    /// graph is freed, so call this once per forward pass.
    public func backward(seed: [Float]? = nil) {
        if let seed {
            precondition(seed.count == count,
                         "Tensor.backward(seed:): seed has \(seed.count) elements, tensor shape is \(shape)")
        } else {
            precondition(count == 1, "Tensor.backward(): needs a one-element tensor or a seed, shape is \(shape)")
        }
        guard requiresGrad else { return }
        let order = topologicalOrder()
        var grads: [ObjectIdentifier: Gradient] = [:]
        grads[ObjectIdentifier(self)] = .plain(seed ?? [Float](repeating: 1, count: count))
        for t in order.reversed() {
            guard let node = t.node else {
                // A leaf: accumulate what reached it.
                if let g = grads.removeValue(forKey: ObjectIdentifier(t)) { t.accumulateGrad(g.rowMajor) }
                continue
            }
            guard let g = grads.removeValue(forKey: ObjectIdentifier(t)) else { continue }
            let parentGrads = node.backward(g)
            precondition(parentGrads.count == node.parents.count, "internal: backward returned wrong gradient count")
            for (p, pg) in zip(node.parents, parentGrads) {
                guard p.requiresGrad, let pg else { continue }
                precondition(pg.fits(p.shape, count: p.count), "internal: a gradient that does not fit shape \(p.shape)")
                let key = ObjectIdentifier(p)
                if let existing = grads.removeValue(forKey: key) {
                    grads[key] = existing + pg
                } else {
                    grads[key] = pg
                }
            }
            t.node = nil
        }
    }

    /// Adds `g` to the stored gradient.
    func accumulateGrad(_ g: [Float]) {
        if var existing = gradStorage {
            gradStorage = nil
            Kernels.addInPlace(&existing, g)
            gradStorage = existing
        } else {
            gradStorage = g
        }
    }

    /// Every tensor reachable from `self` that needs a gradient, parents first.
    private func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        // Iterative DFS; a frame is (tensor, index of next parent to visit).
        var stack: [(Tensor, Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while let frame = stack.popLast() {
            let (t, i) = frame
            let parents = t.node?.parents ?? []
            if i < parents.count {
                stack.append((t, i + 1))
                let p = parents[i]
                if p.requiresGrad, visited.insert(ObjectIdentifier(p)).inserted {
                    stack.append((p, 0))
                }
            } else {
                order.append(t)
            }
        }
        return order
    }
}
