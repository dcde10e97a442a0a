import { z } from 'zod';
import { ROLES } from '../../db/schema/api-tokens';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../services/passwords';
import { list } from './common';

/** 3–32 characters of letters, digits, `_`, `.` and `-`: safe in URLs, logs and the audit log. */
export const Username = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '3–32 characters: letters, digits, _ . -')
  .describe('Login name, 3–32 characters of [A-Za-z0-9_.-]');
export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH)
  .max(MAX_PASSWORD_LENGTH)
  .describe(`${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`);
export const RoleSchema = z.enum(ROLES);
export const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('Name shown in the console, e.g. 张老师');
const SchoolCode = z.string().trim().min(1).max(64);

/** Who is logged in, as the console shows it. */
export const SessionUserSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    schoolCode: z.string().nullable().describe('The principal’s school; null for hr and auditor'),
  })
  .meta({ id: 'SessionUser' });

export const SessionSchema = z
  .object({
    user: SessionUserSchema,
    csrfToken: z.string().describe('Send as the x-csrf-token header on every cookie-authenticated write'),
  })
  .meta({ id: 'Session' });

export const LoginBody = z.strictObject({
  // Not the Username pattern: a login with a malformed name is a failed login, not a schema error.
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

/** `?lang=` and no other key (see server/schemas/common.ts). */
export { LangQuery } from './common';

export const AccountSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    schoolCode: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Account' });

export const AccountListSchema = z.object({ accounts: list(AccountSchema) });

export const CreateAccountBody = z.strictObject({
  username: Username,
  password: Password,
  role: RoleSchema,
  schoolCode: SchoolCode.nullable().optional().describe('Required for a principal, absent otherwise'),
  displayName: DisplayName,
});

export const UpdateAccountBody = z.strictObject({
  displayName: DisplayName.optional(),
  role: RoleSchema.optional(),
  schoolCode: SchoolCode.nullable().optional(),
  password: Password.optional().describe('A new password; ends every session of the account'),
  disabled: z.boolean().optional().describe('true ends every session of the account at once'),
});

export const UsernameParams = z.strictObject({ username: Username });

export type SessionUser = z.infer<typeof SessionUserSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type CreateAccount = z.infer<typeof CreateAccountBody>;
export type UpdateAccount = z.infer<typeof UpdateAccountBody>;
