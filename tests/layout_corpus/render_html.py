"""HTML/CSS producers: Chromium (CSS grid, letter-spacing, ::before bullets) and wkhtmltopdf (QtWebKit: tables
and floats only, as old HTML-to-PDF services print)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from html import escape
from pathlib import Path

from common import Entry, Sect, View, balanced, split_columns

ICONS = {"email": "\u2709", "phone": "\u260e", "place": "\u2302", "web": "\u27a4"}


def contact_kind(c: str) -> str:
    if "@" in c:
        return "email"
    if "linkedin" in c.lower() or "http" in c.lower() or ".com/" in c.lower() or "github" in c.lower():
        return "web"
    return "phone" if sum(ch.isdigit() for ch in c) >= 7 and "," not in c else "place"


def _e(s: str) -> str:
    return escape(s, quote=False)


def _css(v: View, engine: str) -> str:
    st = v.style
    fam = (
        '"DejaVu Serif", "Liberation Serif", serif'
        if st["font"] == "serif"
        else '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'
    )
    heading = {
        "upper": "font-weight:bold;",
        "spaced": "font-weight:bold; letter-spacing:0.05em;",
        "smallcaps": "font-variant:small-caps; font-weight:bold; font-size:1.15em;",
        "title": "font-weight:bold; font-size:1.1em;",
        "rule": "font-weight:bold; border-bottom:1.5px solid {};".format(st["accent"]),
    }[st["heading"]]
    page = "@page { size: Letter; margin: 0.55in 0.6in; }" if engine == "chromium" else ""
    grid = engine == "chromium"
    return f"""{page}
body {{ font-family: {fam}; font-size: {st["size"]}pt; line-height: 1.3; color: #111; margin: 0;
  font-variant-ligatures: common-ligatures; }}
h1 {{ font-size: 2.1em; margin: 0 0 2px 0; color: {st["accent"]}; }}
.headline {{ font-style: italic; font-size: 1.15em; margin-bottom: 3px; }}
.contact span.c {{ white-space: nowrap; }}
.side .contact div {{ margin: 2px 0; }}
h2 {{ {heading} color: {st["accent"]}; font-size: 1.1em; margin: 10px 0 4px 0; }}
p {{ margin: 2px 0 4px 0; text-align: {"justify" if st["justify"] else "left"}; }}
ul {{ margin: 2px 0 5px 0; padding-left: 1.2em; list-style: none; }}
li {{ margin: 1px 0; text-align: {"justify" if st["justify"] else "left"}; }}
li:before {{ content: "{st["bullet"]}"; display: inline-block; width: 1.1em; margin-left: -1.1em; }}
.l {{ margin-top: 3px; }} .l.s {{ font-weight: bold; }}
.r {{ float: right; font-weight: normal; {"font-style: italic;" if st["dates"] == "right" else ""} }}
.icon {{ color: {st["accent"]}; margin-right: 0.3em; }}
table.gridt {{ width: 100%; border-collapse: collapse; }}
table.gridt td {{ padding: 1px 4px 1px 0; vertical-align: top; }}
.cols {{ {"display:grid; grid-template-columns: 1fr 1fr; column-gap: 22px;" if grid else ""} }}
.sb {{ {"display:grid; column-gap: 18px;" if grid else ""} }}
.side {{ background: #eef2f6; padding: 8px 10px; }}
.hl {{ {"display:grid; grid-template-columns: 11em 1fr; column-gap: 14px;" if grid else ""}
  border-top: 1px solid #bbb; }}
.hl h2 {{ margin-top: 6px; }}
table.layout {{ width: 100%; border-collapse: collapse; }} table.layout > tbody > tr > td {{ vertical-align: top; }}
table.rt {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}
table.rt td, table.rt th {{ border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; }}
table.rt th {{ background: #dde4ec; }}
table.rt td.d {{ color: #333; }}
.grid2 {{ {"display:grid; grid-template-columns: repeat(var(--n), 1fr); column-gap: 10px;" if grid else ""} }}
"""


def _contact(v: View, stacked: bool) -> str:
    st = v.style
    parts = []
    for c in v.contact:
        icon = f'<span class="icon">{ICONS[contact_kind(c)]}</span>' if st["icons"] else ""
        parts.append(f'<span class="c">{icon}{_e(c)}</span>')
    if stacked:
        return '<div class="contact">' + "".join(f"<div>{p}</div>" for p in parts) + "</div>"
    sep = f'<span class="sep">{_e(st["contact_sep"])}</span>'
    return '<div class="contact">' + sep.join(parts) + "</div>"


def _top(v: View, with_contact: bool = True, stacked: bool = False) -> str:
    out = f"<h1>{_e(v.name)}</h1>" if v.name else ""
    if v.headline:
        out += f'<div class="headline">{_e(v.headline)}</div>' if v.name else f"<h1>{_e(v.headline)}</h1>"
    if with_contact and v.contact:
        out += _contact(v, stacked)
    return out


def _entry(e: Entry) -> str:
    out = ""
    for ln in e.lines:
        right = f'<span class="r">{_e(ln.right)}</span>' if ln.right else ""
        out += f'<div class="l{" s" if ln.strong else ""}">{right}{_e(ln.left)}</div>'
    if e.paragraph:
        out += f"<p>{_e(e.paragraph)}</p>"
    if e.bullets:
        out += "<ul>" + "".join(f"<li>{_e(b)}</li>" for b in e.bullets) + "</ul>"
    return out


def _grid(items: list[str], n: int, engine: str) -> str:
    if engine == "chromium":
        return f'<ul class="grid2" style="--n:{n}">' + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"
    rows = [items[i : i + n] for i in range(0, len(items), n)]
    return (
        '<table class="gridt">'
        + "".join("<tr>" + "".join(f"<td><ul><li>{_e(c)}</li></ul></td>" for c in r) + "</tr>" for r in rows)
        + "</table>"
    )


def _body(s: Sect, engine: str, narrow: bool = False) -> str:
    if s.kind == "paragraph":
        return f"<p>{_e(s.text)}</p>"
    if s.kind == "grid":
        return _grid(s.items, 1 if narrow else s.columns, engine)
    if s.kind == "bullets":
        return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in s.items) + "</ul>"
    return "".join(_entry(e) for e in s.entries)


def _section(s: Sect, engine: str, narrow: bool = False) -> str:
    return f"<section><h2>{_e(s.heading)}</h2>{_body(s, engine, narrow)}</section>"


def _columns(left: str, right: str, widths: tuple[str, str], engine: str, cls: str, side: str = "") -> str:
    if engine == "chromium":
        cl = "side" if side == "left" else ""
        cr = "side" if side == "right" else ""
        return (
            f'<div class="{cls}" style="grid-template-columns:{widths[0]} {widths[1]}">'
            f'<div class="{cl}">{left}</div><div class="{cr}">{right}</div></div>'
        )
    cl = ' class="side"' if side == "left" else ""
    cr = ' class="side"' if side == "right" else ""
    gap = '<td style="width:16px"></td>'
    return (
        f'<table class="layout"><tr><td{cl} style="width:{widths[0]}">{left}</td>{gap}'
        f'<td{cr} style="width:{widths[1]}">{right}</td></tr></table>'
    )


def _table_layout(v: View) -> str:
    rows = [
        '<colgroup><col style="width:24%"><col style="width:76%"></colgroup>',
        f'<tr><td colspan="2">{_top(v)}</td></tr>',
    ]
    for s in v.sections:
        rows.append(f'<tr><th colspan="2"><h2 style="margin:0">{_e(s.heading)}</h2></th></tr>')
        if s.kind in ("jobs", "education"):
            for e in s.entries:
                dates = " ".join(ln.right for ln in e.lines if ln.right and any(ch.isdigit() for ch in ln.right))
                lines = [type(ln)(ln.left, "" if ln.right == dates else ln.right, ln.strong) for ln in e.lines]
                rows.append(
                    f'<tr><td class="d">{_e(dates)}</td><td>{_entry(Entry(lines, e.bullets, e.paragraph))}</td></tr>'
                )
        elif s.kind == "grid":
            n = max(2, s.columns)
            cells = s.items + [""] * (-len(s.items) % n)
            inner = "".join(
                "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells[i : i + n]) + "</tr>"
                for i in range(0, len(cells), n)
            )
            rows.append(
                f'<tr><td colspan="2" style="padding:0"><table class="rt" style="border:none">{inner}</table></td></tr>'
            )
        else:
            rows.append(f'<tr><td colspan="2">{_body(s, "wk")}</td></tr>')
    return '<table class="rt">' + "".join(rows) + "</table>"


def html_document(v: View, layout: str, engine: str, title: str) -> str:
    if layout == "single":
        body = _top(v) + "".join(_section(s, engine) for s in v.sections)
    elif layout == "two_column":
        left, right = balanced(v)
        body = _top(v) + _columns(
            "".join(_section(s, engine) for s in left),
            "".join(_section(s, engine, True) for s in right),
            ("1fr", "1fr") if engine == "chromium" else ("50%", "50%"),
            engine,
            "cols",
        )
    elif layout in ("sidebar_left", "sidebar_right"):
        main, side = split_columns(v)
        side_html = (_contact(v, stacked=True) if v.contact else "") + "".join(_section(s, engine, True) for s in side)
        main_html = _top(v, with_contact=False) + "".join(_section(s, engine) for s in main)
        narrow, wide = ("32%", "68%") if engine != "chromium" else ("2.1fr", "4.9fr")
        if layout == "sidebar_left":
            body = _columns(side_html, main_html, (narrow, wide), engine, "sb", side="left")
        else:
            body = _columns(main_html, side_html, (wide, narrow), engine, "sb", side="right")
    elif layout == "headings_left":
        parts = []
        for s in v.sections:
            if engine == "chromium":
                parts.append(
                    f'<div class="hl"><h2>{_e(s.heading)}</h2><div style="padding-top:6px">'
                    f"{_body(s, engine)}</div></div>"
                )
            else:
                parts.append(
                    f'<table class="layout" style="border-top:1px solid #bbb"><tr><td style="width:20%">'
                    f'<h2>{_e(s.heading)}</h2></td><td style="padding-top:6px">{_body(s, engine)}</td></tr></table>'
                )
        body = _top(v) + "".join(parts)
    else:
        body = _table_layout(v)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f"<style>{_css(v, engine)}</style></head><body>{body}</body></html>"
    )


def render_html_pdf(spec: dict, v: View, engine: str) -> bytes:
    title = spec["header"].get("name") or spec["header"].get("headline") or "Resume"
    html = html_document(v, spec["layout"], engine, title)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp, "resume.html"), Path(tmp, "resume.pdf")
        src.write_text(html, encoding="utf-8")
        if engine == "chromium":
            cmd = [
                "chromium",
                "--headless",
                "--disable-gpu",
                "--no-pdf-header-footer",
                "--no-first-run",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ]
            if os.geteuid() == 0:
                cmd.insert(1, "--no-sandbox")
        else:
            cmd = [
                "wkhtmltopdf",
                "--quiet",
                "-s",
                "Letter",
                "-T",
                "14mm",
                "-B",
                "14mm",
                "-L",
                "15mm",
                "-R",
                "15mm",
                "--encoding",
                "utf-8",
                "--title",
                title,
                str(src),
                str(out),
            ]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_HASH_SEED="0", SOURCE_DATE_EPOCH="1793491200")
        subprocess.run(cmd, check=True, capture_output=True, timeout=180, env=env)
        return out.read_bytes()
