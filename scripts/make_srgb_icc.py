"""Write resources/color/sRGB.icc: a small ICC version 2.1 sRGB display profile, as PDF/A-1 output intents
require (version 4 profiles, such as colord's or littleCMS's built-in sRGB, are refused by PDF/A-1 validators).

The numbers are those of IEC 61966-2-1 (sRGB) adapted to the ICC's D50 connection space (the published
colorant values of the ICC's own sRGB v2 profiles), and the tone curve is the sRGB transfer function sampled
at 1024 points. Run once; the output is deterministic and committed:

    .venv/bin/python scripts/make_srgb_icc.py
"""

from __future__ import annotations

import struct
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "color" / "sRGB.icc"

WHITE_D50 = (0.9642, 1.0, 0.8249)
RED = (0.4361, 0.2225, 0.0139)
GREEN = (0.3851, 0.7169, 0.0971)
BLUE = (0.1431, 0.0606, 0.7141)
DESCRIPTION = "sRGB IEC61966-2.1"
COPYRIGHT = "No copyright, use freely"


def s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def xyz(values: tuple[float, float, float]) -> bytes:
    return b"XYZ " + bytes(4) + b"".join(s15(v) for v in values)


def text_description(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    body = b"desc" + bytes(4) + struct.pack(">I", len(ascii_text)) + ascii_text
    return body + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + bytes(67)  # no Unicode, no ScriptCode


def text(value: str) -> bytes:
    return b"text" + bytes(4) + value.encode("ascii") + b"\0"


def curve(points: int = 1024) -> bytes:
    def srgb_to_linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    samples = [round(srgb_to_linear(i / (points - 1)) * 65535) for i in range(points)]
    return b"curv" + bytes(4) + struct.pack(">I", points) + struct.pack(f">{points}H", *samples)


def pad(data: bytes) -> bytes:
    return data + bytes(-len(data) % 4)


def profile() -> bytes:
    trc = curve()
    tags = [
        (b"desc", text_description(DESCRIPTION)),
        (b"cprt", text(COPYRIGHT)),
        (b"wtpt", xyz(WHITE_D50)),
        (b"rXYZ", xyz(RED)),
        (b"gXYZ", xyz(GREEN)),
        (b"bXYZ", xyz(BLUE)),
        (b"rTRC", trc),
        (b"gTRC", trc),  # the three curves share one copy, as ICC allows
        (b"bTRC", trc),
    ]
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    table, data, placed = b"", b"", {}
    for signature, element in tags:
        if element in placed:
            at, size = placed[element]
        else:
            at, size = offset + len(data), len(element)
            placed[element] = (at, size)
            data += pad(element)
        table += signature + struct.pack(">II", at, size)
    body = struct.pack(">I", len(tags)) + table + data
    size = 128 + len(body)
    header = (
        struct.pack(">I", size)
        + b"none"  # preferred CMM: any
        + bytes([2, 0x10, 0, 0])  # version 2.1.0
        + b"mntr"
        + b"RGB "
        + b"XYZ "
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"APPL"
        + struct.pack(">I", 0)  # flags
        + bytes(4)
        + bytes(4)  # device manufacturer and model
        + bytes(8)  # attributes
        + struct.pack(">I", 0)  # rendering intent: perceptual
        + s15(WHITE_D50[0])
        + s15(WHITE_D50[1])
        + s15(WHITE_D50[2])  # illuminant
        + bytes(4)  # creator
        + bytes(16)  # profile ID (v4 only)
        + bytes(28)
    )
    assert len(header) == 128
    return header + body


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(profile())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
