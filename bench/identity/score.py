"""Pairwise precision, recall and F1 of a de-duplication against the truth.

Usage: python score.py TRUTH.csv PRED.csv

TRUTH.csv has columns id,true_cluster; PRED.csv has id,cluster (the output of
`soleil dedup` or splink_dedup.py). A pair of records is a true pair when both
share a true cluster and a predicted pair when both share a predicted cluster.

    precision = |true pairs ∩ predicted pairs| / |predicted pairs|
    recall    = |true pairs ∩ predicted pairs| / |true pairs|
    F1        = 2 · precision · recall / (precision + recall)

Pairs are counted, not listed: with n_ij the number of records in true cluster i
and predicted cluster j, the common pairs are Σ C(n_ij, 2), the predicted pairs
Σ_j C(n_.j, 2) and the true pairs Σ_i C(n_i., 2), so the cost is O(records).
A truth id missing from PRED counts as a singleton (and is reported); a PRED id
not in the truth is reported and ignored. A ratio with a zero denominator is 0.
The last line printed is `F1=<value>`.
"""

import csv
import sys
from collections import Counter


def pairs(count):
    return count * (count - 1) // 2


def read_clusters(path, column):
    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        if reader.fieldnames is None or "id" not in reader.fieldnames or column not in reader.fieldnames:
            raise SystemExit(f"{path}: expected columns id,{column}, found {reader.fieldnames}")
        clusters = {}
        for row in reader:
            if row["id"] in clusters:
                raise SystemExit(f"{path}: id {row['id']!r} appears twice")
            clusters[row["id"]] = row[column]
        return clusters


def score(truth, predicted):
    """(precision, recall, f1, counts) for two dicts id -> cluster."""
    missing = [record for record in truth if record not in predicted]
    unknown = sum(1 for record in predicted if record not in truth)
    # A missing record becomes a cluster of its own: a key no real cluster can have.
    pred = {record: predicted.get(record, ("missing", record)) for record in truth}
    true_sizes = Counter(truth.values())
    pred_sizes = Counter(pred.values())
    cells = Counter((truth[record], pred[record]) for record in truth)
    true_pairs = sum(pairs(n) for n in true_sizes.values())
    pred_pairs = sum(pairs(n) for n in pred_sizes.values())
    common = sum(pairs(n) for n in cells.values())
    precision = common / pred_pairs if pred_pairs else 0.0
    recall = common / true_pairs if true_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    counts = {
        "records": len(truth),
        "true_pairs": true_pairs,
        "predicted_pairs": pred_pairs,
        "common_pairs": common,
        "missing_in_prediction": len(missing),
        "unknown_in_prediction": unknown,
    }
    return precision, recall, f1, counts


def main(argv):
    if len(argv) != 3:
        raise SystemExit("usage: python score.py TRUTH.csv PRED.csv")
    truth = read_clusters(argv[1], "true_cluster")
    predicted = read_clusters(argv[2], "cluster")
    precision, recall, f1, counts = score(truth, predicted)
    for name, value in counts.items():
        print(f"{name}={value}")
    print(f"precision={precision:.4f}")
    print(f"recall={recall:.4f}")
    print(f"F1={f1:.4f}")


if __name__ == "__main__":
    main(sys.argv)
