"""Put YASGUI (the SPARQL editor and result viewer of the endpoint's query page) into the
package: install the pinned version from npm into a scratch folder, copy its built script
and stylesheet to ``unkg/sparql/assets/``, and write the licences of every package the build
was made from to ``unkg/sparql/assets/LICENSES.md``. Run at development time; the files are
committed, so the page works offline and nothing is fetched when unkg runs.

    python tools/vendor_yasgui.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = "@zazuko/yasgui"
VERSION = "4.6.2"
_LICENCE_FILE = re.compile(r"(?i)^(licen[cs]e|copying|notice)")
ASSETS = Path(__file__).resolve().parent.parent / "unkg" / "sparql" / "assets"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="unkg-yasgui-") as scratch:
        work = Path(scratch)
        subprocess.run(["npm", "init", "-y"], cwd=work, check=True, capture_output=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                PACKAGE + "@" + VERSION,
            ],
            cwd=work,
            check=True,
            capture_output=True,
        )
        modules = work / "node_modules"
        build = modules / PACKAGE / "build"
        for name in ("yasgui.min.js", "yasgui.min.css"):
            text = (build / name).read_text(encoding="utf-8")
            # the source maps are not shipped: no reference to them either
            text = re.sub(r"\n?/[/*]# sourceMappingURL=\S+(?: \*/)?\s*$", "\n", text)
            (ASSETS / name).write_text(text, encoding="utf-8")
        (ASSETS / "LICENSES.md").write_text(_licences(modules), encoding="utf-8")
    print(f"vendored {PACKAGE}@{VERSION} into {ASSETS}", file=sys.stderr)
    return 0


def _licences(modules: Path) -> str:
    out = [
        f"# Licences of {PACKAGE} {VERSION} and the packages it was built from",
        "",
        "`yasgui.min.js` and `yasgui.min.css` are the build of "
        f"[{PACKAGE}](https://www.npmjs.com/package/{PACKAGE}) {VERSION}, copied unchanged "
        "except for their source-map comments by `tools/vendor_yasgui.py`. The build bundles "
        "code of the packages below (all those npm installs with it); each one's licence "
        "follows, as its package ships it.",
        "",
    ]
    for manifest in sorted(modules.glob("**/package.json")):
        folder = manifest.parent
        if "node_modules" in folder.relative_to(modules).parts:
            continue  # a nested copy: listed under its own top-level name
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if "name" not in data or "version" not in data:
            continue
        licence = data.get("license") or "not stated in its package.json"
        out += [f"## {data['name']} {data['version']}", "", f"Licence: {licence}", ""]
        for text_file in sorted(folder.iterdir()):
            if _LICENCE_FILE.match(text_file.name) and text_file.is_file():
                text = text_file.read_text(encoding="utf-8", errors="replace").strip()
                out += ["```", text, "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    raise SystemExit(main())
