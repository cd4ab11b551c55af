#!/usr/bin/env python3
"""Makes the OCR test fixtures in this folder (run it here; needs pdftoppm).

  text.pdf          2 A5 pages of Dutch text with a text layer (Helvetica,
                    Helvetica-Bold: poppler draws them with a fontconfig
                    substitute such as DejaVu Sans)
  mixed.pdf         page 1 = text.pdf's page 1 (text layer), page 2 = a
                    200-dpi bilevel scan of text.pdf's page 2 (image only)
  ocr-layer.pdf     page 1 = the scan of text.pdf's page 1 with its text laid
                    over it invisibly (render mode 3 Tr), as scanners and OCR
                    programs write a text layer; page 2 = text.pdf's page 2
  scan.png          the scan of page 1, 1-bit grey PNG, 200 dpi (pHYs)
  scan-2pages.tif   the scans of pages 1 and 2, a 2-page 1-bit TIFF (Deflate),
                    200 dpi

Standard library only (zlib, struct); the files are small (tens of KiB).
The contents are made-up flyer text; the tests check words, not layout.
"""
import os
import struct
import subprocess
import tempfile
import zlib

DPI = 200
W, H = 420, 595  # A5 in points

PAGES = [
    [("F2", 16, 50, 70, "Monitoring van de behoeften"),
     ("F1", 11, 50, 100, "Toename van de kwetsbaarheid bij alle doelpublieken."),
     ("F1", 11, 50, 116, "Het sociale aspect zorgt voor stabiliteit voor mensen"),
     ("F1", 11, 50, 132, "en verslechtert, vooral met betrekking tot huisvesting."),
     ("F1", 11, 50, 156, "Mensen thuis ondersteunen brengt ook veel uitdagingen"),
     ("F1", 11, 50, 172, "met zich mee voor de professionals in de zorgzone."),
     ("F2", 16, 50, 212, "Bevindingen"),
     ("F1", 11, 50, 242, "Versnipperde ondersteuning voor mensen en gezinnen."),
     ("F1", 11, 50, 258, "De samenwerking tussen algemene en gespecialiseerde"),
     ("F1", 11, 50, 274, "spelers versterken in het kader van geestelijke gezondheid.")],
    [("F2", 16, 50, 70, "Gezamenlijke acties"),
     ("F1", 11, 50, 100, "In 2026 zullen we werken aan de continuiteit van"),
     ("F1", 11, 50, 116, "zorgtrajecten. De rollen van de organisaties worden"),
     ("F1", 11, 50, 132, "verduidelijkt, evenals de verhoudingen ertussen."),
     ("F2", 16, 50, 172, "Save the date"),
     ("F1", 11, 50, 202, "Het volgende thematische overleg vindt plaats op"),
     ("F1", 11, 50, 218, "3 maart 2026, van 10 tot 12 uur. Daarna volgt een lunch.")],
]


def pdf_string(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def content_stream(lines, invisible=False):
    ops = []
    for font, size, x, y, text in lines:
        ops.append("BT %s/%s %d Tf %d %d Td %s Tj ET" % ("3 Tr " if invisible else "", font, size, x, H - y,
                                                        pdf_string(text)))
    return "\n".join(ops).encode("latin-1")


def write_pdf(path, pages):
    """pages: list of ("text", lines), ("image", (width, height, packed 1-bit rows)) or
    ("ocr", (width, height, packed 1-bit rows, lines)): the image with the lines invisible over it."""
    objs = {}
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objs[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    kids = []
    n = 5
    for kind, data in pages:
        page, content = n, n + 1
        n += 2
        if kind == "text":
            stream = zlib.compress(content_stream(data), 9)
            resources = b"<< /Font << /F1 3 0 R /F2 4 0 R >> >>"
        else:
            iw, ih, bits = data[:3]
            image = n
            n += 1
            raw = zlib.compress(bits, 9)
            objs[image] = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n" % (iw, ih, len(raw))
                           + raw + b"\nendstream")
            draw = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (W, H)
            resources = b"<< /XObject << /Im0 %d 0 R >> >>" % image
            if kind == "ocr":
                draw += b"\n" + content_stream(data[3], invisible=True)
                resources = b"<< /XObject << /Im0 %d 0 R >> /Font << /F1 3 0 R /F2 4 0 R >> >>" % image
            stream = zlib.compress(draw, 9)
        objs[content] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objs[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources " % (W, H) + resources
                      + b" /Contents %d 0 R >>" % content)
        kids.append(page)
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for i in sorted(objs):
        offsets[i] = len(out)
        out += b"%d 0 obj\n" % i + objs[i] + b"\nendobj\n"
    xref = len(out)
    count = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for i in range(1, count):
        out += b"%010d 00000 n \n" % offsets[i] if i in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    with open(path, "wb") as f:
        f.write(out)


def read_pgm(path):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5"
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][: w * h]


def to_bilevel(w, h, grey, black_is_one):
    """Packs grey pixels (< 128 = ink) into 1-bit rows, MSB first."""
    rows = bytearray()
    stride = (w + 7) // 8
    for y in range(h):
        row = bytearray(stride)
        base = y * w
        for x in range(w):
            ink = grey[base + x] < 128
            if ink == black_is_one:
                row[x >> 3] |= 0x80 >> (x & 7)
        rows += row
    return bytes(rows)


def write_png(path, w, h, bits):
    stride = (w + 7) // 8
    raw = b"".join(b"\x00" + bits[y * stride:(y + 1) * stride] for y in range(h))

    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    ppm = round(DPI / 0.0254)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0))
           + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)) + chunk(b"IDAT", zlib.compress(raw, 9))
           + chunk(b"IEND", b""))
    open(path, "wb").write(png)


def write_tiff(path, images):
    """images: list of (w, h, bits with 1 = black); PhotometricInterpretation 0 (WhiteIsZero)."""
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    ifd_offsets = []
    for w, h, bits in images:
        data = zlib.compress(bits, 9)
        data_off = len(out)
        out += data
        if len(out) % 2:
            out += b"\x00"
        res_off = len(out)
        out += struct.pack("<IIII", DPI, 1, DPI, 1)
        entries = [
            (256, 4, 1, w), (257, 4, 1, h), (258, 3, 1, 1), (259, 3, 1, 8),  # deflate
            (262, 3, 1, 0), (273, 4, 1, data_off), (277, 3, 1, 1), (278, 4, 1, h),
            (279, 4, 1, len(data)), (282, 5, 1, res_off), (283, 5, 1, res_off + 8), (296, 3, 1, 2),
        ]
        ifd_offsets.append(len(out))
        out += struct.pack("<H", len(entries))
        for tag, typ, count, value in entries:
            if typ == 3:
                out += struct.pack("<HHIHH", tag, typ, count, value, 0)
            else:
                out += struct.pack("<HHII", tag, typ, count, value)
        out += b"\x00\x00\x00\x00"  # next IFD, patched below
    struct.pack_into("<I", out, 4, ifd_offsets[0])
    for a, b in zip(ifd_offsets, ifd_offsets[1:]):
        n = struct.unpack_from("<H", out, a)[0]
        struct.pack_into("<I", out, a + 2 + 12 * n, b)
    open(path, "wb").write(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_pdf(os.path.join(here, "text.pdf"), [("text", p) for p in PAGES])
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), os.path.join(here, "text.pdf"), os.path.join(tmp, "p")],
                       check=True)
        scans = [read_pgm(os.path.join(tmp, "p-%d.pgm" % i)) for i in (1, 2)]
    # PDF DeviceGray 1-bit and PNG grey 1-bit: 1 = white. TIFF WhiteIsZero: 1 = black.
    w2, h2, g2 = scans[1]
    write_pdf(os.path.join(here, "mixed.pdf"), [("text", PAGES[0]), ("image", (w2, h2, to_bilevel(w2, h2, g2, False)))])
    w1, h1, g1 = scans[0]
    write_pdf(os.path.join(here, "ocr-layer.pdf"),
              [("ocr", (w1, h1, to_bilevel(w1, h1, g1, False), PAGES[0])), ("text", PAGES[1])])
    write_png(os.path.join(here, "scan.png"), w1, h1, to_bilevel(w1, h1, g1, False))
    write_tiff(os.path.join(here, "scan-2pages.tif"), [(w, h, to_bilevel(w, h, g, True)) for w, h, g in scans])


if __name__ == "__main__":
    main()
