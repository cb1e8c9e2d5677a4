"""How many cells the authorization matrix checks (`pytest tests/security -s` prints it): one per surface and
role, each a parametrized test of test_admin_matrix, test_rest_matrix or test_ws_matrix."""

from __future__ import annotations

from security import test_admin_matrix, test_rest_matrix, test_ws_matrix
from security.matrix_support import ROLES


def test_matrix_size() -> None:
    admin, rest, sockets = test_admin_matrix.CELLS, len(test_rest_matrix.CELLS), len(test_ws_matrix.CELLS)
    total = admin + rest + sockets

    print(
        f"\nauthorization matrix: {total} cells over {len(ROLES)} roles = admin {admin} "
        f"(model views {len(test_admin_matrix.MODEL_CELLS)}, actions {len(test_admin_matrix.ACTION_CELLS)}, "
        f"inlines {len(test_admin_matrix.INLINE_CELLS)}, other admin URLs {len(test_admin_matrix.SITE_CELLS)}, "
        f"autocomplete {len(test_admin_matrix.AUTOCOMPLETE_CELLS)}) + REST {rest} + WebSocket {sockets}"
    )
    assert total % len(ROLES) == 0
    assert admin and rest and sockets
