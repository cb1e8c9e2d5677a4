"""Fixtures of the authorization matrix (test_*_matrix.py, test_admin_data.py), which opt in to them: fast password
hashing, private media, and one world of two organizations per module, built once inside a transaction that each
test's savepoint (the `db` fixture) and, at the end, the module roll back. Nothing here is autouse: the package's
other suites keep their own settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django.test.utils import override_settings

from security.matrix_support import FAST_HASHERS, World, build_world


@pytest.fixture
def matrix_settings(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.USE_X_ACCEL_REDIRECT = True  # resume downloads answer with the header, as behind the gateway
    return settings


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
                built = build_world()
            yield built
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
