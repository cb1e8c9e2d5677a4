"""The process's open-file limit, raised as far as the system allows.

Every WebSocket holds a file descriptor for as long as it is open, and daphne (like uvicorn and supervisord's
default `minfds`) leaves RLIMIT_NOFILE where it found it: 1024 in many shells and service managers, which caps a
server at fewer than a thousand sockets. Any process may raise its soft limit up to the hard one.
"""

from __future__ import annotations

import resource

# Far beyond what one server process holds; the hard limit (often 524288 or more) is not taken whole.
OPEN_FILES_WANTED = 65536


def raise_open_file_limit(wanted: int = OPEN_FILES_WANTED) -> int:
    """Raise the soft limit to `wanted`, or to the hard limit if that is lower; never lowers it. The limit now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        return target
    return soft
