"""docs/cli.md is checked against the parser: every command is documented, no documented command is missing.

County offices script against docs/cli.md; a command the parser knows but the page does not, or the other way
round, is a broken promise (in the spirit of sqlite-utils' tests/test_docs.py).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from station_app.cli.main import build_parser

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
COMMANDS_SECTION = DOCS[DOCS.index("## Commands") :]
LINES = [line for line in COMMANDS_SECTION.splitlines() if not line.startswith("```")]
SPANS = [span for line in LINES for span in re.findall(r"`([^`]+)`", line)]
HEADING_SPANS = [
    span for line in COMMANDS_SECTION.splitlines() if line.startswith("###") for span in re.findall(r"`([^`]+)`", line)
]
ACTION = r"[a-z][a-z-]*"


def _command_table_spans(section: str) -> list[str]:
    """The commands named in the first column of the tables headed ``| command |`` (the county's names)."""
    spans: list[str] = []
    in_table = False
    for line in section.splitlines():
        if line.startswith("| command |"):
            in_table = True
        elif in_table and line.startswith("|"):
            spans += re.findall(r"`([^`]+)`", line.split("|")[1])
        else:
            in_table = False
    return spans


# Where a command is named as such (not merely mentioned in a sentence): the headings and the command tables.
COMMAND_SPANS = HEADING_SPANS + _command_table_spans(COMMANDS_SECTION)


def _sub_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its sub-parsers here and nowhere public
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, sub in _sub_parsers(parser).items():
        found.append((*prefix, name))
        found += _paths(sub, (*prefix, name))
    return found


PARSER = build_parser()
PATHS = _paths(PARSER)


def _documented(path: tuple[str, ...]) -> bool:
    for span in SPANS:
        words = [w for w in re.split(r"[\s|,/]+", span) if w]
        if words[:1] == [path[0]] and _in_order(path[1:], words[1:]):
            return True
    return False


def _in_order(wanted: tuple[str, ...], words: list[str]) -> bool:
    rest = iter(words)
    return all(any(word == w for word in rest) for w in wanted)


def test_every_command_of_the_parser_is_documented():
    missing = [" ".join(path) for path in PATHS if not _documented(path)]
    assert not missing, f"commands missing from docs/cli.md: {missing}"


def test_every_documented_command_exists():
    known = _sub_parsers(PARSER)
    unknown = []
    for span in COMMAND_SPANS:
        match = re.match(rf"({ACTION})(?:\s+({ACTION}(?:\s*\|\s*{ACTION})*))?(?=\s|$)", span)
        if not match or span.startswith("…"):
            continue
        command, actions = match.group(1), match.group(2)
        if command not in known:
            unknown.append(span)
            continue
        subs = _sub_parsers(known[command])
        if subs and actions:
            unknown += [f"{command} {a}" for a in re.split(r"\s*\|\s*", actions) if a not in subs]
    assert not unknown, f"documented in docs/cli.md but not commands: {unknown}"


def test_the_exit_codes_table_matches_the_exit_code_enum():
    from station_app.cli.base import ExitCode

    table = dict(re.findall(r"^\| (\d) \| (.+?) \|$", DOCS, flags=re.M))
    assert sorted(int(code) for code in table) == sorted(code.value for code in ExitCode)
