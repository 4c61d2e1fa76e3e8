import type { SqliteDatabase } from 'kysely';
import { describe, expect, it } from 'vitest';
import { mapStoreFaults, StoreUnavailable } from '../../../server/storage/store-faults.ts';

const FILE = '/srv/luot/luot.sqlite';
const sqliteError = (code: string) => Object.assign(new Error(`${code} says no`), { code });

/** A database whose every statement fails with `error` (prepare too, when `atPrepare`). */
function failingDb(error: Error, atPrepare = false): SqliteDatabase {
  const fail = () => {
    throw error;
  };
  return {
    close: () => {},
    prepare: () => {
      if (atPrepare) fail();
      return { reader: true, all: fail, run: fail, iterate: fail };
    },
  };
}

describe('mapStoreFaults', () => {
  it.each([
    'SQLITE_FULL',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_IOERR',
    'SQLITE_IOERR_WRITE',
    'SQLITE_CANTOPEN',
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'SQLITE_LOCKED',
    'SQLITE_NOTADB',
    'SQLITE_CORRUPT',
  ])('%s from any statement call is one StoreUnavailable naming the code and the file', (code) => {
    const db = mapStoreFaults(failingDb(sqliteError(code)), FILE);
    const stmt = db.prepare('INSERT …');
    for (const call of [() => stmt.run([]), () => stmt.all([]), () => stmt.iterate([])]) {
      let thrown: unknown;
      try {
        call();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(StoreUnavailable);
      expect(thrown).toMatchObject({ code: 'store.unavailable', status: 503, sqliteCode: code, file: FILE });
      expect(((thrown as Error).cause as Error).message).toBe(`${code} on ${FILE}: ${code} says no`);
      // The answer to clients says neither the file nor SQLite's words.
      expect((thrown as StoreUnavailable).toBody().message).not.toMatch(/SQLITE|\//);
    }
  });

  it('maps a fault while preparing (the schema unreadable) too', () => {
    const db = mapStoreFaults(failingDb(sqliteError('SQLITE_IOERR_READ'), true), FILE);
    expect(() => db.prepare('SELECT 1')).toThrow(StoreUnavailable);
  });

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_MISMATCH', 'SQLITE_RANGE'])('leaves %s alone: a wrong query is a bug, not the store', (code) => {
    const error = sqliteError(code);
    const stmt = mapStoreFaults(failingDb(error), FILE).prepare('SELECT 1');
    expect(() => stmt.run([])).toThrow(error);
  });

  it('passes rows, results and the statement flags through', () => {
    const rows = [{ a: 1 }, { a: 2 }];
    const db: SqliteDatabase = {
      close: () => {},
      prepare: () =>
        ({ reader: true, busy: false, all: () => rows, run: () => ({ changes: 1, lastInsertRowid: 7 }), iterate: () => rows[Symbol.iterator]() }) as never,
    };
    const stmt = mapStoreFaults(db, FILE).prepare('SELECT a');
    expect(stmt.reader).toBe(true);
    expect((stmt as { busy?: boolean }).busy).toBe(false);
    expect(stmt.all([])).toEqual(rows);
    expect(stmt.run([])).toEqual({ changes: 1, lastInsertRowid: 7 });
    expect([...stmt.iterate([])]).toEqual(rows);
  });
});
