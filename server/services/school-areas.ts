import { type DbExecutor, getRunInputJson } from '../../db';
import type { Area, Dataset } from '../../engine/types';
import type { RunResults } from './run-results';

/**
 * 城乡类别 (urban, town, rural) of each school of a run, by school code — what the console's urban/rural
 * flow chart needs and the engine's school report does not carry. Areas are input, not output: read from
 * the run's stored canonical input once per cached run. `only` narrows the answer to one school (a
 * principal's). Empty when the run does not exist.
 */
export function schoolAreas(
  db: DbExecutor,
  results: RunResults,
  runId: number,
  only?: string,
): Record<string, Area> {
  const areas = results.view(runId, 'areas', () => {
    const json = getRunInputJson(db, runId);
    const input = json === null ? null : (JSON.parse(json) as { dataset: Pick<Dataset, 'schools'> });
    return new Map<string, Area>((input?.dataset.schools ?? []).map((s) => [s.code, s.area]));
  });
  const all = [...(areas ?? new Map<string, Area>())];
  return Object.fromEntries(only === undefined ? all : all.filter(([code]) => code === only));
}
