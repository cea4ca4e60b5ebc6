"""The analysts' notebook (docs/notebooks/hue_projection.ipynb) runs top to bottom; any error
in a cell fails the test run."""
import pathlib
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = pathlib.Path(__file__).resolve().parents[3] / "docs" / "notebooks" / "hue_projection.ipynb"


def test_the_notebook_executes(tmp_path):
    shutil.copy(NOTEBOOK, tmp_path / NOTEBOOK.name)
    nb = nbformat.read(tmp_path / NOTEBOOK.name, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "identical to the one-machine run: True" in text
    assert "Extra budget cost 2027-2036:" in text
    assert (tmp_path / "hue_projection.png").stat().st_size > 10_000
