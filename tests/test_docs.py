"""Docs stay in step with the code: every command and option is in docs/cli.md, and the
README starts with the two commands a newcomer needs."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts" / "cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = _reference()
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [p for p, _ in REFERENCE.commands()])
def test_every_command_and_option_is_documented(path: str) -> None:
    heading = f"## scraper {path}\n"
    assert heading in CLI_DOC, (
        f"docs/cli.md lacks {heading.strip()!r}: run scripts/cli_reference.py"
    )
    section = CLI_DOC.split(heading, 1)[1].split("\n## ", 1)[0]
    command = dict(REFERENCE.commands())[path]
    for param in command.params:
        if param.param_type_name == "option":
            assert f"`{param.opts[0]}`" in section, f"{path}: option {param.opts[0]} not documented"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert first_block is not None
    lines = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert lines[:2] == ["make demo", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_doc_the_readme_names_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in re.findall(r"`(docs/[\w.-]+\.md)`", readme):
        assert (ROOT / name).is_file(), name
