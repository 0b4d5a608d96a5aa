"""Figures beside their budgets: the final table and the JSON report of a bench run.

A ``Figure`` is one measured value with its unit, how it was taken, and an optional
budget (a bound and its direction). ``Report`` collects them with the machine they were
measured on (cores, CPU model, load average, Python, database engine and version, git
commit) and writes ``bench/out/report-<engine>-<timestamp>.json``. No timing happens here:
this module only compares and prints, so it is tested on its own (tests/test_bench.py).
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import statistics
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Budget:
    """``value <= limit`` (``at_most``) or ``value >= limit`` (``at_least``)."""

    limit: float
    kind: Literal["at_most", "at_least", "equal"] = "at_most"

    def holds(self, value: float) -> bool:
        if self.kind == "at_most":
            return value <= self.limit
        if self.kind == "at_least":
            return value >= self.limit
        return value == self.limit

    def __str__(self) -> str:
        sign = {"at_most": "<=", "at_least": ">=", "equal": "=="}[self.kind]
        return f"{sign} {self.limit:g}"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str = ""
    budget: Budget | None = None
    note: str = ""

    @property
    def holds(self) -> bool | None:
        return None if self.budget is None else self.budget.holds(self.value)

    def shown(self) -> str:
        if float(self.value).is_integer() or abs(self.value) >= 100:
            value = f"{self.value:,.0f}"
        else:
            value = f"{self.value:.2f}"
        return f"{value} {self.unit}".strip()


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (``fraction`` 0.95 for p95) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def load_p95_after(requests: list[tuple[float, str, float]], seconds: float) -> tuple[float, int]:
    """The p95 (ms) of the load test's requests (start time, name, ms) that started
    ``seconds`` or more after the first, and how many they are.

    Every simulated editor logs on in the run's first second and opens the queue's full
    page at once: those requests wait for each other, and this p95 leaves them out.
    """
    first = min(start for start, _, _ in requests)
    kept = [ms for start, _, ms in requests if start - first >= seconds]
    return (percentile(kept, 0.95) if kept else 0.0), len(kept)


@dataclass
class Report:
    engine: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    machine: dict = field(default_factory=dict)
    started: str = field(
        default_factory=lambda: datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    )

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure

    def table(self) -> str:
        rows = [("figure", "value", "budget", "holds")]
        for f in self.figures:
            holds = "—" if f.holds is None else ("yes" if f.holds else "NO")
            rows.append((f.name, f.shown(), str(f.budget) if f.budget else "—", holds))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(line.rstrip() for line in lines)

    def as_json(self) -> dict:
        return {
            "started": self.started,
            "engine": self.engine,
            "machine": self.machine,
            "figures": [
                {**asdict(f), "budget": str(f.budget) if f.budget else None, "holds": f.holds}
                for f in self.figures
            ],
            "notes": self.notes,
        }

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"report-{self.engine}-{self.started}.json"
        path.write_text(json.dumps(self.as_json(), indent=2) + "\n", encoding="utf-8")
        return path


def machine_info(database: str) -> dict:
    """What the figures were measured on; ``database`` is the engine's name and version."""
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "load_average": list(os.getloadavg()),
        "memory_gb": _memory_gb(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "database": database,
        "git_commit": _git("rev-parse", "HEAD"),
        "git_dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""
