/// Carries a non-`Sendable` value into a synchronous fork-join region whose
/// workers touch disjoint data.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
