/** Text rows between the database (tokens as an Int32Array) and a backup (tokens as a plain array). */
import type { BackupTables } from '../../core/backup/format';
import type { TextRow } from '../db/database';

/** A backup's text row as the database stores it. */
export function textRowOfBackup(row: BackupTables['texts'][number]): TextRow {
  return row.tokens ? { id: row.id, text: row.text, tokens: Int32Array.from(row.tokens) } : { id: row.id, text: row.text };
}

/** A stored text row as a backup holds it. */
export function backupTextRow(row: TextRow): BackupTables['texts'][number] {
  return row.tokens ? { id: row.id, text: row.text, tokens: Array.from(row.tokens) } : { id: row.id, text: row.text };
}
