/**
 * The dataset loader: CSV/Excel/JSON bytes in, a validated {@link Dataset} and {@link Rules} out, or every
 * problem found (with warnings either way). It sits at the edge so engine/ only ever sees plain typed data.
 */
export type { MessageCode } from './messages';
export { MESSAGES } from './messages';
export { parseDataset, parseDatasetInput } from './parse-dataset';
export { readDatasetDir } from './read-dir';
export { parseRules } from './rules-json';
export type { DatasetInput, NamedBytes } from './sources';
export type { DatasetFileKind, DatasetIssue, LoadedFile, LoadResult } from './types';
export { DATASET_FILES, FILE_NAMES } from './types';
