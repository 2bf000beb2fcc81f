"""Every PDF the program writes is PDF/A-1b (ISO 19005-1, level B), so a station's receipts, agreements and
monthly figures can be archived as records: XMP metadata agreeing with the document information, the sRGB
output intent (resources/color/sRGB.icc), fonts embedded (reports/fonts.py), and the stream syntax the standard
asks for. Checked by Apache PDFBox Preflight in tests/reports/test_pdf_archive.py.

reportlab (open-source) writes none of this; the additions are made on the canvas's PDF document just before it
is saved, and one syntax rule (an end-of-line before ``endstream``, ISO 19005-1 6.1.7) by wrapping its stream
formatter once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc

from station_app.paths import resource_dir

ICC_NAME = "sRGB IEC61966-2.1"


@lru_cache(maxsize=1)
def _icc_profile() -> bytes:
    return (resource_dir() / "color" / "sRGB.icc").read_bytes()


@lru_cache(maxsize=1)
def install() -> None:
    """Wrap reportlab's stream formatter: the data, then an end-of-line, then ``endstream``."""
    original = pdfdoc.PDFStream.format

    def format_with_eol(self: pdfdoc.PDFStream, document: Any) -> bytes:
        written = original(self, document)
        tail = b"endstream\n"
        return written if written.endswith(b"\n" + tail) else written[: -len(tail)] + b"\n" + tail

    pdfdoc.PDFStream.format = format_with_eol


class _PlainStream(pdfdoc.PDFStream):
    """A stream written unfiltered: PDF/A-1 forbids a filter on the metadata stream (6.7.2)."""

    def format(self, document: Any) -> bytes:
        dictionary = pdfdoc.PDFDictionary(self.dictionary.dict.copy())
        dictionary["Length"] = len(self.content)
        return pdfdoc.format(dictionary, document) + b"\nstream\n" + self.content + b"\nendstream\n"


def make_archival(document: pdfdoc.PDFDocument) -> None:
    """Add the output intent and the XMP metadata to ``document`` (a canvas's ``_doc``) before it is saved."""
    install()
    profile = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 3}), _icc_profile())
    intent = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("OutputIntent"),
            "S": pdfdoc.PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": pdfdoc.PDFString(ICC_NAME),
            "Info": pdfdoc.PDFString(ICC_NAME),
            "DestOutputProfile": document.Reference(profile),
        }
    )
    catalog = document.Catalog
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]  # a key reportlab does not know
    catalog.OutputIntents = pdfdoc.PDFArray([intent])
    metadata = _PlainStream(
        pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}),
        _xmp(document).encode("utf-8"),
    )
    catalog.Metadata = metadata


def _xmp(document: pdfdoc.PDFDocument) -> str:
    """The XMP packet, saying what the document information dictionary says (6.7.3)."""
    info = document.info
    stamp = document._timeStamp
    yyyy, mm, dd, hh, mi, ss = stamp.YMDhms
    offset = f"{'+' if stamp.dhh >= 0 else '-'}{abs(stamp.dhh):02d}:{stamp.dmm:02d}"
    when = f"{yyyy:04d}-{mm:02d}-{dd:02d}T{hh:02d}:{mi:02d}:{ss:02d}{offset}"

    def text(value: Any) -> str:
        return escape(str(value or ""))

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(info.subject)}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{text(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{text(info.producer)}</pdf:Producer>
   <pdf:Keywords>{text(info.keywords)}</pdf:Keywords>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>1</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
