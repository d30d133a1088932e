import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.js';

describe('cachingStatements', () => {
  const open = () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('create table t (n integer)');
    let prepared = 0;
    const counting = {
      prepare: (sql: string) => {
        prepared++;
        return database.prepare(sql);
      },
      close: () => database.close(),
    };
    return { counting, prepared: () => prepared };
  };

  it('prepares each SQL text once and reuses the statement', () => {
    const { counting, prepared } = open();
    const db = cachingStatements(counting);
    for (let n = 0; n < 5; n++) db.prepare('insert into t values (?)').run([n]);
    expect(prepared()).toBe(1);
    expect(db.prepare('select count(*) as c from t').all([])).toEqual([{ c: 5 }]);
    db.close();
  });

  it('keeps at most `limit` statements, dropping the least recently used', () => {
    const { counting, prepared } = open();
    const db = cachingStatements(counting, 2);
    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    db.prepare('select 3'); // evicts "select 2", the least recently used
    db.prepare('select 1');
    expect(prepared()).toBe(3);
    db.prepare('select 2');
    expect(prepared()).toBe(4);
    db.close();
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const { counting } = open();
    const db = cachingStatements(counting);
    db.prepare('insert into t values (?)').run([1]);
    db.prepare('insert into t values (?)').run([2]);
    const outer = db.prepare('select n from t');
    const rows: unknown[] = [];
    for (const row of outer.iterate([])) rows.push(row, db.prepare('select n from t').all([]).length);
    expect(rows).toEqual([{ n: 1 }, 2, { n: 2 }, 2]);
    db.close();
  });
});
