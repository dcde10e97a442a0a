/**
 * The dataset loader: CSV/JSON bytes in, a validated {@link Dataset} and {@link Rules} out, or every
 * problem found. It sits at the edge so engine/ only ever sees plain typed data.
 */
export { parseDataset } from './parse-dataset';
export { readDatasetDir } from './read-dir';
export { parseRules } from './rules-json';
export type { DatasetFileKind, DatasetIssue, LoadedFile, LoadResult } from './types';
export { DATASET_FILES, FILE_NAMES } from './types';
