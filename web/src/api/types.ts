/**
 * The API's shapes, inferred from the zod schemas the server validates with (type-only imports: nothing of
 * the server reaches the bundle), so a change to a schema is a type error here.
 */
import type { z } from 'zod';
import type {
  AccountSchema,
  CreateAccountBody,
  RoleSchema,
  SessionSchema,
  SessionUserSchema,
  UpdateAccountBody,
} from '../../../server/schemas/accounts';
import type { AuditPageSchema, AuditVerificationSchema } from '../../../server/schemas/audit';
import type { DatasetIssueSchema, ErrorSchema } from '../../../server/schemas/common';
import type {
  DatasetCreatedSchema,
  DatasetDetailSchema,
  DatasetSummarySchema,
} from '../../../server/schemas/datasets';
import type {
  OutcomeSchema,
  PlacementSchema,
  SchoolReportSchema,
} from '../../../server/schemas/engine-results';
import type {
  CreateRunBody,
  DiffSchema,
  ReplaySchema,
  RulesSchema,
  RunCreatedSchema,
  RunDetailSchema,
  RunListItemSchema,
} from '../../../server/schemas/runs';
import type {
  CandidatesSchema,
  ExplanationSchema,
  PlacementListSchema,
  PlacementRowSchema,
  PlacementsQuery,
} from '../../../server/schemas/views';

export type ApiErrorBody = z.output<typeof ErrorSchema>;
export type DatasetIssue = z.output<typeof DatasetIssueSchema>;
export type DatasetSummary = z.output<typeof DatasetSummarySchema>;
export type DatasetDetail = z.output<typeof DatasetDetailSchema>;
export type DatasetCreated = z.output<typeof DatasetCreatedSchema>;
export type Outcome = z.output<typeof OutcomeSchema>;
export type Placement = z.output<typeof PlacementSchema>;
export type SchoolReport = z.output<typeof SchoolReportSchema>;
export type Rules = z.output<typeof RulesSchema>;
export type CreateRun = z.input<typeof CreateRunBody>;
export type RunCreated = z.output<typeof RunCreatedSchema>;
export type RunListItem = z.output<typeof RunListItemSchema>;
export type RunDetail = z.output<typeof RunDetailSchema>;
export type Replay = z.output<typeof ReplaySchema>;
export type Diff = z.output<typeof DiffSchema>;
export type Candidates = z.output<typeof CandidatesSchema>;
export type Explanation = z.output<typeof ExplanationSchema>;
export type PlacementList = z.output<typeof PlacementListSchema>;
export type PlacementRow = z.output<typeof PlacementRowSchema>;
/** The placements query as the client writes it (only declared keys: the API refuses unknown ones). */
export type PlacementsParams = Partial<z.input<typeof PlacementsQuery>>;
export type AuditPage = z.output<typeof AuditPageSchema>;
export type AuditVerification = z.output<typeof AuditVerificationSchema>;
export type Role = z.output<typeof RoleSchema>;
export type SessionUser = z.output<typeof SessionUserSchema>;
export type Session = z.output<typeof SessionSchema>;
export type Account = z.output<typeof AccountSchema>;
export type NewAccount = z.input<typeof CreateAccountBody>;
export type AccountPatch = z.input<typeof UpdateAccountBody>;
