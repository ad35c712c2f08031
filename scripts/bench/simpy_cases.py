"""SimPy versions of the benchmark models of scripts/bench.mjs, written the way a SimPy user would.

Each call runs one case in this fresh process: a warm-up, then the measured run, and prints one JSON
line with the figures and the peak RSS of the process.

Usage: python scripts/bench/simpy_cases.py CASE '{"events": ..., ...}'
  CASE: kernel | score | failure
"""
from __future__ import annotations

import json
import random
import resource
import sys
import time

import simpy

PENDING = 1000


def kernel_hold(events: int) -> float:
    """The hold model with timeout callbacks: each event schedules one new timeout at now + Exp(1).

    Stops rescheduling after `events` callbacks, then drains the remaining pending timeouts; the
    rate counts every callback that ran.
    """
    env = simpy.Environment()
    rng = random.Random(1)
    count = 0

    def fire(_event):
        nonlocal count
        count += 1
        if count <= events - PENDING:
            env.timeout(rng.expovariate(1.0)).callbacks.append(fire)

    for _ in range(PENDING):
        env.timeout(rng.expovariate(1.0)).callbacks.append(fire)
    t0 = time.perf_counter()
    env.run()
    return count / (time.perf_counter() - t0)


def score_run(seed: str, mean_delay_ms: float = 10.0, loss_rate: float = 0.01, initial: float = 0) -> float:
    """One run of the score race: clients send "+10" and "*5" to one server; returns the final score."""
    rng = random.Random(seed)
    env = simpy.Environment()
    score = [initial]

    def send(command: str):
        lost = rng.random() < loss_rate
        delay = rng.expovariate(1.0 / mean_delay_ms)
        if lost:
            return
        yield env.timeout(delay)
        score[0] = score[0] + 10 if command == "+10" else score[0] * 5

    env.process(send("+10"))
    env.process(send("*5"))
    env.run()
    return score[0]


def score(runs: int) -> dict:
    outcomes: dict = {}
    t0 = time.perf_counter()
    for i in range(runs):
        s = score_run(f"42/run/{i}")  # the same per-run seed strings as monteCarlo's runSeed(42, i)
        outcomes[s] = outcomes.get(s, 0) + 1
    dt = time.perf_counter() - t0
    return {"runsPerS": runs / dt, "outcomes": {str(int(k)): v for k, v in sorted(outcomes.items())}}


def failure(nodes: int, mtbf_years: float = 3.0, repair_hours: float = 24.0, horizon_years: float = 1.0) -> dict:
    """One process per node: up for an exponential lifetime, then down for a one-day repair, repeat."""
    hours_per_year = 365 * 24
    rate = 1.0 / (mtbf_years * hours_per_year)
    horizon = horizon_years * hours_per_year
    env = simpy.Environment()
    rng = random.Random(42)
    failures = 0

    def node():
        nonlocal failures
        while True:
            yield env.timeout(rng.expovariate(rate))
            failures += 1
            yield env.timeout(repair_hours)

    t0 = time.perf_counter()
    for _ in range(nodes):
        env.process(node())
    env.run(until=horizon)
    return {"seconds": time.perf_counter() - t0, "failures": failures}


def main() -> None:
    case = sys.argv[1]
    p = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    if case == "kernel":
        kernel_hold(p["warmupEvents"])
        out = {"eventsPerS": kernel_hold(p["events"]), "events": p["events"]}
    elif case == "score":
        score(p["warmupRuns"])
        out = {**score(p["runs"]), "runs": p["runs"]}
    elif case == "failure":
        failure(p["warmupNodes"])
        out = {**failure(p["nodes"]), "nodes": p["nodes"]}
    else:
        raise SystemExit(f"unknown case {case!r}")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    out = {"case": case, **out, "peakRssMB": peak_kib / 1024, "simpy": simpy.__version__}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
