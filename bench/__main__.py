"""`make bench`: run every benchmark module and print one table.

python -m bench            # everything
python -m bench startup    # only the modules named
"""

from __future__ import annotations

import importlib
import sys

from bench.common import Row, fmt_seconds

#: The default list. `wall` (both terminals read in one loop) is superseded by `keys` and
#: runs only by name: python -m bench wall.
MODULES = ["startup", "guide", "keys", "fields", "statement", "store", "export"]


def main(argv: list[str]) -> int:
    names = argv or MODULES
    rows: list[Row] = []
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"… {name}", file=sys.stderr, flush=True)
        rows.extend(module.run())
    header = ("benchmark", "value", "baseline", "ratio", "target", "note")
    table = [
        (
            r.name,
            fmt_seconds(r.value),
            f"{fmt_seconds(r.baseline)} ({r.baseline_name})" if r.baseline is not None else "-",
            f"{r.ratio:.2f}" if r.ratio is not None else "-",
            r.target,
            r.note,
        )
        for r in rows
    ]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *table, strict=True)]
    line = " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for row in table:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
