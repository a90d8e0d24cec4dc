import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './csv.ts';

describe('CSV fields', () => {
  it.each([
    { value: 'plain', field: 'plain' },
    { value: '', field: '' },
    { value: null, field: '' },
    { value: undefined, field: '' },
    { value: 42, field: '42' },
    { value: -3.5, field: '-3.5' },
    { value: true, field: 'true' },
    { value: 'a,b', field: '"a,b"' },
    { value: 'say "hi"', field: '"say ""hi"""' },
    { value: 'two\nlines', field: '"two\nlines"' },
    { value: 'cr\rlf', field: '"cr\rlf"' },
    { value: ' padded ', field: ' padded ' },
    { value: '=SUM(A1:A9)', field: "'=SUM(A1:A9)" },
    { value: '+1 555', field: "'+1 555" },
    { value: '-5', field: "'-5" },
    { value: '@cmd', field: "'@cmd" },
    { value: '\tTAB', field: "'\tTAB" },
    { value: '\rCR', field: `"'\rCR"` },
    { value: '=HYPERLINK("http://x","y")', field: `"'=HYPERLINK(""http://x"",""y"")"` },
    { value: 'a=b', field: 'a=b' },
    { value: { sku: 'A', qty: 1 }, field: '"{""sku"":""A"",""qty"":1}"' },
    { value: ['x'], field: '"[""x""]"' },
  ])('$value → $field', ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it('a record ends with CRLF', () => {
    expect(csvRecord(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});
