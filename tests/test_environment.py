"""environment.yml (conda) and pyproject.toml (pip) pin the same packages at the same versions."""

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_environment_yml_pins_match_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_pins = set(project["dependencies"]) | {p for group in project["optional-dependencies"].values() for p in group}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda_pins = {p for p in pip_section if not p.startswith("-e")}
    assert conda_pins == pip_pins
    assert all("==" in p for p in pip_pins), "every dependency is pinned exactly"
