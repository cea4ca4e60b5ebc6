"""Notebook-style example: what would raising the near-poor support to 50 % cost for Huế?

A synthetic population of 22,500 voluntary participants in Huế is quoted month by month for
2027–2030 under today's law and under a reform (near-poor State support 40 % → 50 % of the
contribution at the rural poverty line), then their pensions are projected. Everything is in
exact whole đồng; the plots are what an analyst would show.

Run: python docs/examples/reform_hue.py [OUTPUT_DIR]
"""
import pathlib
import sys

import numpy as np
import pandas as pd

import bhxh

OUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/example")
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(2026)

# --- 1. A synthetic population (22,500 participants, Huế shares by category) -----------
N = 22_500
people = pd.DataFrame({
    "category": rng.choice(["poor", "near_poor", "ethnic_minority", "other"], size=N, p=[0.08, 0.17, 0.05, 0.70]),
    "income": 2_200_000 + rng.choice([0, 0, 0, 1, 2, 4, 8, 16], size=N) * 250_000,  # bunched at the floor
    "subsidised_before": rng.integers(0, 60, size=N),
    "sex": rng.choice(["female", "male"], size=N, p=[0.6, 0.4]),
    "birth": rng.integers(1966, 1996, size=N) * 100 + rng.integers(1, 13, size=N),
})

# --- 2. Participant-months 2027–2030 -----------------------------------------------------
months = np.array([y * 100 + m for y in range(2027, 2031) for m in range(1, 13)])
panel = people.loc[people.index.repeat(len(months))].reset_index(names="person")
panel["payment_month"] = np.tile(months, N)
panel["subsidised_before"] = panel["subsidised_before"] + np.tile(np.arange(len(months)), N)
panel["year"] = panel["payment_month"] // 100

reform = {"state_support_rates": {"values": [{"from": "2025-07", "value": {
    "poor": "0.50", "near_poor": "0.50", "ethnic_minority": "0.30", "island_or_special_zone": "0.50", "other": "0.20"},
    "citation": {"document": "Reform scenario: near-poor support 50 %"}, "confidence": "U"}]}}
both = bhxh.run_reform(panel, reform, province="hue")
panel["support_now"] = both["baseline"]["state_support"].to_numpy()
panel["support_reform"] = both["reform"]["state_support"].to_numpy()
assert (both["baseline"]["status"] == "ok").all()

cost = panel.groupby(["year", "category"])[["support_now", "support_reform"]].sum()
cost["extra"] = cost["support_reform"] - cost["support_now"]
print("State support by year and category (đồng):")
print(cost.to_string())
extra_total = int(cost["extra"].sum())
print(f"Extra cost of the reform 2027–2030: {extra_total:,} đồng")

# --- 3. Pensions if everyone contributes from 2027 until retirement age -----------------
sample = people.sample(2_000, random_state=1).reset_index(drop=True)
periods = pd.DataFrame({"person": np.arange(len(sample)), "from": 202701,
                        "to": [202701 + 100 * 30] * len(sample), "income": sample["income"].to_numpy()})
# Contribute until the age month (projection helper: use the estimate for each person would be
# slower; here a 30-year or 20-year career depending on birth year, for the distribution).
periods["to"] = np.where(sample["birth"] // 100 < 1980, 204612, 205612)
pens = bhxh.pensions(sample[["sex", "birth"]], periods)
sample["monthly_pension"] = pens["monthly_pension"].to_numpy()
print(sample.groupby("category")["monthly_pension"].describe().round(0).to_string())

# --- 4. The plots ------------------------------------------------------------------------
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

fig, ax = plt.subplots(figsize=(8, 4.5))
pivot = cost["extra"].unstack("category").fillna(0) / 1e9
pivot.plot(kind="bar", stacked=True, ax=ax)
ax.set_title("Huế: extra State support of the reform, by year and category")
ax.set_ylabel("billion đồng")
fig.tight_layout()
fig.savefig(OUT / "support_cost_by_year.png", dpi=100)

fig, ax = plt.subplots(figsize=(8, 4.5))
ax.hist(sample["monthly_pension"] / 1e6, bins=40)
ax.set_title("Projected monthly pensions (today's prices)")
ax.set_xlabel("million đồng per month")
ax.set_ylabel("participants")
fig.tight_layout()
fig.savefig(OUT / "pension_distribution.png", dpi=100)
print(f"plots written to {OUT}")
