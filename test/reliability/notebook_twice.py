"""Runs a notebook's cells twice in ONE tslab kernel (the notebook's cells, then the same cells again),
then once more in a fresh kernel, and compares the chart outputs (the Vega-Lite JSON of every
display_data) of the three passes. Prints one JSON line per notebook:
{"notebook", "charts", "cells", "errors", "sameInKernel", "sameAfterRestart", "seconds"}.
Exit status 1 if any notebook differs or a cell fails.

Usage: .venv/bin/python test/reliability/notebook_twice.py NOTEBOOK.ipynb [...]
(JUPYTER_PATH must reach the project's kernelspec; it defaults to .jupyter beside this repository.)
"""
import copy
import json
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
VEGALITE = "application/vnd.vegalite.v5+json"


def run(nb):
    """Executes nb in a fresh kernel; returns (per-cell chart lists, error count)."""
    client = NotebookClient(nb, kernel_name="distsys-lab", timeout=180, startup_timeout=60, allow_errors=True,
                            resources={"metadata": {"path": str(REPO / "notebooks")}})
    statuses = []
    client.on_cell_executed = lambda cell, cell_index, execute_reply: statuses.append(execute_reply["content"]["status"])
    client.execute()
    charts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        charts.append([json.dumps(o["data"][VEGALITE], sort_keys=True) for o in cell.get("outputs", [])
                       if o.get("output_type") == "display_data" and VEGALITE in o.get("data", {})])
    errors = sum(1 for s in statuses if s != "ok") + sum(
        1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error" or o.get("name") == "stderr")
    return charts, errors


def check(path):
    t0 = time.time()
    original = nbformat.read(path, as_version=4)
    code = [c for c in original.cells if c.cell_type == "code"]
    for c in code:
        c.outputs, c.execution_count = [], None
    twice = copy.deepcopy(original)
    twice.cells = copy.deepcopy(code) + copy.deepcopy(code)
    charts_twice, errors_twice = run(twice)
    first, second = charts_twice[:len(code)], charts_twice[len(code):]
    restart, errors_restart = run(copy.deepcopy(nbformat.from_dict({**original, "cells": code})))
    return {
        "notebook": str(path), "cells": len(code), "charts": sum(len(c) for c in first),
        "errors": errors_twice + errors_restart, "sameInKernel": first == second, "sameAfterRestart": restart == first,
        "seconds": round(time.time() - t0, 1),
    }


def main(paths):
    os.environ.setdefault("JUPYTER_PATH", str(REPO / ".jupyter"))
    ok = True
    for p in paths:
        r = check(Path(p))
        ok &= r["errors"] == 0 and r["sameInKernel"] and r["sameAfterRestart"]
        print(json.dumps(r), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
