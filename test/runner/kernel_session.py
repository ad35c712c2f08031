#!/usr/bin/env python3
"""Runs a notebook's code cells one by one in a real distsys-lab kernel, as a student would, and prints
every cell's iopub messages with their arrival times as JSON. Used by test/runner/progress.test.ts.

A cell whose first line starts with ``// interrupt`` is interrupted (Kernel > Interrupt: SIGINT, as
JupyterLab sends it) once it has shown its progress line and redrawn it twice. After a cell that did
not end ok the script waits a moment before the next one, as a student would (tslab drops requests
that arrive within 200 ms of a failed cell).

Usage: kernel_session.py NOTEBOOK   (JUPYTER_PATH must name the folder holding the kernel spec)
Output: [{"cell": i, "firstLine": str, "status": "ok" | "error" | ..., "interruptedAt": s | null,
          "messages": [{"t": s, "type": msg_type, "content": {...}, "sent": epoch s | null}]}]
(``t``: seconds from the execute request to the message's arrival; ``sent``: when the kernel sent it.)
"""
from __future__ import annotations

import json
import queue
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import start_new_kernel

PROGRESS_TYPES = ("display_data", "update_display_data")


def run_cell(km, kc, source: str, interrupt: bool, timeout: float = 60.0) -> dict:
    started = time.monotonic()
    msg_id = kc.execute(source)
    messages: list[dict] = []
    interrupted_at = None
    while True:
        elapsed = time.monotonic() - started
        if elapsed > timeout:
            messages.append({"t": round(elapsed, 3), "type": "client-timeout", "content": {}})
            break
        progress = sum(1 for m in messages if m["type"] in PROGRESS_TYPES)
        if interrupt and interrupted_at is None and (progress >= 3 or elapsed > 20):
            km.interrupt_kernel()
            interrupted_at = round(time.monotonic() - started, 3)
        try:
            msg = kc.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        sent = msg["header"].get("date")  # the kernel's clock (jupyter_client parses it to a datetime)
        messages.append({"t": round(time.monotonic() - started, 3), "type": kind, "content": content,
                         "sent": sent.timestamp() if hasattr(sent, "timestamp") else None})
        if kind == "status" and content.get("execution_state") == "idle":
            break
    status = "missing"
    while True:
        try:
            reply = kc.get_shell_msg(timeout=10)
        except queue.Empty:
            break
        if reply["parent_header"].get("msg_id") == msg_id:
            status = reply["content"].get("status", "missing")
            break
    return {"status": status, "interruptedAt": interrupted_at, "messages": messages}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[0]).resolve()
    nb = nbformat.read(path, as_version=4)
    km, kc = start_new_kernel(kernel_name="distsys-lab", cwd=str(path.parent), startup_timeout=60)
    results = []
    try:
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
            res = run_cell(km, kc, cell.source, interrupt=first.startswith("// interrupt"))
            results.append({"cell": i, "firstLine": first, **res})
            if res["status"] != "ok":
                time.sleep(0.5)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
