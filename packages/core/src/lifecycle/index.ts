export * from './machine.js';
export * from './planner.js';
export * from './four-eyes.js';
export * from './clock-effects.js';
export * from './clock-scanner.js';
export * from './timeline-labels.js';
