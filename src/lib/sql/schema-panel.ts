/**
 * What the SQL page's schema panel lists: every contract table (from TABLES)
 * and every convenience view (from VIEWS), with column names, types and
 * Chinese descriptions. Also the completion schema for the editor.
 */
import { TABLES } from '../schema.ts';
import { VIEWS } from './views.ts';

export interface PanelColumn { name: string; type: string; zh: string }
export interface PanelEntry { name: string; kind: 'table' | 'view'; zh: string; columns: PanelColumn[] }

export function schemaPanel(): PanelEntry[] {
  return [
    ...TABLES.map((t) => ({
      name: t.name, kind: 'table' as const, zh: t.zh,
      columns: t.columns.map((c) => ({ name: c.name, type: c.type, zh: c.zh })),
    })),
    ...VIEWS.map((v) => ({
      name: v.name, kind: 'view' as const, zh: v.zh,
      columns: v.columns.map((c) => ({ name: c.name, type: '', zh: c.zh })),
    })),
  ];
}

/** `{ table: [columns] }` for SQL autocompletion. */
export function completionSchema(): Record<string, string[]> {
  return Object.fromEntries(schemaPanel().map((e) => [e.name, e.columns.map((c) => c.name)]));
}
