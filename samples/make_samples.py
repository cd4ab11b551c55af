#!/usr/bin/python3
"""Draws the sample "Thematisch overleg" flyers (samples/src/<name>.json) as PDFs.

usage: samples/make_samples.py [--out DIR] [--no-check] [--twice] [NAME...]

Each source file holds the logical content of one report in the evaluation's
truth format (id, meeting, agenda, sections with blocks, events, links), its
"language" ("nl" when absent; "fr": the flyer's own words, its hyphenation and
the truth's "language" follow it, see WORDS) and a "layout" object with what is
not content (the date as printed, contact lines,
anchors -> URLs, font, colours, sidebar width, where the Save-the-date box goes,
...; see LAYOUT KEYS below). For every NAME (default: every source) it writes
DIR/<name>.pdf and DIR/<name>.truth.json (the content fields, the layout left
out). DIR defaults to the folder of this script.

The flyer (A4, two pages) is typeset here with reportlab's canvas, no platypus:
  page 1  a coloured top band (series "Thematisch overleg", the title, the date
          as printed), a tinted LEFT sidebar (participants in large type, the
          standing description, the agenda bullets, "Zie presentatie hier."),
          the main text in two columns (optionally the Save-the-date box under
          them);
  page 2  a coloured strip (optional running header), the text goes on in two
          wider columns (balanced or filled), an optional decorative picture,
          the Save-the-date box, the footer ("Met de steun van de GGC", "Een
          initiatief van de vzw BRUSANO", the zone's contacts).
Text is set in embedded DejaVu TrueType fonts (subset), body justified with
word spacing (Tw on real space characters), line-end hyphenation from pyphen's
nl_NL dictionary drawn as "-" (never a soft hyphen), words written with a hyphen
may break after it but keep it; bullets are glyphs ("•", level 2 "–" or "›",
or numbers "1.") with a hanging indent; links are URI link annotations over the
anchor words. The body font size is the largest in [fs_max, fs_min] for which
the text fits the two pages; a sample that does not fit stops the script.

Checks after writing (unless --no-check): 2 pages; every truth word is in the
text layer (pdftotext -raw, line-end hyphens joined); no soft hyphen, no hyphen
inside a line that the truth does not have; the URI annotations are exactly the
truth's links; the words under each link rectangle (pdftotext -bbox) are its
anchor words. --twice builds every PDF twice and fails unless the bytes match.

LAYOUT KEYS (all optional)
  font            "sans" | "serif"  body text family (DejaVu Sans / DejaVu Serif)
  heading_font    "sans" | "serif"  headings, band and box titles (default: font)
  accent, tint    colours (#rrggbb)
  date_printed    the date as the band prints it ("25/09/25")
  subtitle        a line under the title (not content)
  lead            a sidebar text used instead of the participants line (not content)
  standing        the standing description (default: the usual text of the language)
  std_title       the Save-the-date box's title (default: "Save the date", French "À vos agendas")
  presentation    false: no "Zie presentatie hier." line; presentation_url: its link
  agenda_plain    indexes of agenda items set as a plain line, not a bullet
  anchors         [{"where": "s2.b3" | "agenda.0" | "event.0" | "subtitle" | "lead",
                    "text": "anchor words", "url": "..." | null, "nth": 0}]
                  url null: set in bold, no link
  event_breaks    {"0": "Zie de agendapagina"}: a new line starts there
  contact         {"email", "phone", "web"} in the footer (plain text)
  footer_links    [{"text", "url"}]: one more footer line, footer_links_label before it
  std_page        1: the Save-the-date box closes page 1's main area; 2 (default): page 2
  std_after_text  true: on page 2 the box follows the text instead of sitting on the footer
  std_fs          the box's text size in pt (default 9.5)
  break_before    index of the section that must start page 2
  sidebar_last    true: the sidebar is drawn after the main text (content-stream order)
  footer_first    true: page 2's footer is drawn before its text (content-stream order)
  running_header  text in page 2's top strip
  bullet2         level-2 bullet (default "›")
  numbered        ["s4.b12-20"]: these list items get "1.", "2.", ... instead of bullets
  fs_max, fs_min  body font size range in pt (default 12 .. 7.5)
  sidebar_width   mm (default 52); sidebar_fs: its starting font size (default 8.6)
  balance_p2      false: fill page 2's left column first (default true: balanced)
  illustration_mm height of a decorative picture (no text) under page 2's text
  table_widths    relative column widths of tables ([0.6, 0.4])
  sidebar_side    "left" (default) | "right": the sidebar at page 1's left or right edge |
                  "none": no sidebar; labelled lines ("Datum: ...", "Deelnemers: ...", "Op de
                  agenda:" and its bullets), the standing description and the presentation line
                  stand above page 1's columns, and the band shows no date
  columns1        2 (default) | 1: columns of the main text on page 1 (page 2 keeps two)
  numbered_headings  true: section headings drawn as "1. Heading", "2. ..." (the number is
                  not part of the truth)
  title_under_band  true: the band holds the series label alone; the title (in the accent
                  colour), the date and the subtitle stand under it on the white page
  head_box        with sidebar_side "none": "tint" | "frame": the head's lines stand in a
                  tinted or framed box across the page, opened by the lead when there is
                  one (a sidebar's text drawn as an info box; the lead is not content)

VARIANTS
  --variants draws every sample again in structurally different layouts, as
  DIR/<name>@<variant>.pdf (the same truth): VARIANTS below. The layout
  invariance test (tests/samples_variants_test.py) checks that all drawings of
  one sample give the same meeting, agenda, sections and events.
  note            the truth's layout_note
"""
import argparse
import collections
import functools
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import unicodedata

try:
    import pyphen
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas as rl_canvas
except ImportError as err:  # pragma: no cover
    raise SystemExit(f"make_samples: {err}: run with Debian's /usr/bin/python3 "
                     "(apt-get install python3-reportlab python3-pyphen hyphen-nl hyphen-fr fonts-dejavu-core)")

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
FONTDIR = "/usr/share/fonts/truetype/dejavu"
MM = 72.0 / 25.4
PW, PH = 595.2756, 841.8898          # A4 in pt
SHY = "\u00ad"
CONTENT_KEYS = ("id", "meeting", "agenda", "sections", "events", "links")
STANDING = ("Het thematisch overleg in de zorgzones wordt georganiseerd om op de hoogte te blijven van "
            "de laatste ontwikkelingen en om kennis te delen, de behoeften van de bevolking te monitoren, "
            "de noodzakelijke aanpassingen op het gebied van aanbod en samenwerking te identificeren en "
            "gezamenlijk uit te voeren acties voor te stellen. Alle actoren uit de welzijns- en "
            "gezondheidssector zijn welkom.")
# The flyer's own words in each language of the samples (the source's
# "language", default "nl"): band series, standing description, the
# presentation line, the Save-the-date box title, the footer, and pyphen's
# hyphenation dictionary, the labels of a layout without sidebar. French: as
# the zones' French reports print them.
WORDS = {
    "nl": {"hyphenation": "nl_NL", "series": "Thematisch overleg", "standing": STANDING,
           "presentation": ("Zie presentatie ", "hier", "."), "box": "Save the date",
           "support": "Met de steun van de GGC", "initiative": "Een initiatief van de vzw ",
           "zones": "Zorgzones:", "date_label": "Datum:", "participants_label": "Deelnemers:",
           "agenda_label": "Op de agenda:"},
    "fr": {"hyphenation": "fr_FR", "series": "Concertation thématique",
           "standing": ("La concertation thématique dans les zones de soins est organisée pour se tenir informé "
                        "des derniers développements et partager les connaissances, assurer le monitoring des "
                        "besoins de la population, identifier les adaptations nécessaires de l’offre et de la "
                        "collaboration et proposer des actions communes à mener. Tous les acteurs du secteur "
                        "social-santé sont les bienvenus."),
           "presentation": ("Voir la présentation ", "ici", "."), "box": "À vos agendas",
           "support": "Avec le soutien de la COCOM", "initiative": "Une initiative de l’asbl ",
           "zones": "Zones de soins :", "date_label": "Date :", "participants_label": "Participants :",
           "agenda_label": "Au programme :"},
}
TEXT_COLOR = HexColor("#222222")
GREY = HexColor("#444444")

# ---------------------------------------------------------------- fonts
FAMILIES = {
    "sans": ("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif", "DejaVuSerif.ttf", "DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
}
ASC, DESC = 0.928, 0.236            # DejaVu ascent / descent (em)
_registered = set()


def font(family, bold=False):
    reg, reg_file, bld, bld_file = FAMILIES[family]
    name, fname = (bld, bld_file) if bold else (reg, reg_file)
    if name not in _registered:
        path = os.path.join(FONTDIR, fname)
        if not os.path.exists(path):
            raise SystemExit(f"make_samples: font {path} missing (apt-get install fonts-dejavu-core)")
        pdfmetrics.registerFont(TTFont(name, path))
        _registered.add(name)
    return name


@functools.lru_cache(maxsize=None)
def _w1(text, fontname):
    return pdfmetrics.stringWidth(text, fontname, 1000.0) / 1000.0


def width(text, fontname, size):
    return _w1(text, fontname) * size


# ---------------------------------------------------------------- hyphenation
_dics = {}
LANG = ["nl"]   # the language of the sample being drawn (Flyer sets it)


def dic(lang):
    code = WORDS[lang]["hyphenation"]
    if code not in _dics:
        if code not in pyphen.LANGUAGES:
            raise SystemExit(f"make_samples: pyphen has no {code} dictionary "
                             "(apt-get install hyphen-nl hyphen-fr)")
        _dics[code] = pyphen.Pyphen(lang=code, left=2, right=3)
    return _dics[code]


LETTERS = re.compile(r"[^\W\d_]{5,}")
HARD_HYPHENS = "-\u2010"


def break_points(text, hyphenate):
    """[(position, add_hyphen)] where the word `text` may be broken at a line end."""
    return _break_points(text, hyphenate, LANG[0])


@functools.lru_cache(maxsize=None)
def _break_points(text, hyphenate, lang):
    pts = {}
    if hyphenate:
        for m in LETTERS.finditer(text):
            run = m.group(0)
            if run.isupper():
                continue
            for p in dic(lang).positions(run):
                if getattr(p, "data", None):      # non-standard hyphenation: skip
                    continue
                pts[m.start() + int(p)] = True
    for i, ch in enumerate(text):
        if ch in HARD_HYPHENS and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            pts[i + 1] = False               # break after a hyphen the word is written with
    return sorted(pts.items(), reverse=True)


# ---------------------------------------------------------------- rich text
# A piece is (text, Sty); a word is a tuple of pieces (no spaces inside); BR forces a new line.
Sty = collections.namedtuple("Sty", "bold url color underline")
PLAIN = Sty(False, None, None, False)
BR = ("\n",)


def pieces_of(text, anchors, base=PLAIN, link_bold=False):
    """Cut text into pieces: anchors [(words, url, nth)] become link (or bold) pieces."""
    spans = []
    for words, url, nth in anchors:
        # the nth occurrence (0-based) that no earlier anchor of this text covers
        free = [i for i in range(len(text)) if text.startswith(words, i)
                and not any(s < i + len(words) and i < e for s, e, _ in spans)]
        if len(free) <= nth:
            raise SystemExit(f"make_samples: anchor {words!r} not found in {text[:70]!r}…")
        start = free[nth]
        spans.append((start, start + len(words), url))
    spans.sort()
    out, pos = [], 0
    for s, e, url in spans:
        if s > pos:
            out.append((text[pos:s], base))
        if url:
            out.append((text[s:e], Sty(base.bold or link_bold, url, "accent", True)))
        else:
            out.append((text[s:e], Sty(True, None, base.color, False)))
        pos = e
    if pos < len(text):
        out.append((text[pos:], base))
    return out


def words_of(pieces):
    words, cur = [], []
    for text, sty in pieces:
        parts = re.split(r"( |\u2028)", text)
        for part in parts:
            if part == " ":
                if cur:
                    words.append(tuple(cur))
                    cur = []
            elif part == "\u2028":
                if cur:
                    words.append(tuple(cur))
                    cur = []
                words.append(BR)
            elif part:
                cur.append((part, sty))
    if cur:
        words.append(tuple(cur))
    return words


class Fonts:
    """Font names and colours for one kind of text."""

    def __init__(self, family, size, color, accent, bold=False):
        self.regular = font(family, False)
        self.bold = font(family, True)
        self.size = size
        self.color = color
        self.accent = accent
        self.all_bold = bold

    def name(self, sty):
        return self.bold if (sty.bold or self.all_bold) else self.regular

    def fill(self, sty):
        if sty.color == "accent":
            return self.accent
        if sty.color == "white":
            return HexColor("#ffffff")
        return self.color

    def wword(self, word):
        return sum(width(t, self.name(s), self.size) for t, s in word)

    def space(self):
        return width(" ", self.regular if not self.all_bold else self.bold, self.size)


Line = collections.namedtuple("Line", "words natural last rest")


def split_word(word, pos, hy):
    head, tail, n = [], [], 0
    for text, sty in word:
        if n + len(text) <= pos:
            head.append((text, sty))
        elif n >= pos:
            tail.append((text, sty))
        else:
            head.append((text[:pos - n], sty))
            tail.append((text[pos - n:], sty))
        n += len(text)
    if hy:
        t, s = head[-1]
        head[-1] = (t + "-", s)
    return tuple(head), tuple(tail)


def wrap(words, maxw, fn, hyphenate=True):
    """Greedy first-fit line breaking with hyphenation (what a browser does)."""
    words = list(words)
    lines, cur, cur_w = [], [], 0.0
    sp = fn.space()
    i = 0
    while i < len(words):
        w = words[i]
        if w is BR:
            lines.append(Line(tuple(cur), cur_w, True, words[i + 1:]))
            cur, cur_w = [], 0.0
            i += 1
            continue
        ww = fn.wword(w)
        need = ww if not cur else cur_w + sp + ww
        if need <= maxw + 0.01:
            cur.append(w)
            cur_w = need
            i += 1
            continue
        avail = maxw - (cur_w + sp if cur else 0.0)
        text = "".join(t for t, _ in w)
        done = False
        for pos, hy in break_points(text, hyphenate):
            head, tail = split_word(w, pos, hy)
            hw = fn.wword(head)
            if hw <= avail + 0.01:
                cur.append(head)
                cur_w = (cur_w + sp if len(cur) > 1 else 0.0) + hw
                words[i] = tail
                lines.append(Line(tuple(cur), cur_w, False, words[i:]))
                cur, cur_w = [], 0.0
                done = True
                break
        if done:
            continue
        if cur:
            lines.append(Line(tuple(cur), cur_w, False, words[i:]))
            cur, cur_w = [], 0.0
            continue
        cur, cur_w = [w], ww                  # a word wider than the line: let it stick out
        i += 1
    if cur:
        lines.append(Line(tuple(cur), cur_w, True, []))
    return lines


class Canvas:
    """reportlab canvas in top-down coordinates, recording link rectangles."""

    def __init__(self, fileobj, meta, initial_font):
        # initialFontName: no stray (unembedded) Helvetica in the page resources
        self.c = rl_canvas.Canvas(fileobj, pagesize=(PW, PH), invariant=1, pageCompression=1,
                                  initialFontName=initial_font, initialFontSize=10)
        self.c.setTitle(meta["title"])
        self.c.setAuthor(meta["author"])
        self.c.setSubject(meta["subject"])
        self.c.setCreator(meta["creator"])
        self.c.setKeywords(meta["keywords"])
        self.page = 1
        self.links = []          # (page, (x0, top, x1, bottom) top-down, url, text)

    def y(self, top):
        return PH - top

    def rect(self, x, top, w, h, fill, stroke=None, lw=0.0, radius=0.0):
        c = self.c
        c.saveState()
        c.setFillColor(fill) if fill is not None else None
        if stroke is not None:
            c.setStrokeColor(stroke)
            c.setLineWidth(lw)
        if radius:
            c.roundRect(x, PH - top - h, w, h, radius, stroke=1 if stroke is not None else 0,
                        fill=1 if fill is not None else 0)
        else:
            c.rect(x, PH - top - h, w, h, stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)
        c.restoreState()

    def hline(self, x0, x1, top, color, lw):
        c = self.c
        c.saveState()
        c.setStrokeColor(color)
        c.setLineWidth(lw)
        c.line(x0, PH - top, x1, PH - top)
        c.restoreState()

    def text(self, x, baseline, s, fontname, size, color, charspace=0.0):
        t = self.c.beginText(x, PH - baseline)
        t.setFont(fontname, size)
        t.setFillColor(color)
        t.setCharSpace(charspace)        # text state outlives BT/ET: always set it
        t.setWordSpace(0)
        t.textOut(s)
        self.c.drawText(t)

    def line(self, x, baseline, ln, fn, maxw, justify, align="left"):
        """One line of words; justify: stretch the spaces (Tw) to fill maxw."""
        sp = fn.space()
        n_sp = len(ln.words) - 1
        extra = (maxw - ln.natural) / n_sp if (justify and n_sp > 0 and ln.natural < maxw) else 0.0
        if align == "right":
            x = x + maxw - ln.natural
        elif align == "center":
            x = x + (maxw - ln.natural) / 2
        t = self.c.beginText(x, PH - baseline)
        t.setCharSpace(0)
        t.setWordSpace(extra)
        cx = x
        cur_font = cur_color = None
        marks = []                      # (x0, x1, sty, text) for links / underlines
        for wi, word in enumerate(ln.words):
            if wi:
                fname = fn.regular if not fn.all_bold else fn.bold
                if cur_font != fname:
                    t.setFont(fname, fn.size)
                    cur_font = fname
                t.textOut(" ")
                # a link running over several words covers the space between them too
                if marks and marks[-1][2].url and word[0][1].url == marks[-1][2].url:
                    marks[-1][1] = cx + sp + extra
                cx += sp + extra
            for text, sty in word:
                fname, color = fn.name(sty), fn.fill(sty)
                if fname != cur_font:
                    t.setFont(fname, fn.size)
                    cur_font = fname
                if color != cur_color:
                    t.setFillColor(color)
                    cur_color = color
                t.textOut(text)
                w = width(text, fname, fn.size)
                if sty.url or sty.underline:
                    if marks and marks[-1][2] == sty and abs(marks[-1][1] - cx) < 0.01:
                        marks[-1][1] = cx + w
                        marks[-1][3] += (" " if marks[-1][4] != wi else "") + text
                        marks[-1][4] = wi
                    else:
                        marks.append([cx, cx + w, sty, text, wi])
                cx += w
        self.c.drawText(t)
        for x0, x1, sty, text, _ in marks:
            if sty.underline:
                self.hline(x0, x1, baseline + fn.size * 0.12, fn.fill(sty), max(0.4, fn.size * 0.055))
            if sty.url:
                top, bottom = baseline - ASC * fn.size, baseline + DESC * fn.size
                self.c.linkURL(sty.url, (x0, PH - bottom, x1, PH - top), relative=0, thickness=0)
                self.links.append((self.page, (x0, top, x1, bottom), sty.url, text))

    def show_page(self):
        self.c.showPage()
        self.page += 1

    def save(self):
        self.c.save()


def baseline_of(top, lh, size):
    return top + (lh - (ASC + DESC) * size) / 2 + ASC * size


# ---------------------------------------------------------------- flowing blocks
class Block:
    """A heading, paragraph, list item or table of the main text."""

    def __init__(self, kind, words=None, level=1, marker=None, rows=None, sec=None, cont=False):
        self.kind, self.words, self.level, self.marker = kind, words, level, marker
        self.rows, self.sec, self.cont = rows, sec, cont

    splittable = property(lambda self: self.kind in ("para", "li"))


class Typeset:
    """Fonts and metrics of the main text at one body size."""

    def __init__(self, L, fs):
        self.L, self.fs = L, fs
        acc = L["accent_c"]
        self.body = Fonts(L["font"], fs, TEXT_COLOR, acc)
        self.h2 = Fonts(L["heading_font"], fs * 1.24, acc, acc, bold=True)
        self.h3 = Fonts(L["heading_font"], fs * 1.04, TEXT_COLOR, acc, bold=True)
        self.tbl = Fonts(L["font"], fs * 0.93, TEXT_COLOR, acc)
        self.tblh = Fonts(L["font"], fs * 0.93, HexColor("#ffffff"), acc, bold=True)
        self.lh = fs * 1.36
        self.indent = fs * 1.15
        self.num_indent = fs * 1.55

    def space_before(self, b):
        return {"h2": 0.85 * self.h2.size, "h3": 0.65 * self.h3.size, "table": 0.2 * self.fs}.get(b.kind, 0.0)

    def space_after(self, b):
        return {"h2": 0.4 * self.h2.size, "h3": 0.3 * self.h3.size, "para": 0.55 * self.fs,
                "li": 0.38 * self.fs, "table": 0.8 * self.fs}[b.kind]

    def text_x(self, b):
        """Offset of the text from the column's left edge, and of the marker."""
        if b.kind != "li":
            return 0.0, None
        ind = self.num_indent if b.marker and b.marker[0].isdigit() else self.indent
        if b.level >= 2:
            return self.indent + ind, self.indent
        return ind, 0.0

    def lay(self, b, w):
        """Lay out block b in a column of width w: (height, payload)."""
        if b.kind in ("h2", "h3"):
            fn = self.h2 if b.kind == "h2" else self.h3
            lines = wrap(b.words, w, fn, hyphenate=False)
            lh = fn.size * 1.2 if b.kind == "h2" else fn.size * 1.25
            return len(lines) * lh, (fn, lines, lh)
        if b.kind in ("para", "li"):
            tx, _ = self.text_x(b)
            lines = wrap(b.words, w - tx, self.body)
            return len(lines) * self.lh, (self.body, lines, self.lh)
        if b.kind == "table":
            return self.lay_table(b, w)
        raise ValueError(b.kind)

    def lay_table(self, b, w):
        fr = self.L.get("table_widths") or [0.6, 0.4]
        ncol = len(b.rows[0])
        if len(fr) != ncol:
            fr = [1.0 / ncol] * ncol
        colw = [w * f / sum(fr) for f in fr]
        pad_x, pad_y = 1.5 * MM, 1.2 * MM
        lh = self.tbl.size * 1.3
        rows = []
        for ri, row in enumerate(b.rows):
            fn = self.tblh if ri == 0 else self.tbl
            cells = [wrap(words_of([(cell, PLAIN)]), colw[ci] - 2 * pad_x, fn, hyphenate=False)
                     for ci, cell in enumerate(row)]
            h = max(len(c) for c in cells) * lh + 2 * pad_y
            rows.append((fn, cells, h))
        return sum(r[2] for r in rows), ("table", rows, colw, pad_x, pad_y, lh)

    def split(self, b, payload, k):
        """The first k lines of b and the rest as a new block (continuation)."""
        fn, lines, lh = payload
        head = (fn, [l if i < k - 1 else l._replace(last=False) for i, l in enumerate(lines[:k])], lh)
        rest = Block(b.kind, words=lines[k - 1].rest, level=b.level, marker=b.marker, sec=b.sec, cont=True)
        return head, rest

    def draw(self, cv, b, payload, x, top, w):
        if b.kind == "table":
            _, rows, colw, pad_x, pad_y, lh = payload
            y = top
            for ri, (fn, cells, h) in enumerate(rows):
                if ri == 0:
                    cv.rect(x, y, w, h, self.L["accent_c"])
                cx = x
                for ci, lines in enumerate(cells):
                    for li, ln in enumerate(lines):
                        cv.line(cx + pad_x, baseline_of(y + pad_y + li * lh, lh, fn.size), ln, fn,
                                colw[ci] - 2 * pad_x, False)
                    cx += colw[ci]
                y += h
                if ri:
                    cv.hline(x, x + w, y, HexColor("#aaaaaa"), 0.5)
            return
        fn, lines, lh = payload
        tx, mx = self.text_x(b)
        justify = b.kind in ("para", "li")
        for i, ln in enumerate(lines):
            bl = baseline_of(top + i * lh, lh, fn.size)
            if i == 0 and b.kind == "li" and not b.cont:
                mfn = self.body
                mfont = mfn.bold if b.marker[0].isdigit() else mfn.regular
                cv.text(x + mx, bl, b.marker, mfont, mfn.size, self.L["accent_c"])
            cv.line(x + tx, bl, ln, fn, w - tx, justify and not ln.last)


def fill_frames(ts, frames, queue):
    """Pour the blocks of `queue` into frames [(x, top, w, h)]; returns (placed, leftover).
    placed: [(frame index, block, payload, top)]; a paragraph may be split between frames
    (at least 2 lines on each side), headings stay with the start of what follows."""
    queue = list(queue)
    placed = []
    for fi, (fx, ftop, fw, fh) in enumerate(frames):
        y = 0.0
        while queue:
            b = queue[0]
            sb = ts.space_before(b) if y > 0 else 0.0
            h, pay = ts.lay(b, fw)
            need = h
            if b.kind in ("h2", "h3") and len(queue) > 1:
                nb = queue[1]
                nh, npay = ts.lay(nb, fw)
                if nb.kind in ("para", "li"):
                    nh = min(len(npay[1]), 2) * npay[2]
                need = h + ts.space_after(b) + ts.space_before(nb) + nh
            if y + sb + need <= fh + 0.01:
                placed.append((fi, b, pay, y + sb))
                y += sb + h + ts.space_after(b)
                queue.pop(0)
                continue
            if b.splittable:
                lh = pay[2]
                k = int((fh - y - sb + 0.01) // lh)
                n = len(pay[1])
                k = min(k, n - 2)
                if k >= 2:
                    head, rest = ts.split(b, pay, k)
                    placed.append((fi, b, head, y + sb))
                    queue[0] = rest
                    break
            if y == 0.0:
                if b.kind in ("h2", "h3") and h <= fh:          # alone at the top of a frame
                    placed.append((fi, b, pay, 0.0))
                    y += h + ts.space_after(b)
                    queue.pop(0)
                    continue
                return placed, queue, False                       # does not fit in an empty frame
            break
    return placed, queue, True


# ---------------------------------------------------------------- the flyer
class Flyer:
    def __init__(self, src):
        self.src = src
        lang = src.get("language", "nl")
        if lang not in WORDS:
            raise SystemExit(f"make_samples: {src['id']}: no flyer words for language {lang!r} (WORDS)")
        self.words = WORDS[lang]
        LANG[0] = lang
        L = dict(src.get("layout") or {})
        L.setdefault("font", "sans")
        L.setdefault("heading_font", L["font"])
        L["accent_c"] = HexColor(L.get("accent", "#0f7c8c"))
        L["tint_c"] = HexColor(L.get("tint", "#e9f3f4"))
        self.L = L
        self.used_anchors = set()
        self.anchors = collections.defaultdict(list)
        for a in L.get("anchors", []):
            self.anchors[a["where"]].append((a["text"], a.get("url"), a.get("nth", 0)))
        self.numbered = {}
        for spec in L.get("numbered", []):
            m = re.fullmatch(r"s(\d+)\.b(\d+)-(\d+)", spec)
            if not m:
                raise SystemExit(f"make_samples: bad numbered range {spec!r}")
            s, b0, b1 = map(int, m.groups())
            for n, bi in enumerate(range(b0, b1 + 1), 1):
                self.numbered[(s, bi)] = f"{n}."

    def at(self, where):
        self.used_anchors.add(where)
        return self.anchors.get(where, [])

    # ---- content -> blocks
    def blocks(self):
        out = []
        for si, sec in enumerate(self.src["sections"]):
            heading = f"{si + 1}. {sec['heading']}" if self.L.get("numbered_headings") else sec["heading"]
            out.append(Block("h2", words=words_of(pieces_of(heading, self.at(f"s{si}.h"))), sec=si))
            for bi, b in enumerate(sec["blocks"]):
                where = f"s{si}.b{bi}"
                t = b["type"]
                if t == "paragraph":
                    out.append(Block("para", words=words_of(pieces_of(b["text"], self.at(where))), sec=si))
                elif t == "list_item":
                    lvl = int(b.get("level") or 1)
                    if (si, bi) in self.numbered:
                        if lvl != 1:
                            raise SystemExit(f"make_samples: numbered item {where} is not level 1")
                        marker = self.numbered[(si, bi)]
                    else:
                        marker = "•" if lvl == 1 else self.L.get("bullet2", "›")
                    out.append(Block("li", words=words_of(pieces_of(b["text"], self.at(where))),
                                     level=min(lvl, 2), marker=marker, sec=si))
                elif t == "subheading":
                    out.append(Block("h3", words=words_of(pieces_of(b["text"], self.at(where))), sec=si))
                elif t == "table":
                    out.append(Block("table", rows=b["rows"], sec=si))
                else:
                    raise SystemExit(f"make_samples: unknown block type {t!r} in {where}")
        return out

    # ---- geometry
    def band_layout(self):
        L, m = self.L, self.src["meeting"]
        hf = L["heading_font"]
        white = HexColor("#ffffff")
        date = L.get("date_printed") if L.get("sidebar_side") != "none" else None  # then "Datum:" in the head
        dfont = Fonts(hf, 14, white, white, bold=True)
        date_w = dfont.wword(((date, PLAIN),)) if date else 0.0
        under = bool(L.get("title_under_band"))
        maxw = PW - 24 * MM - (date_w + 8 * MM if date and not under else 0.0)
        tcolor = L["accent_c"] if under else white
        size = 20.0
        while True:
            tfn = Fonts(hf, size, tcolor, tcolor, bold=True)
            tl = wrap(words_of([(m["title"], PLAIN)]), maxw, tfn, hyphenate=False)
            if len(tl) <= 2 and all(l.natural <= maxw for l in tl) or size <= 14:
                break
            size -= 0.5
        sub = None
        if L.get("subtitle"):
            sfn = Fonts(hf, 10, white, white)
            sub = (sfn, wrap(words_of(pieces_of(L["subtitle"], self.at("subtitle"))), min(maxw, 150 * MM), sfn,
                             hyphenate=False))
        if under:
            # The band holds the series label alone; the title, the date
            # under it, and a subtitle stand on the white page below.
            if sub:
                sfn = Fonts(hf, 10, GREY, GREY)
                sub = (sfn, sub[1])
            dfont = Fonts(hf, 12, GREY, GREY, bold=True)
            under_h = 5 * MM + len(tl) * size * 1.15 + (2 * MM + 12 * 1.3 if date else 0.0)
            if sub:
                under_h += 2 * MM + len(sub[1]) * 10 * 1.3
            return 18 * MM, (tfn, tl, sub, dfont, date, date_w, under_h)
        h = 8 * MM + 11 * 1.25 + 1.5 * MM + len(tl) * size * 1.15 + 6 * MM
        if sub:
            h += 2 * MM + len(sub[1]) * 10 * 1.3
        return max(h, 36 * MM), (tfn, tl, sub, dfont, date, date_w, 0.0)

    def draw_band(self, cv, band_h, band):
        L = self.L
        tfn, tl, sub, dfont, date, date_w, under_h = band
        white = HexColor("#ffffff")
        cv.rect(0, 0, PW, band_h, L["accent_c"])
        if under_h:
            sfont = Fonts(L["heading_font"], 11, white, white)
            cv.text(12 * MM, baseline_of((band_h - 11 * 1.25) / 2, 11 * 1.25, 11), self.src["meeting"].get("series") or
                    "Thematisch overleg", sfont.regular, 11, white, charspace=0.3)
            y = band_h + 5 * MM
            lh = tfn.size * 1.15
            for i, ln in enumerate(tl):
                cv.line(12 * MM, baseline_of(y + i * lh, lh, tfn.size), ln, tfn, PW, False)
            y += len(tl) * lh
            if date:
                y += 2 * MM
                cv.text(12 * MM, baseline_of(y, 12 * 1.3, 12), date, dfont.bold, 12, GREY)
                y += 12 * 1.3
            if sub:
                sfn, sl = sub
                y += 2 * MM
                for i, ln in enumerate(sl):
                    cv.line(12 * MM, baseline_of(y + i * 13, 13, 10), ln, sfn, PW, False)
            return
        bottom = band_h - 6 * MM
        y = bottom
        if sub:
            sfn, sl = sub
            y -= len(sl) * 10 * 1.3
            sub_top = y
            y -= 2 * MM
        title_top = y - len(tl) * tfn.size * 1.15
        series_top = title_top - 1.5 * MM - 11 * 1.25
        sfont = Fonts(L["heading_font"], 11, white, white)
        cv.text(12 * MM, baseline_of(series_top, 11 * 1.25, 11), self.src["meeting"].get("series") or
                self.words["series"], sfont.regular, 11, white, charspace=0.3)
        for i, ln in enumerate(tl):
            cv.line(12 * MM, baseline_of(title_top + i * tfn.size * 1.15, tfn.size * 1.15, tfn.size), ln, tfn,
                    PW, False)
        if sub:
            for i, ln in enumerate(sl):
                cv.line(12 * MM, baseline_of(sub_top + i * 13, 13, 10), ln, sfn, PW, False)
        if date:
            lh = tfn.size * 1.15
            cv.text(PW - 12 * MM - date_w, baseline_of(title_top + (len(tl) - 1) * lh, lh, tfn.size),
                    date, dfont.bold, 14, white)

    def sidebar(self, width_, sfs):
        """Sidebar items at font size sfs: [(kind, fonts, lines, lh, gap_after, marker)]."""
        L, m = self.L, self.src["meeting"]
        inner = width_ - 8 * MM
        acc = L["accent_c"]
        items = []
        if m.get("participants") or L.get("lead"):
            if m.get("participants"):
                pcs, scale = [(m["participants"]["text"], PLAIN)], 1.62
            else:
                pcs, scale = pieces_of(L["lead"], self.at("lead")), 1.2
            size = sfs * scale
            words = words_of(pcs)
            while True:
                fn = Fonts(L["heading_font"], size, acc, acc, bold=True)
                if max(fn.wword(w) for w in words) <= inner or size < sfs:
                    break
                size -= 0.1
            items.append(("count", fn, wrap(words, inner, fn, hyphenate=False), size * 1.2, 5 * MM, None))
        body = Fonts(L["font"], sfs, TEXT_COLOR, acc)
        items.append(("p", body, wrap(words_of([(L.get("standing", self.words["standing"]), PLAIN)]), inner, body, False),
                      sfs * 1.34, 5 * MM, None))
        agenda = self.src.get("agenda") or []
        plain = set(L.get("agenda_plain", []))
        ind = sfs * 1.15
        for ai, item in enumerate(agenda):
            words = words_of(pieces_of(item, self.at(f"agenda.{ai}")))
            gap = 2.2 * MM if ai < len(agenda) - 1 else 0
            if ai in plain:
                items.append(("p", body, wrap(words, inner, body, False), sfs * 1.34, gap, None))
            else:
                items.append(("li", body, wrap(words, inner - ind, body, False), sfs * 1.34, gap, "•"))
        if L.get("presentation", True):
            url = L.get("presentation_url")
            pfn = Fonts(L["font"], sfs, TEXT_COLOR, acc, bold=True)
            lead, anchor, end = self.words["presentation"]
            pcs = [(lead, PLAIN), (anchor, Sty(True, url, "accent", True) if url else PLAIN), (end, PLAIN)]
            items.append(("pres", pfn, wrap(words_of(pcs), inner, pfn, False), sfs * 1.34, 0, None))
            items[-2] = items[-2][:4] + (5 * MM,) + items[-2][5:]
        h = 10 * MM + sum(len(it[2]) * it[3] + it[4] for it in items)
        return h, items

    def head(self, w):
        """No sidebar: labelled lines above page 1's columns ("Datum: ...", "Deelnemers: ...",
        "Op de agenda:" and its bullets), then the standing description and the presentation
        line. (height, items) as sidebar() gives them."""
        L, m = self.L, self.src["meeting"]
        acc = L["accent_c"]
        size = 10.0
        body = Fonts(L["font"], size, TEXT_COLOR, acc)
        bold = Fonts(L["font"], size, TEXT_COLOR, acc, bold=True)
        lh, ind = size * 1.34, size * 1.15
        items = []

        def labelled(label, text):
            words = words_of([(label, Sty(True, None, None, False)), (" " + text, PLAIN)])
            items.append(("p", body, wrap(words, w, body, False), lh, 1.5 * MM, None))

        if L.get("date_printed"):
            labelled(self.words["date_label"], L["date_printed"])
        if m.get("participants"):
            labelled(self.words["participants_label"], m["participants"]["text"])
        box = L.get("head_box")
        if box:
            w -= 6 * MM  # the box's inner width
        if L.get("lead"):
            if box:  # an info box opens with the lead, as a sidebar does
                words = words_of(pieces_of(L["lead"], self.at("lead")))
                items.append(("p", body, wrap(words, w, body, False), lh, 2 * MM, None))
            else:
                self.at("lead")  # a sidebar's lead line (not content): a layout without sidebar has none
        agenda = self.src.get("agenda") or []
        if agenda:
            items.append(("p", bold, wrap(words_of([(self.words["agenda_label"], PLAIN)]), w, bold, False), lh, 1 * MM,
                          None))
            for ai, item in enumerate(agenda):
                words = words_of(pieces_of(item, self.at(f"agenda.{ai}")))
                items.append(("li", body, wrap(words, w - ind, body, False), lh, 1 * MM, "•"))
        if items:  # more room before the standing description
            items[-1] = items[-1][:4] + (3 * MM,) + items[-1][5:]
        items.append(("p", body, wrap(words_of([(L.get("standing", STANDING), PLAIN)]), w, body, False), lh,
                      1.5 * MM, None))
        if L.get("presentation", True):
            url = L.get("presentation_url")
            pcs = [("Zie presentatie ", PLAIN), ("hier", Sty(True, url, "accent", True) if url else PLAIN),
                   (".", PLAIN)]
            items.append(("pres", bold, wrap(words_of(pcs), w, bold, False), lh, 0, None))
        pad = 5 * MM if box else 0.0  # the box's margins above and below
        return sum(len(it[2]) * it[3] + it[4] for it in items) + pad, items

    def draw_head(self, cv, x, top, w, items):
        L = self.L
        y = top
        box = L.get("head_box")
        if box:
            h = self.head_cache[0]
            if box == "frame":
                cv.rect(x, top, w, h, None, L["accent_c"], 0.8)
            else:
                cv.rect(x, top, w, h, L["tint_c"])
            x, w, y = x + 3 * MM, w - 6 * MM, top + 3 * MM
        for kind, fn, lines, lh, gap, marker in items:
            tx = 0.0
            if kind == "li":
                tx = fn.size * 1.15
                cv.text(x, baseline_of(y, lh, fn.size), marker, fn.regular, fn.size, L["accent_c"])
            for i, ln in enumerate(lines):
                cv.line(x + tx, baseline_of(y + i * lh, lh, fn.size), ln, fn, w - tx, False)
            y += len(lines) * lh + gap

    def draw_sidebar(self, cv, x, top, w, h, items):
        L = self.L
        cv.rect(x, top, w, h, L["tint_c"])
        y = top + 5 * MM
        for kind, fn, lines, lh, gap, marker in items:
            tx = 0.0
            if kind == "li":
                tx = fn.size * 1.15
                cv.text(x + 4 * MM, baseline_of(y, lh, fn.size), marker, fn.regular, fn.size, L["accent_c"])
            for i, ln in enumerate(lines):
                cv.line(x + 4 * MM + tx, baseline_of(y + i * lh, lh, fn.size), ln, fn, w - 8 * MM - tx, False)
            y += len(lines) * lh + gap

    def std_box(self, w):
        """The Save-the-date box: (height, payload) or (0, None)."""
        events = self.src.get("events") or []
        if not events:
            return 0.0, None
        L = self.L
        acc = L["accent_c"]
        size = float(L.get("std_fs", 9.5))
        tfn = Fonts(L["heading_font"], 13, acc, acc, bold=True)
        efn = Fonts(L["font"], size, TEXT_COLOR, acc)
        paras = []
        for ei, ev in enumerate(events):
            text = ev["text"]
            brk = L.get("event_breaks", {}).get(str(ei))
            if brk:
                if (" " + brk) not in text:
                    raise SystemExit(f"make_samples: event_breaks {brk!r} not in event {ei}")
                text = text.replace(" " + brk, "\u2028" + brk, 1)
            pcs = pieces_of(text, self.at(f"event.{ei}"), link_bold=True)
            paras.append(wrap(words_of(pcs), w - 10 * MM, efn, hyphenate=False))
        lh = size * 1.38
        h = 7 * MM + 13 * 1.2 + 1.5 * MM + sum(len(p) for p in paras) * lh + 1.5 * MM * (len(paras) - 1)
        return h, (tfn, efn, paras, lh)

    def draw_std(self, cv, x, top, w, h, pay):
        tfn, efn, paras, lh = pay
        L = self.L
        cv.rect(x, top, w, h, L["tint_c"], L["accent_c"], 1.3, radius=3 * MM)
        y = top + 3.5 * MM
        cv.text(x + 5 * MM, baseline_of(y, 13 * 1.2, 13), L.get("std_title", self.words["box"]), tfn.bold, 13,
                L["accent_c"])
        y += 13 * 1.2 + 1.5 * MM
        for lines in paras:
            for ln in lines:
                cv.line(x + 5 * MM, baseline_of(y, lh, efn.size), ln, efn, w - 10 * MM, False)
                y += lh
            y += 1.5 * MM

    def footer(self, w):
        L = self.L
        c = L.get("contact") or {}
        right = [c[k] for k in ("email", "phone", "web") if c.get(k)]
        nleft = 2 + (1 if L.get("footer_links") else 0)
        lh = 7.6 * 1.35
        return 2.5 * MM + max(nleft, len(right)) * lh, right

    def draw_footer(self, cv, x, top, w, right):
        L = self.L
        fn = Fonts(L["font"], 7.6, GREY, L["accent_c"])
        lh = 7.6 * 1.35
        cv.hline(x, x + w, top, HexColor("#999999"), 0.5)
        y = top + 2.5 * MM
        left = [words_of([(self.words["support"], PLAIN)]),
                words_of([(self.words["initiative"], PLAIN), ("BRUSANO", Sty(True, None, None, False))])]
        if L.get("footer_links"):
            pcs = [(L.get("footer_links_label", self.words["zones"]) + " ", PLAIN)]
            for i, fl in enumerate(L["footer_links"]):
                if i:
                    pcs.append((" · ", PLAIN))
                pcs.append((fl["text"], Sty(False, fl["url"], "accent", True)))
            left.append(words_of(pcs))
        for i, words in enumerate(left):
            ln = wrap(words, w, fn, False)[0]
            cv.line(x, baseline_of(y + i * lh, lh, 7.6), ln, fn, w, False)
        for i, text in enumerate(right):
            ln = wrap(words_of([(text, PLAIN)]), w, fn, False)[0]
            cv.line(x, baseline_of(y + i * lh, lh, 7.6), ln, fn, w, False, align="right")

    def draw_illustration(self, cv, x, top, w, h):
        """A decorative picture (vector shapes, no text)."""
        L = self.L
        c = cv.c
        c.saveState()
        p = c.beginPath()
        p.roundRect(x, PH - top - h, w, h, 3 * MM)
        c.clipPath(p, stroke=0, fill=0)
        c.linearGradient(x, PH - top, x + w, PH - top - h, (L["accent_c"], L["tint_c"]), extend=True)
        white, black = HexColor("#ffffff"), HexColor("#000000")
        r = min(w, 2.2 * h)
        for fx, fy, fr, color, alpha in [(0.22, 0.38, 0.12, white, 0.55), (0.68, 0.58, 0.22, white, 0.30),
                                         (0.42, 0.95, 0.16, black, 0.12), (0.9, 0.1, 0.08, white, 0.4)]:
            c.setFillColor(color)
            c.setFillAlpha(alpha)
            c.circle(x + fx * w, PH - top - fy * h, fr * r, stroke=0, fill=1)
        c.restoreState()

    # ---- fitting
    def plan(self, fs):
        """Try body size fs: a dict with everything placed, or None when it does not fit."""
        L = self.L
        ts = Typeset(L, fs)
        band_h, band = self.band_cache
        sbw = float(L.get("sidebar_width", 52)) * MM
        top1, bottom1 = band_h + band[-1] + 7 * MM, PH - 11 * MM
        main_w = PW - 12 * MM - (12 * MM + sbw + 7 * MM)
        main_x = 12 * MM if L.get("sidebar_side") == "right" else 12 * MM + sbw + 7 * MM
        if L.get("sidebar_side") == "none":
            main_w, main_x = PW - 24 * MM, 12 * MM
            top1 += self.head_cache[0] + 5 * MM
        gap = 6 * MM
        col1 = (main_w - gap) / 2
        std_page = int(L.get("std_page", 2))
        std1_h = 0.0
        if std_page == 1:
            h, _ = self.std_box(main_w)
            std1_h = h + 5 * MM if h else 0.0
        h1 = bottom1 - top1 - std1_h
        frames1 = [(main_x, top1, col1, h1), (main_x + col1 + gap, top1, col1, h1)]
        if int(L.get("columns1", 2)) == 1:
            frames1 = [(main_x, top1, main_w, h1)]
        blocks = self.blocks()
        brk = L.get("break_before")
        nsec = len(self.src["sections"])
        for attempt in range(2):
            if brk is not None:
                first = [b for b in blocks if b.sec < brk]
                later = [b for b in blocks if b.sec >= brk]
                placed1, left1, ok = fill_frames(ts, frames1, first)
                if not ok or left1:
                    return None
                rest = later
            else:
                placed1, rest, ok = fill_frames(ts, frames1, blocks)
                if not ok:
                    return None
            if rest:
                break
            if brk is None and nsec > 1:       # the text must go on to page 2
                brk = nsec - 1
                continue
            return None
        # page 2
        x2, w2 = 12 * MM, PW - 24 * MM
        top2, bottom2 = 10 * MM + 8 * MM, PH - 8 * MM
        foot_h, right = self.footer(w2)
        foot_top = bottom2 - foot_h
        std_h, std_pay = self.std_box(w2) if std_page != 1 else (0.0, None)
        text_bottom = foot_top - 5 * MM - (std_h + 5 * MM if std_h else 0.0)
        if L.get("illustration_mm"):          # keep room for the picture
            text_bottom -= float(L["illustration_mm"]) * MM + 5 * MM
        col2 = (w2 - gap) / 2
        hmax = text_bottom - top2
        if hmax <= 0:
            return None

        def frames2(h):
            return [(x2, top2, col2, h), (x2 + col2 + gap, top2, col2, h)]

        placed2, left2, ok = fill_frames(ts, frames2(hmax), rest)
        if not ok or left2:
            return None
        used_h = hmax
        if L.get("balance_p2", True):
            lo, hi = 0.0, hmax
            while hi - lo > 0.5:
                mid = (lo + hi) / 2
                p, lft, ok2 = fill_frames(ts, frames2(mid), rest)
                if ok2 and not lft:
                    hi = mid
                else:
                    lo = mid
            placed2, left2, ok = fill_frames(ts, frames2(hi), rest)
            if not ok or left2:
                return None
            used_h = hi
        # where the text really ends
        text_end = top2 + max([t + self.payload_h(b, pay, ts) for fi, b, pay, t in placed2] or [0.0])
        return dict(ts=ts, fs=fs, band_h=band_h, band=band, sbw=sbw, top1=top1, bottom1=bottom1,
                    main_x=main_x, main_w=main_w, frames1=frames1, placed1=placed1, std_page=std_page,
                    x2=x2, w2=w2, top2=top2, frames2=frames2(used_h), placed2=placed2, foot_top=foot_top,
                    right=right, std_h=std_h, std_pay=std_pay, text_end=text_end, text_bottom=text_bottom,
                    brk=brk)

    @staticmethod
    def payload_h(b, pay, ts):
        if b.kind == "table":
            return sum(r[2] for r in pay[1])
        return len(pay[1]) * pay[2]

    def build(self, fileobj):
        L, src = self.L, self.src
        self.band_cache = self.band_layout()
        self.head_cache = self.head(PW - 24 * MM) if L.get("sidebar_side") == "none" else (0.0, [])
        fs_max, fs_min = float(L.get("fs_max", 12.0)), float(L.get("fs_min", 7.5))
        plan = None
        steps = int(round((fs_max - fs_min) / 0.1))
        for i in range(steps + 1):
            fs = round(fs_max - i * 0.1, 2)
            plan = self.plan(fs)
            if plan:
                break
        if not plan:
            raise SystemExit(f"make_samples: {src['id']}: the text does not fit on two pages "
                             f"at {fs_min} pt")
        # sidebar
        sbh = plan["bottom1"] - plan["top1"]
        sfs = float(L.get("sidebar_fs", 8.6))
        while L.get("sidebar_side") != "none":
            need, items = self.sidebar(plan["sbw"], sfs)
            if need <= sbh or sfs < 6.5:
                break
            sfs = round(sfs - 0.1, 2)
        else:
            need = 0.0
        if need > sbh:
            raise SystemExit(f"make_samples: {src['id']}: the sidebar does not fit")
        unused = set(self.anchors) - self.used_anchors
        if unused:
            raise SystemExit(f"make_samples: {src['id']}: anchors for unknown places: {sorted(unused)}")

        m = src["meeting"]
        meta = {"title": m["title"], "author": "Brusano (sample)",
                "subject": "Verslag thematisch overleg" + (f" – zorgzone {m['zone']}" if m.get("zone") else ""),
                "creator": "overleg samples/make_samples.py", "keywords": f"overleg sample {src['id']}"}
        cv = Canvas(fileobj, meta, font(L["font"]))
        ts = plan["ts"]
        # page 1
        self.draw_band(cv, plan["band_h"], plan["band"])

        def side():
            if L.get("sidebar_side") == "none":
                band_h, band = plan["band_h"], plan["band"]
                self.draw_head(cv, 12 * MM, band_h + band[-1] + 7 * MM, PW - 24 * MM, self.head_cache[1])
                return
            sx = PW - 12 * MM - plan["sbw"] if L.get("sidebar_side") == "right" else 12 * MM
            self.draw_sidebar(cv, sx, plan["top1"], plan["sbw"], sbh, items)

        def main1():
            for fi, b, pay, t in plan["placed1"]:
                fx, ftop, fw, _ = plan["frames1"][fi]
                ts.draw(cv, b, pay, fx, ftop + t, fw)
            if plan["std_page"] == 1:
                h, pay = self.std_box(plan["main_w"])
                if h:
                    self.draw_std(cv, plan["main_x"], plan["bottom1"] - h, plan["main_w"], h, pay)

        if L.get("sidebar_last"):
            main1()
            side()
        else:
            side()
            main1()
        cv.show_page()
        # page 2
        cv.rect(0, 0, PW, 10 * MM, L["accent_c"])
        if L.get("running_header"):
            white = HexColor("#ffffff")
            rfn = Fonts(L["heading_font"], 8, white, white)
            cv.text(12 * MM, 6.3 * MM, L["running_header"], rfn.regular, 8, white)
            cv.text(PW - 12 * MM - width("2", rfn.regular, 8), 6.3 * MM, "2", rfn.regular, 8, white)

        def foot():
            self.draw_footer(cv, plan["x2"], plan["foot_top"], plan["w2"], plan["right"])

        if L.get("footer_first"):
            foot()
        for fi, b, pay, t in plan["placed2"]:
            fx, ftop, fw, _ = plan["frames2"][fi]
            ts.draw(cv, b, pay, fx, ftop + t, fw)
        y = plan["text_end"] + 5 * MM
        std_h = plan["std_h"]
        if std_h:
            std_top = y if L.get("std_after_text") else plan["foot_top"] - 5 * MM - std_h
        else:
            std_top = plan["foot_top"]
        if L.get("illustration_mm"):          # fills the room under the text, up to 1.5 x its height
            below = (y + std_h + 5 * MM) if L.get("std_after_text") else y
            above = plan["foot_top"] - 5 * MM if (L.get("std_after_text") or not std_h) else std_top - 5 * MM
            ih = min(above - below, float(L["illustration_mm"]) * MM * 1.5)
            if ih >= 20 * MM:
                self.draw_illustration(cv, plan["x2"], below if L.get("std_after_text") else above - ih,
                                       plan["w2"], ih)
        if std_h:
            self.draw_std(cv, plan["x2"], std_top, plan["w2"], std_h, plan["std_pay"])
        if not L.get("footer_first"):
            foot()
        cv.show_page()
        cv.save()
        info = {"fs": plan["fs"], "sidebar_fs": sfs, "break_before": plan["brk"],
                "split": plan["placed2"][0][1].kind if plan["placed2"] and plan["placed2"][0][1].cont else "",
                "links": cv.links}
        return info


# ---------------------------------------------------------------- checks
def truth_strings(truth):
    m = truth["meeting"]
    out = [m["title"]]
    if m.get("participants"):
        out.append(m["participants"]["text"])
    out += truth.get("agenda") or []
    for s in truth["sections"]:
        out.append(s["heading"])
        for b in s["blocks"]:
            if b["type"] == "table":
                out += [c for r in b["rows"] for c in r]
            else:
                out.append(b["text"])
    out += [e["text"] for e in truth.get("events") or []]
    return out


def toks(text):
    out = []
    for raw in unicodedata.normalize("NFC", text).split():
        t = raw.strip("".join(ch for ch in set(raw) if unicodedata.category(ch).startswith("P")))
        if t:
            out.append(t)
    return out


def run(cmd):
    r = subprocess.run(cmd, capture_output=True)
    if r.returncode:
        raise SystemExit(f"make_samples: {' '.join(cmd)} failed: {r.stderr.decode('utf-8', 'replace')[-500:]}")
    return r.stdout.decode("utf-8")


def pdf_uris(data):
    uris = [u.decode("latin-1") for u in re.findall(rb"/URI \(((?:[^()\\]|\\.)*)\)", data)]
    return [re.sub(r"\\(.)", r"\1", u) for u in uris]


def check(truth, pdf, links_drawn, skip_lines=()):
    problems = []
    info = run(["pdfinfo", pdf])
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    if pages != 2:
        problems.append(f"{pages} pages, not 2")
    raw = run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
    if SHY in raw:
        problems.append(f"{raw.count(SHY)} soft hyphens in the text layer")
    tstrings = truth_strings(truth)
    vocab = set(w for s in tstrings for w in toks(s))
    words, carry = [], ""
    lines = []
    for pi, page in enumerate(raw.split("\f")):
        # a running header on page 2 is not content (and would cut a hyphenated word in two)
        lines += [ln for ln in page.split("\n") if ln.strip() and not (pi > 0 and ln.strip() in skip_lines)]
    for line in lines:
        ws = line.split()
        if carry and ws:
            first = ws[0]
            a, b = toks(carry[:-1] + first), toks(carry + first)
            if a and a[0] in vocab:
                ws[0] = carry[:-1] + first
            elif b and b[0] in vocab:
                ws[0] = carry + first
            else:
                words.append(carry)
            carry = ""
        elif carry:
            words.append(carry)
            carry = ""
        if ws and ws[-1][-1:] in HARD_HYPHENS and len(ws[-1]) > 1:
            carry = ws.pop()
        words += ws
    if carry:
        words.append(carry)
    have = collections.Counter(w for x in words for w in toks(x))
    want = collections.Counter(w for s in tstrings for w in toks(s))
    missing = want - have
    if missing:
        problems.append(f"truth words not in the text layer: {dict(missing)}")
    stray = [w for w in have if any(h in w for h in HARD_HYPHENS) and w not in vocab
             and w.replace("-", "").replace("\u2010", "") in vocab]
    if stray:
        problems.append(f"hyphens inside a line: {stray}")
    with open(pdf, "rb") as fh:
        data = fh.read()
    uris = set(pdf_uris(data))
    want_links = set(truth.get("links") or [])
    if uris != want_links:
        problems.append(f"links differ: missing {sorted(want_links - uris)}, extra {sorted(uris - want_links)}")
    # the words under each link rectangle are its anchor words
    bbox = run(["pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"])
    pages_words = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", bbox, re.S):
        pw = []
        for x0, y0, x1, y1, w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            pw.append((float(x0), float(y0), float(x1), float(y1), html.unescape(w)))
        pages_words.append(pw)

    def norm(s):
        return " ".join(toks(s)).rstrip("-")

    for pg, (x0, top, x1, bottom), url, text in links_drawn:
        inside = [w for (a, b, c, d, w) in pages_words[pg - 1]
                  if x0 - 1 <= (a + c) / 2 <= x1 + 1 and top - 1 <= (b + d) / 2 <= bottom + 1]
        got = " ".join(inside)
        if norm(got).rstrip("-") != norm(text).rstrip("-"):
            problems.append(f"link on page {pg} to {url}: text under it {got!r}, drawn {text!r}")
    return problems


# ---------------------------------------------------------------- main
def load_source(path):
    with open(path, encoding="utf-8") as fh:
        src = json.load(fh)
    name = os.path.splitext(os.path.basename(path))[0]
    if src.get("id") != name:
        raise SystemExit(f"make_samples: {path}: id {src.get('id')!r} is not the file name {name!r}")
    for k in CONTENT_KEYS:
        if k not in src:
            raise SystemExit(f"make_samples: {path}: no {k!r}")
    # the content must be NFC and free of soft hyphens
    blob = json.dumps({k: src[k] for k in CONTENT_KEYS}, ensure_ascii=False)
    if SHY in blob or unicodedata.normalize("NFC", blob) != blob:
        raise SystemExit(f"make_samples: {path}: content not NFC or has soft hyphens")
    return src


def truth_of(src):
    t = {"id": src["id"]}
    note = (src.get("layout") or {}).get("note")
    if note:
        t["layout_note"] = note
    for k in CONTENT_KEYS[1:]:
        t[k] = src[k]
    if "language" in src:   # record format 1.1; the Dutch samples predate it
        t["language"] = src["language"]
    return t


# Structurally different drawings of every sample (--variants): layout keys
# laid over the sample's own.
VARIANTS = {
    "right": {"sidebar_side": "right"},
    "right-1col": {"sidebar_side": "right", "columns1": 1},
    "numbered": {"numbered_headings": True},
    "numbered-1col": {"numbered_headings": True, "columns1": 1},
    "under-band": {"title_under_band": True},
    "under-band-right-numbered": {"title_under_band": True, "sidebar_side": "right", "numbered_headings": True},
    "none": {"sidebar_side": "none"},
    "none-numbered": {"sidebar_side": "none", "numbered_headings": True},
    "box": {"sidebar_side": "none", "head_box": "tint"},
    "frame-numbered": {"sidebar_side": "none", "head_box": "frame", "numbered_headings": True},
}


def build_one(src):
    buf = io.BytesIO()
    info = Flyer(src).build(buf)
    return buf.getvalue(), info


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", metavar="NAME", help="sample names (default: all in samples/src)")
    ap.add_argument("--out", default=HERE, help="output folder (default: samples/)")
    ap.add_argument("--no-check", action="store_true", help="skip the checks of the written PDFs")
    ap.add_argument("--twice", action="store_true", help="build each PDF twice and require equal bytes")
    ap.add_argument("--variants", action="store_true",
                    help="draw every sample again in each layout of VARIANTS, as <name>@<variant>.pdf")
    a = ap.parse_args(argv)
    names = a.names or sorted(os.path.splitext(f)[0] for f in os.listdir(SRC) if f.endswith(".json"))
    if not names:
        raise SystemExit("make_samples: no sources in samples/src")
    os.makedirs(a.out, exist_ok=True)
    failed = 0
    for name in names:
        path = os.path.join(SRC, name + ".json")
        if not os.path.exists(path):
            raise SystemExit(f"make_samples: no source {path}")
        src = load_source(path)
        if a.variants:
            for vname, keys in VARIANTS.items():
                vsrc = json.loads(json.dumps(src))
                vsrc.setdefault("layout", {}).update(keys)
                data, _ = build_one(vsrc)
                with open(os.path.join(a.out, f"{name}@{vname}.pdf"), "wb") as fh:
                    fh.write(data)
                print(f"{name}@{vname}: {len(data)} bytes")
            continue
        data, info = build_one(src)
        if a.twice:
            again, _ = build_one(json.loads(json.dumps(src)))
            if again != data:
                print(f"make_samples: {name}: two builds differ", file=sys.stderr)
                failed += 1
        pdf = os.path.join(a.out, name + ".pdf")
        with open(pdf, "wb") as fh:
            fh.write(data)
        with open(os.path.join(a.out, name + ".truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth_of(src), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        split = f", a {info['split']} split over the page break" if info["split"] else ""
        brk = info["break_before"] if info["break_before"] is not None else "-"
        print(f"{name}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]}, body {info['fs']} pt, "
              f"sidebar {info['sidebar_fs']} pt, page 2 from section {brk}{split}, "
              f"{len(info['links'])} link rectangles")
        if not a.no_check:
            rh = (src.get("layout") or {}).get("running_header")
            problems = check(truth_of(src), pdf, info["links"], [rh, rh + " 2"] if rh else [])
            for p in problems:
                print(f"make_samples: {name}: {p}", file=sys.stderr)
            if problems:
                failed += 1
    if failed:
        print(f"make_samples: {failed} sample(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
