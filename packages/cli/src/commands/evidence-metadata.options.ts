import { evidenceDataCategories, evidenceSources } from '@hanoi247/core';
import { Option, type Command } from 'commander';
import { CliError } from '../cli-error.js';

export interface MetadataOptions {
  readonly metadata?: string;
  readonly source?: string;
  readonly category?: string;
  readonly method?: string;
  readonly tool?: string;
  readonly acquiredAt?: string;
  readonly coversFrom?: string;
  readonly coversTo?: string;
  readonly origin?: string;
  readonly personalData?: boolean;
  readonly limitation?: string[];
  readonly retainUntil?: string;
  readonly description?: string;
  readonly mediaType: string;
  readonly filename?: string;
  readonly sha256?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The EvidenceMetadata fields as flags; a --metadata file gives the rest (flags win). */
export function withMetadataOptions(command: Command): Command {
  return command
    .addOption(new Option('--metadata <file>', 'EvidenceMetadata as a JSON file (the flags below override its fields)'))
    .addOption(new Option('--source <source>', 'where the item came from').choices(evidenceSources))
    .addOption(new Option('--category <category>', 'UN art. 2 data category').choices(evidenceDataCategories))
    .addOption(new Option('--method <text>', 'how it was acquired (production order, seizure, export…)'))
    .addOption(new Option('--tool <text>', 'the tool used to acquire it'))
    .addOption(new Option('--acquired-at <datetime>', 'when it was acquired, with its zone: 2026-11-01T09:30:00+07:00'))
    .addOption(new Option('--covers-from <datetime>', 'start of the period the data covers, with its zone'))
    .addOption(new Option('--covers-to <datetime>', 'end of the period the data covers, with its zone'))
    .addOption(new Option('--origin <cc>', 'ISO 3166-1 alpha-2 code of the State it came from'))
    .addOption(new Option('--personal-data', 'the item contains personal data'))
    .addOption(new Option('--no-personal-data', 'the item contains no personal data'))
    .addOption(new Option('--limitation <text>', 'a use limitation (repeat for several)').argParser(collect))
    .addOption(new Option('--retain-until <date>', 'erase after this date, YYYY-MM-DD'))
    .addOption(new Option('--description <text>', 'what the item is'))
    .addOption(new Option('--media-type <type>', 'the declared media type').default('application/octet-stream'))
    .addOption(new Option('--filename <name>', 'the name to record (default: the file\u2019s own name)'))
    .addOption(new Option('--sha256 <hex>', 'the SHA-256 the sender gave: a different file is refused'));
}

type Json = Record<string, unknown>;

function setIf(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** Builds the metadata; the service validates it and names every wrong field. */
export async function metadataFrom(options: MetadataOptions, read: (path: string) => Promise<string>): Promise<Json> {
  let base: Json = {};
  if (options.metadata !== undefined) {
    let text: string;
    try {
      text = await read(options.metadata);
    } catch {
      throw new CliError(`cannot read the metadata file ${options.metadata}`);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      base = parsed as Json;
    } catch {
      throw new CliError(`${options.metadata} is not a JSON object of evidence metadata`);
    }
  }
  const metadata: Json = { ...base };
  setIf(metadata, 'source', options.source);
  setIf(metadata, 'dataCategory', options.category);
  setIf(metadata, 'originCountry', options.origin);
  setIf(metadata, 'personalData', options.personalData);
  setIf(metadata, 'useLimitations', options.limitation);
  setIf(metadata, 'retentionUntil', options.retainUntil);
  setIf(metadata, 'description', options.description);
  if (options.method !== undefined || options.tool !== undefined || options.acquiredAt !== undefined) {
    const acquisition: Json = { ...((base['acquisition'] as Json | undefined) ?? {}) };
    setIf(acquisition, 'method', options.method);
    setIf(acquisition, 'tool', options.tool);
    setIf(acquisition, 'acquiredAt', options.acquiredAt);
    metadata['acquisition'] = acquisition;
  }
  if (options.coversFrom !== undefined || options.coversTo !== undefined) {
    const covers: Json = { ...((base['covers'] as Json | undefined) ?? {}) };
    setIf(covers, 'from', options.coversFrom);
    setIf(covers, 'to', options.coversTo);
    metadata['covers'] = covers;
  }
  return metadata;
}
