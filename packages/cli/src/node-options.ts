import { loadConfig, loadStorageConfig, type Config, type ConfigSources, type StorageConfig } from '@hanoi247/server';
import { Option, type Command } from 'commander';

export interface NodeOptions {
  readonly config?: string;
  readonly data?: string;
  readonly databaseUrl?: string;
  readonly country?: string;
  readonly nodeName?: string;
  readonly host?: string;
  readonly port?: string;
  readonly publicUrl?: string;
  readonly logLevel?: string;
  readonly insecureCookies?: boolean;
}

export const defaultDataDir = './data/local';

/** Options of every command that touches a node's storage; they override file and environment. */
export function withStorageOptions(command: Command): Command {
  return command
    .addOption(new Option('-c, --config <file>', 'JSON configuration file'))
    .addOption(new Option('-d, --data <dir>', `data directory: database, keys, evidence (default ${defaultDataDir})`))
    .addOption(new Option('--database-url <url>', 'PostgreSQL URL instead of the embedded SQLite database'));
}

export function withServerOptions(command: Command): Command {
  return withStorageOptions(command)
    .addOption(new Option('--country <cc>', 'ISO 3166-1 alpha-2 code of the State this node serves'))
    .addOption(new Option('--node-name <name>', 'name of this node as partners see it'))
    .addOption(new Option('--host <host>', 'interface to listen on (default 127.0.0.1)'))
    .addOption(new Option('-p, --port <port>', 'TCP port, 0 for any free port (default 8247)'))
    .addOption(new Option('--public-url <url>', 'external URL of the node'))
    .addOption(new Option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent'))
    .addOption(new Option('--insecure-cookies', 'send the session cookie without Secure (plain-HTTP testing only)'));
}

function sources(options: NodeOptions, env: NodeJS.ProcessEnv): ConfigSources {
  const dataDirFallback =
    options.config === undefined && env['HANOI247_DATA_DIR'] === undefined ? defaultDataDir : undefined;
  return {
    file: options.config,
    env,
    overrides: {
      dataDir: options.data ?? dataDirFallback,
      databaseUrl: options.databaseUrl,
      'node.country': options.country,
      'node.name': options.nodeName,
      'http.host': options.host,
      'http.port': options.port,
      'http.publicUrl': options.publicUrl,
      'log.level': options.logLevel,
      'session.secureCookie': options.insecureCookies === true ? false : undefined,
    },
  };
}

export function serverConfigFrom(options: NodeOptions, env: NodeJS.ProcessEnv): Config {
  return loadConfig(sources(options, env));
}

export function storageConfigFrom(options: NodeOptions, env: NodeJS.ProcessEnv): StorageConfig {
  return loadStorageConfig(sources(options, env));
}
