import { describe, expect, it } from 'vitest';
import { clock, fileSize, metricValue } from './format';

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

describe('clock and fileSize', () => {
  it('gives the time to the second today and the date too on another day', () => {
    const now = new Date(2026, 11, 6, 19, 0, 0).getTime();
    expect(clock(new Date(2026, 11, 6, 18, 42, 7).toISOString(), now)).toBe('18:42:07');
    expect(clock(new Date(2026, 11, 5, 9, 3, 0).toISOString(), now)).toBe('5 Dec 2026, 09:03:00');
    expect(clock(null, now)).toBe('–');
  });

  it('sizes files in binary units', () => {
    expect(fileSize(812)).toBe('812 B');
    expect(fileSize(61_194)).toBe('59.8 KB');
    expect(fileSize(3_512_000)).toBe('3.3 MB');
    expect(fileSize(null)).toBe('–');
  });
});
