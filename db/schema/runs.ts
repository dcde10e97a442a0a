import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AllocationResult, Fairness, Rules, Summary } from '../../engine/types';
import type { JsonText } from '../json-text';
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
    /** SHA-256 of the decisions only; null for runs of engines < 1.1.0 (then computed from the placements). */
    decisionHash: text('decision_hash'),
    rulesJson: text('rules_json', { mode: 'json' }).notNull().$type<Rules>(),
    /** The canonical input as hashed: kept as text, since its exact bytes are what inputHash covers. */
    inputJson: text('input_json').notNull(),
    /** The whole AllocationResult; summary and fairness are also kept apart so listing runs stays cheap. */
    resultJson: text('result_json').notNull().$type<JsonText<AllocationResult>>(),
    summaryJson: text('summary_json', { mode: 'json' }).notNull().$type<Summary>(),
    fairnessJson: text('fairness_json', { mode: 'json' }).notNull().$type<Fairness>(),
  },
  (t) => [index('runs_dataset_idx').on(t.datasetId), index('runs_input_hash_idx').on(t.inputHash)],
);

export type RunRow = typeof runs.$inferSelect;
export type NewRunRow = typeof runs.$inferInsert;
