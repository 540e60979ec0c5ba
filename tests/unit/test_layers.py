"""The text and extraction layers stay pure Python: no Qt, no database."""

import subprocess
import sys


def test_extract_imports_neither_qt_nor_sqlalchemy():
    code = (
        "import sys; import factdesk.extract.pipeline, factdesk.extract.evaluate, "
        "factdesk.text.decoding; from factdesk.extract import extract; extract('قال: \"نعم\"'); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
