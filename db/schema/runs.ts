import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { datasets } from './datasets';

/**
 * One allocation. Immutable and self-sufficient: `inputJson` is the engine's canonical input (dataset and
 * rules), so a replay needs nothing but this row, even if the dataset's parsing rules change later.
 */
export const runs = sqliteTable(
  'runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    engineVersion: text('engine_version').notNull(),
    inputHash: text('input_hash').notNull(),
    outputHash: text('output_hash').notNull(),
    rulesJson: text('rules_json').notNull(),
    inputJson: text('input_json').notNull(),
    /** The whole AllocationResult; summary and fairness are also kept apart so listing runs stays cheap. */
    resultJson: text('result_json').notNull(),
    summaryJson: text('summary_json').notNull(),
    fairnessJson: text('fairness_json').notNull(),
  },
  (t) => [index('runs_dataset_idx').on(t.datasetId), index('runs_input_hash_idx').on(t.inputHash)],
);

export type RunRow = typeof runs.$inferSelect;
export type NewRunRow = typeof runs.$inferInsert;
