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

export interface SecurityStore {
  insertSecurityEvent(event: SecurityEventRecord): Promise<void>;
  /** A centre's events, newest first. */
  listSecurityEvents(centreId: string, limit: number): Promise<SecurityEventRecord[]>;
}
