// The seeded generators every search space samples with live in NASCore, shared with the
// tensor engine; users of NASSpaces get them with it.
@_exported import NASCore
