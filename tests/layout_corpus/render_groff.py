"""groff producer: -ms macros with tbl (and preconv for non-ASCII). Columns with .2C, side panels and
headings-left rows as tbl text blocks, the table layout as an allbox tbl; PostScript turned into PDF by ps2pdf
(or gropdf when ghostscript is missing)."""

from __future__ import annotations

import re
import shutil
import subprocess

from common import Entry, Sect, View, balanced, split_columns

_GLYPH = {
    "\u2022": r"\(bu",
    "\u25aa": r"\(bu",
    "\u25a0": r"\(bu",
    "\u2013": r"\(en",
    "\u2713": r"\(->",
    "\u27a2": r"\(->",
    "\u25e6": r"\(ci",
    "*": "*",
    "-": r"\(en",
}


def gx(s: str) -> str:
    s = s.replace("\\", r"\e")
    return ("\\&" + s) if s[:1] in (".", "'") else s


def _bul(st: dict) -> str:
    return _GLYPH.get(st["bullet"], r"\(bu")


def _heading(s: Sect, st: dict) -> str:
    size = r"\s+1" if st["heading"] in ("title", "smallcaps") else ""
    out = f".sp 0.5v\n.ne 3v\n\\m[accent]\\fB{size}{gx(s.heading)}\\s0\\fP\\m[]\n.br\n"
    if st["heading"] == "rule":
        out += ".sp -0.4v\n\\l'\\n[.l]u'\n.br\n"
    return out + ".sp 0.15v\n"


def _bullets(items: list[str], st: dict) -> str:
    return "".join(f".in +1.2m\n.ti -1.2m\n{_bul(st)}\\h'|1.2m'{gx(i)}\n.br\n.in -1.2m\n" for i in items)


def _entry(e: Entry, st: dict, drop_right: str = "", narrow: bool = False) -> str:
    out = ".sp 0.3v\n"
    for ln in e.lines:
        left = f"\\fB{gx(ln.left)}\\fP" if ln.strong else gx(ln.left)
        right = ln.right if ln.right != drop_right else ""
        if right and narrow:
            out += f"{left}\n.br\n\\fI{gx(right)}\\fP\n.br\n"
        elif right and st["dates"] == "right":
            out += f".ta \\n[.l]u-\\n[.i]uR\n{left}\t\\fI{gx(right)}\\fP\n.br\n"
        else:
            out += left + (f", {gx(right)}" if right else "") + "\n.br\n"
    if e.paragraph:
        out += gx(e.paragraph) + "\n.br\n"
    return out + _bullets(e.bullets, st)


def _grid(items: list[str], n: int, st: dict) -> str:
    if n <= 1:
        return _bullets(items, st)
    # a borderless tbl grid inside the flow
    rows = [items[i : i + n] for i in range(0, len(items), n)]
    fmt = " ".join(["l"] * n) + "."
    body = "\n".join("@".join(f"{_bul(st)} {gx(c)}" for c in r) for r in rows)
    return f".TS\ntab(@);\n{fmt}\n{body}\n.TE\n"


def _body(s: Sect, st: dict, narrow: bool = False, in_block: bool = False) -> str:
    if s.kind == "paragraph":
        return gx(s.text) + "\n.br\n"
    if s.kind == "grid":
        return _bullets(s.items, st) if (narrow or in_block) else _grid(s.items, s.columns, st)
    if s.kind == "bullets":
        return _bullets(s.items, st)
    return "".join(_entry(e, st, narrow=narrow) for e in s.entries)


def _section(s: Sect, st: dict, narrow: bool = False, in_block: bool = False) -> str:
    return _heading(s, st) + _body(s, st, narrow, in_block)


def _top(v: View, contact: bool = True, center: bool = True) -> str:
    out = ".ce 99\n" if center else ""
    if v.name:
        out += f"\\m[accent]\\s+8\\fB{gx(v.name)}\\fP\\s0\\m[]\n.br\n"
        if v.headline:
            out += f".sp 0.3v\n\\s+2\\fI{gx(v.headline)}\\fP\\s0\n.br\n"
    elif v.headline:
        out += f"\\m[accent]\\s+5\\fB{gx(v.headline)}\\fP\\s0\\m[]\n.br\n"
    if contact and v.contact:
        out += ".sp 0.2v\n" + gx(v.style["contact_sep"]).join(gx(c) for c in v.contact) + "\n.br\n"
    return out + (".ce 0\n" if center else "")


def _block(text: str) -> str:
    return "T{\n" + text + "T}"


def groff_source(spec: dict, v: View, pages: int) -> str:
    st, layout = v.style, spec["layout"]
    acc = st["accent"]
    name = gx(spec["header"].get("name") or spec["header"].get("headline") or "")
    src = [
        ".nr PO 0.65i",
        ".nr LL 7.2i",
        f".nr PS {int(st['size'])}",
        f".nr VS {int(st['size']) + 2}",
        ".nr PD 0.2v",
        ".nr HM 0.6i",
        ".nr FM 0.7i",
        f".defcolor accent rgb {acc}",
        ".ds CH",
        ".ds LH",
        ".ds RH",
        ".ds CF",
        ".ds LF",
        ".ds RF",
        ".kern 0",
    ]
    if st["page_numbers"] and pages:
        src.append(f".ds CF Page \\\\n% of {pages}")
    if st["running_header"]:
        src.append(f".ds RH \\fI{name} \\(em Resume\\fP")
    if st["font"] == "sans":
        src.append(".fam H")
    src += [
        ".LP",
        ".ad b" if st["justify"] else ".ad l",
        ".hy 14" if st["justify"] else ".nh",
        ".fam H" if st["font"] == "sans" else ".fam T",
    ]
    body = ""
    if layout == "single":
        body = _top(v) + "".join(_section(s, st) for s in v.sections)
    elif layout == "two_column":
        left, right = balanced(v)
        body = _top(v) + ".sp 0.5v\n.2C\n" + "".join(_section(s, st, True) for s in left + right) + ".1C\n"
    elif layout in ("sidebar_left", "sidebar_right"):
        main, side = split_columns(v)
        side_t = "".join(gx(c) + "\n.br\n" for c in v.contact) + "".join(_section(s, st, True, True) for s in side)
        main_t = _top(v, contact=False, center=False) + "".join(_section(s, st, False, True) for s in main)
        if layout == "sidebar_left":
            fmt, row = "lw(2.0i) | lw(4.9i).", _block(side_t) + "@" + _block(main_t)
        else:
            fmt, row = "lw(4.9i) | lw(2.0i).", _block(main_t) + "@" + _block(side_t)
        body = f".TS\ntab(@);\n{fmt}\n{row}\n.TE\n"
    elif layout == "headings_left":
        body = _top(v)
        for s in v.sections:
            head = _heading(s, st).replace(".ne 3v\n", "")
            content = ".sp 0.5v\n" + _body(s, st, in_block=True)
            body += (
                f".sp 0.4v\n\\l'\\n[.l]u'\n.br\n.TS\ntab(@);\nlw(1.35i) lw(5.6i).\n"
                f"{_block(head)}@{_block(content)}\n.TE\n"
            )
    else:
        fmts, rows = ["l s"], [_block(_top(v, center=False))]
        for s in v.sections:
            fmts.append("l s")
            rows.append(f"\\m[accent]\\fB{gx(s.heading)}\\fP\\m[]")
            if s.kind in ("jobs", "education"):
                for e in s.entries:
                    dates = " ".join(ln.right for ln in e.lines if ln.right and any(c.isdigit() for c in ln.right))
                    fmts.append("l l")
                    rows.append(_block(gx(dates) + "\n") + "@" + _block(_entry(e, st, drop_right=dates)))
            else:
                fmts.append("l s")
                rows.append(_block(_body(s, st, in_block=True)))
        if "l l" in fmts:
            fmts[fmts.index("l l")] = "lw(1.3i) lw(5.4i)"
        else:
            fmts[0] = "lw(6.7i) s"
        # .TS H with an empty header lets rows break across pages
        body = ".TS H\nallbox tab(@);\n" + "\n".join(fmts) + ".\n.TH\n" + "\n".join(rows) + "\n.TE\n"
    return "\n".join(src) + "\n" + body


def _run(src: str) -> bytes:
    env = {"SOURCE_DATE_EPOCH": "1793491200", "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    if shutil.which("ps2pdf"):
        ps = subprocess.run(
            ["groff", "-k", "-t", "-ms", "-Tps", "-P-pletter"],
            input=src.encode(),
            capture_output=True,
            check=True,
            env=env,
            timeout=120,
        ).stdout
        return subprocess.run(
            ["ps2pdf", "-sPAPERSIZE=letter", "-", "-"], input=ps, capture_output=True, check=True, env=env, timeout=120
        ).stdout
    return subprocess.run(
        ["groff", "-k", "-t", "-ms", "-Tpdf", "-P-pletter"],
        input=src.encode(),
        capture_output=True,
        check=True,
        env=env,
        timeout=120,
    ).stdout


def page_count(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def render_groff(spec: dict, v: View) -> bytes:
    pdf = _run(groff_source(spec, v, 0))
    if v.style["page_numbers"]:
        pdf = _run(groff_source(spec, v, page_count(pdf)))
    return pdf
