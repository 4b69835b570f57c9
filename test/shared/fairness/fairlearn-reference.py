"""Expected values of test/shared/fairness/compute-gap.test.ts.

Fairlearn's conventions re-implemented with numpy (fairlearn is not installed): per group the
selection rate (mean decision), TPR (recall) and FPR; difference = max - min over the groups,
ratio = min / max; equalized odds difference = max(TPR difference, FPR difference), equalized
odds ratio = min(TPR ratio, FPR ratio); equal opportunity = the TPR gap.
Run: python3 test/shared/fairness/fairlearn-reference.py
"""
import numpy as np

y    = np.array([1,0,1,1,0,0,1,0, 1,1,0,0,0,1, 0,1,1,0,1,0,0,1,1, 1,0,0, 0,0,0])
pred = np.array([1,0,0,1,1,0,1,0, 1,0,0,1,0,1, 0,1,1,1,1,0,0,0,1, 1,1,0, 1,0,0])
grp  = np.array(['a']*8 + ['b']*6 + ['c']*9 + ['d']*3 + ['e']*3)

def rates(g):
    m = grp == g
    yy, pp = y[m], pred[m]
    tpr = pp[yy == 1].mean() if (yy == 1).any() else np.nan
    fpr = pp[yy == 0].mean() if (yy == 0).any() else np.nan
    return pp.mean(), tpr, fpr

def gaps(dp_groups, eo_groups):
    sr = np.array([rates(g)[0] for g in dp_groups])
    tpr = np.array([rates(g)[1] for g in eo_groups])
    fpr = np.array([rates(g)[2] for g in eo_groups])
    return {
        'demographic_parity_difference': sr.max() - sr.min(),
        'demographic_parity_ratio': sr.min() / sr.max(),
        'equal_opportunity_difference': tpr.max() - tpr.min(),
        'equal_opportunity_ratio': tpr.min() / tpr.max(),
        'equalized_odds_difference': max(tpr.max() - tpr.min(), fpr.max() - fpr.min()),
        'equalized_odds_ratio': min(tpr.min() / tpr.max(), fpr.min() / fpr.max()),
    }

# min_group_size 0: every group for DP; group e has no positives (TPR undefined) -> left out of EO/EOpp.
print('all groups', {k: repr(float(v)) for k, v in gaps(list('abcde'), list('abcd')).items()})
# min_group_size 4: d and e (3 rows each) are left out everywhere.
print('min size 4', {k: repr(float(v)) for k, v in gaps(list('abc'), list('abc')).items()})
for g in 'abcde':
    print(g, [repr(float(v)) for v in rates(g)])
