import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Dataset, Rules } from '../../engine/types';
import type { JsonText } from '../json-text';

/**
 * An uploaded dataset. Immutable: a correction after an appeal is a new dataset, so every run can point at
 * exactly the data it saw. `datasetJson` is the loader's parsed Dataset and `rulesJson` the rules that came
 * with it (rules.json, or the defaults), so a run never re-parses CSV.
 */
export const datasets = sqliteTable('datasets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  label: text('label'),
  /** Records per collection of the dataset (schools, posts, staff, …). */
  countsJson: text('counts_json', { mode: 'json' })
    .notNull()
    .$type<{ readonly [K in keyof Dataset]: number }>(),
  datasetJson: text('dataset_json').notNull().$type<JsonText<Dataset>>(),
  rulesJson: text('rules_json', { mode: 'json' }).notNull().$type<Rules>(),
});

/** One uploaded file of a dataset, kept byte for byte with its SHA-256 so an auditor can prove what was sent. */
export const datasetFiles = sqliteTable(
  'dataset_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    bytes: integer('bytes').notNull(),
    rows: integer('rows').notNull(),
    encoding: text('encoding').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
  },
  (t) => [
    uniqueIndex('dataset_files_dataset_kind_uq').on(t.datasetId, t.kind),
    index('dataset_files_sha_idx').on(t.sha256),
  ],
);

export type DatasetRow = typeof datasets.$inferSelect;
export type NewDatasetRow = typeof datasets.$inferInsert;
export type DatasetFileRow = typeof datasetFiles.$inferSelect;
export type NewDatasetFileRow = typeof datasetFiles.$inferInsert;
