import Foundation
import NASOracle
import NASPredictors

extension PredictorExperiment {
    /// The resolved configuration written to `config.json` (the runner adds `trials`, the
    /// number of runner trials): table, label column, encoding, every hyperparameter of every
    /// predictor run, train sizes, seeds and the schema version.
    public func config() throws -> [String: Any] {
        let provenance: Any = (try? JSONSerialization.jsonObject(with: Data(tableMetadata.provenance.utf8)))
            ?? tableMetadata.provenance
        let allSettings = try settings.jsonObject()
        var hyperparameters: [String: Any] = [:]
        for kind in kinds { hyperparameters[kind.rawValue] = allSettings[kind.rawValue] }
        let column = data.column
        return [
            "schema_version": Self.schemaVersion,
            "nasbench_version": nasbenchVersion,
            "experiment": "predictors",
            "table": [
                "path": tablePath, "sha256": tableSHA256, "cells": tableRows,
                "provenance_sha256": SHA256Digest.hex(of: tableMetadata.provenance), "provenance": provenance,
                "source": tableMetadata.source,
            ] as [String: Any],
            "label": [
                "column": column.name, "dataset": column.dataset.rawValue, "split": column.split.rawValue,
                "metric": column.metric.rawValue, "epochs": column.epochs.map { $0 as Any } ?? NSNull(),
                "seed": column.seed.map { "seed\($0)" } ?? "mean", "higher_is_better": data.higherIsBetter,
                "labelled_cells": data.count, "dropped_cells": data.droppedRows, "drop_missing_labels": dropMissingLabels,
            ] as [String: Any],
            "encoding": data.encoding.rawValue,
            "feature_count": data.features.columnCount,
            "predictors": kinds.map(\.rawValue),
            "hyperparameters": hyperparameters,
            "random_streams": Dictionary(uniqueKeysWithValues: kinds.map { ($0.rawValue, $0.streamID) }),
            "train_sizes": trainSizes,
            "trials_per_size": repeats,
            "seed": seed,
            "seeds": "split: TrialSeed.derive(seed, repeat); fit: TrialSeed.derive(seed, repeat, stream: random_streams[predictor])",
            "metrics": [
                "top_k": PredictorMetrics.topK,
                "precision_at_k": "fraction of the k best held-out cells that are among the k best predicted (ties by table row)",
                "std": "sample standard deviation (n - 1) over trials",
            ] as [String: Any],
        ]
    }
}
