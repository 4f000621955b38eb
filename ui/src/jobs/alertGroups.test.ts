import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../generated/plan';
import type { Alert } from '../lib/types';
import { groupAlerts } from './alertGroups';

const drop = (column: string): PlanStep => ({ type: 'drop_columns', params: { columns: [column] } });
const fill = (column: string, strategy: 'mode' | 'median'): PlanStep => ({
  type: 'impute',
  params: { strategy, columns: [column] },
});

describe('groupAlerts', () => {
  it('gives each column one fix: no Fill beside a Drop, no Drop twice, most severe columns first', () => {
    const alerts: Alert[] = [
      { type: 'skewed', severity: 'info', column: 'Fare', message: 'Fare is skewed' },
      {
        type: 'missing',
        severity: 'warning',
        column: 'Cabin',
        message: 'Cabin is missing in 687 rows',
        suggested_action: fill('Cabin', 'mode'),
      },
      {
        type: 'unique',
        severity: 'warning',
        column: 'Name',
        message: 'Name is unique',
        suggested_action: drop('Name'),
      },
      {
        type: 'high_correlation',
        severity: 'info',
        column: 'Ticket',
        message: 'Ticket and Name',
        suggested_action: drop('Name'),
      },
      {
        type: 'missing',
        severity: 'critical',
        column: 'Cabin',
        message: 'too sparse',
        suggested_action: drop('Cabin'),
      },
      { type: 'duplicates', severity: 'info', column: null, message: '3 duplicate rows' },
    ];

    const groups = groupAlerts(alerts);

    expect(groups.map((g) => [g.column, g.severity, g.alerts.length])).toEqual([
      ['Cabin', 'critical', 2],
      ['Name', 'warning', 1],
      ['Fare', 'info', 1],
      ['Ticket', 'info', 1],
      [null, 'info', 1],
    ]);
    expect(groups[0].fix).toEqual(drop('Cabin'));
    expect(groups[0].alerts[0].message).toBe('too sparse');
    expect(groups[1].fix).toEqual(drop('Name'));
    expect(groups[3].fix).toBeNull(); // Drop Name is offered once, on Name
    expect(groups.filter((g) => g.fix != null)).toHaveLength(2);
  });

  it('does not offer to fill a column that another alert offers to drop', () => {
    const groups = groupAlerts([
      {
        type: 'high_correlation',
        severity: 'warning',
        column: 'height_cm',
        message: 'correlated',
        suggested_action: drop('height_in'),
      },
      {
        type: 'missing',
        severity: 'info',
        column: 'height_in',
        message: 'gaps',
        suggested_action: fill('height_in', 'median'),
      },
    ]);

    expect(groups.map((g) => g.fix)).toEqual([drop('height_in'), null]);
  });
});
