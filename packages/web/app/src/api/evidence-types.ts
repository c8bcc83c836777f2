/** Evidence, custody and ledger shapes the app reads (see /api/v1/openapi.json). */

export interface EvidenceItem {
  readonly id: string;
  readonly requestId: string | null;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly filename: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly originCountry: string;
  readonly onwardTransfer: string;
  readonly personalData: boolean;
  readonly retentionUntil: string | null;
  readonly sealed: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly erasedAt: string | null;
}

export interface CustodyEvent {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly system: { readonly country: string; readonly node: string };
  readonly actor: { readonly type: string; readonly id: string | null; readonly role: string | null };
  readonly hashes: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, unknown>>;
  readonly eventHash: string;
  readonly personal: { readonly actorName: string; readonly notes?: string } | null;
}

export interface CustodyProofs {
  readonly checkpoint: { readonly treeSize: number; readonly rootHash: string; readonly note: string } | null;
  readonly proofs: readonly {
    readonly eventId: string;
    readonly leafIndex: number | null;
    readonly leafData: string | null;
    readonly proof: readonly string[];
  }[];
}

export interface LedgerAlert {
  readonly id: string;
  readonly country: string;
  readonly kind: string;
  readonly treeSize: number;
  readonly raisedAt: string;
}

export interface DeliveryFailure {
  readonly messageId: string;
  readonly to: string;
  readonly type: string;
  readonly requestId: string | null;
  readonly status: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
}
