"""The browser's flags (harness/browser.py): Chromium keeps only the last --disable-features it is given, so ours
must still name every feature the installed Playwright turns off with its own."""

from __future__ import annotations

import re
from pathlib import Path

import playwright

from harness.browser import CHROMIUM_FLAGS

# playwright-core's bundle (chromiumSwitches.ts): `disabledFeatures = [ "...", // comments ... ]`
_LIST = re.compile(r"disabledFeatures = \[(.*?)\]", re.S)


def _playwrights_disabled_features() -> set[str]:
    bundle = Path(playwright.__file__).parent / "driver" / "package" / "lib" / "coreBundle.js"
    found = _LIST.search(bundle.read_text(encoding="utf-8"))
    assert found, f"{bundle}: Playwright's list of disabled features has moved; read chromiumSwitches.ts again"
    features = set(re.findall(r'^\s*"(\w+)"', found.group(1), re.M))
    assert features, found.group(0)[:300]
    return features


def test_our_disabled_features_keep_every_one_playwright_disables():
    [ours] = [flag for flag in CHROMIUM_FLAGS if flag.startswith("--disable-features=")]
    missing = _playwrights_disabled_features() - set(ours.removeprefix("--disable-features=").split(","))
    assert not missing, f"harness/browser.py: add {sorted(missing)} to PLAYWRIGHT_DISABLED_FEATURES"
