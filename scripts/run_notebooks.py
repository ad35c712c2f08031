#!/usr/bin/env python3
"""Strict headless notebook runner for distsys-lab.

tslab answers a failing cell with a bare ``{"status": "error"}`` execute_reply and no traceback, so
nbclient's own error check is not enough. This runner records every cell's execute_reply status
(``on_cell_executed``) and fails a notebook on any non-ok status, any stderr output, a kernel that does
not start in time, a cell that runs past its timeout, or a hidden solution cell (tag ``solution``) that
prints a line starting with "✘" (a self-check that rejects the worked solution: every run of the
notebooks thus proves that each check accepts a right answer). Each failure names the notebook, the cell index,
the first line of the cell and the stderr text.

Timing (in the ``--json`` results): ``seconds`` for the whole notebook (kernel start-up and shutdown
included), ``kernelStartSeconds`` until the kernel answered and the first cell could run, and per code
cell in ``cells``: ``ms``, the time the kernel was busy with it, and ``chart``, whether its outputs hold
a Vega-Lite chart. ``ms`` comes from nbclient's ``record_timing`` metadata, from the kernel's
``iopub.status.busy`` to its ``iopub.status.idle`` (tslab sends no ``execute_input`` and stamps its
``execute_reply`` before it runs the cell, so those two say nothing); that metadata is removed again
before a notebook is saved, so saved notebooks carry no timestamps.

Usage:
    run_notebooks.py [--in-place | --output-dir DIR] [--cell-timeout S] [--startup-timeout S]
                     [--json FILE] NOTEBOOK...

Exit status: 0 when every notebook passed, 1 when any failed, 2 on bad usage.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

REPO = Path(__file__).resolve().parent.parent
KERNEL_NAME = "distsys-lab"
VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"


class CellFailed(Exception):
    """Raised from the on_cell_executed hook to stop a notebook at its first failing cell."""


def first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:120]
    return "(empty cell)"


def stderr_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename', 'Error')}: {out.get('evalue', '')}")
    return "".join(parts).strip()


def rejected_line(cell) -> str | None:
    """The first output line of a solution cell that starts with "✘" (quotes and spaces ignored), or None."""
    if "solution" not in cell.get("metadata", {}).get("tags", []):
        return None
    for out in cell.get("outputs", []):
        text = out.get("text", "") if out.get("output_type") == "stream" else (out.get("data") or {}).get("text/plain", "")
        for line in ("".join(text) if isinstance(text, list) else text).splitlines():
            if line.strip().lstrip("'\"`").startswith("✘"):
                return line.strip()
    return None


def parse_stamp(text) -> datetime.datetime | None:
    """A timestamp of nbclient's record_timing metadata ("2026-12-01T19:32:19.681000Z"), or None."""
    if not isinstance(text, str):
        return None
    try:  # nbclient's own fallback stamp is isoformat() + "Z", without microseconds when they are 0
        return datetime.datetime.fromisoformat(text[:-1] if text.endswith("Z") else text)
    except ValueError:
        return None


def busy_ms(cell) -> float | None:
    """Milliseconds from the kernel's busy status to its idle status for this cell (kernel clock)."""
    meta = cell.get("metadata", {}).get("execution", {})
    busy, idle = parse_stamp(meta.get("iopub.status.busy")), parse_stamp(meta.get("iopub.status.idle"))
    if busy is None or idle is None or idle < busy:
        return None
    return (idle - busy).total_seconds() * 1000


def shows_chart(cell) -> bool:
    return any(VEGA_LITE_MIME in (out.get("data") or {}) for out in cell.get("outputs", []))


def run_one(path: Path, args) -> dict:
    nb = nbformat.read(path, as_version=4)
    failures: list[dict] = []
    code_cells = 0
    cells: list[dict] = []
    sent: dict[int, float] = {}
    kernel_ready: float | None = None

    def on_notebook_start(notebook):
        nonlocal kernel_ready
        kernel_ready = time.monotonic()

    def on_cell_execute(cell, cell_index):
        sent[cell_index] = time.monotonic()

    def on_cell_executed(cell, cell_index, execute_reply):
        nonlocal code_cells
        code_cells += 1
        ms = busy_ms(cell)
        if ms is None and cell_index in sent:  # no kernel timestamps: the client's own clock
            ms = (time.monotonic() - sent[cell_index]) * 1000
        cells.append({"cell": cell_index, "ms": round(ms, 1) if ms is not None else None,
                      "chart": shows_chart(cell)})
        status = (execute_reply or {}).get("content", {}).get("status", "missing")
        err = stderr_text(cell)
        if status != "ok" or err:
            failures.append({
                "cell": cell_index,
                "firstLine": first_line(cell.get("source", "")),
                "reason": f"execute_reply status {status!r}" if status != "ok" else "stderr output",
                "stderr": err,
            })
            raise CellFailed()
        rejected = rejected_line(cell)
        if rejected is not None:
            failures.append({
                "cell": cell_index,
                "firstLine": first_line(cell.get("source", "")),
                "reason": "a solution cell's self-check printed ✘ (it rejects the worked solution)",
                "stderr": rejected,
            })
            raise CellFailed()

    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=args.cell_timeout,
        startup_timeout=args.startup_timeout,
        allow_errors=True,  # we judge each reply ourselves: tslab's error replies carry no traceback
        record_timing=True,  # per-cell timings; removed again before saving (see strip_timing)
        resources={"metadata": {"path": str(path.parent)}},
        on_notebook_start=on_notebook_start,
        on_cell_execute=on_cell_execute,
        on_cell_executed=on_cell_executed,
    )
    started = time.monotonic()
    try:
        client.execute()
    except CellFailed:
        pass
    except CellTimeoutError as exc:
        idx = getattr(exc, "cell_index", None)
        failures.append(timeout_failure(nb, args.cell_timeout, idx, str(exc)))
    except DeadKernelError as exc:
        failures.append({"cell": None, "firstLine": "", "reason": f"kernel died: {exc}", "stderr": ""})
    except RuntimeError as exc:  # nbclient raises RuntimeError when the kernel does not start in time
        failures.append({"cell": None, "firstLine": "", "reason": f"kernel did not start: {exc}", "stderr": ""})
    except Exception as exc:  # noqa: BLE001 - any other failure is reported, never swallowed
        reason = f"{type(exc).__name__}: {exc}"
        if "timed out" in str(exc).lower():
            failures.append(timeout_failure(nb, args.cell_timeout, None, reason))
        else:
            failures.append({"cell": None, "firstLine": "", "reason": reason, "stderr": ""})
    seconds = time.monotonic() - started
    # A last sweep: stderr that arrived after its cell's reply still fails the notebook.
    if not failures:
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and stderr_text(cell):
                failures.append({"cell": i, "firstLine": first_line(cell.source), "reason": "stderr output",
                                 "stderr": stderr_text(cell)})
                break
    ok = not failures
    strip_timing(nb)
    if ok and args.in_place:
        nbformat.write(nb, path)
    elif ok and args.output_dir:
        out = Path(args.output_dir) / path.name
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out)
    kernel_start = round(kernel_ready - started, 3) if kernel_ready is not None else None
    return {"notebook": str(path), "ok": ok, "seconds": round(seconds, 2), "codeCells": code_cells,
            "kernelStartSeconds": kernel_start, "cells": cells, "failures": failures}


def strip_timing(nb) -> None:
    """Removes record_timing's metadata, so saved notebooks stay free of timestamps."""
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)


def timeout_failure(nb, timeout, idx, reason):
    if idx is None:  # nbclient does not always say which cell: the first one without outputs is the one
        idx = next((i for i, c in enumerate(nb.cells)
                    if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None), None)
    line = first_line(nb.cells[idx].source) if idx is not None else ""
    return {"cell": idx, "firstLine": line, "reason": f"timeout: cell ran longer than {timeout} s",
            "stderr": reason.splitlines()[0] if reason else ""}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--in-place", action="store_true", help="save executed notebooks over the originals")
    where.add_argument("--output-dir", help="save executed notebooks into this folder")
    parser.add_argument("--cell-timeout", type=float, default=120.0, help="seconds one cell may run (120)")
    parser.add_argument("--startup-timeout", type=float, default=60.0, help="seconds the kernel may take to start (60)")
    parser.add_argument("--json", help="also write the results as JSON to this file")
    args = parser.parse_args(argv)

    os.environ.setdefault("JUPYTER_PATH", str(REPO / ".jupyter"))
    results = []
    for path in args.notebooks:
        if not path.is_file():
            print(f"FAIL {path}: no such notebook", flush=True)
            results.append({"notebook": str(path), "ok": False, "seconds": 0, "codeCells": 0,
                            "kernelStartSeconds": None, "cells": [],
                            "failures": [{"cell": None, "firstLine": "", "reason": "no such file", "stderr": ""}]})
            continue
        res = run_one(path.resolve(), args)
        res["notebook"] = str(path)
        results.append(res)
        if res["ok"]:
            print(f"ok   {path} ({res['codeCells']} cells, {res['seconds']:.1f} s)", flush=True)
        else:
            for f in res["failures"]:
                where_txt = f"cell {f['cell']}" if f["cell"] is not None else "kernel"
                line = f" `{f['firstLine']}`" if f["firstLine"] else ""
                print(f"FAIL {path} {where_txt}{line}: {f['reason']}", flush=True)
                if f["stderr"]:
                    print("     " + f["stderr"].replace("\n", "\n     "), flush=True)
    passed = sum(r["ok"] for r in results)
    total_s = sum(r["seconds"] for r in results)
    print(f"notebooks: {passed} passed, {len(results) - passed} failed in {total_s:.1f} s", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
