"""ZIP import safety: bombs, traversal, nested archives and non-resume files."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from recruitment_core.archive import ArchiveLimits, ArchiveRejected, iter_resumes, open_archive

LIMITS = ArchiveLimits(max_archive_bytes=5 * 1024 * 1024, max_members=10, max_member_bytes=1024 * 1024)


def make_zip(files: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_resumes_come_out_with_their_types_and_others_with_reasons():
    data = make_zip(
        {
            "cv/ada.txt": b"Ada Lovelace\nMathematician\n",
            "photo.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
            "inner.zip": make_zip({"x.txt": b"hello"}),
            "empty.txt": b"",
            "__MACOSX/._ada.txt": b"junk",
        }
    )

    members = list(iter_resumes(data, LIMITS))

    assert [(m.name, m.kind, bool(m.data)) for m in members][:1] == [("cv/ada.txt", "txt", True)]
    skipped = {m.name: m.skipped_reason for m in members if m.skipped_reason}
    assert set(skipped) == {"photo.png", "inner.zip", "empty.txt"}
    assert skipped["inner.zip"] == "Archives inside the archive are not opened; skipped."
    assert "empty" in skipped["empty.txt"].lower()


def test_zip_bomb_is_refused_before_expanding():
    bomb = make_zip({"bomb.txt": b"0" * (50 * 1024 * 1024)})

    with pytest.raises(ArchiveRejected) as refused:
        open_archive(bomb, LIMITS)

    assert refused.value.code == "zip_bomb"
    assert "zip bomb" in refused.value.message


def test_total_expanded_size_is_limited():
    limits = ArchiveLimits(max_total_bytes=1000, max_ratio=10_000)
    archive = make_zip({f"{i}.txt": b"resume text " * 20 for i in range(5)}, compression=zipfile.ZIP_STORED)

    with pytest.raises(ArchiveRejected) as refused:
        open_archive(archive, limits)

    assert refused.value.code == "zip_bomb"


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/cron.d/evil", "..\\..\\windows\\evil.txt", "C:/evil.txt"])
def test_path_traversal_is_refused(name):
    with pytest.raises(ArchiveRejected) as refused:
        open_archive(make_zip({"ok.txt": b"fine", name: b"owned"}), LIMITS)

    assert refused.value.code == "path_traversal"
    assert "outside" in refused.value.message


def test_too_many_files_and_not_a_zip():
    with pytest.raises(ArchiveRejected) as too_many:
        open_archive(make_zip({f"{i}.txt": b"x" for i in range(11)}), LIMITS)
    with pytest.raises(ArchiveRejected) as not_zip:
        open_archive(b"%PDF-1.4 not a zip", LIMITS)

    assert too_many.value.code == "too_many_files"
    assert not_zip.value.code == "not_a_zip"


def test_symlink_members_are_skipped():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")

    members = list(iter_resumes(buffer.getvalue(), LIMITS))

    assert [(m.name, m.skipped_reason) for m in members] == [("link.txt", "Symbolic links are not resumes; skipped.")]


def test_member_lying_about_its_size_is_cut_at_the_limit():
    limits = ArchiveLimits(max_member_bytes=100, max_ratio=10_000)
    members = list(iter_resumes(make_zip({"big.txt": b"a" * 5000}), limits))

    assert members[0].skipped_reason.startswith("The file is")
