/**
 * The audit of login throttling (issue #10, docs/security.md "Login throttling"): one record per
 * lock that starts. Apart from the accounts store: nothing in a ticket's transaction needs it.
 */
export interface SecurityEventRecord {
  id: string;
  /** The centre of the account the attempt named; null when no account has that username. */
  centreId: string | null;
  atMs: number;
  kind: 'login.locked';
  /** The locked key: `user:<name>` or `addr:<address>`. */
  subject: string;
  /** The username and client address of the attempt that started the lock. */
  username: string;
  address: string;
  /** Failures counted on the key when the lock started, and the lock's length. */
  failures: number;
  lockMs: number;
}

/**
 * The failed logins of one throttle key (`user:<name>`, `addr:<address>`) and its lock, kept in the
 * store so every server instance counts the same guesses (issue #13). The rule that reads and
 * changes it: login-throttle.models.ts.
 */
export interface LoginThrottleRecord {
  key: string;
  failures: number;
  lastFailureMs: number;
  /** 0 when not locked. */
  lockedUntilMs: number;
}

export interface SecurityStore {
  insertSecurityEvent(event: SecurityEventRecord): Promise<void>;
  /** A centre's events, newest first. */
  listSecurityEvents(centreId: string, limit: number): Promise<SecurityEventRecord[]>;

  /** The records of these keys that exist (read and changed inside `runInTx({ key: 'login:' + key })`). */
  getLoginThrottles(keys: readonly string[]): Promise<LoginThrottleRecord[]>;
  /** Writes a key's record, replacing the one it had. */
  putLoginThrottle(record: LoginThrottleRecord): Promise<void>;
  deleteLoginThrottle(key: string): Promise<void>;
  /**
   * Deletes records with no failure since `forgottenBeforeMs` whose lock has ended, then, past
   * `maxRows`, the unlocked records failed longest ago. Returns how many went.
   */
  pruneLoginThrottles(options: { forgottenBeforeMs: number; nowMs: number; maxRows: number }): Promise<number>;
}
