"""The notebook-style example runs end to end and draws its plots."""
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]


def test_reform_example(tmp_path):
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    r = subprocess.run([sys.executable, str(ROOT / "docs" / "examples" / "reform_hue.py"), str(tmp_path)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "Extra cost of the reform" in r.stdout
    for name in ("support_cost_by_year.png", "pension_distribution.png"):
        assert (tmp_path / name).stat().st_size > 5_000
