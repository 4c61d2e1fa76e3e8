/**
 * Setup file of the `pg` vitest project: skips every test when the run has no PostgreSQL (the
 * global setup said so loudly), and ends each test's PostgreSQL pools after it.
 */
import { afterEach, beforeEach, inject } from 'vitest';
import { closeTestStores } from './deps.ts';

beforeEach(({ skip }) => {
  if (!inject('pgTemplateUrl')) skip('PostgreSQL is not installed');
});
afterEach(() => closeTestStores());
