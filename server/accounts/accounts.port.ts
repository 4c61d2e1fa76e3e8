import type { DeviceKind, Role } from './principal.ts';

/**
 * Accounts, sessions and device tokens: the store's part for authentication. Kept apart from
 * StoreReads/StoreWrites so the queue store and this one evolve independently; the Store and
 * every write transaction carry both (store.port.ts).
 */

/** A staff member who can log in. No secret in it: this is what the API may show. */
export interface Account {
  centreId: string;
  staffId: string;
  name: string;
  username: string;
  role: Role;
  active: boolean;
  /** A one-time password was issued: nothing but a password change is allowed until then. */
  mustChangePassword: boolean;
}

export interface AccountCredentials extends Account {
  /** scrypt hash with its parameters (server/accounts/password.ts); null: cannot log in. */
  passwordHash: string | null;
}

export interface AccountUpdate {
  username: string;
  passwordHash: string | null;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
}

/** A login. `idHash` is sha256 of the random id in the cookie; the id itself is never stored. */
export interface SessionRecord {
  idHash: string;
  centreId: string;
  staffId: string;
  createdAtMs: number;
  expiresAtMs: number;
  revokedAtMs: number | null;
}

/** A kiosk, display or bridge. `secretHash` is sha256 of the token's secret part. */
export interface DeviceTokenRecord {
  id: string;
  centreId: string;
  kind: DeviceKind;
  name: string;
  secretHash: string;
  createdAtMs: number;
  /** The admin's staff id; null for tokens the server made itself (demo). */
  createdBy: string | null;
  revokedAtMs: number | null;
  lastSeenAtMs: number | null;
  /** The one counter a rating screen is paired with (issue #10); null for other kinds. */
  counterId: string | null;
}

export interface AccountsStore {
  /** How many staff rows have a username (accounts), across every centre. */
  countAccounts(): Promise<number>;
  findAccountByUsername(username: string): Promise<AccountCredentials | null>;
  getAccount(centreId: string, staffId: string): Promise<AccountCredentials | null>;
  /** Accounts of a centre, by username. */
  listAccounts(centreId: string): Promise<Account[]>;
  /** Turns an existing staff row into an account, or changes it. False if there is no such staff row. */
  setAccount(centreId: string, staffId: string, update: AccountUpdate): Promise<boolean>;
  setPassword(centreId: string, staffId: string, passwordHash: string, mustChangePassword: boolean): Promise<void>;

  insertSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  revokeSession(idHash: string, atMs: number): Promise<void>;
  /** Revokes every live session of an account except `keepIdHash`; returns how many. */
  revokeSessionsOf(centreId: string, staffId: string, atMs: number, keepIdHash?: string): Promise<number>;

  insertDeviceToken(token: DeviceTokenRecord): Promise<void>;
  getDeviceToken(id: string): Promise<DeviceTokenRecord | null>;
  /** Tokens of a centre, revoked ones included, oldest first. */
  listDeviceTokens(centreId: string): Promise<DeviceTokenRecord[]>;
  /** False when the centre has no such token or it was already revoked. */
  revokeDeviceToken(centreId: string, id: string, atMs: number): Promise<boolean>;
  touchDeviceToken(id: string, atMs: number): Promise<void>;
}
