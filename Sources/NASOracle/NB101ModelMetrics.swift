/// The `nasbench.ModelMetrics` protobuf of one training run (official `model_metrics.proto`):
/// evaluations at step 0, halfway and at the end, and the trainable parameter count.
struct NB101ModelMetrics {
    /// One `EvaluationData`: accuracies are fractions (0...1), times in seconds.
    struct Evaluation {
        var epoch = Double.nan
        var trainingTime = Double.nan
        var trainAccuracy = Double.nan
        var validationAccuracy = Double.nan
        var testAccuracy = Double.nan
    }

    var evaluations: [Evaluation] = []
    var trainableParameters: Int?

    /// Parses the serialized message; unknown fields are skipped, as protobuf readers do.
    init(bytes: [UInt8]) throws {
        var reader = ProtobufWireReader(bytes[...])
        while let (field, value) = try reader.next() {
            switch (field, value) {
            case (1, .bytes(let message)):
                evaluations.append(try Self.evaluation(message))
            case (2, .varint(let count)):
                trainableParameters = Int(Int32(truncatingIfNeeded: count))
            case (1, _), (2, _):
                throw ProtobufWireReader.Malformed(why: "ModelMetrics field \(field) has the wrong wire type")
            default:
                continue
            }
        }
    }

    private static func evaluation(_ bytes: ArraySlice<UInt8>) throws -> Evaluation {
        var result = Evaluation()
        var reader = ProtobufWireReader(bytes)
        while let (field, value) = try reader.next() {
            guard (1...5).contains(field) else { continue }
            guard case .fixed64(let bits) = value else {
                throw ProtobufWireReader.Malformed(why: "EvaluationData field \(field) is not a double")
            }
            let number = Double(bitPattern: bits)
            switch field {
            case 1: result.epoch = number
            case 2: result.trainingTime = number
            case 3: result.trainAccuracy = number
            case 4: result.validationAccuracy = number
            default: result.testAccuracy = number
            }
        }
        return result
    }
}
