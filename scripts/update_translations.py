"""Collect the windows' strings into resources/i18n/station_app_en.ts (Qt Linguist), keeping translations made.

    .venv/bin/python scripts/update_translations.py           # then translate the new entries (Qt Linguist or
                                                              # any editor) and run the tests

Strings come from ``tr("…")`` and ``N_("…")`` in station_app/ui/*.py (context "station_app", see ui/i18n.py)
and from the forms' <string> elements (context: the form's class, as pyside6-uic writes it). pyside6-lupdate
would give each Python class its own context; one context lets tables defined at import time and the
widgets that show them share a translation.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "i18n" / "station_app_en.ts"
CONTEXT = "station_app"


def python_strings() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "station_app" / "ui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, []).append(f"station_app/ui/{path.name}:{node.lineno}")
    return found


def service_strings() -> dict[str, list[str]]:
    """Labels the windows take from the services and show through ``tr`` (the settings' names)."""
    sys.path.insert(0, str(ROOT))
    from station_app.services.exchange.months import STATES
    from station_app.services.station import SETTINGS

    found = {label: ["station_app/services/station.py"] for label, _low, _high in SETTINGS.values()}
    found.update({label: ["station_app/services/exchange/months.py"] for label in STATES.values()})
    return found


def form_strings() -> dict[str, dict[str, list[str]]]:
    contexts: dict[str, dict[str, list[str]]] = {}
    for path in sorted((ROOT / "forms").glob("*.ui")):
        root = ET.parse(path).getroot()
        context = root.findtext("class") or path.stem
        for element in root.iter("string"):
            if element.text and element.get("notr") != "true":
                contexts.setdefault(context, {}).setdefault(element.text, []).append(f"forms/{path.name}")
    return contexts


def existing() -> dict[tuple[str, str], str]:
    """(context, source) → translation already written."""
    if not TS_FILE.exists():
        return {}
    done = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "vanished":
                done[(name, message.findtext("source") or "")] = translation.text
    return done


def all_messages() -> dict[str, dict[str, list[str]]]:
    return {CONTEXT: {**service_strings(), **python_strings()}, **form_strings()}


def write(messages: dict[str, dict[str, list[str]]], done: dict[tuple[str, str], str]) -> tuple[int, int]:
    root = ET.Element("TS", version="2.1", language="en", sourcelanguage="zh_CN")
    translated = missing = 0
    for context_name, sources in messages.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for source, places in sorted(sources.items()):
            message = ET.SubElement(context, "message")
            for place in places[:3]:
                file_name, _, line = place.partition(":")
                ET.SubElement(message, "location", filename=f"../../{file_name}", **({"line": line} if line else {}))
            ET.SubElement(message, "source").text = source
            text = done.get((context_name, source))
            translation = ET.SubElement(message, "translation")
            if text:
                translation.text = text
                translated += 1
            else:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    TS_FILE.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return translated, missing


def main() -> int:
    translated, missing = write(all_messages(), existing())
    print(f"{TS_FILE.relative_to(ROOT)}: {translated} translated, {missing} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
