/**
 * Metric functions: scikit-learn 1.2 definitions on typed arrays, one pass each. A value that is
 * undefined (zero denominator, single class) is `null` with a reason, never a silent 0.
 * Preconditions checked upstream where the data is read: no NaN/±Infinity, binary labels 0/1,
 * class indices in 0..k−1. Only array shapes are checked here.
 */
export * from './binary.js';
export * from './check-input.js';
export * from './confusion.js';
export * from './loss.js';
export * from './metric-names.js';
export * from './multiclass.js';
export * from './rank.js';
export * from './registry.js';
export * from './regression.js';
