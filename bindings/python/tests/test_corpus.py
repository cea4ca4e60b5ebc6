"""The shared scenario corpus through the Python package: same answers as Rust, byte for byte."""
import json
import pathlib
import shutil
import subprocess

import pytest

import bhxh

ROOT = pathlib.Path(__file__).resolve().parents[3]
FILES = sorted((ROOT / "tests" / "scenarios").rglob("*.json"))


def subset(expected, actual, path="$"):
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected object, got {actual!r}"
        for k, v in expected.items():
            assert k in actual, f"{path}.{k}: missing"
            subset(v, actual[k], f"{path}.{k}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{path}: length"
        for i, (e, a) in enumerate(zip(expected, actual)):
            subset(e, a, f"{path}[{i}]")
    else:
        assert expected == actual, f"{path}: expected {expected!r}, got {actual!r}"


def request_text(sc):
    return sc["request_text"] if "request_text" in sc else json.dumps(sc["request"])


def test_corpus_is_large():
    assert len(FILES) >= 150


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT / "tests" / "scenarios")))
def test_scenario(path):
    sc = json.loads(path.read_text())
    out = json.loads(bhxh.evaluate_json(request_text(sc)))
    assert ("error" in sc["expected"]) == ("error" in out), out
    subset(sc["expected"], out)


def _native():
    for p in (ROOT / "target" / "debug" / "bhxh", ROOT / "target" / "release" / "bhxh"):
        if p.exists():
            return p
    return shutil.which("bhxh")


def test_identical_to_rust_command():
    exe = _native()
    if exe is None:
        pytest.skip("no native bhxh binary built")
    for path in FILES:
        sc = json.loads(path.read_text())
        text = request_text(sc)
        native = subprocess.run([str(exe), "eval"], input=text.encode(), capture_output=True).stdout.decode().rstrip("\n")
        assert bhxh.evaluate_json(text) == native, path
