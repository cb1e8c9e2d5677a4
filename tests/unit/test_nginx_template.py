"""Both gateways come from nginx/nginx.conf.template: the committed files are its renderings (nobody edits one by
hand), and the container and host renderings differ in upstream addresses, file paths, the process's own settings
and the listen address only; every location, header, limit and operator check is the same."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import render_nginx

PER_TARGET = {
    # upstream addresses
    "DJANGO", "AI_SERVICE", "FLOWER", "PROMETHEUS", "ALERTMANAGER", "RABBITMQ", "RABBITMQ_URI", "GRAFANA",
    # file paths
    "STATIC_ROOT", "MEDIA_ROOT", "MIME_TYPES", "TEMP_PATHS", "ACCESS_LOG",
    # the process, its listen address and the exporter's page (a port of its own on the compose network)
    "NOTE", "PROCESS", "LISTEN", "STATUS_SERVER",
    # the upload limits: fixed in docker-compose.yml, from the environment on the host
    "MAX_UPLOAD_MB", "UPLOAD_NOTE", "MAX_IMPORT_MB", "IMPORT_NOTE",
}  # fmt: skip
MASKS = (
    (re.compile(r"http://[^/;\s]+(\$rabbitmq_uri)?"), "http://UPSTREAM"),
    (re.compile(r"(alias|include) [^;]+;"), r"\1 PATH;"),
    (re.compile(r"\{\{MAX_UPLOAD_MB\}\}|\b10(?=m;| MB)"), "UPLOAD"),
    (re.compile(r"\{\{MAX_IMPORT_MB\}\}|\b200(?=m;| MB)"), "IMPORT"),
)


def _blocks(text: str) -> dict[str, str]:
    """Each location of the gateway's server, by its modifier and path, with comments and blank lines dropped."""
    text = "\n".join(line.strip() for line in re.sub(r"#[^\n]*", "", text).splitlines() if line.strip())
    blocks = {}
    for match in re.finditer(r"location\s+(?:(=|~\*?|\^~)\s+)?(\S+)\s*\{", text):
        depth, end = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        blocks[f"{match.group(1) or ''} {match.group(2)}".strip()] = text[match.end() : end - 1]
    return blocks


def _masked(block: str) -> str:
    for pattern, replacement in MASKS:
        block = pattern.sub(replacement, block)
    return block


def _server_level(text: str) -> list[str]:
    """The server's own directives (headers, error pages), up to its first location."""
    server = text[text.index("    server {") :]
    return [line.strip() for line in server[: server.index("location")].splitlines() if line.strip()
            and not line.strip().startswith(("#", "listen"))]  # fmt: skip


def test_the_committed_files_are_the_templates_renderings() -> None:
    stale = render_nginx.stale_files()
    assert stale == [], "run `python scripts/render_nginx.py --write` after editing nginx/nginx.conf.template"


def test_only_addresses_paths_and_the_process_differ_between_the_targets() -> None:
    template = render_nginx.TEMPLATE.read_text()
    assert set(re.findall(r"@@(\w+)@@", template)) == PER_TARGET
    assert set(render_nginx.CONTAINER) == set(render_nginx.LOCAL) == PER_TARGET
    container, local = render_nginx.render_target("container"), render_nginx.render_target("local")
    assert "@@" not in container + local
    container_blocks, local_blocks = _blocks(container), _blocks(local)
    assert set(local_blocks) == set(container_blocks) - {"= /stub_status"}
    for location, block in local_blocks.items():
        assert _masked(block) == _masked(container_blocks[location]), location
    assert _server_level(local) == _server_level(container)
    http_level = [re.sub(r"\s+", " ", line) for line in re.findall(r"^    (?:gzip|limit_req|map|log_format)[^\n]*",
                                                                    container, re.M)]  # fmt: skip
    assert http_level == [
        re.sub(r"\s+", " ", line) for line in re.findall(r"^    (?:gzip|limit_req|map|log_format)[^\n]*", local, re.M)
    ]


def test_both_gateways_have_health_gzip_and_operator_only_uis() -> None:
    for target in ("container", "local"):
        text = render_nginx.render_target(target)
        blocks = _blocks(text)
        assert re.search(r"proxy_pass http://[^/;]+/healthz;", blocks["= /health"]), target
        assert re.search(r"^    gzip on;$", text, re.M), target
        for location in ("/grafana/", "/prometheus/", "/alertmanager/", "/flower/", "/rabbitmq/"):
            assert "auth_request /_auth/operator;" in blocks[location], (target, location)
            assert "error_page 401 = @staff_login;" in blocks[location], (target, location)
        assert re.search(r"proxy_pass http://[^/;]+/api/auth/operator-check/;", blocks["= /_auth/operator"]), target


def test_a_hand_edit_is_noticed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = tmp_path / "nginx.conf"
    edited.write_text(render_nginx.render_target("container").replace("expires 7d;", "expires 1d;"))
    monkeypatch.setitem(render_nginx.RENDERED, "container", edited)
    assert render_nginx.stale_files() == [edited]


def test_the_host_rendering_is_accepted_by_nginx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nginx = shutil.which("nginx") or pytest.skip("nginx is not installed")
    for name, directory in (("RUN_DIR", "run"), ("LOG_DIR", "logs"), ("STATIC_ROOT", "static"),
                            ("MEDIA_ROOT", "media")):  # fmt: skip
        monkeypatch.setenv(name, str(tmp_path / directory))
    monkeypatch.setenv("GATEWAY_PORT", "18999")
    out = tmp_path / "nginx.conf"
    subprocess.run(
        [sys.executable, "scripts/render_nginx.py", "--out", str(out)],
        cwd=render_nginx.REPO_DIR,
        check=True,
        env={**os.environ, "PYTHONPATH": str(render_nginx.REPO_DIR)},
        timeout=30,
    )
    assert "{{" not in out.read_text()
    result = subprocess.run(
        [str(nginx), "-t", "-c", str(out), "-p", str(tmp_path), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
