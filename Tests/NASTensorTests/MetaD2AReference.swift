import TestSupport

/// NumPy snippets for `helperTestOp` that call tools/reference/metad2a_reference.py (imported as
/// `R`), the restatements of the engine pieces MetaD2A needs, and their Float32 bounds from
/// tools/reference/f32_bound.py.
enum MetaD2AReference {
    /// The folder holding the reference modules.
    static let directory = ReferencePython.packageRoot + "/tools/reference"

    /// `out = <expression>` with the reference module imported as `R`.
    static func snippet(_ expression: String) -> String {
        "import sys\nsys.path.insert(0, '\(directory)')\nimport metad2a_reference as R\nout = \(expression)"
    }

    /// `R.<function>(x[0], ..., x[inputs - 1], <extra>)`.
    static func call(_ function: String, inputs: Int, _ extra: String = "") -> String {
        let args = (0..<inputs).map { "x[\($0)]" } + (extra.isEmpty ? [] : [extra])
        return "R.\(function)(\(args.joined(separator: ", ")))"
    }

    /// The bound `gamma(2) * m` with `m` the first-order error coefficient of the engine's
    /// composition (f32_bound.magnitude): twice the first-order Float32 bound.
    static func bound(_ function: String, inputs: Int, _ extra: String = "") -> ForwardBound {
        let args = (0..<inputs).map { "x[\($0)]" } + (extra.isEmpty ? [] : [extra])
        return .magnitude(roundings: 2, numpy: snippet("R.magnitude(R.\(function), \(args.joined(separator: ", ")))"))
    }
}
