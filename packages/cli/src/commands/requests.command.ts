import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { CallInput, RequestView } from '@hanoi247/contract/client';
import { apiTarget, callOperation, downloadApi, type ApiTarget } from '../api-client.js';
import { CliError } from '../cli-error.js';

interface ClientOptions {
  readonly url?: string;
  readonly token?: string;
  readonly json?: boolean;
}

function withClient(command: Command): Command {
  return command
    .addOption(new Option('--url <url>', 'node URL (default HANOI247_URL or http://127.0.0.1:8247)'))
    .addOption(new Option('--token <token>', 'API token (prefer HANOI247_TOKEN: flags end up in shell history)'))
    .option('--json', 'print JSON instead of text');
}

const target = (options: ClientOptions): ApiTarget => apiTarget(options, process.env);
const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`${path} is not valid JSON`);
  }
}

function describe(request: RequestView): string {
  const lines = [
    `${request.reference}  ${request.typeTitle.en}`,
    `  ${request.direction} ${request.requestingState} → ${request.requestedState} ` +
      `  basis ${request.legalBasis}   priority ${request.priority}`,
    `  state ${request.state} (${request.stateLabel.en})   version ${request.version}   id ${request.id}`,
    `  next actions: ${request.availableActions.map((a) => a.action).join(', ') || 'none on this side'}`,
  ];
  for (const m of request.missing) lines.push(`  missing ${m.path}: ${m.message}`);
  for (const w of request.draftingWarnings) lines.push(`  warning: ${w.text.en}`);
  for (const w of request.warnings) lines.push(`  warning: ${w}`);
  for (const d of request.deadlines.filter((x) => x.status === 'open' || x.status === 'warned')) {
    lines.push(`  clock ${d.ruleId} due ${d.dueAt} (${d.status})`);
  }
  return lines.join('\n');
}

export function requestsCommand(): Command {
  const requests = new Command('requests').description('cooperation requests on a running node, through its API');

  requests.addCommand(
    withClient(new Command('list'))
      .description('the queue: emergencies first, then the nearest deadline')
      .option('--direction <direction>', 'outgoing or incoming')
      .option('--type <type>', 'request type code, e.g. PRESERVATION_42')
      .option('--state <state>', 'state, e.g. SENT')
      .action(async (options: ClientOptions & { direction?: string; type?: string; state?: string }) => {
        // The server's strict query refuses a value outside its lists, with the accepted ones.
        const query = { direction: options.direction, type: options.type, state: options.state } as NonNullable<
          CallInput<'listRequests'>['query']
        >;
        const { requests: items } = await callOperation(target(options), 'listRequests', { query });
        if (options.json === true) {
          print(JSON.stringify(items, null, 2));
          return;
        }
        print(
          `${'REFERENCE'.padEnd(18)} ${'TYPE'.padEnd(22)} ${'DIR'.padEnd(8)} ${'STATE'.padEnd(24)} ` +
            `${'PRIORITY'.padEnd(9)} ${'ROUTE'.padEnd(8)} NEXT DEADLINE`,
        );
        for (const r of items) {
          print(
            `${r.reference.padEnd(18)} ${r.type.padEnd(22)} ${r.direction.padEnd(8)} ` +
              `${r.state.padEnd(24)} ${r.priority.padEnd(9)} ${`${r.requestingState}→${r.requestedState}`.padEnd(8)} ` +
              `${r.nextDueAt ?? '-'}`,
          );
        }
      }),
  );

  requests.addCommand(
    withClient(new Command('show'))
      .description('one request: state, next actions, missing fields, warnings, clocks')
      .argument('<id>', 'request id')
      .option('--pdf <file>', 'also save the formal document (PDF) to this file')
      .action(async (id: string, options: ClientOptions & { pdf?: string }) => {
        const request = await callOperation(target(options), 'getRequest', { params: { requestId: id } });
        print(options.json === true ? JSON.stringify(request, null, 2) : describe(request));
        if (options.pdf !== undefined) {
          await writeFile(
            options.pdf,
            await downloadApi(target(options), `/api/v1/requests/${encodeURIComponent(id)}/document.pdf`),
          );
          print(`formal document written to ${options.pdf}`);
        }
      }),
  );

  requests.addCommand(
    withClient(new Command('create'))
      .description(
        'draft an outgoing request (or record an incoming one) from a JSON file shaped like POST /api/v1/requests',
      )
      .requiredOption('--from <file>', 'JSON file with the request')
      .option('--incoming', 'record a request received outside the network (POST /api/v1/requests/incoming)')
      .action(async (options: ClientOptions & { from: string; incoming?: boolean }) => {
        const body = await readJsonFile(options.from);
        // The file is the body as it stands: the server validates it and names what is wrong.
        const created =
          options.incoming === true
            ? await callOperation(target(options), 'recordIncomingRequest', {
                body: body as NonNullable<CallInput<'recordIncomingRequest'>['body']>,
              })
            : await callOperation(target(options), 'createRequest', {
                body: body as NonNullable<CallInput<'createRequest'>['body']>,
              });
        print(options.json === true ? JSON.stringify(created, null, 2) : `created\n${describe(created)}`);
      }),
  );

  requests.addCommand(
    withClient(new Command('transition'))
      .description('apply an action (submit, approve, send, acknowledge, refuse, …) to a request')
      .argument('<id>', 'request id')
      .argument('<action>', 'action name, as listed under "next actions"')
      .option('--payload <file>', 'JSON file with the payload (reasonCodes, reasons, conditions, preservedUntil, …)')
      .option('--information <text>', 'information or reasons carried by this step')
      .action(
        async (id: string, action: string, options: ClientOptions & { payload?: string; information?: string }) => {
          const fromFile = options.payload === undefined ? {} : await readJsonFile(options.payload);
          if (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile)) {
            throw new CliError('--payload must hold a JSON object');
          }
          const payload = {
            ...(fromFile as Record<string, unknown>),
            ...(options.information === undefined ? {} : { information: options.information }),
          };
          const next = await callOperation(target(options), 'transitionRequest', {
            params: { requestId: id },
            body: { action, payload },
          });
          print(options.json === true ? JSON.stringify(next, null, 2) : describe(next));
        },
      ),
  );
  return requests;
}
