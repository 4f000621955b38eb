import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../lib/types';
import { summary } from '../test/fixtures';
import { examplePrompts } from './examplePrompts';

describe('examplePrompts', () => {
  it("names this dataset's likely target, its sparse columns and a skewed column", () => {
    const movies: ProfileSummary = {
      ...summary,
      rows: 1000,
      variables: [
        { name: 'title', type: 'text', storage: 'string', missing: 0, distinct: 990 },
        { name: 'budget', type: 'numeric', storage: 'decimal', missing: 600, distinct: 300 },
        { name: 'gross', type: 'numeric', storage: 'decimal', missing: 10, distinct: 900 },
        { name: 'rating', type: 'numeric', storage: 'decimal', missing: 0, distinct: 80 },
      ],
      alerts: [{ type: 'skewed', severity: 'info', column: 'gross', message: 'gross is skewed' }],
    };

    expect(examplePrompts(movies)).toEqual([
      'Fill missing values and train a regression on rating',
      'Drop budget, which is mostly empty',
      'Log-transform gross, which is skewed',
    ]);
  });

  it('prefers a column named like a target, and says classifier for a yes/no one', () => {
    expect(examplePrompts(summary)[0]).toBe('Fill missing values and train a classifier on Survived');
  });
});
