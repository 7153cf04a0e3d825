// Stored bytes per conversation, read from the SQLite file a bot wrote: every row whose key names the
// conversation or its user (botbuilder keys: msteams/users/<user>, msteams/conversations/<conv>/…).
// The bot's delivery ledger (Teams' redelivery window) lives inside the conversation's state and counts with it.
import Database from 'better-sqlite3';

export interface StateSize {
  conversations: number;
  mean: number;
  max: number;
}

export interface StoredRow {
  key: string;
  bytes: number;
}

/** Groups rows by the conversation key the bench puts in every id ('bench-pool-17'). */
export function bytesByConversation(rows: Iterable<StoredRow>, group: string): Map<string, number> {
  const pattern = new RegExp(`bench-(${group}-\\d+)(?!\\d)`);
  const totals = new Map<string, number>();
  for (const { key, bytes } of rows) {
    const match = pattern.exec(key);
    if (match) totals.set(match[1]!, (totals.get(match[1]!) ?? 0) + bytes);
  }
  return totals;
}

export function summarizeSizes(totals: Map<string, number>): StateSize | null {
  if (totals.size === 0) return null;
  const values = [...totals.values()];
  return { conversations: values.length, mean: values.reduce((a, b) => a + b, 0) / values.length, max: Math.max(...values) };
}

/** Key + value + eTag bytes of every row, grouped per conversation of `group`. */
export function measureSqliteState(file: string, group: string): StateSize | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // The table's columns are the app's business; count every text column of each row.
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('bot_storage')").all().map((c) => c.name);
    const size = columns.map((c) => `coalesce(length(CAST("${c}" AS BLOB)), 0)`).join(' + ');
    const rows = db.prepare<[], StoredRow>(`SELECT key, ${size} AS bytes FROM bot_storage`).all();
    return summarizeSizes(bytesByConversation(rows, group));
  } finally {
    db.close();
  }
}
