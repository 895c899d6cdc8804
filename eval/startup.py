"""Start-up time of the CLI against a bare interpreter, in the same run: `newsclaims --help` and
`newsclaims claims --help` beside `python -c pass` (median of repeated runs, in fresh processes).

    python -m eval.startup [--runs 15]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "newsclaims --help": [sys.executable, "-m", "pipeline.cli", "--help"],
    "newsclaims claims --help": [sys.executable, "-m", "pipeline.cli", "claims", "--help"],
    "newsclaims extract --help": [sys.executable, "-m", "pipeline.cli", "extract", "--help"],
}


def median_seconds(command: list[str], runs: int) -> float:
    """The median wall time of `runs` runs of `command`, each in a new process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    script = Path(sys.executable).parent / "newsclaims"
    if shutil.which(str(script)):  # the installed entry point, as users run it
        for name in list(COMMANDS)[1:]:
            COMMANDS[name] = [str(script), *COMMANDS[name][3:]]
    for command in COMMANDS.values():  # warm-up: the file cache
        median_seconds(command, 1)
    baseline = median_seconds(COMMANDS["python -c pass"], args.runs)
    print(f"{'command':<28}{'median s':>10}{'x python -c pass':>18}   ({args.runs} runs each)")
    for name, command in COMMANDS.items():
        seconds = baseline if name == "python -c pass" else median_seconds(command, args.runs)
        print(f"{name:<28}{seconds:>10.3f}{seconds / baseline:>18.1f}")


if __name__ == "__main__":
    main()
