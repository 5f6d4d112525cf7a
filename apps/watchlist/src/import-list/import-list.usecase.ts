import { Inject, Injectable } from '@nestjs/common';

import { Audit, envelope, Finding, ListEntry, ListVersion, Topic } from '@paxscreen/contracts';
import { ApiError } from '@paxscreen/http';
import { KafkaProducer, OutgoingRecord } from '@paxscreen/kafka';
import { diffList, entryDigest, ListFile, ListReadError, readList } from '@paxscreen/lists';
import { Metrics } from '@paxscreen/observability';
import { isRuleSetFile, parseRuleSet, RuleError, ruleFileFormat } from '@paxscreen/rules';
import { createHash } from 'node:crypto';

import { ListStateService } from '../list-state/list-state.service';
import { WATCHLIST_ENV } from '../tokens';
import { WatchlistEnv } from '../watchlist.env';

export interface ImportListCommand {
  files: ListFile[];
  /** Overrides the list id the format implies (UN, OFAC-SDN…, or the file name). */
  listId?: string;
  /** Who imported it (token subject), for the audit trail. */
  actor: string;
  /** The actor's roles, as the token says (audit trail). */
  role?: string;
}

export interface ImportSummary {
  listId: string;
  kind: ListVersion.ListKind;
  format: string;
  version: string;
  entries: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  findings: Finding[];
  /** False when the file was identical to the current version: nothing was published. */
  published: boolean;
}

interface Versioned {
  kind: ListVersion.ListKind;
  format: string;
  listId: string;
  digest: string;
  findings: Finding[];
  items: { entryId: string }[];
  toValue: (item: { entryId: string }, listVersion: string) => object;
}

/**
 * Imports one list version: reads it (any `libs/lists` format, or a rule set), diffs it against the
 * current version and publishes only additions, changes and removals (tombstones) to the list's
 * compacted topic, then the version record. Importing the same file twice publishes nothing.
 */
@Injectable()
export class ImportListUseCase {
  constructor(
    @Inject(ListStateService) private readonly state: ListStateService,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(WATCHLIST_ENV) private readonly env: WatchlistEnv,
  ) {}

  /**
   * Imports and audits: every import (published, unchanged or refused) is an audit event with its
   * actor (`LIST_IMPORT`, or `RULE_SET_CHANGE` for a rule set), acknowledged before the answer.
   */
  async execute(cmd: ImportListCommand): Promise<ImportSummary> {
    let summary: ImportSummary;
    try {
      summary = await this.importVersion(cmd);
    } catch (err) {
      if (err instanceof ApiError) {
        const body = err.getResponse() as { code?: string };
        await this.audit(
          cmd,
          'LIST_IMPORT',
          `list:${cmd.listId ?? cmd.files[0]?.name ?? 'unknown'}`,
          'REFUSED',
          {
            code: String(body.code ?? err.getStatus()),
          },
        );
      }
      throw err;
    }
    await this.audit(
      cmd,
      summary.kind === 'rules' ? 'RULE_SET_CHANGE' : 'LIST_IMPORT',
      `list:${summary.listId}`,
      summary.published ? 'PUBLISHED' : 'UNCHANGED',
      {
        version: summary.version,
        format: summary.format,
        kind: summary.kind,
        entries: summary.entries,
        added: summary.added,
        changed: summary.changed,
        removed: summary.removed,
      },
    );
    return summary;
  }

  private async audit(
    cmd: ImportListCommand,
    action: Audit.AuditAction,
    target: string,
    outcome: string,
    details: Record<string, string | number>,
  ): Promise<void> {
    const value: Audit.Value = {
      ...envelope(`${target}:${Date.now()}`),
      action,
      actor: cmd.actor,
      role: cmd.role ?? 'admin',
      target,
      outcome,
      details,
    };
    await this.producer.send(Topic.Audit, [{ key: cmd.actor, value }]);
  }

  private async importVersion(cmd: ImportListCommand): Promise<ImportSummary> {
    if (cmd.listId !== undefined && !ListEntry.LIST_ID_PATTERN.test(cmd.listId)) {
      throw new ApiError(400, 'INVALID_LIST_ID', ListEntry.LIST_ID_RULE);
    }
    await this.state.caughtUp();
    const read = await this.read(cmd);
    const diff = diffList(this.state.digestsOf(read.listId), read.items);
    const previous = this.state.latestVersion(read.listId);
    const unchanged =
      previous !== undefined && diff.added.length + diff.changed.length + diff.removed.length === 0;
    const version = unchanged && previous ? previous.version : nextVersion(previous?.version);
    const summary: ImportSummary = {
      listId: read.listId,
      kind: read.kind,
      format: read.format,
      version,
      entries: read.items.length,
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      unchanged: diff.unchanged,
      findings: read.findings,
      published: !unchanged,
    };
    if (unchanged) return summary;

    const topic = ListEntry.ENTRY_TOPICS[read.kind];
    const records: OutgoingRecord[] = [
      ...[...diff.added, ...diff.changed].map((item) => ({
        key: ListEntry.listEntryKey(read.listId, item.entryId),
        value: read.toValue(item, version),
      })),
      ...diff.removed.map((entryId) => ({ key: ListEntry.listEntryKey(read.listId, entryId), value: null })),
    ];
    for (let i = 0; i < records.length; i += this.env.WATCHLIST_PUBLISH_BATCH) {
      await this.producer.send(topic, records.slice(i, i + this.env.WATCHLIST_PUBLISH_BATCH));
    }
    for (const item of [...diff.added, ...diff.changed])
      this.state.record(read.listId, item.entryId, entryDigest(item));
    for (const entryId of diff.removed) this.state.record(read.listId, entryId, undefined);

    const versionRecord: ListVersion.Value = {
      ...envelope(`list:${read.listId}:${version}`),
      listId: read.listId,
      kind: read.kind,
      version,
      format: read.format,
      importedAt: new Date().toISOString(),
      entries: read.items.length,
      diff: {
        added: diff.added.length,
        changed: diff.changed.length,
        removed: diff.removed.length,
        unchanged: diff.unchanged,
      },
      findings: read.findings.length,
      digest: read.digest,
    };
    await this.producer.send(Topic.ListVersions, [{ key: read.listId, value: versionRecord }]);
    this.state.recordVersion(versionRecord);
    this.metrics.listEntries.set({ list: read.listId, version }, read.items.length);
    return summary;
  }

  private async read(cmd: ImportListCommand): Promise<Versioned> {
    if (cmd.files.length === 1 && isRuleSetFile(cmd.files[0].name, cmd.files[0].bytes)) {
      return this.readRules(cmd.files[0], cmd.listId);
    }
    try {
      const result = await readList(cmd.files.length === 1 ? cmd.files[0] : { files: cmd.files }, {
        listId: cmd.listId,
      });
      const listId = result.listId;
      const kind: ListVersion.ListKind = result.kind;
      const toValue = (item: { entryId: string }, listVersion: string) => ({
        ...envelope(`list:${listId}:${listVersion}`),
        listId,
        listVersion,
        entry: item,
      });
      return {
        kind,
        format: result.format,
        listId,
        digest: result.digest,
        findings: result.findings,
        items: result.entries,
        toValue,
      };
    } catch (err) {
      if (err instanceof ListReadError) throw new ApiError(422, err.code, err.message);
      throw err;
    }
  }

  private readRules(file: ListFile, listId?: string): Versioned {
    try {
      const format = ruleFileFormat(file.name);
      const set = parseRuleSet(file.bytes.toString('utf8'), format);
      const id = listId ?? set.id;
      const items = set.rules.map((rule) => ({ ...rule, entryId: rule.id }));
      const toValue = (item: { entryId: string }, listVersion: string): ListEntry.RuleValue => ({
        ...envelope(`list:${id}:${listVersion}`),
        listId: id,
        listVersion,
        ruleId: item.entryId,
        revision: Number(listVersion.replace(/\D/g, '')) || 1,
        rule: item as unknown as Record<string, unknown>,
      });
      const digest = createHash('sha256').update(file.bytes).digest('hex');
      return {
        kind: 'rules',
        format: `RULES_${format.toUpperCase()}`,
        listId: id,
        digest,
        findings: [],
        items,
        toValue,
      };
    } catch (err) {
      if (err instanceof RuleError)
        throw new ApiError(422, `RULES_${err.code}`, err.message, { path: err.path });
      throw err;
    }
  }
}

/** Versions count up per list: v1, v2, … */
export function nextVersion(previous: string | undefined): string {
  const n = previous ? Number(/^v(\d+)$/.exec(previous)?.[1] ?? 0) : 0;
  return `v${n + 1}`;
}
