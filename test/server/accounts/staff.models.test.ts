import { describe, expect, it } from 'vitest';
import { provinceRoleProblem, selfChangeProblem, staffIdFor } from '../../../server/accounts/staff.models.ts';

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

describe('province roles (issue #13)', () => {
  it('only a province administrator gives, edits, resets or disables a province role', () => {
    expect(provinceRoleProblem('admin', ['province_admin'])).toMatch(/province administrator/);
    expect(provinceRoleProblem('admin', ['staff', 'province_manager'])).not.toBeNull();
    expect(provinceRoleProblem('manager', ['province_manager'])).not.toBeNull();
    expect(provinceRoleProblem('admin', ['staff', 'admin', undefined])).toBeNull();
    expect(provinceRoleProblem('province_admin', ['province_admin', 'province_manager'])).toBeNull();
    expect(provinceRoleProblem('province_manager', ['province_manager'])).not.toBeNull();
  });

  it('a province administrator cannot demote themselves either, to admin included', () => {
    expect(selfChangeProblem('tinh', 'tinh', { role: 'admin' }, 'province_admin')).not.toBeNull();
    expect(selfChangeProblem('tinh', 'tinh', { role: 'province_admin' }, 'province_admin')).toBeNull();
    expect(selfChangeProblem('boss', 'boss', { role: 'admin' })).toBeNull();
  });
});
