"""The newest glibc symbol version any ELF file in a bundle asks for: the oldest distro it runs on.

    python packaging/linux/glibc_floor.py dist/factdesk [--top 5] [--max 2.35]

PyInstaller copies libraries from the build host, so the floor is set by the build machine, not
by our code (packaging/README.md); this measures it instead of guessing.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

_VERSION = re.compile(r"\bGLIBC_(\d+)\.(\d+)(?:\.(\d+))?\b")


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def glibc_needs(path: Path) -> tuple[int, ...] | None:
    """Highest GLIBC_x.y among the file's undefined dynamic symbols (None: asks for none)."""
    out = subprocess.run(
        ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
    ).stdout
    found = [
        tuple(int(p) for p in m.groups() if p is not None)
        for line in out.splitlines()
        if "*UND*" in line
        for m in _VERSION.finditer(line)
    ]
    return max(found) if found else None


def floor(bundle: Path) -> list[tuple[tuple[int, ...], Path]]:
    rows = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink() and is_elf(path):
            need = glibc_needs(path)
            if need:
                rows.append((need, path))
    rows.sort(key=lambda r: r[0], reverse=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", type=Path)
    ap.add_argument("--top", type=int, default=5, help="files to name (newest needs first)")
    ap.add_argument("--max", help="fail (exit 1) if the floor is newer than this, e.g. 2.35")
    args = ap.parse_args(argv)
    rows = floor(args.bundle)
    if not rows:
        print(f"{args.bundle}: no ELF files asking for glibc", file=sys.stderr)
        return 1
    top = rows[0][0]
    print(f"glibc floor: {'.'.join(map(str, top))} ({len(rows)} ELF files)")
    for need, path in rows[: args.top]:
        print(f"  GLIBC_{'.'.join(map(str, need))}  {path.relative_to(args.bundle)}")
    if args.max and top > tuple(int(p) for p in args.max.split(".")):
        print(f"glibc floor {'.'.join(map(str, top))} is newer than {args.max}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
