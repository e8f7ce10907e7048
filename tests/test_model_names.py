"""A model named on the command line is looked up only inside the model store.

``--model NAME`` that is not a path names a folder of the store; a name that would reach
outside it, or a hidden folder there (a download in progress), is one error line.
"""

from __future__ import annotations

import pytest

from tests.conftest import TEXTS
from workbench.core.errors import WorkbenchError
from workbench.core.settings import current
from workbench.services.translation import model_dir


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)  # no folder of these names here
    models = current().models
    (models / ".half-pulled").mkdir(parents=True)
    (models / "org--tiny").mkdir()
    return models


def test_a_store_name_is_its_folder(store):
    assert model_dir("org/tiny", "ar") == store / "org--tiny"
    assert model_dir("org--tiny", "ar") == store / "org--tiny"


@pytest.mark.parametrize("name", [".half-pulled", "a\\b", " "])
def test_a_name_that_is_no_model_name_is_refused(store, name):
    with pytest.raises(WorkbenchError, match="is not a model name"):
        model_dir(name, "ar")


def test_the_cli_says_it_in_one_line(store, run):
    source = str(TEXTS / "al-qaem.en.md")
    r = run("translate", source, "--to", "ar", "--model", ".half-pulled", "--out", "out")
    assert r.code == 1
    assert r.err.strip() == (
        "workbench: error: '.half-pulled' is not a model name (see: workbench models list)"
    )
