import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  canonicalJson,
  isDomainError,
  prepareReport,
  scamTypesVersion,
  type CitizenAdditionInput,
  type CitizenReportInput,
  type CitizenReportStatus,
  type JsonValue,
  type PreparedReport,
  type ReportInput,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { citizenReportRepository, type CitizenReportEvent } from '../repositories/citizen-report.repository.js';
import { fraudReportRepository } from '../repositories/fraud-report.repository.js';
import type { CitizenReportBoxes, CitizenReportKeys } from './citizen-report-keys.js';
import { joinCluster } from './fraud-cluster-join.js';
import { citizenTlp, refusedCount, storedIdentifier, writeIndicators, writeTransfers } from './citizen-report-store.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface CitizenReportDeps extends ServiceRuntime {
  readonly keys: CitizenReportKeys;
  /** The node's country code: the prefix of every acknowledgement number. */
  readonly country: string | null;
}

export interface CitizenReceipt {
  readonly acknowledgementNumber: string;
  /** Shown once: only its SHA-256 is stored. */
  readonly statusToken: string;
}

export interface CitizenStatus {
  readonly acknowledgementNumber: string;
  readonly status: CitizenReportStatus;
  readonly scamType: string;
  readonly reportedAt: string;
  readonly timeline: (Omit<CitizenReportEvent, 'status'> & { readonly status: CitizenReportStatus })[];
}

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const notFound = () =>
  new DomainError('fraud/citizen-report-not-found', 'no report with this number and token; check the status link');

const proofProblems = {
  malformed: 'fraud/proof-of-work-missing',
  forged: 'fraud/proof-of-work-invalid',
  expired: 'fraud/proof-of-work-invalid',
  'too-easy': 'fraud/proof-of-work-invalid',
  unsolved: 'fraud/proof-of-work-invalid',
} as const;

/** Only what normalising needs: a citizen's report has no institution reference. */
const asReport = (input: Pick<CitizenReportInput, 'transfers' | 'identifiers'>): PreparedReport =>
  prepareReport({ identifiers: input.identifiers, transfers: input.transfers } as ReportInput);

export interface PrivateParts {
  readonly narratives: { seq: number; text: string; createdAt: string }[];
  readonly reporter: { name?: string; phone?: string; email?: string } | null;
}

/** Opens a report's sealed fields; one that does not open (altered, or moved from another row) is a bug to report. */
async function openParts(tx: Tx, boxes: CitizenReportBoxes, reportId: string): Promise<PrivateParts> {
  const opened = (text: string | null) => {
    if (text === null) throw new DomainError('bug/invariant-violated', 'a sealed field of this report does not open');
    return text;
  };
  const narratives = (await citizenReportRepository.narrativesOf(tx, reportId)).map((n) => ({
    seq: n.seq,
    text: opened(boxes.narrative.open(n.sealed, ['fraud_report_narratives', reportId, String(n.seq)])),
    createdAt: n.createdAt,
  }));
  const party = (await citizenReportRepository.partiesOf(tx, reportId)).find((p) => p.role === 'reporter');
  const reporter =
    party === undefined
      ? null
      : (JSON.parse(opened(boxes.contact.open(party.sealed, ['fraud_report_parties', reportId, 'reporter']))) as {
          name?: string;
          phone?: string;
          email?: string;
        });
  return { narratives, reporter };
}

/** Citizens' fraud reports from the public page: submit, read the status with the token, add information. */
export function createCitizenReportService(deps: CitizenReportDeps) {
  const { db, clock } = deps;
  const prefix = `${deps.country ?? 'XX'}-FR`;

  async function open(ack: string, token: string) {
    const found = await citizenReportRepository.findByAck(db, ack);
    const given = Buffer.from(tokenHash(token));
    // The same answer for an unknown number and a wrong token: a status link reveals nothing else.
    if (found === undefined || !timingSafeEqual(given, Buffer.from(found.tokenHash))) throw notFound();
    return found;
  }

  async function seal(tx: Tx, boxes: CitizenReportBoxes, reportId: string, narrative: string, at: string) {
    const seq = await citizenReportRepository.nextNarrativeSeq(tx, reportId);
    const sealed = boxes.narrative.seal(narrative, ['fraud_report_narratives', reportId, String(seq)]);
    await citizenReportRepository.insertNarrative(tx, { reportId, seq, sealed, at });
  }

  async function write(tx: Tx, context: CallContext, input: CitizenReportInput, boxes: CitizenReportBoxes) {
    const now = clock.now();
    const at = now.toISOString();
    const proof = boxes.proofOfWork.check(input.proofOfWork.challenge, input.proofOfWork.solution, now);
    if (!proof.ok) {
      throw new DomainError(proofProblems[proof.reason], `the proof-of-work was refused (${proof.reason})`);
    }
    if (!(await citizenReportRepository.spendChallenge(tx, proof.id, proof.expiresAt, at))) {
      throw new DomainError('fraud/proof-of-work-replayed', 'this proof-of-work was already used; ask for a new one');
    }
    const { proofOfWork: _spent, contact, narrative, ...fields } = input;
    const prepared = asReport(input);
    const reportId = deps.ids();
    const year = now.getUTCFullYear();
    const ackSeq = await citizenReportRepository.nextAckSeq(tx, year);
    const ackNumber = `${prefix}-${year}-${String(ackSeq).padStart(6, '0')}`;
    await fraudReportRepository.insert(tx, {
      id: reportId,
      channel: 'citizen',
      institutionId: null,
      institutionReference: null,
      bodyDigest: createHash('sha256')
        .update(canonicalJson(fields as unknown as JsonValue))
        .digest('hex'),
      scamType: input.scamType,
      scamTypesVersion,
      occurredAt: input.occurredAt,
      reportedAt: at,
      firstContact: input.firstContact,
      province: input.province ?? null,
      lossVnd: prepared.lossVnd,
      identifiers: prepared.identifiers.map(storedIdentifier),
      tlp: citizenTlp,
      submittedBy: 'citizen',
    });
    const written = await writeIndicators(tx, deps, {
      reportId,
      prepared,
      seenAt: at,
      reportLossVnd: prepared.lossVnd,
    });
    await writeTransfers(tx, { reportId, transfers: input.transfers, prepared, afterSeq: 0 }, written.idOf);
    // Clustered like an institution's report: reports sharing an indicator join one cluster.
    const facts = { lossVnd: prepared.lossVnd, occurredAt: input.occurredAt, province: input.province ?? null };
    const cluster = await joinCluster(tx, deps, {
      reportId,
      links: prepared.links,
      idOf: written.idOf,
      facts: { ...facts, scamType: input.scamType },
    });
    const statusToken = randomBytes(32).toString('base64url');
    const record = { reportId, ackNumber, tokenHash: tokenHash(statusToken), status: 'received', createdAt: at };
    await citizenReportRepository.insert(tx, { ...record, updatedAt: at, ackYear: year, ackSeq });
    await citizenReportRepository.appendEvent(tx, reportId, { kind: 'status', status: 'received', at });
    await seal(tx, boxes, reportId, narrative, at);
    if (contact !== undefined && Object.keys(contact).length > 0) {
      const sealed = boxes.contact.seal(JSON.stringify(contact), ['fraud_report_parties', reportId, 'reporter']);
      await citizenReportRepository.insertParty(tx, { reportId, role: 'reporter', sealed, at });
    }
    await auditRepository.append(
      tx,
      auditEntryFor(deps, context, {
        action: 'fraud-report.citizen-submitted',
        objectType: 'fraud-report',
        objectId: reportId,
        details: {
          indicatorIds: [...written.idOf.values()],
          refused: refusedCount(prepared),
          clusterId: cluster.clusterId,
          mergedClusterIds: [...cluster.merged],
        },
      }),
    );
    return { acknowledgementNumber: ackNumber, statusToken };
  }

  async function status(ack: string, token: string): Promise<CitizenStatus> {
    const found = await open(ack, token);
    const report = await fraudReportRepository.findById(db, found.reportId);
    if (report === undefined) throw notFound();
    return {
      acknowledgementNumber: found.ackNumber,
      status: found.status as CitizenReportStatus,
      scamType: report.scamType,
      reportedAt: report.reportedAt,
      timeline: (await citizenReportRepository.eventsOf(db, found.reportId)).map((e) => ({
        ...e,
        status: e.status as CitizenReportStatus,
      })),
    };
  }

  return {
    async challenge() {
      return (await deps.keys.boxes()).proofOfWork.issue(clock.now());
    },

    /** One report; a number taken by a report at the same moment is retried with the next one. */
    async submit(context: CallContext, input: CitizenReportInput): Promise<CitizenReceipt> {
      const boxes = await deps.keys.boxes();
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.transaction().execute((tx) => write(tx, context, input, boxes));
        } catch (error) {
          if (isDomainError(error) || attempt >= 3) throw error;
        }
      }
    },

    status,

    /** The sealed narrative and contact, for the fraud desk: audited with its purpose, which is required. */
    async readPrivate(context: CallContext, reportId: string, purpose: string | null): Promise<PrivateParts> {
      requirePermission(context.principal, 'fraud-reports:read');
      if (purpose === null) {
        throw new DomainError(
          'fraud/purpose-required',
          'say why you open this report\u2019s narrative (x-audit-purpose)',
        );
      }
      const boxes = await deps.keys.boxes();
      return db.transaction().execute(async (tx) => {
        if ((await fraudReportRepository.findById(tx, reportId)) === undefined) {
          throw new DomainError('fraud/report-not-found', 'no such fraud report');
        }
        const parts = await openParts(tx, boxes, reportId);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'fraud-report.private-read',
            objectType: 'fraud-report',
            objectId: reportId,
            purpose,
            details: { narratives: parts.narratives.length, reporter: parts.reporter !== null },
          }),
        );
        return parts;
      });
    },

    /** More information: a narrative, transfers, identifiers; they count on the indicators as the report's did. */
    async add(context: CallContext, ack: string, token: string, input: CitizenAdditionInput): Promise<CitizenStatus> {
      const found = await open(ack, token);
      const boxes = await deps.keys.boxes();
      const prepared = asReport(input);
      await db.transaction().execute(async (tx) => {
        const at = clock.now().toISOString();
        const reportId = found.reportId;
        const report = await fraudReportRepository.findById(tx, reportId);
        if (report === undefined) throw notFound();
        const before = (await citizenReportRepository.linkedPairs(tx, reportId)).map((p) => p.indicatorId);
        const reportLossVnd = report.lossVnd + prepared.lossVnd;
        const written = await writeIndicators(tx, deps, { reportId, prepared, seenAt: at, reportLossVnd });
        const afterSeq = await citizenReportRepository.lastTransferSeq(tx, reportId);
        await writeTransfers(tx, { reportId, transfers: input.transfers, prepared, afterSeq }, written.idOf);
        await citizenReportRepository.addToReport(tx, {
          reportId,
          identifiers: prepared.identifiers.map(storedIdentifier),
          lossVnd: prepared.lossVnd,
          indicatorIds: [...new Set(before)],
        });
        if (input.narrative !== undefined) await seal(tx, boxes, reportId, input.narrative, at);
        await citizenReportRepository.appendEvent(tx, reportId, { kind: 'addition', status: found.status, at });
        await citizenReportRepository.touch(tx, reportId, at);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'fraud-report.citizen-added',
            objectType: 'fraud-report',
            objectId: reportId,
            details: { indicatorIds: written.newToReport, refused: refusedCount(prepared) },
          }),
        );
      });
      return status(ack, token);
    },
  };
}

export type CitizenReportService = ReturnType<typeof createCitizenReportService>;
