"""pdflatex producer: article class, minipages for columns and side panels, longtable for the table layout,
microtype letter-spacing, small caps, pifont symbols, fancyhdr running header and "Page N of M" footers."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from common import Entry, Sect, View, balanced, split_columns
from render_html import contact_kind

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\u2713": r"\ding{51}",
    "\u25aa": r"{\tiny$\blacksquare$}",
    "\u25a0": r"\ding{110}",
    "\u27a2": r"\ding{226}",
    "\u25e6": r"$\circ$",
    "\u2192": r"$\rightarrow$",
    "\u2022": r"\textbullet{}",
}
ICONS = {"email": r"\ding{41}", "phone": r"\ding{37}", "place": r"\ding{72}", "web": r"\ding{226}"}
EPOCH = "1793491200"


def tx(s: str) -> str:
    return "".join(_SPECIAL.get(ch, ch) for ch in s)


def _preamble(v: View, spec: dict) -> str:
    st = v.style
    font = (
        r"\usepackage{lmodern}"
        if st["font"] == "serif"
        else r"\usepackage[scaled=0.92]{helvet}\renewcommand{\familydefault}{\sfdefault}"
    )
    acc = st["accent"].lstrip("#")
    name = tx(spec["header"].get("name") or spec["header"].get("headline") or "")
    heads = ""
    if st["page_numbers"] or st["running_header"]:
        heads = r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}"
        if st["page_numbers"]:
            heads += r"\fancyfoot[C]{\small Page \thepage\ of \pageref{LastPage}}"
        if st["running_header"]:
            heads += r"\fancyhead[R]{\ifnum\value{page}>1 \small\itshape " + name + r" -- Resume\fi}"
    else:
        heads = r"\pagestyle{empty}"
    just = "" if st["justify"] else r"\raggedright"
    return rf"""\documentclass[{11 if st["size"] >= 10.5 else 10}pt,letterpaper]{{article}}
\pdfinfoomitdate=1 \pdftrailerid{{}} \pdfsuppressptexinfo=-1
\input{{glyphtounicode}}\pdfgentounicode=1
\usepackage[T1]{{fontenc}}\usepackage[utf8]{{inputenc}}
{font}
\usepackage[margin=0.6in,headheight=14pt]{{geometry}}
\usepackage[tracking=true]{{microtype}}\SetTracking{{encoding={{*}}, shape=sc}}{{0}}
\usepackage{{xcolor,amssymb,pifont,array,longtable,fancyhdr,lastpage}}
\definecolor{{accent}}{{HTML}}{{{acc.upper()}}}\definecolor{{side}}{{HTML}}{{EEF2F6}}
\setlength{{\parindent}}{{0pt}}\setlength{{\parskip}}{{1pt}}\setlength{{\tabcolsep}}{{5pt}}
{heads}
\pdfinfo{{/Title ({name} Resume) /Creator (pdflatex) /CreationDate (D:20261101000000Z) /ModDate (D:20261101000000Z)}}
\begin{{document}}{just}
"""


def _heading(s: Sect, st: dict) -> str:
    h = tx(s.heading)
    body = {
        "upper": rf"\textbf{{{h}}}",
        "spaced": rf"\textls[60]{{\textbf{{{h}}}}}",
        # Helvetica has no small caps (pdfTeX would fake them with a scaled font): bold title case instead
        "smallcaps": rf"{{\large\scshape {h}}}" if st["font"] == "serif" else rf"{{\large\bfseries {h}}}",
        "title": rf"{{\large\bfseries {h}}}",
        "rule": rf"\textbf{{{h}}}\par\vspace{{-3pt}}\rule{{\linewidth}}{{0.6pt}}",
    }[st["heading"]]
    return rf"\vspace{{6pt}}{{\color{{accent}}{body}}}\par\vspace{{2pt}}" + "\n"


def _bullet(text: str, st: dict) -> str:
    return rf"\hangindent=1.1em\hangafter=1\makebox[1.1em][l]{{{tx(st['bullet'])}}}{tx(text)}\par" + "\n"


def _entry(e: Entry, st: dict, drop_right: str = "") -> str:
    out = r"\vspace{3pt}"
    for ln in e.lines:
        left = rf"\textbf{{{tx(ln.left)}}}" if ln.strong else tx(ln.left)
        right = ln.right if ln.right != drop_right else ""
        out += (
            left
            + (
                rf"\hfill\textit{{{tx(right)}}}"
                if right and st["dates"] == "right"
                else (rf", {tx(right)}" if right else "")
            )
            + r"\par"
            + "\n"
        )
    if e.paragraph:
        out += tx(e.paragraph) + r"\par" + "\n"
    return out + "".join(_bullet(b, st) for b in e.bullets)


def _grid(items: list[str], n: int, st: dict) -> str:
    if n <= 1:
        return "".join(_bullet(i, st) for i in items)
    w = f"{0.98 / n:.3f}\\linewidth"
    rows = [items[i : i + n] for i in range(0, len(items), n)]
    spec = "@{}" + "".join(f"p{{{w}}}" for _ in range(n)) + "@{}"
    body = r"\\".join(" & ".join(tx(st["bullet"]) + " " + tx(c) for c in r) for r in rows)
    return rf"\begin{{tabular}}{{{spec}}}{body}\end{{tabular}}\par" + "\n"


def _body(s: Sect, st: dict, narrow: bool = False) -> str:
    if s.kind == "paragraph":
        return tx(s.text) + r"\par" + "\n"
    if s.kind == "grid":
        return _grid(s.items, 1 if narrow else s.columns, st)
    if s.kind == "bullets":
        return "".join(_bullet(i, st) for i in s.items)
    return "".join(_entry(e, st) for e in s.entries)


def _section(s: Sect, st: dict, narrow: bool = False) -> str:
    return _heading(s, st) + _body(s, st, narrow)


def _contact(v: View, stacked: bool) -> str:
    st = v.style
    items = [(ICONS[contact_kind(c)] + "~" if st["icons"] else "") + tx(c) for c in v.contact]
    if stacked:
        return "".join(i + r"\par" + "\n" for i in items)
    return tx(st["contact_sep"]).join(items) + r"\par" + "\n"


def _top(v: View, contact: bool = True, center: bool = False) -> str:
    out = r"{\centering " if center else ""
    if v.name:
        out += rf"{{\color{{accent}}\LARGE\bfseries {tx(v.name)}}}\par\vspace{{2pt}}" + "\n"
        if v.headline:
            out += rf"{{\large\itshape {tx(v.headline)}}}\par\vspace{{2pt}}" + "\n"
    elif v.headline:
        out += rf"{{\color{{accent}}\Large\bfseries {tx(v.headline)}}}\par\vspace{{2pt}}" + "\n"
    if contact and v.contact:
        out += _contact(v, stacked=False)
    return out + (r"\par}" if center else "") + "\n"


def _mini(width: str, body: str, shaded: bool = False) -> str:
    mp = rf"\begin{{minipage}}[t]{{{width}}}\raggedright {body}\end{{minipage}}"
    if shaded:
        return r"\colorbox{side}{" + mp + "}"
    return mp


def _table(v: View, st: dict) -> str:
    out = [r"\begin{longtable}{|p{0.2\textwidth}|p{0.72\textwidth}|}\hline"]
    out.append(
        r"\multicolumn{2}{|p{0.95\textwidth}|}{"
        + _top(v, contact=False).replace("\n", " ")
        + _contact(v, stacked=False).replace("\n", " ")
        + r"}\\\hline"
    )
    for s in v.sections:
        out.append(rf"\multicolumn{{2}}{{|l|}}{{\cellcolor{{side}}\textbf{{\color{{accent}}{tx(s.heading)}}}}}\\\hline")
        if s.kind in ("jobs", "education"):
            for e in s.entries:
                dates = " ".join(ln.right for ln in e.lines if ln.right and any(c.isdigit() for c in ln.right))
                out.append(tx(dates) + " & " + _entry(e, st, drop_right=dates).replace("\n", " ") + r"\\\hline")
        else:
            out.append(r"\multicolumn{2}{|p{0.95\textwidth}|}{" + _body(s, st).replace("\n", " ") + r"}\\\hline")
    return "\n".join(out) + "\n\\end{longtable}\n"


def tex_source(spec: dict, v: View) -> str:
    st, layout = v.style, spec["layout"]
    doc = _preamble(v, spec)
    if layout == "single":
        doc += _top(v, center=True) + "".join(_section(s, st) for s in v.sections)
    elif layout == "two_column":
        left, right = balanced(v)
        doc += _top(v) + r"\vspace{4pt}\noindent" + _mini(r"0.485\textwidth", "".join(_section(s, st) for s in left))
        doc += r"\hfill" + _mini(r"0.485\textwidth", "".join(_section(s, st, True) for s in right)) + "\n"
    elif layout in ("sidebar_left", "sidebar_right"):
        main, side = split_columns(v)
        side_tex = _contact(v, stacked=True) + "".join(_section(s, st, True) for s in side)
        main_tex = _top(v, contact=False) + "".join(_section(s, st) for s in main)
        s_box = _mini(r"0.28\textwidth", side_tex, shaded=True)
        m_box = _mini(r"0.64\textwidth", main_tex)
        doc += (
            r"\noindent" + (s_box + r"\hfill" + m_box if layout == "sidebar_left" else m_box + r"\hfill" + s_box) + "\n"
        )
    elif layout == "headings_left":
        doc += _top(v)
        for s in v.sections:
            head = _heading(s, st)
            doc += (
                r"\vspace{4pt}\noindent\rule{\textwidth}{0.3pt}\par\noindent"
                + _mini(r"0.2\textwidth", head)
                + r"\hfill"
                + _mini(r"0.77\textwidth", r"\vspace{6pt}" + _body(s, st))
                + r"\par"
                + "\n"
            )
    else:
        doc = doc.replace(r"\usepackage{xcolor,", r"\usepackage[table]{xcolor}\usepackage{")
        doc += _table(v, st)
    return doc + "\\end{document}\n"


def render_pdflatex(spec: dict, v: View) -> bytes:
    src = tex_source(spec, v)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, FORCE_SOURCE_DATE="1")
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "resume.tex").write_text(src, encoding="utf-8")
        for _ in range(2):  # second run resolves LastPage / longtable widths
            r = subprocess.run(
                ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "resume.tex"],
                cwd=tmp,
                capture_output=True,
                env=env,
                timeout=180,
            )
            if r.returncode != 0:
                log = Path(tmp, "resume.log").read_text(errors="replace")
                raise RuntimeError("pdflatex failed:\n" + log[-2500:])
        return Path(tmp, "resume.pdf").read_bytes()
