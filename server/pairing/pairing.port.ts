/**
 * Pairing codes: the store's part (migration 0015 documents every column). Used outside write
 * transactions: every change is one conditional UPDATE, which is atomic on both stores.
 */
export interface PairingCodeRecord {
  id: string;
  centreId: string;
  /** The device_tokens row the code pairs. */
  deviceId: string;
  codeHash: string;
  /** The device token sealed under the code (null once used, revoked or expired). */
  sealedToken: string | null;
  createdAtMs: number;
  expiresAtMs: number;
  usedAtMs: number | null;
  revokedAtMs: number | null;
}

export interface PairingStore {
  /** Inserts the code; false when its hash is already taken (make another). */
  insertPairingCode(record: PairingCodeRecord): Promise<boolean>;
  findPairingCode(codeHash: string): Promise<PairingCodeRecord | null>;
  /** Marks a live code used and wipes its sealed token; true for exactly one caller. */
  claimPairingCode(id: string, atMs: number): Promise<boolean>;
  /** Revokes the device's codes still unused; how many. */
  revokePairingCodes(centreId: string, deviceId: string, atMs: number): Promise<number>;
  /** Wipes the sealed tokens of codes past their expiry (housekeeping); how many. */
  wipeExpiredPairingSeals(atMs: number): Promise<number>;
}
