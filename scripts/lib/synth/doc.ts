/** The document model every layout renders: blocks of text and tables. */
import type { TableModel } from './tables.ts';

export type Block =
  | { t: 'title'; text: string }
  | { t: 'h'; text: string }
  | { t: 'p'; text: string }
  /** Metadata box (索引号, 发布机构 …) printed as a small table. */
  | { t: 'meta'; rows: string[][] }
  /** Web page chrome, printed verbatim. */
  | { t: 'raw'; lines: string[] }
  | { t: 'table'; model: TableModel }
  | { t: 'sign'; lines: string[] };

export interface Doc {
  blocks: Block[];
}
