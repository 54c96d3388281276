"""The table bench/run.py prints and writes to bench/RESULTS.md, and the machine it ran on."""

import os
import platform
import statistics
import subprocess
from datetime import datetime, timezone

import django

import wagtail


def summarise(rounds):
    """Medians over the rounds of one target; bytes per response over all of them."""
    requests = sum(r["requests"] for r in rounds)
    return {
        "rps": statistics.median(r["requests"] / (r["duration_us"] / 1e6) for r in rounds),
        "p50_ms": statistics.median(r["p50_us"] for r in rounds) / 1000,
        "p99_ms": statistics.median(r["p99_us"] for r in rounds) / 1000,
        "bytes": sum(r["bytes"] for r in rounds) / requests if requests else 0,
        "errors": sum(sum(r["errors"].values()) for r in rounds),
        "requests": requests,
    }


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split(" [")[0]  # noqa: S607
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Django {django.get_version()}, Wagtail {wagtail.__version__}; {wrk}"
    )


def table(targets, figures, queries):
    """Markdown table: one row a target, ratios of requests/s to the static file and the peer."""
    static, peer = figures["static"]["rps"], figures["peer"]["rps"]
    lines = [
        "| what | requests/s | p50 | p99 | bytes/response | SQL queries/request | ÷ static file | ÷ stock Wagtail |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for target in targets:
        f = figures[target.name]
        count = queries.get(target.name)
        lines.append(
            f"| {target.label} | {f['rps']:,.1f} | {f['p50_ms']:.1f} ms | {f['p99_ms']:.1f} ms "
            f"| {f['bytes']:,.0f} | {'?' if count is None else count} "
            f"| {f['rps'] / static:.3f} | {f['rps'] / peer:.2f}× |"
        )
    return "\n".join(lines)


def results_markdown(args, command, targets, figures, queries, load_before, note):
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "# Bench results",
        "",
        "Written by `bench/run.py` (see bench/README.md); the latest run replaces this file.",
        "",
    ]
    if note:
        parts += [f"**{note}**", ""]
    parts += [
        f"- Date: {when}",
        f"- Machine: {machine()}",
        f"- Load average (1 min) just before the run, i.e. other work on the machine: {load_before:.2f}",
        f"- Command: `{command}`",
        f"- Load: `wrk -t{args.threads} -c{args.connections}`, {args.rounds} rounds of {args.seconds} s "
        "per target, targets interleaved within each round, medians of the rounds; bytes "
        "per response are the mean, headers included, no compression asked for; SQL queries of one "
        "warm request counted in process (`bench/query_counts.py`) against the same database.",
        "- Servers: gunicorn, 2 sync workers each, SQLite; the site under production settings "
        "(`site_project.settings.loadtest`: the per-IP limits lifted for the lead posts), the peer "
        "under its own `settings.production` (DEBUG off).",
        "",
        table(targets, figures, queries),
        "",
    ]
    return "\n".join(parts)
