"""The scenario corpus against the generated JSON Schemas (schema/*.json), and the generated
TypedDicts (bhxh.contract) against the same schemas."""
import json
import pathlib

import jsonschema
import pytest

import bhxh
from bhxh import contract

ROOT = pathlib.Path(__file__).resolve().parents[3]
SCHEMA = ROOT / "schema"


def _validator(name):
    schema = json.loads((SCHEMA / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _scenarios():
    for p in sorted((ROOT / "tests" / "scenarios").rglob("*.json")):
        yield p, json.loads(p.read_text(encoding="utf-8"))


def test_every_request_and_response_of_the_corpus_validates():
    validators = {}

    def v(name):
        if name not in validators:
            validators[name] = _validator(name)
        return validators[name]

    ok = errors = 0
    for path, sc in _scenarios():
        text = sc["request_text"] if "request_text" in sc else json.dumps(sc["request"])
        out = json.loads(bhxh.evaluate_json(text))
        if "error" in out:
            v("error.json").validate(out)
            errors += 1
            continue
        calc = out["calculation"]
        try:
            v(f"{calc}.request.json").validate(json.loads(text))
            v(f"{calc}.response.json").validate(out)
        except jsonschema.ValidationError as e:
            pytest.fail(f"{path.name}: {e.message} at {list(e.absolute_path)}")
        ok += 1
    assert ok > 250 and errors > 30


@pytest.mark.parametrize(
    "bad",
    [
        {"calculation": "contribution", "payment_month": "2026-03", "method": "monthly"},
        {"calculation": "contribution", "payment_month": "2026-03", "income": 2000000, "method": "monthly", "colour": 1},
        {"calculation": "contribution", "payment_month": "2026-03", "income": "2000000", "method": "monthly"},
        {"calculation": "contribution", "payment_month": "2026-3", "income": 2000000, "method": "monthly"},
        {"calculation": "contribution", "payment_month": "2026-03", "income": 2000000, "method": "weekly"},
    ],
)
def test_the_request_schema_rejects_wrong_requests(bad):
    v = _validator("contribution.request.json")
    good = {"calculation": "contribution", "payment_month": "2026-03", "income": 2000000, "method": "monthly"}
    v.validate(good)
    with pytest.raises(jsonschema.ValidationError):
        v.validate(bad)


def test_the_typed_dicts_are_the_schemas():
    files = sorted(SCHEMA.glob("*.request.json")) + sorted(SCHEMA.glob("*.response.json"))
    # Thirteen calculations, a request and a response each.
    assert len(files) == 26
    for f in files:
        s = json.loads(f.read_text(encoding="utf-8"))
        td = getattr(contract, s["title"])
        assert set(td.__annotations__) == set(s["properties"]), f.name
        assert td.__required_keys__ == frozenset(s.get("required", [])), f.name
