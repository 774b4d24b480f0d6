"""Run `soleil dedup` and Splink side by side on the benchmark sets and print a markdown table.

Usage (from this folder, with the venv's Python):
  .venv/bin/python compare.py [--soleil ../../target/release/soleil] [--sets febrl1 ... ] [--big]
                              [--tools soleil,splink] [--timeout 1500] [--soleil-arg=--estimate]

For each data set (default febrl1..4 and migrants_10000; --big adds migrants_1000000),
each tool runs as a subprocess under /usr/bin/time, which gives the peak resident memory
of that process (its largest child included); the wall clock is measured here and covers
everything the tool does: reading the CSV, training, matching, clustering and writing
id,cluster. Both outputs are scored with score.py against data/<set>_truth.csv.
A run over --timeout seconds is killed (its process group) and reported as such.

Each run's result is also kept in data/results/<set>.<tool>.json, and --reuse takes a
stored result instead of running again (for example to add a late soleil run beside a
long Splink run). The table goes to standard output, ready for BENCHMARKS.md.
"""

import argparse
import json
import os
import platform
import resource
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
RESULTS = os.path.join(DATA, "results")
DEFAULT_SETS = ["febrl1", "febrl2", "febrl3", "febrl4", "migrants_10000"]
BIG_SETS = ["migrants_1000000"]


def count_records(path):
    with open(path, encoding="utf-8") as file:
        return sum(1 for _ in file) - 1


def timed(command, timeout, log_path):
    """Runs `command`; returns (exit status or 'timeout', wall seconds, peak MB or None)."""
    stats_path = log_path + ".time"
    wrapped = ["/usr/bin/time", "-f", "%M", "-o", stats_path] + command if os.path.exists("/usr/bin/time") else command
    started = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(wrapped, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            status = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the whole group this run started, tool included
            process.wait()
            status = "timeout"
    seconds = time.monotonic() - started
    peak_mb = None
    if os.path.exists(stats_path):
        with open(stats_path, encoding="utf-8") as stats:
            lines = [line.strip() for line in stats if line.strip()]
        if lines and lines[-1].isdigit():
            peak_mb = int(lines[-1]) / 1024
        os.remove(stats_path)
    else:
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest child so far
    return status, seconds, peak_mb


def scored(truth, prediction):
    output = subprocess.run([sys.executable, os.path.join(HERE, "score.py"), truth, prediction],
                            capture_output=True, text=True, check=True).stdout
    values = dict(line.split("=", 1) for line in output.splitlines() if "=" in line)
    return {"precision": float(values["precision"]), "recall": float(values["recall"]), "f1": float(values["F1"])}


def run_tool(tool, name, args):
    records_path = os.path.join(DATA, f"{name}.csv")
    prediction = os.path.join(RESULTS, f"{name}.{tool}.csv")
    if tool == "soleil":
        command = [args.soleil, "dedup", "--input", records_path, "--output", prediction] + args.soleil_arg
    else:
        command = [sys.executable, os.path.join(HERE, "splink_dedup.py"), "--input", records_path,
                   "--output", prediction, "--threshold", str(args.threshold)]
        if args.splink_memory_limit:
            command += ["--memory-limit", args.splink_memory_limit]
    if os.path.exists(prediction):
        os.remove(prediction)
    log_path = os.path.join(RESULTS, f"{name}.{tool}.log")
    print(f"running {tool} on {name} ...", file=sys.stderr, flush=True)
    status, seconds, peak_mb = timed(command, args.timeout, log_path)
    result = {"set": name, "records": count_records(records_path), "tool": tool, "status": status,
              "seconds": round(seconds, 2), "peak_mb": round(peak_mb) if peak_mb is not None else None,
              "command": " ".join(command), "host": f"{platform.machine()}, {os.cpu_count()} cores"}
    if status == 0 and os.path.exists(prediction):
        result.update(scored(os.path.join(DATA, f"{name}_truth.csv"), prediction))
    print(f"  {result}", file=sys.stderr, flush=True)
    return result


def cell(result, key, digits):
    value = result.get(key)
    return "—" if value is None else f"{value:.{digits}f}"


def table(results):
    lines = ["| data set | records | tool | precision | recall | F1 | seconds | peak MB |",
             "|---|---:|---|---:|---:|---:|---:|---:|"]
    for r in results:
        tool = "SOLEIL" if r["tool"] == "soleil" else "Splink"
        note = "" if r["status"] == 0 else (" (timed out)" if r["status"] == "timeout" else f" (exit {r['status']})")
        peak = "—" if r["peak_mb"] is None else f"{r['peak_mb']:,}"
        lines.append(f"| {r['set']} | {r['records']:,} | {tool}{note} | {cell(r, 'precision', 4)} | "
                     f"{cell(r, 'recall', 4)} | {cell(r, 'f1', 4)} | {r['seconds']:.1f} | {peak} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description="SOLEIL dedup beside Splink (see the module docs).")
    parser.add_argument("--soleil", default=os.path.normpath(os.path.join(HERE, "../../target/release/soleil")))
    parser.add_argument("--sets", nargs="+", default=None,
                        help="data sets by name (default: febrl1..4 and migrants_10000)")
    parser.add_argument("--big", action="store_true", help="add migrants_1000000")
    parser.add_argument("--tools", default="soleil,splink")
    parser.add_argument("--timeout", type=float, default=1500, help="seconds before a run is killed (1500)")
    parser.add_argument("--threshold", type=float, default=0.95, help="Splink's clustering threshold (0.95)")
    parser.add_argument("--splink-memory-limit", help="DuckDB memory_limit for Splink, e.g. 12GB (DuckDB's default)")
    parser.add_argument("--soleil-arg", action="append", default=[], help="extra argument for soleil dedup")
    parser.add_argument("--reuse", action="store_true", help="take stored results instead of running again")
    args = parser.parse_args()
    sets = (args.sets or DEFAULT_SETS) + (BIG_SETS if args.big else [])
    os.makedirs(RESULTS, exist_ok=True)
    results = []
    for name in sets:
        if not os.path.exists(os.path.join(DATA, f"{name}.csv")):
            raise SystemExit(f"data/{name}.csv is missing: run febrl.py / migrants.py first (see README.md)")
        for tool in args.tools.split(","):
            stored = os.path.join(RESULTS, f"{name}.{tool}.json")
            if args.reuse and os.path.exists(stored):
                with open(stored, encoding="utf-8") as file:
                    results.append(json.load(file))
                continue
            result = run_tool(tool, name, args)
            with open(stored, "w", encoding="utf-8") as file:
                json.dump(result, file, indent=1)
            results.append(result)
    print(table(results))


if __name__ == "__main__":
    main()
