#!/usr/bin/env node
import { CommanderError } from 'commander';
import { reportFailure } from './cli-error.js';
import { buildProgram } from './program.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed help, the version, or what was wrong with the arguments.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = reportFailure(error, process.stderr);
  }
}
