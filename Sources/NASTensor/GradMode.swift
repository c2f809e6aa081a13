/// Controls whether operations record the autodiff graph.
///
/// The switch is a task-local value, not global mutable state: it applies to
/// the current task (and the tasks it creates) for the duration of
/// ``withNoGrad(_:)``.
public enum GradMode {
    @TaskLocal static var enabled: Bool = true

    /// Whether operations currently record the graph.
    public static var isEnabled: Bool { enabled }

    /// Runs `body` in inference mode: no operation inside records anything,
    /// so results have no graph and `requiresGrad == false`.
    public static func withNoGrad<R>(_ body: () throws -> R) rethrows -> R {
        try $enabled.withValue(false) { try body() }
    }
}
