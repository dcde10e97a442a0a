/** The session and account shapes, inferred from the server's zod schemas (type-only: nothing is bundled). */
import type { z } from 'zod';
import type {
  AccountSchema,
  CreateAccountBody,
  RoleSchema,
  SessionSchema,
  SessionUserSchema,
  UpdateAccountBody,
} from '../../../server/schemas/accounts';

export type Role = z.output<typeof RoleSchema>;
export type SessionUser = z.output<typeof SessionUserSchema>;
export type Session = z.output<typeof SessionSchema>;
export type Account = z.output<typeof AccountSchema>;
export type NewAccount = z.input<typeof CreateAccountBody>;
export type AccountPatch = z.input<typeof UpdateAccountBody>;
