"""Layering: import-linter contracts hold, and heavy modules load lazily."""

import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT


def test_import_linter_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with open(ROOT / "pyproject.toml", "rb") as f:
        contracts = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    assert len(contracts) == 5  # layers, pure core, ML in engines, no test code, TUI ⟂ CLI
    assert f"Contracts: {len(contracts)} kept, 0 broken" in proc.stdout


def test_cli_help_imports_no_heavy_module():
    code = (
        "import sys; from workbench.cli import cli; "
        "heavy = [m for m in ('torch', 'transformers', 'textual', 'rapidfuzz', 'yaml', "
        "'sacrebleu', 'defusedxml', 'workbench.services') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_core_imports_no_ui_cli_or_ml_framework():
    code = (
        "import sys, pkgutil, importlib, workbench.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('workbench.core.' + m.name)\n"
        "print([m for m in ('click', 'textual', 'torch', 'transformers') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
