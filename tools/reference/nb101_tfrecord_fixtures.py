#!/usr/bin/env python3
"""Small NAS-Bench-101 data files in the official format, valid and broken, for nasbench's tests.

The official files (`nasbench_only108.tfrecord`, `nasbench_full.tfrecord`; google-research/nasbench,
`api.py`) are TFRecord files: each record is `uint64 length, uint32 masked CRC-32C of the length,
data, uint32 masked CRC-32C of the data` (little-endian), and each record's data is the UTF-8 JSON
list `[module_hash, epochs, adjacency, operations, metrics]`: the pruned adjacency matrix as a
string of row-major digits, the op names joined by ',', and a base64 `nasbench.ModelMetrics`
protobuf (`model_metrics.proto`: `repeated EvaluationData evaluation_data = 1`,
`int32 trainable_parameters = 2`, `double total_time = 3`; `EvaluationData`: `double
current_epoch = 1, training_time = 2, train_accuracy = 3, validation_accuracy = 4,
test_accuracy = 5`, `string checkpoint_path = 6`). Each (model, epochs) is trained three times;
`evaluation_data` holds the evaluations at step 0, halfway and at the end.

Needs `protobuf` and `crc32c` (tools/requirements.txt); the protobuf messages are built from
descriptors here, so no protoc is needed. Output is deterministic.

    python3 tools/reference/nb101_tfrecord_fixtures.py Tests/NASOracleTests/Fixtures/nb101
"""
import base64
import json
import os
import struct
import sys

import crc32c
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

# Hashes from the official graph code (tools/reference/nb101_reference_hashes.py vectors).
MODELS = [
    # (module_hash, pruned adjacency rows, ops, trainable parameters)
    ("28cfc7874f6d200472e1a9dcd8650aa0",
     ["0111010", "0000001", "0000001", "0000100", "0000001", "0000001", "0000000"],
     ["input", "conv1x1-bn-relu", "conv3x3-bn-relu", "conv3x3-bn-relu", "conv3x3-bn-relu", "maxpool3x3", "output"],
     2694282),
    ("d32d0b26d534203b48d866facd98cc3e", ["011", "001", "000"], ["input", "conv3x3-bn-relu", "output"], 1157258),
    ("043721b9c7fe8c5fad811d47d83132ec", ["01", "00"], ["input", "output"], 227274),
]


def metrics_class():
    """nasbench.ModelMetrics built from a descriptor equal to model_metrics.proto."""
    proto = descriptor_pb2.FileDescriptorProto(name="model_metrics.proto", package="nasbench", syntax="proto2")
    evaluation = proto.message_type.add(name="EvaluationData")
    fields = [("current_epoch", 1, "TYPE_DOUBLE"), ("training_time", 2, "TYPE_DOUBLE"),
              ("train_accuracy", 3, "TYPE_DOUBLE"), ("validation_accuracy", 4, "TYPE_DOUBLE"),
              ("test_accuracy", 5, "TYPE_DOUBLE"), ("checkpoint_path", 6, "TYPE_STRING")]
    for name, number, kind in fields:
        evaluation.field.add(name=name, number=number, type=getattr(descriptor_pb2.FieldDescriptorProto, kind),
                             label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL)
    metrics = proto.message_type.add(name="ModelMetrics")
    metrics.field.add(name="evaluation_data", number=1, type=descriptor_pb2.FieldDescriptorProto.TYPE_MESSAGE,
                      type_name=".nasbench.EvaluationData", label=descriptor_pb2.FieldDescriptorProto.LABEL_REPEATED)
    metrics.field.add(name="trainable_parameters", number=2, type=descriptor_pb2.FieldDescriptorProto.TYPE_INT32,
                      label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL)
    metrics.field.add(name="total_time", number=3, type=descriptor_pb2.FieldDescriptorProto.TYPE_DOUBLE,
                      label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(proto)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("nasbench.ModelMetrics"))


def masked_crc(data):
    crc = crc32c.crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def frame(data):
    length = struct.pack("<Q", len(data))
    return length + struct.pack("<I", masked_crc(length)) + data + struct.pack("<I", masked_crc(data))


def accuracy(model, epochs, repeat, split):
    """Made-up but recomputable numbers: fractions in [0, 1] as the official files store them."""
    return round(0.5 + 0.1 * model + 0.004 * epochs / 4 + 0.01 * repeat + 0.001 * split, 6)


def payloads(ModelMetrics, epoch_budgets):
    for epochs in epoch_budgets:
        for index, (key, rows, ops, params) in enumerate(MODELS):
            for repeat in range(3):
                metrics = ModelMetrics(trainable_parameters=params, total_time=100.0 * epochs)
                for step, fraction in enumerate((0.0, 0.5, 1.0)):
                    metrics.evaluation_data.add(
                        current_epoch=epochs * fraction, training_time=10.0 * epochs * fraction + repeat,
                        train_accuracy=accuracy(index, epochs, repeat, 0) * fraction,
                        validation_accuracy=accuracy(index, epochs, repeat, 1) * fraction,
                        test_accuracy=accuracy(index, epochs, repeat, 2) * fraction,
                        checkpoint_path=f"/model_dir/model.ckpt-{step}")
                record = [key, epochs, "".join(rows), ",".join(ops),
                          base64.b64encode(metrics.SerializeToString()).decode("ascii")]
                yield json.dumps(record).encode("utf-8")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(folder, exist_ok=True)
    ModelMetrics = metrics_class()
    only108 = [frame(p) for p in payloads(ModelMetrics, [108])]
    full = [frame(p) for p in payloads(ModelMetrics, [4, 12, 36, 108])]
    files = {"only108.tfrecord": b"".join(only108), "full.tfrecord": b"".join(full)}
    # Broken files: each must be rejected with a message naming the record and the problem.
    data_crc = bytearray(only108[1])
    data_crc[12 + 5] ^= 0x01  # a flipped bit in record 1's data
    files["bad-data-crc.tfrecord"] = only108[0] + bytes(data_crc) + b"".join(only108[2:])
    length_crc = bytearray(only108[2])
    length_crc[8] ^= 0xFF  # record 2's length checksum
    files["bad-length-crc.tfrecord"] = b"".join(only108[:2]) + bytes(length_crc)
    files["truncated.tfrecord"] = b"".join(only108[:3]) + only108[3][: len(only108[3]) // 2]
    files["truncated-header.tfrecord"] = only108[0] + only108[1][:5]
    bad_hash = json.loads(next(payloads(ModelMetrics, [108])))
    bad_hash[0] = "0" * 32
    files["wrong-hash.tfrecord"] = frame(json.dumps(bad_hash).encode())
    bad_base64 = json.loads(next(payloads(ModelMetrics, [108])))
    bad_base64[4] = "not base64!"
    files["bad-base64.tfrecord"] = frame(json.dumps(bad_base64).encode())
    files["bad-json.tfrecord"] = frame(b'["28cfc7874f6d200472e1a9dcd8650aa0", 108')
    files["bad-protobuf.tfrecord"] = frame(json.dumps(
        [MODELS[2][0], 108, "0100", "input,output", base64.b64encode(b"\x0a\x50\x09").decode()]).encode())
    for name, data in sorted(files.items()):
        with open(os.path.join(folder, name), "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main()
