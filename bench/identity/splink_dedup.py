"""De-duplicate person records with Splink 4 (DuckDB), configured as Splink's documentation does.

Usage: python splink_dedup.py --input X.csv --output Y.csv [--threshold 0.95] [--max-pairs 1e7]

Input: SOLEIL's dedup CSV (id,given_name,surname,date_of_birth YYYY-MM-DD,sex,nationality,
place_of_birth, other columns optional). Output: id,cluster for every input row (a record
that matched nothing is a cluster of its own).

The settings follow Splink's own examples for person de-duplication
(docs/demos/examples/duckdb in the Splink repository):

* When the FEBRL columns are present (soc_sec_id, street_number, postcode), the
  "Deduplicating the febrl3 dataset" example: NameComparison on given_name and on
  surname, DateOfBirthComparison, DamerauLevenshteinAtThresholds(soc_sec_id, [2]),
  ExactMatch with term frequencies on street_number and postcode; prediction blocking
  on soc_sec_id, given_name, surname, date_of_birth, postcode; the prior from
  deterministic rules (soc_sec_id; given+surname+dob; names swapped + dob) at recall
  0.9; u by random sampling; m by EM blocked on date_of_birth, then on postcode.
* Otherwise (the migrant set), the "historical_50k" example for persons:
  ForenameSurnameComparison (Jaro-Winkler levels, names swapped, term frequencies on
  the concatenated name), DateOfBirthComparison (with term frequencies, for the
  placeholder dates), ExactMatch with term frequencies on
  place_of_birth, ExactMatch on sex and nationality, and on phone when the column is
  there; prediction blocking rules on pieces of names and date of birth (prefixes of
  given name and surname with the birth year, also crossed for swapped names; surname
  prefix + date; given-name prefix + date; nationality + date; place + birth year;
  phone), checked to hold nearly all true pairs of the migrant set; the prior from deterministic rules at recall
  0.6; u by random sampling; m by EM blocked on phone (given_name+surname when there
  is no phone), then on date_of_birth (estimate_without_term_frequencies, as the
  example does). See README.md for why phone rather than the example's names.

Both then predict, and cluster with cluster_pairwise_predictions_at_threshold at
--threshold (0.95 by default, as the 50k example; pairs under it are not kept).
Cleaning, as Splink's data-preparation advice: text trimmed and lower-cased, runs of
spaces collapsed, empty strings as nulls; phones reduced to their last 10 digits.
"""

import argparse
import logging
import time

import duckdb
import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

FEBRL_COLUMNS = {"soc_sec_id", "street_number", "postcode"}


def load(path):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in frame.columns:
        if column == "id":
            continue
        cleaned = frame[column].str.strip().str.lower().str.replace(r"\s+", " ", regex=True)
        if column == "phone":
            cleaned = cleaned.str.replace(r"\D", "", regex=True).str[-10:]
        frame[column] = cleaned.replace("", None)
    return frame


def febrl_model(columns):
    comparisons = [
        cl.NameComparison("given_name"),
        cl.NameComparison("surname"),
        cl.DateOfBirthComparison("date_of_birth", input_is_string=True, invalid_dates_as_null=True),
        cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
        cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
        cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
    ]
    blocking = [
        block_on("soc_sec_id"),
        block_on("given_name"),
        block_on("surname"),
        block_on("date_of_birth"),
        block_on("postcode"),
    ]
    deterministic = [
        block_on("soc_sec_id"),
        block_on("given_name", "surname", "date_of_birth"),
        "l.given_name = r.surname and l.surname = r.given_name and l.date_of_birth = r.date_of_birth",
    ]
    training = [block_on("date_of_birth"), block_on("postcode")]
    return comparisons, blocking, deterministic, 0.9, training


def persons_model(columns):
    comparisons = [
        cl.ForenameSurnameComparison("given_name", "surname", forename_surname_concat_col_name="full_name"),
        # Term frequencies on the date: placeholder dates (1 January) are far more common than any other.
        cl.DateOfBirthComparison("date_of_birth", input_is_string=True, invalid_dates_as_null=True)
        .configure(term_frequency_adjustments=True),
        cl.ExactMatch("place_of_birth").configure(term_frequency_adjustments=True),
        cl.ExactMatch("sex"),
        cl.ExactMatch("nationality"),
    ]
    # Each rule is kept small enough for a million records (no rule on a single common value), and their
    # union is meant to hold nearly every true pair despite spelling variants and date slips.
    blocking = [
        block_on("substr(given_name,1,2)", "substr(surname,1,2)", "substr(date_of_birth,1,4)"),
        block_on("substr(surname,1,3)", "date_of_birth"),
        block_on("substr(given_name,1,3)", "date_of_birth"),
        "l.given_name = r.surname and l.surname = r.given_name",
        "substr(l.given_name,1,2) = substr(r.surname,1,2) and substr(l.surname,1,2) = substr(r.given_name,1,2)"
        " and substr(l.date_of_birth,1,4) = substr(r.date_of_birth,1,4)",
        block_on("nationality", "date_of_birth"),
        block_on("place_of_birth", "substr(date_of_birth,1,4)"),
    ]
    deterministic = [
        block_on("given_name", "surname", "date_of_birth"),
        "l.given_name = r.surname and l.surname = r.given_name and l.date_of_birth = r.date_of_birth",
        block_on("date_of_birth", "place_of_birth", "substr(surname,1,2)"),
    ]
    if "phone" in columns:
        comparisons.append(cl.ExactMatch("phone"))
        blocking.append(block_on("phone"))
    # EM needs blocks where true pairs are not rare: among the migrants, records that share given name and
    # surname are mostly distinct persons with common names, so a shared phone trains best where there is one.
    first = block_on("phone") if "phone" in columns else block_on("given_name", "surname")
    training = [first, block_on("date_of_birth")]
    return comparisons, blocking, deterministic, 0.6, training


def dedup(frame, threshold, max_pairs, memory_limit=None, model_path=None):
    febrl = FEBRL_COLUMNS <= set(frame.columns)
    comparisons, blocking, deterministic, recall, training = (febrl_model if febrl else persons_model)(frame.columns)
    if not febrl:
        # Needed for term frequencies on the whole name (as in Splink's 50k example).
        frame["full_name"] = frame["given_name"].fillna("") + " " + frame["surname"].fillna("")
    settings = SettingsCreator(
        unique_id_column_name="id",
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=blocking,
        comparisons=comparisons,
    )
    connection = duckdb.connect()
    if memory_limit:
        connection.execute(f"SET memory_limit = '{memory_limit}'")
    db_api = DuckDBAPI(connection=connection)
    linker = Linker(frame, settings, db_api, set_up_basic_logging=False)
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=recall)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=1)
    for rule in training:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=not febrl)
    if model_path:
        linker.misc.save_model_to_json(model_path, overwrite=True)
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold)
    table = clusters.as_pandas_dataframe()
    return dict(zip(table["id"], table["cluster_id"]))


def main():
    parser = argparse.ArgumentParser(description="De-duplicate person records with Splink 4 (DuckDB).")
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--threshold", type=float, default=0.95, help="match probability to cluster (0.95)")
    parser.add_argument("--max-pairs", type=float, default=1e7, help="pairs sampled to estimate u (1e7)")
    parser.add_argument("--memory-limit", help="DuckDB memory_limit, e.g. 12GB (default: DuckDB's, 80%% of RAM)")
    parser.add_argument("--model", help="also save the trained Splink model (JSON) here")
    parser.add_argument("--verbose", action="store_true", help="show Splink's training log")
    args = parser.parse_args()
    logging.basicConfig(format="%(message)s")
    logging.getLogger("splink").setLevel(logging.INFO if args.verbose else logging.WARNING)
    started = time.monotonic()
    frame = load(args.input)
    ids = list(frame["id"])
    cluster_of = dedup(frame, args.threshold, args.max_pairs, args.memory_limit, args.model)
    singletons = 0
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("id,cluster\n")
        for record_id in ids:
            cluster = cluster_of.get(record_id)
            if cluster is None:  # not returned by the clustering: a cluster of its own
                singletons += 1
                cluster = record_id
            out.write(f"{record_id},{cluster}\n")
    print(f"{len(ids)} records, {len(set(cluster_of.values()))} clusters, {singletons} added as singletons, "
          f"{time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
