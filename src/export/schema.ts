// The JSON export: a versioned backup that `itb import` reads, described by the same zod
// schemas the store uses. schema/itb-export.schema.json is generated from here (npm run schema).
import * as z from 'zod';
import { manualMoveSchema, screeningSchema, sessionSchema, settingsSchema, storeSchema } from '../core/records.js';
import { anyLengthId, anyLengthName, exerciseSchema } from '../library/schema.js';
import { describeValue } from '../plain-issues.js';
import { ZONE_NAME } from '../time-zone.js';
import { EXPORT_SCHEMA_VERSION, READ_SCHEMA_VERSIONS } from './json.js';

export { EXPORT_SCHEMA_VERSION, READ_SCHEMA_VERSIONS };

const day = z.iso.date();
const ids = z.array(z.string().min(1));
const timeZone = z
  .string()
  .regex(ZONE_NAME, {
    error: (issue) => `must be a time zone such as Europe/Paris, or UTC+05:30 for a clock known only by its offset, not ${describeValue(issue.input)}`,
  })
  .meta({
    description:
      'The time zone of the days since and until, as the md and html reports name it: an IANA name (Europe/Paris, UTC), or UTC+05:30 ' +
      'when the computer knew its clock only by its offset from UTC. Backups of schemaVersion 1 leave it out.',
  });

export const exportSchema = z
  .strictObject({
    schemaVersion: z.literal(READ_SCHEMA_VERSIONS),
    exportedAt: manualMoveSchema.shape.at,
    /**
     * The whole local days asked for (YYYY-MM-DD), in its time zone; null when open, as an --until
     * of the export's day or later is. The instants elsewhere in the file are UTC.
     */
    period: z.strictObject({ since: day.nullable(), until: day.nullable(), timeZone: timeZone.optional() }),
    settings: settingsSchema,
    sessions: z.array(sessionSchema),
    moves: z.array(manualMoveSchema),
    screenings: z.array(screeningSchema),
    bucketsResetAt: storeSchema.shape.bucketsResetAt,
    /** Drill ids per bucket at the end of the period; `itb import` rebuilds buckets from the log. */
    buckets: z.strictObject({ rehab: ids, avoid: ids, untested: ids }),
    /** The library drills the sessions and moves refer to. */
    exercises: z.array(exerciseSchema.extend({ id: anyLengthId, name: anyLengthName })),
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
function exportJsonSchema(): Record<string, unknown> {
  // 'input': the schema describes what `itb import` accepts, where defaulted fields may be left out.
  return z.toJSONSchema(exportSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The file's text: stable key order, two-space indent, final newline. */
export function exportJsonSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}
