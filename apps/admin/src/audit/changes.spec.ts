import { describe, expect, it } from '@jest/globals';
import { changesOf } from './changes';

describe('audit changes', () => {
  it('lines up before and after field by field and marks what changed', () => {
    expect(
      changesOf('{"name":"王小明","email":"a@x.tw"}', '{"email":"b@x.tw","name":"王小明","phone":"0912"}'),
    ).toEqual([
      { field: 'email', before: 'a@x.tw', after: 'b@x.tw', changed: true },
      { field: 'name', before: '王小明', after: '王小明', changed: false },
      { field: 'phone', before: null, after: '0912', changed: true },
    ]);
  });

  it('shows nested values as JSON and survives a missing side', () => {
    expect(changesOf(null, '{"filter":{"status":"ISSUED"}}')).toEqual([
      { field: 'filter', before: null, after: '{"status":"ISSUED"}', changed: true },
    ]);
    expect(changesOf(null, null)).toEqual([]);
    expect(changesOf('{"phone":null}', '{"phone":null}')).toEqual([
      { field: 'phone', before: null, after: null, changed: false },
    ]);
  });
});
