"""Validate and render the layout corpus.

    python tests/layout_corpus/generate.py                 # validate all specs, render all
    python tests/layout_corpus/generate.py --only ID ...   # render only these (manifest entries of others kept)
    python tests/layout_corpus/generate.py --validate      # validate only

Writes resumes/<id>.<ext>, text/<id>.txt (printed words, one printed unit per line), truth/<id>.<ext>.json
(the spec's truth) and manifest.json. Needs the producers (pdflatex, groff + ghostscript, wkhtmltopdf, chromium,
LibreOffice, poppler-utils) only to regenerate; the outputs are committed.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, load_specs, printed_lines, validate, view


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def build(spec: dict) -> dict:
    from render import missing_words, render

    data, ext, extras = render(spec)
    lines = printed_lines(view(spec)) + extras
    fname = f"{spec['id']}.{ext}"
    for old in (ROOT / "resumes").glob(f"{spec['id']}.*"):
        if old.name != fname:
            old.unlink()
            (ROOT / "truth" / f"{old.name}.json").unlink(missing_ok=True)
    _write(ROOT / "resumes" / fname, data)
    _write(ROOT / "text" / f"{spec['id']}.txt", "\n".join(lines) + "\n")
    _write(ROOT / "truth" / f"{fname}.json", json.dumps(spec["truth"], indent=2, ensure_ascii=False) + "\n")
    missing, hyph = missing_words(lines, data, ext)
    return {
        "id": spec["id"],
        "file": f"resumes/{fname}",
        "producer": spec["producer"],
        "layout": spec["layout"],
        "profession": spec["profession"],
        "notes": spec["notes"],
        "_missing": missing,
        "_hyphenated": hyph,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", metavar="ID")
    ap.add_argument("--validate", action="store_true", help="validate specs only")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)

    specs = load_specs()
    ids = [s.get("id") for s in specs]
    errors = [f"{i}: duplicate id" for i in set(ids) if ids.count(i) > 1]
    for spec in specs:
        errors += validate(spec)
    for e in errors:
        print("INVALID", e)
    print(f"{len(specs)} specs, {len(errors)} problems")
    if args.validate:
        return 1 if errors else 0
    bad = {e.split(":", 1)[0] for e in errors}
    todo = [s for s in specs if (not args.only or s["id"] in set(args.only)) and s["id"] not in bad]
    if bad:
        print("not rendered (invalid):", ", ".join(sorted(bad)))
    unknown = set(args.only or []) - {s["id"] for s in specs}
    if unknown:
        print("unknown ids:", ", ".join(sorted(unknown)))
        return 1

    def safe(spec: dict) -> dict:
        try:
            return build(spec)
        except Exception as exc:  # report and go on with the others
            return {"id": spec["id"], "_error": f"{exc}\n{traceback.format_exc(limit=3)}"}

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(safe, todo))

    manifest_path = ROOT / "manifest.json"
    manifest = {}
    if manifest_path.exists() and args.only:
        manifest = {m["id"]: m for m in json.loads(manifest_path.read_text())}
    failed = 0
    for r in results:
        if "_error" in r:
            failed += 1
            print(f"FAILED {r['id']}: {r['_error']}")
            continue
        if r["_missing"]:
            print(f"WARNING {r['id']}: printed words not in extracted text: {' '.join(r['_missing'])}")
        if r["_hyphenated"]:
            print(f"note {r['id']}: hyphenated at line end: {' '.join(r['_hyphenated'])}")
        manifest[r["id"]] = {k: val for k, val in r.items() if not k.startswith("_")}
    live = {s["id"] for s in specs}
    entries = [manifest[k] for k in sorted(manifest) if k in live]
    _write(manifest_path, json.dumps(entries, indent=2, ensure_ascii=False) + "\n")
    print(f"rendered {len(results) - failed}/{len(results)}; manifest has {len(entries)} entries")
    return 1 if failed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
