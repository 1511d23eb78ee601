"""Docs and commands check each other: every command has help with an example, and a README entry."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tally.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path under `group`, subgroups included: [("extract",), ("db", "init"), ...]."""
    found = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, click.Group):
            found += _commands(command, path)
    return found


COMMANDS = _commands(cli)


def test_docs_there_are_commands():
    assert ("extract",) in COMMANDS and ("eval",) in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_docs_command_help_has_an_example(path):
    # a neutral program name, so only an example in the help text says "tally <command>"
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="PROG")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    name = " ".join(path)
    assert f"tally {name}" in result.output, f"`tally {name} --help` shows no example of itself"
    command = cli
    for part in path:
        command = command.commands[part]
    assert command.help and command.help.strip(), f"`tally {name}` has no help text"


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_docs_command_is_in_the_readme(path):
    if not README.exists():
        pytest.skip("README.md is not written yet")
    name = " ".join(path)
    assert f"tally {name}" in README.read_text(encoding="utf-8"), f"README.md never mentions `tally {name}`"


def test_docs_group_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output


def test_docs_readme_names_only_real_commands():
    if not README.exists():
        pytest.skip("README.md is not written yet")
    import re

    text = README.read_text(encoding="utf-8")
    # commands are shown in code: fenced blocks and `inline` spans, not in the prose
    code = re.findall(r"```.*?```", text, flags=re.DOTALL) + re.findall(r"`[^`\n]+`", text)
    code = [re.sub(r"#.*", "", block) for block in code]  # shell comments are prose too
    named = {name for block in code for name in re.findall(r"\btally ([a-z][a-z-]*)", block)}
    top = {path[0] for path in COMMANDS}
    assert sorted(named - top) == [], "README.md shows commands that do not exist"
