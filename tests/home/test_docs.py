"""The project's documentation stands alone: the README and docs/ link only
to files inside the repository, and every file they link to exists."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)|(?:src|href)=\"([^\"]+)\"|`(\.\./[^`]+)`")


def local_links(path):
    for match in LINK.finditer(path.read_text()):
        target = next(group for group in match.groups() if group)
        if not re.match(r"[a-z]+:", target) and not target.startswith("#"):
            yield target


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_documentation_links_stay_inside_the_repository(path):
    for target in local_links(path):
        resolved = (path.parent / target.split("#")[0]).resolve()
        assert resolved.is_relative_to(ROOT), f"{path.name} links outside: {target}"
        assert resolved.exists(), f"{path.name} links to a missing file: {target}"


def test_the_readme_points_contributors_at_the_architecture_page():
    assert "](docs/architecture.md)" in (ROOT / "README.md").read_text()
