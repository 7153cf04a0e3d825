export * from './locale.js';
export * from './translator.js';
export { NAMESPACES, type Namespace } from './resources.js';
