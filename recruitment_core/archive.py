"""Reading resume archives (ZIP) safely: limits against zip bombs, no trust in member names.

Member names are only ever used as labels; nothing is written to a path derived from them.
"""

from __future__ import annotations

import io
import posixpath
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from recruitment_core.extraction import ExtractionError, check_upload

NESTED_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz")
# Folders and files that archiving tools add and nobody uploaded on purpose.
IGNORED_PARTS = ("__MACOSX/", ".DS_Store", "Thumbs.db")


class ArchiveRejected(Exception):
    """The whole archive is refused; `code` is stable, the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ArchiveLimits:
    max_archive_bytes: int = 200 * 1024 * 1024
    max_members: int = 1000
    max_member_bytes: int = 10 * 1024 * 1024  # the resume upload limit
    max_total_bytes: int = 1024 * 1024 * 1024
    max_ratio: float = 100.0  # uncompressed / compressed, per member


@dataclass(frozen=True)
class ArchiveMember:
    """One file of the archive: either resume bytes with their type, or the reason it was skipped."""

    name: str
    data: bytes = b""
    kind: str = ""
    skipped_reason: str = ""


def _is_unsafe_name(name: str) -> bool:
    normalized = posixpath.normpath(name.replace("\\", "/"))
    return name.startswith(("/", "\\")) or normalized.startswith("..") or ":" in name.split("/")[0]


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def open_archive(data: bytes, limits: ArchiveLimits) -> list[zipfile.ZipInfo]:
    """Check an archive's directory against the limits before anything is extracted.

    Raises ArchiveRejected for anything that makes the whole archive suspect.
    """
    if len(data) > limits.max_archive_bytes:
        raise ArchiveRejected(
            "too_large", f"The archive is larger than the {limits.max_archive_bytes / 1024 / 1024:g} MB limit."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ArchiveRejected("not_a_zip", f"This is not a readable ZIP archive: {error}") from error
    if len(infos) > limits.max_members:
        raise ArchiveRejected("too_many_files", f"The archive holds {len(infos)} files; at most {limits.max_members}.")
    unsafe = [info.filename for info in infos if _is_unsafe_name(info.filename)]
    if unsafe:
        raise ArchiveRejected(
            "path_traversal", f"The archive contains paths that point outside it ({unsafe[0]!r}); it was refused."
        )
    declared_total = sum(info.file_size for info in infos)
    if declared_total > limits.max_total_bytes:
        raise ArchiveRejected(
            "zip_bomb",
            f"The archive would expand to {declared_total / 1024 / 1024:.0f} MB, over the "
            f"{limits.max_total_bytes / 1024 / 1024:g} MB limit.",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > limits.max_ratio:
            raise ArchiveRejected(
                "zip_bomb",
                f"{info.filename!r} expands {ratio:.0f} times its compressed size; "
                "the archive looks like a zip bomb and was refused.",
            )
    return infos


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read a member but never more than `limit` bytes, whatever its header claims."""
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ExtractionError("too_large", f"The file is larger than the {limit / 1024 / 1024:g} MB limit.")
    return data


def iter_resumes(data: bytes, limits: ArchiveLimits) -> Iterator[ArchiveMember]:
    """Every file of the archive, in archive order, as resume bytes or with the reason it was skipped."""
    infos = open_archive(data, limits)
    archive = zipfile.ZipFile(io.BytesIO(data))
    expanded = 0
    for info in infos:
        name = info.filename
        if any(part in name for part in IGNORED_PARTS):
            continue
        if _is_symlink(info):
            yield ArchiveMember(name=name, skipped_reason="Symbolic links are not resumes; skipped.")
            continue
        if info.flag_bits & 0x1:
            yield ArchiveMember(name=name, skipped_reason="The file is password-protected inside the archive.")
            continue
        if name.lower().endswith(NESTED_ARCHIVE_SUFFIXES):
            yield ArchiveMember(name=name, skipped_reason="Archives inside the archive are not opened; skipped.")
            continue
        try:
            member_bytes = _read_bounded(archive, info, limits.max_member_bytes)
            expanded += len(member_bytes)
            if expanded > limits.max_total_bytes:
                raise ArchiveRejected("zip_bomb", "The archive expands beyond the total size limit; import stopped.")
            kind = check_upload(member_bytes, max_bytes=limits.max_member_bytes)
        except ExtractionError as error:
            yield ArchiveMember(name=name, skipped_reason=str(error))
            continue
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            yield ArchiveMember(name=name, skipped_reason=f"The file could not be read from the archive: {error}")
            continue
        yield ArchiveMember(name=name, data=member_bytes, kind=kind)
