import Foundation
import NASMetaD2A
import NASTensor
import TestSupport
import XCTest

/// Runs tools/reference/metad2a_models_reference.py on a model's parameters and inputs and returns,
/// per output, the float64 reference value and its first-order Float32 error magnitude.
enum ModelReference {
    struct Output: Decodable {
        let values: [String: [Double]]
        let magnitudes: [String: [Double]]
    }

    /// `model` is `generator` or `predictor`; `config` the sizes the script reads.
    static func evaluate(_ model: String, parameters: [(String, Tensor)], config: [String: Double], tasks: [Tensor],
                         graphs: [MetaD2AGraph], noise: Tensor? = nil, targets: [Float] = [],
                         extra: [String: Tensor] = [:]) throws -> Output {
        try ReferencePython.require(["numpy"])
        func array(_ t: Tensor) -> String {
            "{\"shape\": [\(t.shape.map(String.init).joined(separator: ","))], \"data\": [\(t.data.map { "\($0)" }.joined(separator: ","))]}"
        }
        let state = parameters.map { "\"\($0.0)\": \(array($0.1))" }.joined(separator: ", ")
        let graphText = graphs.map { g in
            "{\"types\": [\(g.types.map { String($0.rawValue) }.joined(separator: ","))], \"predecessors\": [\(g.predecessors.map { "[\($0.map(String.init).joined(separator: ","))]" }.joined(separator: ","))]}"
        }.joined(separator: ", ")
        let configText = config.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        let json = "{\"config\": {\(configText)}, \"state\": {\(state)}, \"tasks\": [\(tasks.map(array).joined(separator: ", "))], "
            + "\"graphs\": [\(graphText)], \"noise\": \(noise.map(array) ?? "null"), \"targets\": [\(targets.map { "\($0)" }.joined(separator: ","))]"
            + extra.map { ", \"\($0.key)\": \(array($0.value))" }.joined() + "}"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("metad2a-\(model)-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try ReferencePython.runTool("reference/metad2a_models_reference.py", [model, path])
        return try JSONDecoder().decode(Output.self, from: out)
    }

    /// Asserts `|actual - value| <= gamma(2) * magnitude` for output `name` (Float32Tolerance).
    static func assertMatches(_ actual: Tensor, _ output: Output, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let value = output.values[name], let magnitude = output.magnitudes[name] else {
            return XCTFail("reference has no output \(name)", file: file, line: line)
        }
        assertWithinFloat32Bound(actual.data, value, magnitude: magnitude, roundings: 2, what: name, file: file, line: line)
    }
}
