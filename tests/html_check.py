"""HTML checks with the Nu HTML Checker (vnu-jar, from the npm package that
the test set-up installs: node_modules/vnu-jar, never copied into the repo).
It needs Java (`apt-get install default-jre-headless`)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

VNU = Path(
    os.environ.get("VNU_JAR")
    or Path(__file__).resolve().parents[1]
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)


def vnu_errors(paths):
    """Returns the Nu HTML Checker's errors for the saved HTML files `paths`,
    as "file:line: message" strings (warnings and notes left out)."""
    if not VNU.exists():
        raise AssertionError(f"{VNU} is missing: run `make test` (it installs vnu-jar with npm)")
    java = shutil.which("java")
    if java is None:
        raise AssertionError("Java is missing: `apt-get install default-jre-headless`")
    result = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU), "--format", "json", "--exit-zero-always"]
        + [str(path) for path in paths],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}"
        f" [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m.get("type") == "error"
    ]
