export * from './hasher.js';
export * from './merkle-tree.js';
export * from './verify-proofs.js';
export * from './signed-note.js';
export * from './checkpoint.js';
export * from './checkpoint-monitor.js';
