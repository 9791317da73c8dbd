"""Sensitivity d′ and criterion c as the front end computes them (discernment.js), against a
reference computation with Python's own normal distribution, including rates of 0 and 1."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path
from statistics import NormalDist

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node") or "node"  # make check and make test install it
Z = NormalDist().inv_cdf


def reference(hits: int, misses: int, false_alarms: int, rejections: int) -> tuple[float, float]:
    """d′ and c with the log-linear correction (Hautus, 1995)."""
    hit_rate = (hits + 0.5) / (hits + misses + 1)
    false_alarm_rate = (false_alarms + 0.5) / (false_alarms + rejections + 1)
    return Z(hit_rate) - Z(false_alarm_rate), -(Z(hit_rate) + Z(false_alarm_rate)) / 2


CASES = [
    (h, s - h, f, n - f)
    for s, n in ((8, 8), (3, 10), (17, 21), (1, 1))
    for h, f in itertools.product(sorted({0, 1, s // 2, s - 1, s}), sorted({0, 1, n // 2, n}))
    if 0 <= h <= s and 0 <= f <= n
]


def test_d_prime_and_c_match_the_reference_to_three_decimals() -> None:
    script = (
        "import { detection } from './docs/assets/stc/discernment.js';"
        f"const cases = {json.dumps(CASES)};"
        "console.log(JSON.stringify(cases.map(([hits, misses, falseAlarms, correctRejections]) =>"
        " detection({ hits, misses, falseAlarms, correctRejections }))));"
    )
    out = subprocess.run(
        [str(NODE), "--input-type=module", "-e", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for case, got in zip(CASES, json.loads(out.stdout), strict=True):
        d_prime, criterion = reference(*case)
        assert round(got["dPrime"], 3) == round(d_prime, 3), case
        assert round(got["criterion"], 3) == round(criterion, 3), case
    # The edge cases are in: every target flagged and none, every other sentence flagged and none.
    assert (8, 0, 0, 8) in CASES and (0, 8, 8, 0) in CASES and (8, 0, 8, 0) in CASES


def test_the_reference_itself_on_rates_worked_by_hand() -> None:
    """H = .8 and F = .2, uncorrected: z(.8) = 0.8416, so d′ = 1.683 and c = 0."""
    assert round(Z(0.8) - Z(0.2), 3) == 1.683
    assert round(-(Z(0.8) + Z(0.2)) / 2, 3) == 0.0
