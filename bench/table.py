#!/usr/bin/env python3
"""The FIGURE lines of bench/all.sh as one table (Markdown, pasted into docs/performance.md)."""
import sys

ROWS = {
    "intake": ("intake, complaints/s", "rate", "floor_rate", "ratio", "≥ 0.50 of the floor, p99 < 100 ms",
               lambda f: f"p99 {f.get('p99_ms', '?')} ms, lost {f.get('lost', '?')}"),
    "view": ("case view, views/s", "rate", "floor_rate", "ratio", "≥ 0.70 of the floor, p99 < 20 ms",
             lambda f: f"p99 {f.get('p99_ms', '?')} ms (floor {f.get('floor_p99_ms', '?')} ms)"),
    "boot": ("boot to ready, ms", "ready_ms", "floor_ready_ms", "ratio", "< 3,000 ms, RSS < 350 MB",
             lambda f: f"RSS {f.get('rss_mb', '?')} MB (floor {f.get('floor_rss_mb', '?')} MB)"),
    "fairness": ("fairness report, ms", "median_ms", "floor_ms", "ratio", "≤ 2.00 × the bare GROUP BY, < 1,000 ms",
                 lambda f: ""),
}


def main(path, load_before, load_after):
    print("| figure | measured | floor | ratio | target | also |")
    print("|---|---|---|---|---|---|")
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 2 or parts[0] != "FIGURE":
            continue
        name = parts[1]
        f = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
        if "failed" in f or name not in ROWS:
            print(f"| {name} | failed | | | | {f.get('failed', '')} |")
            continue
        label, measured, floor, ratio, target, also = ROWS[name]
        print(f"| {label} | {f.get(measured, '?')} | {f.get(floor, '?')} | {f.get(ratio, '?')} | {target} | {also(f)} |")
    print(f"\nload average (1, 5, 15 min) before: {load_before}; after: {load_after}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
