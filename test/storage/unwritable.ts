import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface Unwritable {
  /** How the file was made unwritable, for the test log. */
  how: 'immutable file' | 'write lock held elsewhere';
  restore(): void;
}

/**
 * Makes a SQLite database stop taking writes, for real, even when the tests run as root (for whom
 * `chmod` changes nothing): `chattr +i` on the file and its WAL, so every write fails with
 * SQLITE_IOERR while reads go on. Where the file system has no immutable flag (or chattr is missing),
 * another connection holds the write lock instead, so writes fail with SQLITE_BUSY after busy_timeout.
 * The database must have been written once (its -wal file exists).
 */
export function makeUnwritable(path: string): Unwritable {
  const files = [path, `${path}-wal`];
  if (!files.every(existsSync)) throw new Error(`makeUnwritable: ${files.join(' / ')} must exist (write once first)`);
  try {
    execFileSync('chattr', ['+i', ...files], { stdio: 'pipe' });
    return { how: 'immutable file', restore: () => execFileSync('chattr', ['-i', ...files], { stdio: 'pipe' }) };
  } catch {
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    return {
      how: 'write lock held elsewhere',
      restore: () => {
        holder.exec('ROLLBACK');
        holder.close();
      },
    };
  }
}
