"""Browser libraries that installed Python packages ship, served as our own static files (no CDN).

`PackageAssetFinder` is a staticfiles finder: `{% static %}`, `findstatic` and `collectstatic` see each asset
under its URL path, so nginx serves it from STATIC_ROOT like any other file and the Content-Security-Policy
(scripts from our own origin only) allows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path, PurePosixPath
from typing import Any

from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage
from django.core.checks import Error as CheckError
from django.core.files.storage import FileSystemStorage

# URL path under STATIC_URL -> (package, file inside it); the package's version is pinned in requirements.txt.
PACKAGE_ASSETS = {
    "analytics/vendor/plotly.min.js": ("plotly", "package_data/plotly.min.js"),
}


def package_asset(package: str, relative: str) -> Path | None:
    """The file inside an installed package, found without importing it; None when missing."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.is_file() else None


class PackageAssetFinder(BaseFinder):
    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return [
            CheckError(f"{package} has no {relative}: install requirements.txt", id="analytics.E001")
            for package, relative in PACKAGE_ASSETS.values()
            if package_asset(package, relative) is None
        ]

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:
        source = PACKAGE_ASSETS.get(path)
        found = package_asset(*source) if source else None
        if find_all:
            return [str(found)] if found else []
        return str(found) if found else ""

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for url_path, source in PACKAGE_ASSETS.items():
            found = package_asset(*source)
            if found is None:
                continue
            storage = FileSystemStorage(location=str(found.parent))
            storage.prefix = str(PurePosixPath(url_path).parent)  # type: ignore[attr-defined]
            yield found.name, storage
