import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportJsonSchemaText } from '../../src/export/schema.js';

describe('the shipped JSON Schema', () => {
  it('is what the zod schema of the export generates now', () => {
    const committed = readFileSync(new URL('../../schema/itb-export.schema.json', import.meta.url), 'utf8');
    expect(
      committed === exportJsonSchemaText(),
      'schema/itb-export.schema.json is out of date with src/export/schema.ts: run `npm run schema` and commit the result',
    ).toBe(true);
  });
});
