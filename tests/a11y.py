"""Accessibility checks with axe-core, injected from the npm package that the
test set-up installs (node_modules/axe-core, never copied into the repo)."""

import json
from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = {"serious", "critical"}


def axe_violations(tab):
    """Returns axe-core's violations for the page open in `tab`."""
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: run `make test` (it installs axe-core with npm)")
    tab.add_script_tag(content=AXE.read_text())
    result = tab.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return result["violations"]


def assert_accessible(tab):
    """Fails with a readable list if axe finds any serious or critical violation."""
    serious = [v for v in axe_violations(tab) if v["impact"] in FAILING_IMPACTS]
    details = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"][:5]],
        }
        for v in serious
    ]
    assert not serious, f"axe found on {tab.url}:\n{json.dumps(details, indent=2)}"
