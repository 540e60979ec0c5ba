"""The .deb as newsroom staff get it: installed with apt over an older release, run from
/usr/bin on a real X server (Xvfb, xcb) and offscreen, its data in the user's folder.

Runs only under `make package-test` (packaging/linux/package-test.sh), which builds the packages
and sets FACTDESK_TEST_DEB / FACTDESK_TEST_DEB_PREV; it installs and removes packages for real,
so it needs root or sudo. The tests run in file order: the module fixture leaves the machine
with the older release's user data upgraded to this package; the last test removes it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

DEB = os.environ.get("FACTDESK_TEST_DEB")
DEB_PREV = os.environ.get("FACTDESK_TEST_DEB_PREV")
pytestmark = pytest.mark.skipif(
    not (DEB and DEB_PREV),
    reason="installed-package test: run `make package-test` (builds and installs the .deb)",
)

OPT = Path("/opt/factdesk")
LAUNCHER = Path("/usr/bin/factdesk")
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "white-house-summit.ar.txt"
SOURCES = ROOT / "tests" / "fixtures" / "sources"
OLD_SCHEMA = "0003"  # the schema the older release's desk is left at


def as_root(*cmd: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(
        [*prefix, *cmd], capture_output=True, text=True, check=check, env=env, timeout=600
    )


def apt_install(deb: str) -> None:
    done = as_root("apt-get", "install", "-y", "-q", deb, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def deb_field(deb: str, field: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", deb, field], capture_output=True, text=True, check=True
    ).stdout.strip()


def installed_version() -> str | None:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Status} ${Version}", "factdesk"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or "install ok installed" not in done.stdout:
        return None
    return done.stdout.split()[-1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class User:
    """An analyst's home folder; the installed program sees only this as $HOME."""

    home: Path

    @property
    def desk(self) -> Path:
        # platformdirs' user data folder on Linux: $XDG_DATA_HOME or ~/.local/share
        return self.home / ".local" / "share" / "FactDesk" / "factdesk.db"

    def env(self, **extra: str) -> dict[str, str]:
        own = ("XDG_", "QT_", "FACTDESK")
        keep = {k: v for k, v in os.environ.items() if not k.startswith(own)}
        keep.pop("DISPLAY", None)
        return {
            **keep,
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
            **extra,
        }

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(LAUNCHER), *args],
            capture_output=True,
            text=True,
            env=self.env(**extra),
            timeout=300,
            cwd=self.home,
        )


def make_old_desk(path: Path) -> int:
    """The desk an older release left behind: the seed article imported, schema OLD_SCHEMA.
    Made with this checkout's own code, then taken back down the real migrations."""
    from alembic import command

    from factdesk.desk_cli import DEMO_SEED
    from factdesk.services import ArticleMeta, count_claims, import_texts
    from factdesk.store import database as dbmod
    from factdesk.store import open_database
    from factdesk.text.decoding import read_text_file

    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path, create=True)
    try:
        text = read_text_file(SEED).text
        import_texts(db, [(text, ArticleMeta(title="seed", language="ar"))], source=DEMO_SEED)
        n = count_claims(db)
    finally:
        db.close()
    eng = dbmod._sqlite_engine(dbmod.resolve_target(path)[0])
    with eng.begin() as conn:
        command.downgrade(dbmod._alembic_config(conn), OLD_SCHEMA)
    eng.dispose()
    assert schema_of(path) == OLD_SCHEMA
    return n


def schema_of(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


@dataclass
class Upgrade:
    user: User
    claims_before: int
    desk_hash_before_upgrade: str
    desk_hash_after_upgrade: str
    prev_version: str
    version: str


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Upgrade]:
    assert DEB and DEB_PREV
    if installed_version() is not None:
        as_root("apt-get", "purge", "-y", "-q", "factdesk")
    apt_install(DEB_PREV)
    prev_version = installed_version()
    assert prev_version == deb_field(DEB_PREV, "Version")

    user = User(tmp_path_factory.mktemp("analyst"))
    n = make_old_desk(user.desk)
    before = sha256(user.desk)

    apt_install(DEB)  # the upgrade: a newer version over the installed one
    version = installed_version()
    yield Upgrade(user, n, before, sha256(user.desk), str(prev_version), str(version))


def test_apt_upgrades_over_the_older_release(upgraded: Upgrade) -> None:
    assert upgraded.version == deb_field(DEB or "", "Version")
    cmp = subprocess.run(
        ["dpkg", "--compare-versions", upgraded.version, "gt", upgraded.prev_version]
    )
    assert cmp.returncode == 0, (upgraded.prev_version, upgraded.version)
    # installing a package never touches the user's data
    assert upgraded.desk_hash_after_upgrade == upgraded.desk_hash_before_upgrade


def test_first_run_after_upgrade_migrates_the_desk_and_keeps_every_claim(
    upgraded: Upgrade,
) -> None:
    from factdesk.store.database import SCHEMA_HEAD

    user = upgraded.user
    assert schema_of(user.desk) == OLD_SCHEMA
    done = user.run("claims", "--count")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(upgraded.claims_before)
    assert schema_of(user.desk) == SCHEMA_HEAD
    backup = user.desk.with_name(f"{user.desk.name}.schema-{OLD_SCHEMA}.bak")
    assert backup.is_file() and schema_of(backup) == OLD_SCHEMA
    # and the claims are usable: searchable in Arabic, listed as JSON with their text
    found = user.run("claims", "--search", "قمة", "--format", "json")
    assert found.returncode == 0, found.stderr
    assert "قمة" in found.stdout


def test_package_metadata_and_files() -> None:
    assert DEB
    assert re.fullmatch(r"factdesk_[0-9][^_]*_amd64\.deb", Path(DEB).name)
    depends = deb_field(DEB, "Depends")
    for lib in (
        "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
        "libxkbcommon-x11-0", "libegl1", "libfontconfig1", "libgl1",
    ):  # fmt: skip
        assert re.search(rf"(^|[ ,|]){re.escape(lib)}([ ,(]|$)", depends), lib
    assert int(deb_field(DEB, "Installed-Size")) > 50_000  # KiB: the Qt bundle is in
    listing = subprocess.run(
        ["dpkg-query", "-L", "factdesk"], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    for path in (
        "/opt/factdesk/factdesk",
        "/usr/bin/factdesk",
        "/usr/share/applications/factdesk.desktop",
        "/usr/share/icons/hicolor/256x256/apps/factdesk.png",
        "/usr/share/doc/factdesk/copyright",
        "/opt/factdesk/_internal/resources/translations/qtbase_ar.qm",
        "/opt/factdesk/_internal/resources/fonts/OFL.txt",
        "/opt/factdesk/_internal/LICENSE",
    ):
        assert path in listing, path
    desktop = Path("/usr/share/applications/factdesk.desktop").read_text("utf-8")
    assert "\nExec=factdesk\n" in desktop and "\nIcon=factdesk\n" in desktop
    assert "Name[ar]=" in desktop
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", "/usr/share/applications/factdesk.desktop"],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr


def _elf_files(root: Path) -> list[Path]:
    out = []
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def _needed(path: Path) -> list[str]:
    dyn = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
    ).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dyn)


def _system_libraries() -> dict[str, str]:
    """soname -> path for the x86-64 libraries the dynamic loader knows."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    libs: dict[str, str] = {}
    for m in re.finditer(r"^\s*(\S+) \(libc6,x86-64[^)]*\) => (\S+)$", out, re.M):
        libs.setdefault(m[1], m[2])
    return libs


def _owner(path: str) -> str | None:
    real = os.path.realpath(path)
    candidates = {path, real}
    for p in list(candidates):  # merged /usr: dpkg may know either spelling
        candidates.add(p[4:] if p.startswith("/usr/lib/") else "/usr" + p)
    for p in candidates:
        done = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def test_every_system_library_the_bundle_links_comes_from_a_declared_dependency() -> None:
    """Each shared library a bundled program, library or Qt plugin names (NEEDED) is either in
    the bundle or installed by a package the .deb depends on: nothing works only because
    this machine happened to have it."""
    assert DEB
    depends = {
        alt.strip().split(" ")[0]
        for group in deb_field(DEB, "Depends").split(",")
        for alt in group.split("|")
    }
    bundled = {p.name for p in OPT.rglob("*.so*")}
    system = _system_libraries()
    missing: dict[str, list[str]] = {}
    undeclared: dict[str, str] = {}
    for elf in _elf_files(OPT):
        for soname in _needed(elf):
            if soname in bundled or soname.startswith("ld-linux"):
                continue
            where = system.get(soname)
            if where is None:
                missing.setdefault(soname, []).append(str(elf.relative_to(OPT)))
                continue
            owner = _owner(where)
            if owner is None or owner.split(":")[0] not in depends:
                undeclared[soname] = str(owner)
    assert not missing, f"not found on a machine with the package installed: {missing}"
    assert not undeclared, f"libraries from packages not in Depends: {undeclared}"


def test_smoke_offscreen_from_usr_bin(upgraded: Upgrade) -> None:
    done = upgraded.user.run("--smoke")
    assert done.returncode == 0, done.stdout + done.stderr
    out = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    assert out["platform"] == "offscreen"
    assert out["articles"].startswith("1 ") and "claims=15" in done.stdout
    assert "Noto Naskh Arabic" in out["fonts"]
    assert set(out["arabic_translations"].split(",")) >= {"factdesk_ar", "qtbase_ar"}
    assert "Traceback" not in done.stderr


def test_smoke_on_a_real_x_server(upgraded: Upgrade) -> None:
    """The xcb platform plugin loads with only the .deb's Depends installed (the trap of
    a missing libxcb-* shows here as an abort, exit 134)."""
    assert shutil.which("xvfb-run"), "package-test.sh installs xvfb"
    env = upgraded.user.env(QT_QPA_PLATFORM="xcb")
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(LAUNCHER), "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=upgraded.user.home,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "platform=xcb" in done.stdout
    assert "claims=15" in done.stdout
    assert re.search(r"arabic_translations=.*qtbase_ar", done.stdout)


def test_installed_cli_reads_pages_word_files_and_uses_worker_processes(
    upgraded: Upgrade, tmp_path: Path
) -> None:
    """The frozen program carries what the optional formats need (trafilatura and lxml,
    python-docx) and its engine processes start (multiprocessing in a frozen build)."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("قال الوزير إن «الميزانية سترتفع بنسبة 12 بالمئة العام المقبل».")
    doc.save(tmp_path / "memo.docx")
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(40):
        (notes / f"n{i:02}.txt").write_text(
            f"قال المتحدث إن {i + 3} ملايين شخص تأثروا بالفيضانات.", "utf-8"
        )
    desk = tmp_path / "cli.db"
    done = upgraded.user.run(
        "import", "--db", str(desk), "--workers", "2",
        str(SOURCES / "ar-news.html"), str(tmp_path / "memo.docx"), str(notes),
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    count = upgraded.user.run("claims", "--db", str(desk), "--count")
    assert int(count.stdout) >= 42, count.stdout + count.stderr
    memo = upgraded.user.run("claims", "--db", str(desk), "--search", "الميزانية")
    assert "12" in memo.stdout


@pytest.fixture
def web(tmp_path: Path) -> Iterator[str]:
    """A local web server with a news page and a feed whose item links to it."""
    import functools
    import http.server
    import threading

    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(SOURCES / "en-news.html", site / "story.html")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (site / "feed.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Story</title><link>{base}/story.html</link>"
        "<description>Officials said 40 people were hurt.</description></item>"
        "</channel></rss>",
        "utf-8",
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def test_installed_cli_fetches_a_url_and_a_feed(
    upgraded: Upgrade, web: str, tmp_path: Path
) -> None:
    """httpx (with its certificates bundle), trafilatura and feedparser inside the bundle."""
    desk = str(tmp_path / "web.db")
    page = upgraded.user.run("import", "--db", desk, "--quiet", f"{web}/story.html")
    assert page.returncode == 0, page.stdout + page.stderr
    listed = upgraded.user.run("import", "--db", desk, "--feed", f"{web}/feed.xml")
    assert listed.returncode == 0 and "Story" in listed.stdout, listed.stdout + listed.stderr
    item = upgraded.user.run(
        "import", "--db", desk, "--quiet", "--feed", f"{web}/feed.xml", "--all"
    )
    assert item.returncode == 0, item.stdout + item.stderr
    count = upgraded.user.run("claims", "--db", desk, "--count")
    assert int(count.stdout) >= 2, count.stdout + count.stderr
    kept = upgraded.user.run("source", "--db", desk, "1")
    assert kept.returncode == 0 and "story.html" in kept.stdout, kept.stdout + kept.stderr


def test_installed_app_opens_a_shared_postgresql_desk(
    upgraded: Upgrade, pg_session_url: str | None
) -> None:
    if not pg_session_url:
        pytest.skip("no PostgreSQL server: .ci/run starts one and sets FACTDESK_TEST_PG_URL")
    # pg_session_url is a database this test session created: empty
    done = upgraded.user.run("demo", "--db", pg_session_url)
    assert done.returncode == 0, done.stdout + done.stderr
    count = upgraded.user.run("claims", "--db", pg_session_url, "--count")
    assert count.stdout.strip() == "15", count.stdout + count.stderr


def _os_release() -> dict[str, str]:
    rows = Path("/etc/os-release").read_text("utf-8").splitlines()
    return {k: v.strip('"') for k, _, v in (r.partition("=") for r in rows) if k}


def test_a_minimal_system_with_only_the_depends_runs_it(tmp_path: Path) -> None:
    """A fresh minimal system of this machine's release (debootstrap minbase: no X, no fonts,
    no desktop libraries) gets the .deb with its Depends and nothing recommended, and the
    window starts on a real X server. This catches what the NEEDED check cannot see:
    libraries and files Qt opens at run time (dlopen, fontconfig's configuration)."""
    assert DEB
    osr = _os_release()
    mirror = {
        "debian": "http://deb.debian.org/debian",
        "ubuntu": "http://archive.ubuntu.com/ubuntu",
    }.get(osr.get("ID", ""))
    suite = osr.get("VERSION_CODENAME")
    if not (mirror and suite and shutil.which("debootstrap")):
        pytest.skip(f"no debootstrap recipe for {osr.get('PRETTY_NAME')}")
    root = tmp_path / "minimal"
    boot = as_root("debootstrap", "--variant=minbase", suite, str(root), mirror, check=False)
    assert boot.returncode == 0, boot.stdout[-2000:] + boot.stderr[-2000:]
    as_root("mount", "-t", "proc", "proc", str(root / "proc"))
    try:
        shutil.copy("/etc/resolv.conf", root / "etc" / "resolv.conf")
        shutil.copy(DEB, root / "tmp" / Path(DEB).name)
        inside = (
            "export DEBIAN_FRONTEND=noninteractive && apt-get update -qq && "
            "apt-get install -y -q --no-install-recommends "
            f"/tmp/{Path(DEB).name} xvfb xauth && mkdir -p /home/ana && cd /home/ana && "
            "HOME=/home/ana LANG=C.UTF-8 QT_QPA_PLATFORM=xcb xvfb-run -a "
            "-s '-screen 0 1280x800x24' /usr/bin/factdesk --smoke"
        )
        done = as_root("chroot", str(root), "/bin/sh", "-c", inside, check=False)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        assert "platform=xcb" in done.stdout and "claims=15" in done.stdout, done.stdout
        assert re.search(r"arabic_translations=.*qtbase_ar", done.stdout)
    finally:
        as_root("umount", "-l", str(root / "proc"), check=False)
        as_root("rm", "-rf", "--one-file-system", str(root), check=False)


def test_nothing_was_written_inside_the_install_folder(upgraded: Upgrade) -> None:
    """Every run above kept its data in the user's folders: the installed files are exactly
    the package's (dpkg --verify), and nothing new appeared under /opt/factdesk."""
    verify = subprocess.run(["dpkg", "--verify", "factdesk"], capture_output=True, text=True)
    assert verify.returncode == 0 and not verify.stdout.strip(), verify.stdout
    listed = set(
        subprocess.run(
            ["dpkg-query", "-L", "factdesk"], capture_output=True, text=True, check=True
        ).stdout.split("\n")
    )
    extra = [str(p) for p in OPT.rglob("*") if str(p) not in listed]
    assert not extra, extra[:10]
    assert upgraded.user.desk.is_file()


def test_removing_the_package_keeps_the_users_desk(upgraded: Upgrade) -> None:
    before = sha256(upgraded.user.desk)
    as_root("apt-get", "purge", "-y", "-q", "factdesk")
    assert installed_version() is None
    assert not OPT.exists() and not LAUNCHER.exists()
    assert sha256(upgraded.user.desk) == before
