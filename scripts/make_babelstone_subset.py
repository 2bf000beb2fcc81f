"""Cut the five characters Unicode 11 added to the URO (U+9FEB..U+9FEF, in GB 18030-2022) out of BabelStone Han into
``resources/fonts/BabelStoneHan-9FEB-9FEF.ttf``, so the bundle prints them on a PC without that font (50 MB whole).

    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools==4.68.0
    /tmp/ft/bin/python scripts/make_babelstone_subset.py [/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf]

BabelStone Han (Debian's fonts-babelstone-han) is under the Arphic Public License, which allows a modified copy to be
passed on under the same licence with its notices (resources/fonts/LICENSE-babelstone-han.txt). fontTools is needed
only to run this once; the subset is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf")
TARGET = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "BabelStoneHan-9FEB-9FEF.ttf"
CHARACTERS = range(0x9FEB, 0x9FF0)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    options = subset.Options()
    options.name_IDs = ["*"]  # the family, PostScript name and the licence notice stay
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=list(CHARACTERS))
    subsetter.subset(font)
    subset.save_font(font, str(TARGET), options)
    print(TARGET, TARGET.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
