import { fileURLToPath } from 'node:url';

/**
 * Directory of the built web app (`vite build` of ./app) that `hanoi247 serve` publishes at `/`.
 * The same relative path works from src/ (tests run sources) and from dist/ (the built CLI).
 */
export const webRoot: string = fileURLToPath(new URL('../dist/app', import.meta.url));
