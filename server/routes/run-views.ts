import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getPlacement, type PlacementRow, queryPlacements } from '../../db';
import { RunNotFound, SchoolNotFound, StaffNotFound } from '../errors';
import { type Lang, pickLang } from '../i18n/lang';
import { assertSchoolAccess, schoolScope } from '../plugins/auth';
import { explanationLines, explanationText, type Names, namesFrom } from '../render';
import { IdParam, RunIdParams, readErrors } from '../schemas/common';
import { LangQuery } from '../schemas/lang';
import { CandidatesSchema, ExplanationSchema, PlacementListSchema, PlacementsQuery } from '../schemas/views';
import { schoolCandidates } from '../services/candidates';
import { publicityCsv } from '../services/publicity-csv';
import { countySheets, publicityXlsx, XLSX_TYPE } from '../services/publicity-xlsx';
import { type RouteDeps, requireRun } from './deps';

/** A row for the API: the steps in words (runs of engines < 1.1.0 have only their stored sentence). */
function toJson(row: PlacementRow, lang: Lang, names: Names) {
  const { id: _id, runId: _run, steps, explanation, ...rest } = row;
  return {
    ...rest,
    steps: steps ?? null,
    explanation: steps == null ? explanation : explanationText(steps, lang, names),
  };
}

export const runViewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, results }) => {
  app.get(
    '/api/runs/:id/placements',
    {
      config: { roles: ['hr', 'principal', 'auditor'] },
      schema: {
        tags: ['runs'],
        summary: 'Placements of a run; ?format=csv or ?format=xlsx gives the 公示 list (Chinese headers)',
        params: RunIdParams,
        querystring: PlacementsQuery,
        produces: ['application/json', 'text/csv', XLSX_TYPE],
        response: {
          200: {
            description: 'The placements, in staff-id order',
            content: {
              'application/json': { schema: PlacementListSchema },
              'text/csv': { schema: z.string() },
              [XLSX_TYPE]: { schema: z.any().meta({ type: 'string', format: 'binary' }) },
            },
          },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const run = requireRun(db, request.params.id);
      const { school, outcome, format } = request.query;
      const lang = pickLang(request.query.lang, request.headers['accept-language']);
      const names = namesFrom(results.schools(run.id) ?? []);
      if (school !== undefined) assertSchoolAccess(request, school);
      const scope = schoolScope(request);
      const rows = queryPlacements(db, run.id, {
        ...(school !== undefined && { schoolCode: school }),
        ...(outcome !== undefined && { outcome }),
        ...(scope !== undefined && school === undefined && { concerningSchool: scope }),
      });
      if (format === 'xlsx') {
        // The whole county gets a sheet per school too; a filtered list is one sheet.
        const whole = school === undefined && outcome === undefined && scope === undefined;
        const sheets = whole ? countySheets(rows) : [{ name: school ?? scope ?? '公示', rows }];
        const name = `run-${run.id}${school === undefined ? '' : `-${school}`}-placements.xlsx`;
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`)
          .send(Buffer.from(await publicityXlsx(sheets, names)));
      }
      if (format === 'csv') {
        const name = `run-${run.id}${school === undefined ? '' : `-${school}`}-placements.csv`;
        // A string with a non-JSON content type goes out as is (no serializer); the BOM is part of the text.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`)
          .send(publicityCsv(rows, names));
      }
      return reply
        .type('application/json')
        .send({ runId: run.id, count: rows.length, placements: rows.map((r) => toJson(r, lang, names)) });
    },
  );

  app.get(
    '/api/runs/:id/schools/:code/candidates',
    {
      config: { roles: ['hr', 'principal', 'auditor'] },
      schema: {
        tags: ['runs'],
        summary:
          'A school’s lists: round-1 ranking with cut-off per subject, round-2 applicants, who left and arrived',
        params: z.strictObject({ id: IdParam, code: z.string().min(1) }),
        querystring: LangQuery,
        response: { 200: CandidatesSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const { id, code } = request.params;
      const lang = pickLang(request.query.lang, request.headers['accept-language']);
      assertSchoolAccess(request, code);
      if (!results.get(id)) throw new RunNotFound(id);
      // The hottest read (every principal, all day during 公示): the view and its JSON are computed and
      // checked against the schema once per run and school, then served as is.
      const cached = results.view(id, `candidates:${code}:${lang}`, (result) => {
        const view = schoolCandidates(result, code, lang);
        if (!view) return null;
        const body = { runId: id, ...view };
        return { body, json: JSON.stringify(CandidatesSchema.encode(body)) };
      });
      if (!cached) throw new SchoolNotFound();
      return reply.serializer(() => cached.json).send(cached.body);
    },
  );

  app.get(
    '/api/runs/:id/staff/:staffId/explanation',
    {
      config: { roles: ['hr', 'principal', 'auditor'] },
      schema: {
        tags: ['runs'],
        summary:
          'Why one person landed where they did: steps as data and in words, with why not a higher 志愿',
        params: z.strictObject({ id: IdParam, staffId: z.string().min(1) }),
        querystring: LangQuery,
        response: { 200: ExplanationSchema, ...readErrors },
      },
    },
    async (request) => {
      const { id, staffId } = request.params;
      requireRun(db, id);
      const row = getPlacement(db, id, staffId);
      // A principal asking about someone who neither left nor joined their school gets exactly the answer
      // for an id that does not exist: a 403 would confirm the person exists (and say where).
      const scope = schoolScope(request);
      const visible =
        row !== null && (scope === undefined || row.schoolCode === scope || row.fromSchoolCode === scope);
      if (!row || !visible) throw new StaffNotFound();
      const result = results.get(id);
      const placement = result?.placements.find((p) => p.staffId === staffId);
      if (!result || !placement) throw new Error(`placement ${staffId} missing from run ${id}'s result`);
      const lang = pickLang(request.query.lang, request.headers['accept-language']);
      const explanation =
        row.steps == null
          ? [row.explanation]
          : explanationLines(placement.steps, lang, namesFrom(result.schools));
      return {
        runId: id,
        placement,
        schoolName: row.schoolName,
        fromSchoolName: row.fromSchoolName,
        lang,
        explanation,
      };
    },
  );
};
