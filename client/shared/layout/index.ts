/**
 * The bill's document layout, and the only code that knows how it is stored: one `order` of block
 * ids shared by both languages, a `blocks` map holding each block's kind, form and one fragment per
 * language, and a `meta` map. Everything else reads and writes a bill through these functions.
 */
export * from './roots';
export * from './readBlock';
export * from './readLayout';
export * from './writeLayout';
export * from './structure';
export * from './legacyLayout';
export * from './observeLayout';
export { groupTopLevel, pairGroups } from './groupBlocks';
export * from './updateShape';
export * from './blockRecords';
export * from './setOrder';
