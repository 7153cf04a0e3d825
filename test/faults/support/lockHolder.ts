// Another process holding a SQLite file's write lock: `node --import=tsx lockHolder.ts <db>`.
// Prints "LOCKED" once it holds the lock, and holds it until its stdin closes. Readers go on (WAL);
// every writer has to wait.
import Database from 'better-sqlite3';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: lockHolder.ts <db file>');
const db = new Database(path, { timeout: 10_000 });
db.exec('BEGIN IMMEDIATE');
db.exec('CREATE TABLE IF NOT EXISTS lock_holder (x INTEGER)');
process.stdout.write('LOCKED\n');
process.stdin.resume();
process.stdin.on('end', () => {
  db.exec('ROLLBACK');
  db.close();
  process.exit(0);
});
