"""Output folders owned by one run at a time and replaced in one step.

A run takes an ``fcntl`` lock on ``.<name>-dateline.lock`` beside its output folder for as
long as it writes: a second run on the same folder fails at once with a clear
message (two runs would otherwise interleave their files). The new content is
built in a staging folder beside the target and swapped in with one
``renameat2(RENAME_EXCHANGE)`` (atomic: readers see the old folder or the new
one, never a mix and never nothing); where the kernel or file system lacks it,
two renames, and the next run restores the old folder if a kill fell between them.
Staging and retired folders left by killed runs are removed by the next run.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputLocked(RuntimeError):
    """Another run is writing the same output folder."""


def lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}-dateline.lock"


def acquire(target: Path) -> IO[bytes]:
    """Lock ``target`` for this process (released when the returned file closes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path(target), "ab")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise OutputLocked(f"another dateline run is writing {target}; wait for it to finish") from None
    return handle


def staging_prefix(target: Path) -> str:
    return f".{target.name}.building-"


def retired_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.old-{os.getpid()}")


def clean_stale(target: Path) -> None:
    """Remove what killed runs left beside ``target`` (call while holding the lock)."""
    retired = sorted(target.parent.glob(f".{target.name}.old-*"))
    if not target.exists() and retired:
        os.replace(retired[-1], target)  # killed between the two renames of the fallback swap
        retired = retired[:-1]
    for stale in [*target.parent.glob(f"{staging_prefix(target)}*"), *retired]:
        shutil.rmtree(stale, ignore_errors=True)


def make_staging(target: Path) -> Path:
    """An empty folder beside ``target`` with the permissions a new folder would get."""
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    mode = target.stat().st_mode & 0o7777 if target.is_dir() else 0o777 & ~umask
    os.chmod(staging, mode)
    return staging


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_into_place(staging: Path, target: Path) -> None:
    """Make ``staging`` the new ``target`` in one step and delete the old one."""
    if not target.exists() and not target.is_symlink():
        os.replace(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the old content
        return
    retired = retired_path(target)
    os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)
