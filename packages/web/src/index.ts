import { fileURLToPath } from 'node:url';

/** Directory of the static web app that `hanoi247 serve` publishes at `/`. */
export const webRoot: string = fileURLToPath(new URL('../public', import.meta.url));
