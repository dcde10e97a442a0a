import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRuns, type RunMeta } from '../../db';
import type { AllocationResult, EngineWarning, Summary } from '../../engine/types';
import { DatasetNotFound, RulesInvalid, withIssues } from '../errors';
import { type Lang, pickLang } from '../i18n/lang';
import { schoolScope } from '../plugins/auth';
import { namesFrom, replayVerdict, warningText } from '../render';
import {
  authErrors,
  ErrorSchema,
  IdempotencyHeaders,
  IdParam,
  RunIdParams,
  readErrors,
  writeErrors,
} from '../schemas/common';
import { LangQuery } from '../schemas/lang';
import {
  CreateRunBody,
  DiffSchema,
  ReplaySchema,
  RunCreatedSchema,
  RunDetailSchema,
  RunListItemSchema,
} from '../schemas/runs';
import { diffRuns } from '../services/diff';
import { createRun, replayRun } from '../services/runs';
import { schoolAreas } from '../services/school-areas';
import { type RouteDeps, requireRun } from './deps';
import { idempotent } from './idempotent';

/** A principal's copy of a summary: the county's totals, and of the schools only their own. */
function scopedSummary(summary: Summary, school: string | undefined): Summary {
  if (school === undefined) return summary;
  return { ...summary, bySchool: summary.bySchool.filter((s) => s.schoolCode === school) };
}

/** A principal's copy of a run: their school's report, warnings and envy pairs only; warnings in words. */
function scoped(result: AllocationResult, school: string | undefined, lang: Lang) {
  const { schools, fairness } = result;
  const names = namesFrom(schools);
  const worded = (w: EngineWarning) => {
    // Runs of engines < 1.1.0 stored an English sentence instead of the data.
    const legacy = (w as { message?: unknown }).message;
    return { ...w, message: typeof legacy === 'string' ? legacy : warningText(w, lang, names) };
  };
  if (school === undefined) return { schools, warnings: result.warnings.map(worded), fairness };
  return {
    schools: schools.filter((s) => s.schoolCode === school),
    warnings: result.warnings.filter((w) => w.schoolCode === school).map(worded),
    fairness: { ...fairness, envyPairs: fairness.envyPairs.filter((e) => e.schoolCode === school) },
  };
}

/** The 201 body of POST /api/runs, also stored with an Idempotency-Key. */
function createdBody(run: RunMeta, result: Pick<AllocationResult, 'summary' | 'fairness'>) {
  return {
    id: run.id,
    datasetId: run.datasetId,
    createdAt: run.createdAt,
    createdBy: run.createdBy,
    engineVersion: run.engineVersion,
    inputHash: run.inputHash,
    outputHash: run.outputHash,
    decisionHash: run.decisionHash,
    summary: result.summary,
    fairness: result.fairness,
  };
}

export const runRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, results, pool, writeLimit }) => {
  app.post(
    '/api/runs',
    {
      config: { roles: ['hr'] },
      onRequest: writeLimit,
      schema: {
        tags: ['runs'],
        querystring: LangQuery,
        summary: 'Run the allocation on a stored dataset; the run is stored, immutable',
        headers: IdempotencyHeaders,
        body: CreateRunBody,
        response: {
          201: RunCreatedSchema,
          400: ErrorSchema,
          ...authErrors,
          404: ErrorSchema,
          ...writeErrors,
        },
      },
    },
    async (request, reply) => {
      const { datasetId, rules } = request.body;
      // Rules problems are worded for the reader: ?lang=, then Accept-Language (Chinese by default).
      const lang = pickLang(request.query.lang, request.headers['accept-language']);
      return idempotent(db, request, reply, request.body, async (claim) => {
        const outcome = await createRun(
          db,
          pool,
          {
            datasetId,
            rulesOverride: rules,
            lang,
            idempotency: claim && {
              claim,
              answer: (run, created) => ({ statusCode: 201, body: createdBody(run, created) }),
            },
          },
          request.actor,
        );
        if (!outcome.ok && outcome.reason === 'dataset_not_found') throw new DatasetNotFound(datasetId);
        if (!outcome.ok) {
          const { issues, moreIssues } =
            outcome.reason === 'rules_invalid' ? outcome : { issues: [], moreIssues: 0 };
          throw withIssues(new RulesInvalid(issues.length + moreIssues), issues, { moreIssues });
        }
        results.remember(outcome.run.id, outcome.created.resultJson, outcome.created.schools);
        return reply.code(201).send(createdBody(outcome.run, outcome.created));
      });
    },
  );

  app.get(
    '/api/runs',
    {
      config: { roles: ['hr', 'principal', 'auditor'] },
      schema: {
        tags: ['runs'],
        querystring: LangQuery,
        summary: 'List runs, newest first',
        response: { 200: z.object({ runs: z.array(RunListItemSchema) }), ...authErrors },
      },
    },
    async (request) => ({
      runs: listRuns(db).map(({ summaryJson, fairnessJson: _f, rulesJson: _r, ...meta }) => ({
        ...meta,
        summary: scopedSummary(summaryJson, schoolScope(request)),
      })),
    }),
  );

  app.get(
    '/api/runs/:id',
    {
      config: { roles: ['hr', 'principal', 'auditor'] },
      schema: {
        tags: ['runs'],
        summary: 'One run: rules, summary, fairness, per-school report, warnings',
        params: RunIdParams,
        querystring: LangQuery,
        response: { 200: RunDetailSchema, ...readErrors },
      },
    },
    async (request) => {
      const { summaryJson: _s, fairnessJson: _f, rulesJson: _r, ...meta } = requireRun(db, request.params.id);
      const result = results.get(meta.id);
      if (!result) throw new Error(`run ${meta.id} has no stored result`);
      return {
        ...meta,
        rules: result.rules,
        summary: scopedSummary(result.summary, schoolScope(request)),
        ...scoped(
          result,
          schoolScope(request),
          pickLang(request.query.lang, request.headers['accept-language']),
        ),
        areas: schoolAreas(db, results, meta.id, schoolScope(request)),
      };
    },
  );

  app.post(
    '/api/runs/:id/replay',
    {
      config: { roles: ['hr', 'auditor'] },
      onRequest: writeLimit,
      schema: {
        tags: ['audit'],
        summary:
          'Recompute the run from its stored canonical input; compare the whole output and the decisions alone',
        params: RunIdParams,
        querystring: LangQuery,
        // No body; one sent anyway must be empty, so a misplaced field (rules, lang) is refused, not ignored.
        body: z.strictObject({}).nullish(),
        response: { 200: ReplaySchema, ...readErrors, ...writeErrors },
      },
    },
    async (request) => {
      const run = requireRun(db, request.params.id);
      const replay = await replayRun(db, pool, run, request.actor);
      const lang = pickLang(request.query.lang, request.headers['accept-language']);
      return { ...replay, verdict: replayVerdict(replay, lang) };
    },
  );

  app.get(
    '/api/runs/:id/diff/:otherId',
    {
      config: { roles: ['hr', 'auditor'] },
      schema: {
        tags: ['audit'],
        querystring: LangQuery,
        summary: 'People whose outcome, school or round differ between two runs, and per-school changes',
        params: z.strictObject({ id: IdParam, otherId: IdParam }),
        response: { 200: DiffSchema, ...readErrors },
      },
    },
    async (request) => {
      const { id, otherId } = request.params;
      const before = results.get(requireRun(db, id).id);
      const after = results.get(requireRun(db, otherId).id);
      if (!before || !after) throw new Error('a stored run has no result');
      return { from: id, to: otherId, ...diffRuns(before, after) };
    },
  );
};
