import { describe, expect, it } from 'vitest';
import { metricValue } from './format';

describe('metricValue', () => {
  it('gives scores on a 0–1 scale three decimals and never a minus zero', () => {
    expect(metricValue('r2', -0.00000714)).toBe('0.000');
    expect(metricValue('r2', 0.41)).toBe('0.410');
    expect(metricValue('r2', -0.0123)).toBe('-0.012');
    expect(metricValue('accuracy', 0.83712)).toBe('0.837');
    expect(metricValue('roc_auc', 1)).toBe('1.000');
  });

  it('groups and shortens errors, which are in the target’s own unit', () => {
    expect(metricValue('rmse', 40001896.5)).toBe('40.0 M');
    expect(metricValue('rmse', 2.5e9)).toBe('2.5 B');
    expect(metricValue('mae', 12345.67)).toBe('12,346');
    expect(metricValue('mae', 123.456)).toBe('123.5');
    expect(metricValue('rmse', 1.02)).toBe('1.02');
    expect(metricValue('log_loss', 0.44321)).toBe('0.443');
    expect(metricValue('mae', 0.0000123)).toBe('0.0000123');
  });

  it('says when there is no value rather than printing NaN', () => {
    expect(metricValue('rmse', null)).toBe('–');
    expect(metricValue('rmse', Number.NaN)).toBe('–');
    expect(metricValue('log_loss', Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
