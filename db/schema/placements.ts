import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Step } from '../../engine/steps';
import { OUTCOMES, type RoundNumber } from '../../engine/types';
import { runs } from './runs';

/**
 * One person's outcome in one run, denormalised (school names included) because runs never change and the
 * 公示 lists are read far more often than written.
 */
export const placements = sqliteTable(
  'placements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    staffId: text('staff_id').notNull(),
    name: text('name').notNull(),
    outcome: text('outcome', { enum: OUTCOMES }).notNull(),
    schoolCode: text('school_code'),
    schoolName: text('school_name'),
    subject: text('subject'),
    round: integer('round').$type<RoundNumber>(),
    fromSchoolCode: text('from_school_code').notNull(),
    fromSchoolName: text('from_school_name').notNull(),
    choiceRank: integer('choice_rank'),
    distanceKm: real('distance_km'),
    /** The English sentence engines before 1.1.0 wrote; '' since, the explanation being `steps`. */
    explanation: text('explanation').notNull(),
    /** The explanation as typed steps (engine/steps.ts), worded at the edge; null in runs of engines < 1.1.0. */
    steps: text('steps', { mode: 'json' }).$type<readonly Step[]>(),
  },
  (t) => [
    uniqueIndex('placements_run_staff_uq').on(t.runId, t.staffId),
    index('placements_run_school_idx').on(t.runId, t.schoolCode),
    index('placements_run_from_school_idx').on(t.runId, t.fromSchoolCode),
    index('placements_run_outcome_idx').on(t.runId, t.outcome),
    index('placements_staff_idx').on(t.staffId),
  ],
);

export type PlacementRow = typeof placements.$inferSelect;
export type NewPlacementRow = typeof placements.$inferInsert;
