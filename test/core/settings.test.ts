import { describe, expect, it } from 'vitest';
import { findSettingKey, parseSetting } from '../../src/core/settings.js';

describe('parseSetting', () => {
  it('takes a threshold typed with full-width digits (a Japanese or Chinese keyboard), as a score is', () => {
    expect(parseSetting('minImprovement', '２')).toEqual({ ok: true, value: 2 });
    expect(parseSetting('retestAfterDays', '２１')).toEqual({ ok: true, value: 21 });
    expect(parseSetting('flareRise', ' 3 ')).toEqual({ ok: true, value: 3 });
  });

  it('takes a threshold typed with the digits of an Arabic or Persian keyboard', () => {
    expect(parseSetting('minImprovement', '\u0662')).toEqual({ ok: true, value: 2 });
    expect(parseSetting('retestAfterDays', '\u06f2\u06f1')).toEqual({ ok: true, value: 21 });
  });

  it('refuses a threshold outside its range or not whole, quoting it as typed', () => {
    expect(parseSetting('minImprovement', '４')).toEqual({ ok: false, reason: '"４" is not a valid minImprovement: use a whole number from 1 to 3' });
    expect(parseSetting('flareRise', '2.5')).toMatchObject({ ok: false });
    expect(parseSetting('retestAfterDays', '0')).toMatchObject({ ok: false });
  });

  it('takes each threshold at both ends of its range and refuses it one step outside', () => {
    const ranges = { minImprovement: [1, 3], flareRise: [2, 5], retestAfterDays: [1, 365] } as const;
    for (const [key, [min, max]] of Object.entries(ranges) as [keyof typeof ranges, readonly [number, number]][]) {
      expect([parseSetting(key, String(min)), parseSetting(key, String(max))]).toEqual([
        { ok: true, value: min },
        { ok: true, value: max },
      ]);
      expect([parseSetting(key, String(min - 1)).ok, parseSetting(key, String(max + 1)).ok]).toEqual([false, false]);
    }
  });

  it('refuses a threshold written other than in plain digits, though it reads as a number', () => {
    expect(parseSetting('retestAfterDays', '1e2')).toEqual({ ok: false, reason: '"1e2" is not a valid retestAfterDays: use a whole number of days from 1 to 365' });
    expect(parseSetting('retestAfterDays', '0x1e')).toMatchObject({ ok: false });
    expect(parseSetting('minImprovement', '2.5')).toMatchObject({ ok: false });
    expect(parseSetting('minImprovement', '2.01')).toMatchObject({ ok: false });
  });

  it('takes a whole number written with decimals of zero, as a score typed in a session is', () => {
    expect(['2.0', '2,0', '2.', '２．０', ' 2.00 '].map((typed) => parseSetting('minImprovement', typed))).toEqual(Array(5).fill({ ok: true, value: 2 }));
    expect(parseSetting('retestAfterDays', '14.0')).toEqual({ ok: true, value: 14 });
    expect(parseSetting('minImprovement', '4.0')).toMatchObject({ ok: false });
  });

  it('takes a test movement without the spaces around it, and refuses one of spaces alone', () => {
    expect(parseSetting('movement', '  walking uphill ')).toEqual({ ok: true, value: 'walking uphill' });
    expect(parseSetting('movement', '   ')).toMatchObject({ ok: false });
    expect(parseSetting('movement', '')).toMatchObject({ ok: false });
  });

  it('takes a test movement of up to 200 characters, and refuses a longer one', () => {
    expect(parseSetting('movement', 'a'.repeat(200))).toEqual({ ok: true, value: 'a'.repeat(200) });
    expect(parseSetting('movement', 'a'.repeat(201))).toMatchObject({ ok: false });
  });

  it('takes a side or symptom in capitals or full-width letters', () => {
    expect(parseSetting('side', 'Left ')).toEqual({ ok: true, value: 'left' });
    expect(parseSetting('symptom', 'ｐａｉｎ')).toEqual({ ok: true, value: 'pain' });
  });

  it('takes a side by its first letter or with "side", and refuses a letter or words that name none', () => {
    expect(['l', 'L', 'left side', 'ｌ'].map((typed) => parseSetting('side', typed))).toEqual(Array(4).fill({ ok: true, value: 'left' }));
    expect(['r', ' R ', 'Right  side'].map((typed) => parseSetting('side', typed))).toEqual(Array(3).fill({ ok: true, value: 'right' }));
    expect(['b', 'B', 'both sides', 'Both Sides'].map((typed) => parseSetting('side', typed))).toEqual(Array(4).fill({ ok: true, value: 'both' }));
    for (const typed of ['x', 'lr', 'le', 'side', 's', 'left right', 'l r']) {
      expect(parseSetting('side', typed)).toEqual({ ok: false, reason: `"${typed}" is not a valid side: use left, right or both` });
    }
  });

  it('takes a symptom by its first letter, and refuses a letter or a word that names none', () => {
    expect(['p', 'P', ' p ', 'ｐ'].map((typed) => parseSetting('symptom', typed))).toEqual(Array(4).fill({ ok: true, value: 'pain' }));
    expect(['t', 'T'].map((typed) => parseSetting('symptom', typed))).toEqual(Array(2).fill({ ok: true, value: 'tightness' }));
    expect(['d', 'D'].map((typed) => parseSetting('symptom', typed))).toEqual(Array(2).fill({ ok: true, value: 'discomfort' }));
    for (const typed of ['x', 'pt', 'pa', 'tight', 'p t']) {
      expect(parseSetting('symptom', typed)).toEqual({ ok: false, reason: `"${typed}" is not a valid symptom: use pain, tightness or discomfort` });
    }
  });

  it('refuses a test movement on more than one line, naming the tab or line break', () => {
    expect(parseSetting('movement', 'walking\tuphill')).toEqual({ ok: false, reason: 'the movement holds a tab: use a short description in plain text on one line, up to 200 characters' });
    expect(parseSetting('movement', 'walking\nuphill')).toEqual({ ok: false, reason: 'the movement holds a line break: use a short description in plain text on one line, up to 200 characters' });
  });

  it('quotes a long value by its first 39 characters and its length, never splitting an emoji', () => {
    const forty = 'x'.repeat(40);
    expect(parseSetting('side', forty)).toEqual({ ok: false, reason: `"${forty}" is not a valid side: use left, right or both` });
    expect(parseSetting('side', `${forty}x`)).toEqual({ ok: false, reason: `"${'x'.repeat(39)}…" (41 characters) is not a valid side: use left, right or both` });
    const withEmoji = `${'x'.repeat(38)}🦵 and more`;
    expect(parseSetting('side', withEmoji)).toEqual({ ok: false, reason: `"${'x'.repeat(38)}…" (${withEmoji.length} characters) is not a valid side: use left, right or both` });
  });
});

describe('findSettingKey', () => {
  it('takes a setting named in any case', () => {
    expect(findSettingKey('MINIMPROVEMENT')).toEqual({ ok: true, key: 'minImprovement' });
    expect(findSettingKey('retestafterdays')).toEqual({ ok: true, key: 'retestAfterDays' });
  });

  it('names the two settings near a name it does not know', () => {
    expect(findSettingKey('me')).toEqual({
      ok: false,
      reason: 'there is no setting "me"',
      hint: 'Did you mean minImprovement or movement? The settings are: minImprovement, flareRise, retestAfterDays, side, symptom, movement.',
    });
  });
});
