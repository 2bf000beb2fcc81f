"""What the command line reads: JSON / JSON Lines input files (or standard input) and passwords."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import Any

from station_app.domain.errors import Problem, ValidationError

MAX_INPUT_BYTES = 64_000_000  # a hostile or mistaken file must not exhaust an old PC's memory


def read_password(variable: str, prompt: str, *, confirm: bool = False) -> str:
    """From the environment variable when set (scripts), else asked at the terminal without echo."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise ValidationError([Problem(variable, "密码", f"请在环境变量 {variable} 中提供密码（非交互运行时）")])
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输入一次：") != first:
        raise ValidationError([Problem("password", "密码", "两次输入的密码不一致")])
    return first


def read_json_records(source: str) -> list[dict[str, Any]]:
    """One JSON object, a JSON array of objects, or JSON Lines (one object per line).

    ``-`` reads standard input. Files saved by Windows Notepad (UTF-8 with BOM) or in GB18030
    are read too. Any malformed line refuses the whole input, naming the line.
    """
    if source == "-":
        raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        try:
            with open(source, "rb") as handle:
                raw = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise ValidationError([Problem("--json", "输入文件", f"无法读取 {source}：{exc.strerror}")]) from None
    if len(raw) > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // 1_000_000
        raise ValidationError([Problem("--json", "输入", f"内容超过 {limit} MB，请分批导入")])
    text = _decode(raw)
    if not text.strip():
        raise ValidationError([Problem("--json", "输入", "内容为空")])
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return _json_lines(text)
    if isinstance(whole, dict):
        return [whole]
    if isinstance(whole, list) and all(isinstance(item, dict) for item in whole):
        return whole
    raise ValidationError([Problem("--json", "输入", "应为 JSON 对象、对象数组或 JSON Lines")])


def _json_lines(text: str) -> list[dict[str, Any]]:
    records = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"第 {line_no} 行不是有效的 JSON（第 {exc.colno} 列：{exc.msg}）"
            raise ValidationError([Problem("--json", "输入", message)]) from None
        if not isinstance(item, dict):
            raise ValidationError([Problem("--json", "输入", f"第 {line_no} 行应为 JSON 对象 {{…}}")])
        records.append(item)
    return records


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError([Problem("--json", "输入", "文件编码无法识别，请保存为 UTF-8")]) from None
