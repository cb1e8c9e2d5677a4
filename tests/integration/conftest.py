from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def private_media_root(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Each test stores resumes in its own folder, so 'nothing was written' can be checked exactly."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.USE_X_ACCEL_REDIRECT = True
    return settings.MEDIA_ROOT
