// The JSON export: a versioned backup that `itb import` reads, described by the same zod
// schemas the store uses. schema/itb-export.schema.json is generated from here (npm run schema).
import * as z from 'zod';
import { manualMoveSchema, screeningSchema, sessionSchema, settingsSchema, storeSchema } from '../core/records.js';
import { anyLengthId, exerciseSchema } from '../library/schema.js';
import { EXPORT_SCHEMA_VERSION } from './json.js';

export { EXPORT_SCHEMA_VERSION };

const day = z.iso.date();
const ids = z.array(z.string().min(1));

export const exportSchema = z
  .strictObject({
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    exportedAt: manualMoveSchema.shape.at,
    /** The whole local days asked for (YYYY-MM-DD); null when open, as an --until of the export's day or later is. */
    period: z.strictObject({ since: day.nullable(), until: day.nullable() }),
    settings: settingsSchema,
    sessions: z.array(sessionSchema),
    moves: z.array(manualMoveSchema),
    screenings: z.array(screeningSchema),
    bucketsResetAt: storeSchema.shape.bucketsResetAt,
    /** Drill ids per bucket at the end of the period; `itb import` rebuilds buckets from the log. */
    buckets: z.strictObject({ rehab: ids, avoid: ids, untested: ids }),
    /** The library drills the sessions and moves refer to. */
    exercises: z.array(exerciseSchema.extend({ id: anyLengthId })),
  })
  .meta({
    title: 'itb export',
    description:
      'A backup of the itb records (settings, sessions, manual moves, red-flag screens) with the ' +
      'buckets and library drills they refer to. Read back with `itb import FILE`.',
  });

export type ExportFile = z.input<typeof exportSchema>;
export type ParsedExport = z.output<typeof exportSchema>;

/** The JSON Schema of the export, as committed in schema/itb-export.schema.json. */
export function exportJsonSchema(): Record<string, unknown> {
  // 'input': the schema describes what `itb import` accepts, where defaulted fields may be left out.
  return z.toJSONSchema(exportSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The file's text: stable key order, two-space indent, final newline. */
export function exportJsonSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}
