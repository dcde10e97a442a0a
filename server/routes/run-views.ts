import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getPlacement, type PlacementRow, queryPlacements } from '../../db';
import type { Outcome } from '../../engine/types';
import { RunNotFound, SchoolNotFound, StaffNotFound } from '../errors';
import { assertSchoolAccess, schoolScope } from '../plugins/auth';
import { IdParam, LangQuery, RunIdParams, readErrors } from '../schemas/common';
import { CandidatesSchema, ExplanationSchema, PlacementListSchema, PlacementsQuery } from '../schemas/views';
import { schoolCandidates } from '../services/candidates';
import { publicityCsv } from '../services/publicity-csv';
import { countySheets, publicityXlsx, XLSX_TYPE } from '../services/publicity-xlsx';
import { type RouteDeps, requireRun } from './deps';

function toJson(row: PlacementRow) {
  const { id: _id, runId: _run, ...rest } = row;
  return { ...rest, outcome: rest.outcome as Outcome };
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
          .send(Buffer.from(await publicityXlsx(sheets)));
      }
      if (format === 'csv') {
        const name = `run-${run.id}${school === undefined ? '' : `-${school}`}-placements.csv`;
        // A string with a non-JSON content type goes out as is (no serializer); the BOM is part of the text.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`)
          .send(publicityCsv(rows));
      }
      return reply
        .type('application/json')
        .send({ runId: run.id, count: rows.length, placements: rows.map(toJson) });
    },
  );

  app.get(
    '/api/runs/:id/schools/:code/candidates',
    {
      config: { roles: ['hr', 'principal', 'auditor'] },
      schema: {
        tags: ['runs'],
        querystring: LangQuery,
        summary:
          'A school’s lists: round-1 ranking with cut-off per subject, round-2 applicants, who left and arrived',
        params: z.strictObject({ id: IdParam, code: z.string().min(1) }),
        response: { 200: CandidatesSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const { id, code } = request.params;
      assertSchoolAccess(request, code);
      if (!results.get(id)) throw new RunNotFound(id);
      // The hottest read (every principal, all day during 公示): the view and its JSON are computed and
      // checked against the schema once per run and school, then served as is.
      const cached = results.view(id, `candidates:${code}`, (result) => {
        const view = schoolCandidates(result, code);
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
        querystring: LangQuery,
        summary: 'Why one person landed where they did',
        params: z.strictObject({ id: IdParam, staffId: z.string().min(1) }),
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
      const placement = results.get(id)?.placements.find((p) => p.staffId === staffId);
      if (!placement) throw new Error(`placement ${staffId} missing from run ${id}'s result`);
      return { runId: id, placement, schoolName: row.schoolName, fromSchoolName: row.fromSchoolName };
    },
  );
};
