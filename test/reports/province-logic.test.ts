import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING, nextRanking, parseTab, provinceReportPath, tabFor, tabsFor } from '../../reports/reports-logic.ts';

describe('the province tab of the reports page', () => {
  it('is shown to the province roles only; a centre’s manager asking for it gets the live view', () => {
    expect(tabsFor('province_manager')).toContain('province');
    expect(tabsFor('province_admin')).toContain('province');
    expect(tabsFor('manager')).toEqual(['live', 'ratings', 'times', 'tickets', 'appointments', 'alerts', 'monthly']);
    expect(tabsFor(undefined)).not.toContain('province');
    expect(parseTab('province')).toBe('province');
    expect(tabFor('province', 'manager')).toBe('live');
    expect(tabFor('province', 'province_manager')).toBe('province');
    expect(tabFor('times', 'admin')).toBe('times');
  });

  it('ranks by the satisfied share first; a header click ranks by it best first, a second click reverses', () => {
    expect(DEFAULT_RANKING).toEqual({ sort: 'satisfiedShare', order: 'desc' });
    const byWait = nextRanking(DEFAULT_RANKING, 'waitMean');
    expect(byWait).toEqual({ sort: 'waitMean', order: 'asc' });
    expect(nextRanking(byWait, 'waitMean')).toEqual({ sort: 'waitMean', order: 'desc' });
    expect(nextRanking(nextRanking(byWait, 'waitMean'), 'waitMean')).toEqual({ sort: 'waitMean', order: 'asc' });
    expect(nextRanking(byWait, 'issued')).toEqual({ sort: 'issued', order: 'desc' });
    expect(nextRanking(byWait, 'name')).toEqual({ sort: 'name', order: 'asc' });
  });

  it('asks the province path with the range and the ranking (the export links add format and lang)', () => {
    expect(provinceReportPath({ from: '2026-03-01', to: '2026-03-31' }, { sort: 'waitP90', order: 'asc' })).toBe(
      '/province/reports/centres?from=2026-03-01&to=2026-03-31&sort=waitP90&order=asc',
    );
  });
});
