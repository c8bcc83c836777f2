export * from './bundle-manifest.js';
export * from './bundle-source.js';
export * from './bundle-report.js';
export * from './manifest-signature.js';
export * from './assemble-bundle.js';
export * from './case-uco.js';
export * from './verify-bundle.js';
