import { describe, expect, it } from 'vitest';
import { selfChangeProblem, staffIdFor } from '../../../server/accounts/staff.models.ts';

describe('staffIdFor', () => {
  it('makes a username id-safe', () => {
    expect(staffIdFor('lan', new Set())).toBe('lan');
    expect(staffIdFor('nguyen.van.a', new Set())).toBe('nguyen-van-a');
  });

  it('never reuses an id of the centre', () => {
    expect(staffIdFor('a.b', new Set(['a-b']))).toBe('a-b-2');
    expect(staffIdFor('a.b', new Set(['a-b', 'a-b-2']))).toBe('a-b-3');
  });

  it('stays within the id length', () => {
    expect(staffIdFor('x'.repeat(64), new Set(['x'.repeat(56)])).length).toBeLessThanOrEqual(64);
  });
});

describe('selfChangeProblem', () => {
  it('allows anything on another account', () => {
    expect(selfChangeProblem('boss', 'lan', { role: 'staff', active: false })).toBeNull();
  });

  it('allows renaming oneself and keeping the admin role', () => {
    expect(selfChangeProblem('boss', 'boss', {})).toBeNull();
    expect(selfChangeProblem('boss', 'boss', { role: 'admin', active: true })).toBeNull();
  });

  it('refuses demoting or disabling oneself', () => {
    expect(selfChangeProblem('boss', 'boss', { role: 'manager' })).toMatch(/demote/);
    expect(selfChangeProblem('boss', 'boss', { role: 'staff' })).toMatch(/demote/);
    expect(selfChangeProblem('boss', 'boss', { active: false })).toMatch(/disable/);
  });
});
