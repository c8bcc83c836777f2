import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { operatorPrincipal } from '@hanoi247/core';
import { loadKeyring, openNode, ownDescriptor } from '@hanoi247/server';
import { Command, Option } from 'commander';
import { ApiProblem, createApiClient, routes } from '@hanoi247/contract/client';
import { CliError } from '../cli-error.js';
import {
  serverConfigFrom,
  storageConfigFrom,
  withServerOptions,
  withStorageOptions,
  type NodeOptions,
} from '../node-options.js';

const operator = () => ({ principal: operatorPrincipal(userInfo().username), requestId: null });

const reasonOf = (error: unknown) =>
  error instanceof ApiProblem ? `HTTP ${error.status}` : error instanceof Error ? error.message : String(error);

/** The partner's descriptor route: the URL as given when it names the route, else the route at its origin. */
function descriptorUrl(source: string): URL {
  const { path } = routes.getDescriptor;
  return new URL(source.includes(path) ? source : new URL(path, source).toString());
}

/** The contract's client for a partner's public route: no credentials, no redirects, 15 s. */
function publicClient(url: URL) {
  return createApiClient({
    baseUrl: url.origin,
    fetch: async (input, init) => fetch(input, { ...init, redirect: 'error', signal: AbortSignal.timeout(15_000) }),
  });
}

async function readDescriptor(source: string): Promise<unknown> {
  let text: string;
  if (/^https?:\/\//.test(source)) {
    const url = descriptorUrl(source);
    try {
      const response = await publicClient(url).request('GET', url.pathname + url.search);
      text = await response.text();
    } catch (error) {
      throw new CliError(`cannot fetch the descriptor from ${url.toString()}: ${reasonOf(error)}`, 1);
    }
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch {
      throw new CliError(`cannot read ${source}`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`${source} is not a JSON node descriptor`);
  }
}

export function peersCommand(): Command {
  const peers = new Command('peers').description('partner nodes this node trusts, pinned by key fingerprint');

  peers.addCommand(
    withStorageOptions(new Command('add'))
      .description(
        'pin a partner node: its signed descriptor (file or URL) and the fingerprint its operator gave you out of band',
      )
      .argument('<descriptor>', 'descriptor file, or the partner node\u2019s URL')
      .addOption(
        new Option(
          '--fingerprint <SHA256:...>',
          'the partner\u2019s signing-key fingerprint, confirmed by phone or in person',
        ).makeOptionMandatory(),
      )
      .action(async (source: string, options: NodeOptions & { fingerprint: string }) => {
        const descriptor = await readDescriptor(source);
        const node = await openNode(storageConfigFrom(options, process.env));
        try {
          const peer = await node.services.peers.pin(operator(), descriptor, options.fingerprint);
          process.stdout.write(
            `pinned ${peer.country} "${peer.name}" at ${peer.baseUrl}\n  signing key ` +
              `${peer.pinnedFingerprint}\n  languages ${peer.languages.join(', ')}\n`,
          );
        } finally {
          await node.close();
        }
      }),
  );

  peers.addCommand(
    withStorageOptions(new Command('list'))
      .description('pinned partner nodes')
      .action(async (options: NodeOptions) => {
        const node = await openNode(storageConfigFrom(options, process.env));
        try {
          const all = await node.services.peers.list(operator());
          process.stdout.write(
            `${'COUNTRY'.padEnd(8)} ${'STATUS'.padEnd(8)} ${'URL'.padEnd(32)} ${'SIGNING KEY'.padEnd(52)} NAME\n`,
          );
          for (const p of all) {
            process.stdout.write(
              `${p.country.padEnd(8)} ${p.status.padEnd(8)} ${p.baseUrl.padEnd(32)} ` +
                `${p.pinnedFingerprint.padEnd(52)} ` +
                `${p.name}\n`,
            );
          }
        } finally {
          await node.close();
        }
      }),
  );

  peers.addCommand(
    withStorageOptions(new Command('remove'))
      .description('stop trusting a partner node: its messages are refused from now on')
      .argument('<country>', 'ISO 3166-1 alpha-2 code')
      .action(async (country: string, options: NodeOptions) => {
        const node = await openNode(storageConfigFrom(options, process.env));
        try {
          await node.services.peers.remove(operator(), country.toUpperCase());
          process.stdout.write(`removed ${country.toUpperCase()}\n`);
        } finally {
          await node.close();
        }
      }),
  );
  return peers;
}

export function descriptorCommand(): Command {
  return withServerOptions(new Command('descriptor'))
    .description('print this node\u2019s signed descriptor, to hand to a partner with its fingerprint')
    .action(async (options: NodeOptions) => {
      const config = serverConfigFrom(options, process.env);
      const keyring = loadKeyring(config.dataDir);
      if (keyring === null) {
        throw new CliError(`no keys in ${config.dataDir}: run hanoi247 keys show or start the node once`);
      }
      const baseUrl = config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`;
      const signed = await ownDescriptor(
        { country: config.node.country, name: config.node.name, baseUrl, roster: config.node.roster },
        keyring,
        new Date().toISOString(),
      );
      process.stdout.write(`${JSON.stringify(signed, null, 2)}\n`);
      process.stderr.write(`fingerprint to read to the partner: ${keyring.current.signing.fingerprint}\n`);
    });
}
