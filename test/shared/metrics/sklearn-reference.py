"""Expected values for test/shared/metrics/*.test.ts.

scikit-learn is not a dependency, so this script re-implements the scikit-learn 1.2 code paths the
metrics follow (sklearn/metrics/_ranking.py, _classification.py, _regression.py) with numpy, and
cross-checks ROC AUC against scipy's Mann-Whitney U. Where ModelGate returns null instead of
scikit-learn's 0 / NaN / exception, the value is printed as None.

Run: python3 test/shared/metrics/sklearn-reference.py   (numpy 2.4, scipy 1.17)
"""

import numpy as np
from scipy.special import xlogy
from scipy.stats import mannwhitneyu

EPS = np.finfo(np.float64).eps  # log_loss eps="auto" for float64 input (scikit-learn 1.2)


# ---------------------------------------------------------------- ranking (_ranking.py, 1.2)
def binary_clf_curve(y, s, w=None):
    y = np.asarray(y, dtype=np.int64)
    s = np.asarray(s, dtype=np.float64)
    if w is not None:
        w = np.asarray(w, dtype=np.float64)
        nz = w != 0
        y, s, w = y[nz], s[nz], w[nz]
    desc = np.argsort(s, kind="mergesort")[::-1]
    s, y = s[desc], y[desc]
    weight = 1.0 if w is None else w[desc]
    distinct = np.where(np.diff(s))[0]
    thr = np.r_[distinct, y.size - 1]
    tps = np.cumsum(y * weight, dtype=np.float64)[thr]
    fps = 1 + thr - tps if w is None else np.cumsum((1 - y) * weight, dtype=np.float64)[thr]
    return fps, tps


def roc_auc(y, s, w=None):
    if len(np.unique(np.asarray(y)[np.asarray(w) != 0] if w is not None else y)) != 2:
        return None  # scikit-learn raises ValueError
    fps, tps = binary_clf_curve(y, s, w)
    if len(fps) > 2:  # roc_curve(drop_intermediate=True)
        keep = np.where(np.r_[True, np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), True])[0]
        fps, tps = fps[keep], tps[keep]
    fps, tps = np.r_[0, fps], np.r_[0, tps]
    value = float(np.trapezoid(tps / tps[-1], fps / fps[-1]))
    if w is None:  # independent check: Mann-Whitney U / (P N), ties count 1/2
        y = np.asarray(y)
        s = np.asarray(s, dtype=np.float64)
        u = mannwhitneyu(s[y == 1], s[y == 0]).statistic
        assert abs(u / ((y == 1).sum() * (y == 0).sum()) - value) < 1e-13
    return value


def average_precision(y, s, w=None):
    fps, tps = binary_clf_curve(y, s, w)
    if tps[-1] == 0:
        return None  # scikit-learn warns (recall set to 1) and returns a meaningless value
    ps = tps + fps
    precision = np.zeros_like(tps)
    np.divide(tps, ps, out=precision, where=(ps != 0))
    recall = tps / tps[-1]
    precision = np.hstack((precision[::-1], 1))
    recall = np.hstack((recall[::-1], 0))
    return float(-np.sum(np.diff(recall) * precision[:-1]))


# ------------------------------------------------------------ probabilistic (_classification.py)
def log_loss(y, proba, k=2, w=None):
    """log_loss(y, proba, labels=range(k)); binary proba is the positive-class column."""
    y = np.asarray(y)
    if y.size == 0:
        return None
    proba = np.clip(np.asarray(proba, dtype=np.float64), EPS, 1 - EPS)
    if proba.ndim == 1:
        proba = np.column_stack([1 - proba, proba])
    proba = proba / proba.sum(axis=1)[:, np.newaxis]
    onehot = np.eye(k)[y]
    loss = -xlogy(onehot, proba).sum(axis=1)
    return float(np.average(loss, weights=w))


def brier(y, p, w=None):
    if len(y) == 0:
        return None
    return float(np.average((np.asarray(y) - np.asarray(p, dtype=np.float64)) ** 2, weights=w))


# ------------------------------------------------------------------ counts (_classification.py)
def confusion(y, pred, labels):
    c = np.zeros((len(labels), len(labels)))
    index = {label: i for i, label in enumerate(labels)}
    for t, p in zip(y, pred):
        c[index[t], index[p]] += 1
    return c


def prf(y, pred, labels):
    """precision_recall_fscore_support(average=None, zero_division -> 0), beta = 1."""
    c = confusion(y, pred, labels)
    tp = np.diag(c)
    pred_sum, true_sum = c.sum(axis=0), c.sum(axis=1)
    precision = np.divide(tp, pred_sum, out=np.zeros_like(tp), where=pred_sum != 0)
    recall = np.divide(tp, true_sum, out=np.zeros_like(tp), where=true_sum != 0)
    denom = precision + recall
    denom[denom == 0.0] = 1
    return precision, recall, 2 * precision * recall / denom, true_sum


def balanced_accuracy(y, pred):
    labels = sorted(set(y) | set(pred))
    c = confusion(y, pred, labels)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_class = np.diag(c) / c.sum(axis=1)
    return float(np.mean(per_class[~np.isnan(per_class)]))


def mcc(y, pred):
    c = confusion(y, pred, sorted(set(y) | set(pred)))
    t_sum, p_sum = c.sum(axis=1), c.sum(axis=0)
    n_correct, n = np.trace(c), p_sum.sum()
    cov_ytyp = n_correct * n - np.dot(t_sum, p_sum)
    cov_ypyp = n**2 - np.dot(p_sum, p_sum)
    cov_ytyt = n**2 - np.dot(t_sum, t_sum)
    return 0.0 if cov_ypyp * cov_ytyt == 0 else float(cov_ytyp / np.sqrt(cov_ytyt * cov_ypyp))


def binary_metrics(y, score, pred):
    y, pred = [int(v) for v in y], [int(v) for v in pred]
    n = len(y)
    if n == 0:
        return {}
    tp = sum(1 for t, p in zip(y, pred) if t == 1 and p == 1)
    fp = sum(1 for t, p in zip(y, pred) if t == 0 and p == 1)
    fn = sum(1 for t, p in zip(y, pred) if t == 1 and p == 0)
    tn = n - tp - fp - fn
    precision, recall, f1, _ = prf(y, pred, [0, 1])
    return {
        "accuracy": float(np.mean(np.asarray(y) == np.asarray(pred))),
        "balanced_accuracy": balanced_accuracy(y, pred),
        "precision": None if tp + fp == 0 else float(precision[1]),
        "recall": None if tp + fn == 0 else float(recall[1]),
        "f1": None if tp + fp + fn == 0 else float(f1[1]),
        "mcc": mcc(y, pred),
        "roc_auc": roc_auc(y, score),
        "average_precision": average_precision(y, score),
        "log_loss": log_loss(y, score),
        "brier": brier(y, score),
        "selection_rate": float(np.mean(pred)),
        "tpr": None if tp + fn == 0 else tp / (tp + fn),
        "fpr": None if fp + tn == 0 else fp / (fp + tn),
        "tnr": None if fp + tn == 0 else tn / (fp + tn),
        "fnr": None if tp + fn == 0 else fn / (tp + fn),
    }


def multiclass_metrics(y, k, proba, pred):
    if len(y) == 0:
        return {}
    labels = sorted(set(y) | set(pred))  # labels=None: classes present in y or pred
    _, _, f1, support = prf(y, pred, labels)
    return {
        "accuracy": float(np.mean(np.asarray(y) == np.asarray(pred))),
        "balanced_accuracy": balanced_accuracy(y, pred),
        "log_loss": log_loss(y, np.asarray(proba, dtype=np.float64).reshape(-1, k), k),
        "f1_macro": float(np.average(f1)),
        "f1_weighted": float(np.average(f1, weights=support)),
    }


# ------------------------------------------------------------------- regression (_regression.py)
def regression_metrics(y, yhat):
    y, yhat = np.asarray(y, dtype=np.float64), np.asarray(yhat, dtype=np.float64)
    if y.size == 0:
        return {}
    num = ((y - yhat) ** 2).sum(dtype=np.float64)
    den = ((y - np.average(y)) ** 2).sum(dtype=np.float64)
    if y.size < 2:
        r2 = None  # scikit-learn: NaN with a warning
    elif num == 0:
        r2 = 1.0  # force_finite: perfect prediction
    elif np.all(y == y[0]):
        r2 = None  # scikit-learn force_finite: 0.0 (or garbage when den is a rounding residue)
    else:
        r2 = float(1 - num / den)
    return {
        "mae": float(np.average(np.abs(y - yhat))),
        "rmse": float(np.sqrt(np.average((y - yhat) ** 2))),
        "r2": r2,
        "mape": float(np.average(np.abs(yhat - y) / np.maximum(np.abs(y), EPS))),
    }


# ------------------------------------------------------- the deterministic 500-row fixture
class Lcg:
    """Numerical Recipes LCG; the test files have the same generator (integers only)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self):
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return self.state >> 8  # 24 bits

    def below(self, m):
        return self.next() % m


def fixture(n=500, seed=20240607):
    g = Lcg(seed)
    ticks = [g.below(41) for _ in range(n)]
    score = [t / 40 for t in ticks]
    y = [1 if g.below(50) < t + 5 else 0 for t in ticks]
    weights = [g.below(4) for _ in range(n)]
    k = 3
    raw = [[g.below(10) + 1 for _ in range(k)] for _ in range(n)]
    proba = [r[c] / sum(r) for r in raw for c in range(k)]
    ymc = [(max(range(k), key=lambda c: r[c]) if g.below(10) < 6 else g.below(k)) for r in raw]
    yreg = [g.below(4001) / 8 - 250 for _ in range(n)]
    yreg_hat = [v + (g.below(161) - 80) / 16 for v in yreg]
    return locals()


def argmax_first(proba, k):
    rows = np.asarray(proba, dtype=np.float64).reshape(-1, k)
    return [int(v) for v in np.argmax(rows, axis=1)]


def show(title, values):
    print(f"# {title}")
    for key, value in values.items():
        print(f"  {key}: {'null' if value is None else repr(value)},")


COUNT_METRICS = ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "mcc", "selection_rate", "tpr", "fpr", "tnr", "fnr"]


def confusion_cases():
    """Count metrics of confusion matrices (tp, fp, tn, fn), on the rows they expand to."""
    for tp, fp, tn, fn in [(40, 10, 45, 5), (7, 3, 0, 0), (0, 0, 12, 0), (0, 0, 0, 9), (3, 0, 5, 0), (0, 4, 6, 0), (0, 0, 6, 3), (1234, 567, 8910, 111)]:
        y = [1] * tp + [0] * fp + [0] * tn + [1] * fn
        pred = [1] * tp + [1] * fp + [0] * tn + [0] * fn
        m = binary_metrics(y, [0.5] * len(y), pred)
        show(f"confusion tp={tp} fp={fp} tn={tn} fn={fn}", {k: m[k] for k in COUNT_METRICS})


def rank_cases():
    for name, y, s in [("inverted", [1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]), ("only positives, tied", [1, 1, 1], [0.2, 0.7, 0.7])]:
        show(f"rank {name}", {"roc_auc": roc_auc(y, s), "average_precision": average_precision(y, s)})


def loss_cases():
    show("log loss y=1, p=0 (eps clip)", {"log_loss": log_loss([1], [0.0])})
    show("log loss y=1, p=0 with the old eps=1e-15", {"log_loss": float(-np.log(1e-15))})
    y, p = [1, 0, 1, 1, 0, 0], [0.9, 0.2, 0.6, 1.0, 0.0, 0.45]
    show("loss basic", {"log_loss": log_loss(y, p), "brier": brier(y, p)})
    w = [1, 3, 0, 2, 1, 2]
    show("loss basic with sample_weight", {"log_loss": log_loss(y, p, 2, w), "brier": brier(y, p, w)})
    show("loss single class", {"log_loss": log_loss([0, 0], [0.25, 0.5]), "brier": brier([0, 0], [0.25, 0.5])})


def main():
    confusion_cases()
    rank_cases()
    loss_cases()
    cases = {
        "basic": ([0, 0, 1, 1, 0, 1, 1, 0, 1, 0], [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.35, 0.2, 0.6, 0.7]),
        "all ties": ([0, 1, 1, 0, 1], [0.5] * 5),
        "only positives": ([1, 1, 1, 1], [0.2, 0.7, 0.9, 0.7]),
        "only negatives": ([0, 0, 0], [0.6, 0.1, 0.3]),
        "no predicted positives": ([1, 0, 1, 0], [0.2, 0.1, 0.45, 0.3]),
        "all true negatives": ([0, 0, 0, 0], [0.1, 0.2, 0.0, 0.3]),
        "saturated and wrong": ([0, 1, 1, 0, 1], [1.0, 0.0, 1.0, 0.0, 0.5]),
        "perfect": ([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]),
        "signed zeros tie": ([1, 0, 1, 0], [-0.0, 0.0, 0.5, 0.5]),
    }
    for name, (y, score) in cases.items():
        pred = [1 if s >= 0.5 else 0 for s in score]
        show(f"binary {name}: pred = score >= 0.5", binary_metrics(y, score, pred))

    # multiclass
    k = 3
    proba = [0.7, 0.2, 0.1, 0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4, 0.6, 0.3, 0.1]
    pred = argmax_first(proba, k)
    print("# multiclass basic pred", pred)
    show("multiclass basic", multiclass_metrics([0, 1, 1, 2, 0, 0], k, proba, pred))
    proba4 = [0.0, 1.0, 0.0, 0.0, 0.5, 0.5, 0.0, 0.0, 0.2, 0.2, 0.2, 0.0, 0.9, 0.0, 0.1, 0.0]
    pred4 = [1, 0, 0, 2]
    show("multiclass absent classes, zeros, rows not summing to 1", multiclass_metrics([0, 0, 1, 0], 4, proba4, pred4))
    show("multiclass single class", multiclass_metrics([2, 2, 2], 3, [0.1, 0.1, 0.8, 0.5, 0.2, 0.3, 0.3, 0.3, 0.4], [2, 0, 2]))

    # regression
    show("regression basic", regression_metrics([3.0, -0.5, 2.0, 7.0, 4.0], [2.5, 0.0, 2.0, 8.0, 4.25]))
    show("regression y = 0 (mape divides by eps)", regression_metrics([0.0, 1.0], [0.25, 1.0]))
    show("regression constant imperfect", regression_metrics([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]))
    show("regression constant 0.1 (sklearn's mean leaves a residue)", regression_metrics([0.1] * 3, [0.1, 0.1, 0.2]))
    print("#   sklearn r2 here would be", 1 - 0.01 / ((np.array([0.1] * 3) - np.average([0.1] * 3)) ** 2).sum())
    show("regression constant perfect", regression_metrics([2.0, 2.0], [2.0, 2.0]))
    show("regression one row", regression_metrics([4.0], [3.0]))

    f = fixture()
    print("# fixture checks: sum(y)", sum(f["y"]), "distinct scores", len(set(f["score"])), "sum(w)", sum(f["weights"]))
    pred = [1 if s >= 0.5 else 0 for s in f["score"]]
    show("fixture binary", binary_metrics(f["y"], f["score"], pred))
    w = np.asarray(f["weights"], dtype=np.float64)
    show(
        "fixture binary weighted (sample_weight = weights)",
        {
            "roc_auc": roc_auc(f["y"], f["score"], w),
            "average_precision": average_precision(f["y"], f["score"], w),
            "log_loss": log_loss(f["y"], f["score"], 2, w),
            "brier": brier(f["y"], f["score"], w),
        },
    )
    mpred = argmax_first(f["proba"], 3)
    show("fixture multiclass (pred = argmax)", multiclass_metrics(f["ymc"], 3, f["proba"], mpred))
    show("fixture regression", regression_metrics(f["yreg"], f["yreg_hat"]))


if __name__ == "__main__":
    main()
