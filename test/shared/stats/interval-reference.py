"""Expected values of test/shared/stats/interval.test.ts: numpy's default quantile (method="linear").
Run: python3 test/shared/stats/interval-reference.py (numpy 2.x)."""
import numpy as np

CASES = {
    "five": [3.0, 1.0, 4.0, 1.0, 5.0],
    "ten": [0.12, 0.5, 0.33, 0.91, 0.05, 0.77, 0.41, 0.68, 0.29, 0.84],
    "one": [2.5],
}
for name, xs in CASES.items():
    for q in [0.0, 0.025, 0.1, 0.5, 0.9, 0.975, 1.0]:
        print(name, q, repr(float(np.quantile(xs, q))))
# Percentile interval at 0.9 of "ten": [q(0.05), q(0.95)]
xs = CASES["ten"]
print("interval90", repr(float(np.quantile(xs, 0.05))), repr(float(np.quantile(xs, 0.95))))
