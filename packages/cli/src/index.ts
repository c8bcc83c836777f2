export { buildProgram, cliVersion } from './program.js';
