/** The session and account shapes of the auth contract (#9). */
export type Role = 'hr' | 'principal' | 'auditor';

export interface SessionUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly schoolCode: string | null;
}

export interface Session {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

export interface Account extends SessionUser {
  readonly disabled: boolean;
}

export interface NewAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly schoolCode?: string;
  readonly displayName: string;
}

export interface AccountPatch {
  readonly displayName?: string;
  readonly role?: Role;
  readonly schoolCode?: string | null;
  readonly password?: string;
  readonly disabled?: boolean;
}
