"""The committed stubs describe the compiled module: same functions, same parameter names."""
import ast
import inspect
import pathlib

from bhxh import _bhxh

STUB = pathlib.Path(__file__).resolve().parents[1] / "python" / "bhxh" / "_bhxh.pyi"


def test_stub_matches_module():
    tree = ast.parse(STUB.read_text())
    stubbed = {n.name: [a.arg for a in n.args.args] for n in tree.body if isinstance(n, ast.FunctionDef)}
    public = {n for n in dir(_bhxh) if not n.startswith("_") and callable(getattr(_bhxh, n)) and n != "EngineError"}
    assert set(stubbed) == public, (set(stubbed) ^ public)
    for name, params in stubbed.items():
        sig = inspect.signature(getattr(_bhxh, name))
        assert [p for p in sig.parameters] == params, name
    assert (pathlib.Path(STUB).parent / "py.typed").exists()
