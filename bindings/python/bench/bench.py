"""Benchmarks of the Python package (figures for docs/performance.md).

Run: .venv/bin/python bindings/python/bench/bench.py
Measures: import time; 1,000,000 monthly quotes from DataFrame columns to result columns;
the same formula as plain numpy int64 arithmetic (exact, no checks), as plain numpy float64
(inexact) and as a pure-Python Decimal loop (what an analyst would otherwise write); 100,000
full pension calculations from histories; a population projection of 1,000,000 persons over
10 years (person-months per second).
"""
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

import bhxh


def best(f, n=5):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


imp = min(float(subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); import bhxh; print(time.perf_counter()-t)"],
                               capture_output=True, text=True).stdout) for _ in range(5))
print(f"import bhxh: {imp * 1000:.1f} ms (best of 5, fresh interpreter)")

N = 1_000_000
rng = np.random.default_rng(0)
m = rng.integers(0, 48, N)
df = pd.DataFrame({
    "payment_month": 202401 + (m // 12) * 100 + m % 12,
    "income": np.where(m >= 36, 2_200_000, 1_500_000) + rng.integers(0, 160, N) * 50_000,
    "category": rng.integers(0, 5, N).astype(np.uint8),
    "subsidised_before": rng.integers(0, 121, N),
})
t = best(lambda: bhxh.quote_monthly(df, as_frame=False))
print(f"quote_monthly, 1,000,000 rows from DataFrame columns: {t:.4f} s = {t / N * 1e9:.1f} ns/row")

# Plain numpy int64: the same formula, exact (rounding half up by integer division), without
# the engine's checks (floor, ceiling, step, cap, categories) or the per-month parameters.
def numpy_int64():
    inc = df["income"].to_numpy()
    gross = (inc * 22 + 50) // 100
    floor = np.where(df["payment_month"].to_numpy() >= 202701, 2_200_000, 1_500_000)
    pct = np.array([50, 40, 30, 50, 20], dtype=np.int64)[df["category"].to_numpy()]
    support = np.where(df["subsidised_before"].to_numpy() < 120, (pct * 22 * floor + 5_000) // 10_000, 0)
    return gross - support
ratios = []
for _ in range(5):  # interleaved, so that both see the same machine state
    t_q, t_i = best(lambda: bhxh.quote_monthly(df, as_frame=False), 3), best(numpy_int64, 3)
    ratios.append(t_q / t_i)
print(f"plain numpy int64 (same formula, no checks): {t_i:.4f} s = {t_i / N * 1e9:.1f} ns/row; "
      f"quote_monthly / numpy int64 = {min(ratios):.2f}–{max(ratios):.2f} (5 interleaved rounds)")

# Plain numpy, float64 (inexact), same formula without the cap or the step checks.
def numpy_version():
    inc = df["income"].to_numpy().astype(np.float64)
    gross = np.round(inc * 0.22)
    floor = np.where(df["payment_month"].to_numpy() >= 202701, 2_200_000.0, 1_500_000.0)
    rate = np.array([0.5, 0.4, 0.3, 0.5, 0.2])[df["category"].to_numpy()]
    support = np.where(df["subsidised_before"].to_numpy() < 120, np.round(rate * 0.22 * floor), 0.0)
    return gross - support
t_np = best(numpy_version)
print(f"plain numpy float64 (no checks): {t_np:.4f} s = {t_np / N * 1e9:.1f} ns/row")

# Pure-Python Decimal loop on 100,000 rows.
rows = df.head(100_000).to_dict("records")
rates = [Decimal("0.5"), Decimal("0.4"), Decimal("0.3"), Decimal("0.5"), Decimal("0.2")]
def py_loop():
    out = []
    for r in rows:
        gross = (Decimal(r["income"]) * Decimal("0.22")).quantize(Decimal(1), ROUND_HALF_UP)
        floor = Decimal(2_200_000 if r["payment_month"] >= 202701 else 1_500_000)
        sup = (rates[r["category"]] * Decimal("0.22") * floor).quantize(Decimal(1), ROUND_HALF_UP) if r["subsidised_before"] < 120 else 0
        out.append(gross - sup)
    return out
t_py = best(py_loop, 3)
print(f"pure-Python Decimal loop: {t_py / 100_000 * 1e9:.0f} ns/row")

# 100,000 pensions from histories (2–4 periods each).
P = 100_000
sex = rng.integers(0, 2, P).astype(np.uint8)
birth = rng.integers(1965, 1995, P) * 100 + rng.integers(1, 13, P)
k = rng.integers(2, 5, P)
person = np.repeat(np.arange(P), k)
starts, ends, incomes = [], [], []
for n in k:
    y = 2008
    for j in range(n):
        starts.append(y * 100 + 1)
        y2 = y + int(rng.integers(3, 9))
        ends.append(y2 * 100 + 12)
        incomes.append(1_500_000 + int(rng.integers(0, 100)) * 50_000)
        y = y2 + 1
persons = {"sex": sex, "birth": birth, "claim": np.zeros(P, dtype=np.int64)}
periods = {"person": person, "from": np.array(starts), "to": np.array(ends), "income": np.array(incomes)}
t_p = best(lambda: bhxh.pensions(persons, periods, as_frame=False), 3)
print(f"pensions, 100,000 persons ({len(person):,} periods): {t_p:.3f} s = {t_p / P * 1e6:.2f} µs/person")

# Population projection: 1,000,000 persons over 10 years (120 months each), with deaths,
# persistence, lump sums and allowances; both cores.
Q = 1_000_000
i = np.arange(Q)
pop = pd.DataFrame({"person_id": i, "sex": np.where(i % 2 == 0, "male", "female"),
                    "birth_date": (1960 + i % 45) * 100 + 1 + i % 12, "category": (i % 5).astype(np.uint8),
                    "income": 1_500_000 + (i % 30) * 100_000, "months_before": (i * 13) % 150,
                    "subsidised_before": (i * 13) % 150 // 2})
assumed = {"persistence": {15: 0.85, 40: 0.93}, "lump_sum_take_up": 0.45, "allowance_take_up": 0.25}
t_pop = best(lambda: bhxh.project_population(pop, start=202601, years=10, assumptions=assumed), 3)
print(f"project_population, 1,000,000 persons × 10 years: {t_pop:.2f} s = {Q * 120 / t_pop / 1e6:.1f} M person-months/s")
